/**
 * Return the minimum number of single-character inserts, deletes and substitutions
 * that turn `source` into `target` (case-sensitive; either may be empty; up to 2,000 chars).
 *
 * @param {string} source
 * @param {string} target
 * @returns {number}
 */
function titleEditDistance(source, target) {
  throw new Error('titleEditDistance is not implemented yet');
}
