// WRONG (edge case): ignores the out-of-order rule, so a request older than the latest call is judged
// (and recorded) as if it were on time.
class PlaybackRateLimiter {
  private readonly users = new Map<string, number[]>();

  constructor(private readonly limit: number, private readonly windowMs: number) {}

  allow(userId: string, timestampMs: number): boolean {
    const q = this.users.get(userId) ?? [];
    this.users.set(userId, q);
    while (q.length > 0 && q[0] <= timestampMs - this.windowMs) q.shift();
    if (q.length >= this.limit) return false;
    q.push(timestampMs);
    return true;
  }
}
