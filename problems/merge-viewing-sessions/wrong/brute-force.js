// WRONG (too slow): correct answers, but compares every pair of sessions and joins overlapping ones
// with union-find: O(n²) pair checks. Times out on the 60,000-session inputs.
function mergeSessions(sessions) {
  for (const [start, end] of sessions) {
    if (start < 0 || end < 0 || start > end) throw new Error('corrupt session');
  }
  const n = sessions.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (x) => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (sessions[i][0] <= sessions[j][1] && sessions[j][0] <= sessions[i][1]) parent[find(i)] = find(j);
    }
  }
  const groups = new Map();
  sessions.forEach(([start, end], i) => {
    const root = find(i);
    const g = groups.get(root);
    groups.set(root, g ? [Math.min(g[0], start), Math.max(g[1], end)] : [start, end]);
  });
  return [...groups.values()].sort((a, b) => a[0] - b[0]);
}
