/** One user's allowed timestamps, oldest first; entries before `head` have left the window. */
interface UserLog {
  times: number[];
  head: number;
}

/**
 * Sliding-window log per user.
 *
 * Amortised O(1) per call (each timestamp is pushed and dropped at most once); O(users × limit) memory.
 * Invariant: after a call for user u at time t, the live part of u's log (from `head`) holds, oldest
 * first, exactly the timestamps of u's allowed requests in (t - windowMs, t].
 * A Map (not a plain object) so ids such as "constructor" or "__proto__" are ordinary keys.
 */
class PlaybackRateLimiter {
  private readonly users = new Map<string, UserLog>();
  private latest = -Infinity;

  constructor(private readonly limit: number, private readonly windowMs: number) {}

  allow(userId: string, timestampMs: number): boolean {
    if (timestampMs < this.latest) return false;
    this.latest = timestampMs;
    let log = this.users.get(userId);
    if (!log) {
      log = { times: [], head: 0 };
      this.users.set(userId, log);
    }
    const horizon = timestampMs - this.windowMs;
    while (log.head < log.times.length && log.times[log.head] <= horizon) log.head++;
    // Compact now and then so dropped timestamps do not pile up (Array.shift would be O(n)).
    if (log.head > 1024 && log.head * 2 > log.times.length) {
      log.times = log.times.slice(log.head);
      log.head = 0;
    }
    if (log.times.length - log.head >= this.limit) return false;
    log.times.push(timestampMs);
    return true;
  }
}
