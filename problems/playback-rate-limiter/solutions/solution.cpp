#include <vector>
#include <string>
#include <unordered_map>
#include <stdexcept>
using namespace std;
#include <deque>
#include <climits>

/**
 * A sliding-window log per user: amortised O(1) per call, O(users x limit) memory.
 * Invariant: after a call for user u at time t, allowed[u] holds, oldest first, exactly the timestamps of
 * u's allowed requests in (t - windowMs, t].
 */
class PlaybackRateLimiter {
    size_t limit;
    long long windowMs;
    unordered_map<string, deque<long long>> allowed;
    long long latest = LLONG_MIN;

public:
    PlaybackRateLimiter(int limit, int windowMs) : limit(limit), windowMs(windowMs) {}

    bool allow(string userId, long long timestampMs) {
        if (timestampMs < latest) return false;
        latest = timestampMs;
        deque<long long>& queue = allowed[userId];
        while (!queue.empty() && queue.front() <= timestampMs - windowMs) queue.pop_front();
        if (queue.size() >= limit) return false;
        queue.push_back(timestampMs);
        return true;
    }
};
