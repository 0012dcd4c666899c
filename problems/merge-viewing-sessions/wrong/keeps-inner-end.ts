// WRONG (edge case): when merging, always takes the later session's end instead of the larger end,
// so a session nested inside another one cuts the outer session short.
function mergeSessions(sessions: number[][]): number[][] {
  for (const [start, end] of sessions) {
    if (start < 0 || end < 0 || start > end) throw new Error('corrupt session');
  }
  const sorted = sessions.map(([s, e]) => [s, e]).sort((a, b) => a[0] - b[0]);
  const merged: number[][] = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = end;
    else merged.push([start, end]);
  }
  return merged;
}
