// WRONG (too slow): correct answers, but looks for each id in the whole history of the stream, from its
// end: an id not seen in the window (most of them) costs a scan of every earlier event, O(n) per call,
// O(n²) for a stream of n events. A million events never finish.
class StreamDeduplicator {
  constructor(windowSize) {
    this.windowSize = windowSize;
    this.history = [];
  }

  isDuplicate(eventId) {
    const last = this.history.lastIndexOf(eventId);
    const duplicate = last !== -1 && this.history.length - last <= this.windowSize;
    this.history.push(eventId);
    return duplicate;
  }
}

module.exports = { StreamDeduplicator };
