// WRONG (too slow): correct answers, but for every entry it walks upward checking membership with
// Array.prototype.includes, a linear scan: O(n²) at best, O(n³) on long streaks. Times out on the
// 100,000-entry logs.
function longestStreak(days) {
  let best = 0;
  for (const day of days) {
    let end = day;
    while (days.includes(end + 1)) end++;
    best = Math.max(best, end - day + 1);
  }
  return best;
}
