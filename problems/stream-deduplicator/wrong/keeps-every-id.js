// WRONG (too much memory): correct answers, but remembers every id ever seen with the position of its
// last occurrence. Memory grows with the stream, and a million distinct ids exceed the 32 MB limit.
class StreamDeduplicator {
  constructor(windowSize) {
    this.windowSize = windowSize;
    this.lastSeen = new Map();
    this.calls = 0;
  }

  isDuplicate(eventId) {
    const position = this.calls++;
    const last = this.lastSeen.get(eventId);
    this.lastSeen.set(eventId, position);
    return last !== undefined && position - last <= this.windowSize;
  }
}
