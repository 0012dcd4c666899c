// WRONG (missing operation): computes len(a) + len(b) - 2·LCS, the distance with inserts and
// deletes only. A substitution then costs 2 instead of 1, e.g. kitten → sitting gives 5, not 3.
function titleEditDistance(source, target) {
  let prev = new Array(target.length + 1).fill(0);
  for (let i = 1; i <= source.length; i++) {
    const cur = [0];
    for (let j = 1; j <= target.length; j++) {
      cur[j] = source[i - 1] === target[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    }
    prev = cur;
  }
  return source.length + target.length - 2 * prev[target.length];
}
