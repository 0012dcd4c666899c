/**
 * Merged sessions sorted by start; touching sessions merge. Throws on a corrupt session.
 *
 * O(n log n) time for the sort, O(n) extra space for the sorted copy and the result.
 * Invariant: after each step, the last merged session is the union of every session seen so far that
 * reaches it, and no later session (sorted by start) can reach an earlier one.
 * @param {number[][]} sessions
 * @returns {number[][]}
 */
function mergeSessions(sessions) {
  for (const [start, end] of sessions) {
    if (start < 0 || end < 0 || start > end) {
      throw new RangeError(`corrupt session [${start}, ${end}]`);
    }
  }
  // A numeric comparator: the default sort compares as strings ("10" < "9").
  const sorted = sessions.map(([s, e]) => [s, e]).sort((a, b) => a[0] - b[0]);
  const merged = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) {
      last[1] = Math.max(last[1], end);
    } else {
      merged.push([start, end]);
    }
  }
  return merged;
}
