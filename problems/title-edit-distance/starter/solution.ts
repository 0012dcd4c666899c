/**
 * Return the minimum number of single-character inserts, deletes and substitutions
 * that turn `source` into `target` (case-sensitive; either may be empty; up to 2,000 chars).
 */
function titleEditDistance(source: string, target: string): number {
  throw new Error('titleEditDistance is not implemented yet');
}
