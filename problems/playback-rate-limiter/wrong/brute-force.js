// WRONG (too slow): correct answers, but keeps every allowed timestamp forever and counts the ones in
// the window by filtering the user's whole history on every call: O(history) per call.
class PlaybackRateLimiter {
  constructor(limit, windowMs) {
    this.limit = limit;
    this.windowMs = windowMs;
    this.history = new Map();
    this.latest = -Infinity;
  }

  allow(userId, timestampMs) {
    if (timestampMs < this.latest) return false;
    this.latest = timestampMs;
    if (!this.history.has(userId)) this.history.set(userId, []);
    const history = this.history.get(userId);
    if (history.filter((t) => t > timestampMs - this.windowMs).length >= this.limit) return false;
    history.push(timestampMs);
    return true;
  }
}
