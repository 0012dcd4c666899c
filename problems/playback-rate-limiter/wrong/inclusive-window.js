// WRONG (edge case): keeps a request that is exactly windowMs old inside the window (uses < instead
// of <= when dropping), so at t = first + windowMs the user is still rejected.
class PlaybackRateLimiter {
  constructor(limit, windowMs) {
    this.limit = limit;
    this.windowMs = windowMs;
    this.users = new Map();
    this.latest = -Infinity;
  }

  allow(userId, timestampMs) {
    if (timestampMs < this.latest) return false;
    this.latest = timestampMs;
    if (!this.users.has(userId)) this.users.set(userId, []);
    const q = this.users.get(userId);
    while (q.length > 0 && q[0] < timestampMs - this.windowMs) q.shift();
    if (q.length >= this.limit) return false;
    q.push(timestampMs);
    return true;
  }
}
