/**
 * Levenshtein distance, bottom-up, keeping one row.
 *
 * Invariant: before row i is built, prev[j] is the distance between source[0..i-1) and
 * target[0..j); cur[j] becomes the distance between source[0..i) and target[0..j).
 * O(n·m) time, O(m) extra space.
 * @param {string} source
 * @param {string} target
 * @returns {number}
 */
function titleEditDistance(source, target) {
  const m = target.length;
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= source.length; i++) {
    cur[0] = i;
    const sChar = source.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      if (sChar === target.charCodeAt(j - 1)) {
        cur[j] = prev[j - 1];
      } else {
        // Substitute, delete from source, insert into source.
        cur[j] = 1 + Math.min(prev[j - 1], prev[j], cur[j - 1]);
      }
    }
    [prev, cur] = [cur, prev];
  }
  return prev[m];
}
