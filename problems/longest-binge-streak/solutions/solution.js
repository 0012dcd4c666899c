/**
 * Length of the longest run of consecutive day numbers present in `days` (0 if empty).
 *
 * O(n) time, O(n) extra space.
 * Invariant: a run is counted only from its first day (d - 1 absent), so each distinct day is
 * stepped over at most once by the inner loop and once by the outer loop.
 * @param {number[]} days
 * @returns {number}
 */
function longestStreak(days) {
  const present = new Set(days);
  let best = 0;
  for (const day of present) {
    if (present.has(day - 1)) continue;
    let end = day;
    while (present.has(end + 1)) end++;
    best = Math.max(best, end - day + 1);
  }
  return best;
}
