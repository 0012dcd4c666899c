/**
 * Return the length of the longest run of consecutive day numbers present in `days`.
 *
 * @param {number[]} days Day numbers in any order; the same day may appear several times.
 * @returns {number} The longest streak length, or 0 when `days` is empty.
 */
function longestStreak(days) {
  throw new Error('longestStreak is not implemented yet');
}
