// WRONG (edge case): sorts with Array.prototype.sort's default comparator, which compares the pairs
// as strings: [10, 12] sorts before [9, 11], so sessions are merged out of order.
function mergeSessions(sessions) {
  for (const [start, end] of sessions) {
    if (start < 0 || end < 0 || start > end) throw new Error('corrupt session');
  }
  const sorted = sessions.map(([s, e]) => [s, e]).sort();
  const merged = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}
