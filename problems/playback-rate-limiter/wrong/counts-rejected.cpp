#include <vector>
#include <string>
#include <unordered_map>
#include <stdexcept>
using namespace std;
#include <deque>
#include <climits>

// Wrong: records rejected requests too, so a user who keeps retrying is locked out for good.
class PlaybackRateLimiter {
    size_t limit;
    long long windowMs;
    unordered_map<string, deque<long long>> seen;
    long long latest = LLONG_MIN;

public:
    PlaybackRateLimiter(int limit, int windowMs) : limit(limit), windowMs(windowMs) {}

    bool allow(string userId, long long timestampMs) {
        if (timestampMs < latest) return false;
        latest = timestampMs;
        deque<long long>& queue = seen[userId];
        while (!queue.empty() && queue.front() <= timestampMs - windowMs) queue.pop_front();
        bool ok = queue.size() < limit;
        queue.push_back(timestampMs);
        return ok;
    }
};
