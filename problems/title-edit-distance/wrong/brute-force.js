// WRONG (too slow): the recurrence is right, but without memoisation every mismatch branches three
// ways and the same (i, j) pairs are recomputed over and over: exponential time.
function titleEditDistance(source, target) {
  function go(i, j) {
    if (i === 0) return j;
    if (j === 0) return i;
    if (source[i - 1] === target[j - 1]) return go(i - 1, j - 1);
    return 1 + Math.min(go(i - 1, j - 1), go(i - 1, j), go(i, j - 1));
  }
  return go(source.length, target.length);
}
