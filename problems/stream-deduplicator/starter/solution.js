/** Classifies each event of a stream as a retry of one of the previous `windowSize` events. */
class StreamDeduplicator {
  /**
   * @param {number} windowSize How many previous calls an id is remembered for (>= 1).
   */
  constructor(windowSize) {
    throw new Error('StreamDeduplicator is not implemented yet');
  }

  /**
   * Whether eventId occurs among the previous windowSize calls (duplicates included).
   * Every call counts as an event of the stream. Memory must stay O(windowSize).
   * @param {number} eventId
   * @returns {boolean}
   */
  isDuplicate(eventId) {
    throw new Error('isDuplicate is not implemented yet');
  }
}
