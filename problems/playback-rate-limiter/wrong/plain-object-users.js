// WRONG (edge case): keeps users in a plain object, so a user id that names an inherited property
// ("constructor", "__proto__", "toString") finds a function or Object.prototype instead of a queue.
class PlaybackRateLimiter {
  constructor(limit, windowMs) {
    this.limit = limit;
    this.windowMs = windowMs;
    this.users = {};
    this.latest = -Infinity;
  }

  allow(userId, timestampMs) {
    if (timestampMs < this.latest) return false;
    this.latest = timestampMs;
    const q = this.users[userId] || (this.users[userId] = []);
    while (q.length > 0 && q[0] <= timestampMs - this.windowMs) q.shift();
    if (q.length >= this.limit) return false;
    q.push(timestampMs);
    return true;
  }
}
