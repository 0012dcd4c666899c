// WRONG (edge case): lowercases both titles first, so "dark" and "Dark" come out at distance 0,
// although the statement says the comparison is case-sensitive.
function titleEditDistance(source: string, target: string): number {
  const a = source.toLowerCase();
  const b = target.toLowerCase();
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1] : 1 + Math.min(prev[j - 1], prev[j], cur[j - 1]);
    }
    prev = cur;
  }
  return prev[b.length];
}
