/**
 * Sliding-window log per user.
 *
 * Amortised O(1) per call (each timestamp is pushed and dropped at most once); O(users × limit) memory.
 * Invariant: after a call for user u at time t, the live part of u's queue (from `head`) holds, oldest
 * first, exactly the timestamps of u's allowed requests in (t - windowMs, t].
 * A Map (not a plain object) so ids such as "constructor" or "__proto__" are ordinary keys.
 */
class PlaybackRateLimiter {
  /**
   * @param {number} limit
   * @param {number} windowMs
   */
  constructor(limit, windowMs) {
    this.limit = limit;
    this.windowMs = windowMs;
    /** @type {Map<string, {times: number[], head: number}>} */
    this.users = new Map();
    this.latest = -Infinity;
  }

  /**
   * @param {string} userId
   * @param {number} timestampMs
   * @returns {boolean}
   */
  allow(userId, timestampMs) {
    if (timestampMs < this.latest) return false;
    this.latest = timestampMs;
    let q = this.users.get(userId);
    if (!q) {
      q = { times: [], head: 0 };
      this.users.set(userId, q);
    }
    const horizon = timestampMs - this.windowMs;
    while (q.head < q.times.length && q.times[q.head] <= horizon) q.head++;
    // Compact now and then so dropped timestamps do not pile up (Array.shift would be O(n)).
    if (q.head > 1024 && q.head * 2 > q.times.length) {
      q.times = q.times.slice(q.head);
      q.head = 0;
    }
    if (q.times.length - q.head >= this.limit) return false;
    q.times.push(timestampMs);
    return true;
  }
}
