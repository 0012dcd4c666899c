/** Sliding-window rate limiter: at most `limit` allowed requests per user in any `windowMs`. */
class PlaybackRateLimiter {
  /**
   * @param {number} limit Allowed requests per window, per user (>= 1).
   * @param {number} windowMs Window length in milliseconds (>= 1).
   */
  constructor(limit, windowMs) {
    throw new Error('PlaybackRateLimiter is not implemented yet');
  }

  /**
   * Whether this request is allowed (and then recorded). Allowed when the user has fewer than `limit`
   * allowed requests in (timestampMs - windowMs, timestampMs]. Rejected requests are not recorded.
   * A timestamp earlier than the latest one seen (any user) is out of order: false, nothing recorded.
   * @param {string} userId
   * @param {number} timestampMs
   * @returns {boolean}
   */
  allow(userId, timestampMs) {
    throw new Error('allow is not implemented yet');
  }
}
