#include <vector>
#include <string>
#include <unordered_map>
#include <stdexcept>
using namespace std;

/** Sliding-window rate limiter: at most `limit` allowed requests per user in any `windowMs`. */
class PlaybackRateLimiter {
public:
    /** limit: allowed requests per window, per user (>= 1); windowMs: window length (>= 1). */
    PlaybackRateLimiter(int limit, int windowMs) {
        throw std::logic_error("not implemented");
    }

    /**
     * Whether this request is allowed (and then recorded): the user has fewer than `limit` allowed requests
     * in (timestampMs - windowMs, timestampMs]. Rejected requests are not recorded. A timestamp earlier than
     * the latest one seen (any user) is out of order: false, nothing recorded.
     */
    bool allow(string userId, long long timestampMs) {
        throw std::logic_error("not implemented");
    }
};
