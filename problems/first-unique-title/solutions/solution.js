/**
 * Earliest title id occurring exactly once, or "".
 *
 * Two passes, O(n) time and O(u) extra space for u distinct ids.
 * Invariant: after the first pass, counts.get(t) is the number of times t occurs in the whole
 * history. A Map (not a plain object) so that ids such as "toString" or "__proto__" are ordinary keys.
 * @param {string[]} titles
 * @returns {string}
 */
function firstUniqueTitle(titles) {
  const counts = new Map();
  for (const title of titles) {
    counts.set(title, (counts.get(title) ?? 0) + 1);
  }
  for (const title of titles) {
    if (counts.get(title) === 1) {
      return title;
    }
  }
  return '';
}
