/** Classifies each event of a stream as a retry of one of the previous `windowSize` events. */
class StreamDeduplicator {
  /**
   * @param windowSize How many previous calls an id is remembered for (>= 1).
   */
  constructor(windowSize: number) {
    throw new Error('StreamDeduplicator is not implemented yet');
  }

  /**
   * Whether eventId occurs among the previous windowSize calls (duplicates included).
   * Every call counts as an event of the stream. Memory must stay O(windowSize).
   */
  isDuplicate(eventId: number): boolean {
    throw new Error('isDuplicate is not implemented yet');
  }
}
