/**
 * Ring buffer of the last windowSize ids plus a count of each id in it.
 *
 * O(1) per call, O(windowSize) memory.
 * Invariant: before each call, the ring holds the ids of the previous min(calls, windowSize) calls
 * (the oldest at `next` once full), and counts.get(id) is how many times id occurs in the ring; ids
 * that do not occur have no entry, so the map never outgrows the window.
 */
class StreamDeduplicator {
  /** @param {number} windowSize */
  constructor(windowSize) {
    this.windowSize = windowSize;
    this.ring = [];
    this.next = 0;
    /** @type {Map<number, number>} */
    this.counts = new Map();
  }

  /**
   * @param {number} eventId
   * @returns {boolean}
   */
  isDuplicate(eventId) {
    const duplicate = this.counts.has(eventId);
    if (this.ring.length < this.windowSize) {
      this.ring.push(eventId);
    } else {
      const oldest = this.ring[this.next];
      const left = this.counts.get(oldest) - 1;
      if (left === 0) this.counts.delete(oldest);
      else this.counts.set(oldest, left);
      this.ring[this.next] = eventId;
      this.next = this.next + 1 === this.windowSize ? 0 : this.next + 1;
    }
    this.counts.set(eventId, (this.counts.get(eventId) ?? 0) + 1);
    return duplicate;
  }
}
