import java.util.HashMap;
import java.util.Map;

/**
 * The last windowSize ids in a ring buffer, and a count of each id in it. O(1) per call, O(windowSize) memory.
 * Before each call, the ring holds the ids of the previous min(calls, windowSize) calls and counts.get(id) is how
 * many times id occurs in it (ids that do not occur have no entry).
 */
class StreamDeduplicator {
    private final int[] ring;
    private int size;
    private int next;
    private final Map<Integer, Integer> counts = new HashMap<>();

    public StreamDeduplicator(int windowSize) {
        ring = new int[windowSize];
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
