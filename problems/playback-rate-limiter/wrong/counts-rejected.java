import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/** Wrong: records rejected requests too, so a user who keeps retrying stays blocked. */
class PlaybackRateLimiter {
    private final int limit;
    private final long windowMs;
    private final Map<String, ArrayDeque<Long>> seen = new HashMap<>();
    private long latest = Long.MIN_VALUE;

    public PlaybackRateLimiter(int limit, int windowMs) {
        this.limit = limit;
        this.windowMs = windowMs;
    }

    public boolean allow(String userId, long timestampMs) {
        if (timestampMs < latest) return false;
        latest = timestampMs;
        ArrayDeque<Long> queue = seen.computeIfAbsent(userId, k -> new ArrayDeque<>());
        while (!queue.isEmpty() && queue.peekFirst() <= timestampMs - windowMs) queue.pollFirst();
        boolean ok = queue.size() < limit;
        queue.addLast(timestampMs);
        return ok;
    }
}
