import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Sliding-window log per user: amortised O(1) per call (each timestamp is added and removed at most once),
 * O(users x limit) memory. After a call for user u at time t, allowed.get(u) holds, oldest first, exactly the
 * timestamps of u's allowed requests in (t - windowMs, t].
 */
class PlaybackRateLimiter {
    private final int limit;
    private final long windowMs;
    private final Map<String, ArrayDeque<Long>> allowed = new HashMap<>();
    private long latest = Long.MIN_VALUE;

    public PlaybackRateLimiter(int limit, int windowMs) {
        this.limit = limit;
        this.windowMs = windowMs;
    }

    public boolean allow(String userId, long timestampMs) {
        if (timestampMs < latest) return false;
        latest = timestampMs;
        ArrayDeque<Long> queue = allowed.computeIfAbsent(userId, k -> new ArrayDeque<>());
        long horizon = timestampMs - windowMs;
        while (!queue.isEmpty() && queue.peekFirst() <= horizon) queue.pollFirst();
        if (queue.size() >= limit) return false;
        queue.addLast(timestampMs);
        return true;
    }
}
