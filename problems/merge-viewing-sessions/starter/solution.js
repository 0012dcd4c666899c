/**
 * Merge overlapping or touching viewing sessions.
 *
 * @param {number[][]} sessions [start, end] pairs in any order, 0 <= start <= end.
 * @returns {number[][]} The merged [start, end] pairs sorted by start.
 * @throws {Error} When a session has start > end or a negative timestamp.
 */
function mergeSessions(sessions) {
  throw new Error('mergeSessions is not implemented yet');
}
