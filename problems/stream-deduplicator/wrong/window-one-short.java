import java.util.HashMap;
import java.util.Map;

/** Wrong: the window holds windowSize - 1 previous ids, so a repeat exactly windowSize calls later is missed. */
class StreamDeduplicator {
    private final int[] ring;
    private int size;
    private int next;
    private final Map<Integer, Integer> counts = new HashMap<>();

    public StreamDeduplicator(int windowSize) {
        ring = new int[Math.max(1, windowSize - 1)];
    }

    public boolean isDuplicate(int eventId) {
        boolean duplicate = counts.containsKey(eventId);
        if (size == ring.length) {
            int oldest = ring[next];
            int left = counts.get(oldest) - 1;
            if (left == 0) counts.remove(oldest);
            else counts.put(oldest, left);
        } else {
            size++;
        }
        ring[next] = eventId;
        next = (next + 1) % ring.length;
        counts.merge(eventId, 1, Integer::sum);
        return duplicate;
    }
}
