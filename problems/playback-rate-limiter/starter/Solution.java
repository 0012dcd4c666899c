/** Sliding-window rate limiter: at most limit allowed requests per user in any windowMs. */
class PlaybackRateLimiter {
    /**
     * @param limit Allowed requests per window, per user (>= 1).
     * @param windowMs Window length in milliseconds (>= 1).
     */
    public PlaybackRateLimiter(int limit, int windowMs) {
        throw new UnsupportedOperationException("PlaybackRateLimiter is not implemented yet");
    }

    /**
     * Whether this request is allowed (and then recorded). Allowed when the user has fewer than limit allowed
     * requests in (timestampMs - windowMs, timestampMs]. Rejected requests are not recorded. A timestamp earlier
     * than the latest one seen (any user) is out of order: false, nothing recorded.
     */
    public boolean allow(String userId, long timestampMs) {
        throw new UnsupportedOperationException("allow is not implemented yet");
    }
}
