// WRONG (too slow): correct, but collects each user's timestamps by scanning every event again:
// O(U * N). Times out with 25,000 users and 75,000 events.
function countSessions(events, gap) {
  if (gap < 0) throw new RangeError('negative gap');
  const users = [];
  const seen = new Set();
  for (const [user, ts] of events) {
    if (ts < 0) throw new RangeError('negative timestamp');
    if (!seen.has(user)) { seen.add(user); users.push(user); }
  }
  const result = {};
  for (const user of users) {
    const stamps = [];
    for (const [u, ts] of events) if (u === user) stamps.push(ts);
    stamps.sort((a, b) => a - b);
    let count = 1;
    for (let i = 1; i < stamps.length; i++) if (stamps[i] - stamps[i - 1] > gap) count++;
    result[user] = count;
  }
  return result;
}
