// WRONG (edge case): measures the window from the first sighting of an id and never refreshes it on
// a retry, so a retry of a retry that is within the window of the previous copy but not of the original
// is treated as new. (It also keeps every id forever.)
class StreamDeduplicator {
  constructor(windowSize) {
    this.windowSize = windowSize;
    this.first = new Map();
    this.calls = 0;
  }

  isDuplicate(eventId) {
    const position = this.calls++;
    const first = this.first.get(eventId);
    if (first !== undefined && position - first <= this.windowSize) return true;
    this.first.set(eventId, position);
    return false;
  }
}
