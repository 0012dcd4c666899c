/**
 * Group by user, sort each user's timestamps, count the gaps wider than `gap`.
 *
 * Invariant: after sorting, a user's sessions are separated exactly by the neighbouring pairs
 * whose difference exceeds `gap`, so sessions = 1 + that count.
 * O(N log N) time, O(N) extra space. A Map keeps ids like "constructor" ordinary keys.
 * @param {Array<[string, number]>} events
 * @param {number} gap
 * @returns {Map<string, number>}
 */
function countSessions(events, gap) {
  if (gap < 0) {
    throw new RangeError(`gap must be non-negative, got ${gap}`);
  }
  const byUser = new Map();
  for (const [user, ts] of events) {
    if (ts < 0) {
      throw new RangeError(`negative timestamp ${ts} for user ${user}`);
    }
    const stamps = byUser.get(user);
    if (stamps === undefined) {
      byUser.set(user, [ts]);
    } else {
      stamps.push(ts);
    }
  }
  const sessions = new Map();
  for (const [user, stamps] of byUser) {
    // Numeric comparator: the default sort compares numbers as strings.
    stamps.sort((a, b) => a - b);
    let count = 1;
    for (let i = 1; i < stamps.length; i++) {
      if (stamps[i] - stamps[i - 1] > gap) count++;
    }
    sessions.set(user, count);
  }
  return sessions;
}
