/**
 * Return the length of the longest run of consecutive day numbers present in `days`.
 *
 * @param days Day numbers in any order; the same day may appear several times.
 * @returns The longest streak length, or 0 when `days` is empty.
 */
function longestStreak(days: number[]): number {
  throw new Error('longestStreak is not implemented yet');
}
