// WRONG (edge case): starts the best streak at 1, as if every log had at least one day, so an empty
// log answers 1 instead of 0.
function longestStreak(days: number[]): number {
  const present = new Set<number>(days);
  let best = 1;
  for (const day of present) {
    if (present.has(day - 1)) continue;
    let end = day;
    while (present.has(end + 1)) end++;
    best = Math.max(best, end - day + 1);
  }
  return best;
}
