/**
 * Merge overlapping or touching viewing sessions.
 *
 * @param sessions [start, end] pairs in any order, 0 <= start <= end.
 * @returns The merged [start, end] pairs sorted by start.
 * @throws When a session has start > end or a negative timestamp.
 */
function mergeSessions(sessions: number[][]): number[][] {
  throw new Error('mergeSessions is not implemented yet');
}
