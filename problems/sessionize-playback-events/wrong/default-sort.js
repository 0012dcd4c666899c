// WRONG (ordering): calls stamps.sort() without a comparator, which sorts numbers as strings
// ("1000" < "20" < "3"), so users whose timestamps have different digit counts get wrong gaps.
function countSessions(events, gap) {
  if (gap < 0) throw new RangeError('negative gap');
  const byUser = new Map();
  for (const [user, ts] of events) {
    if (ts < 0) throw new RangeError('negative timestamp');
    if (!byUser.has(user)) byUser.set(user, []);
    byUser.get(user).push(ts);
  }
  const result = new Map();
  for (const [user, stamps] of byUser) {
    stamps.sort();
    let count = 1;
    for (let i = 1; i < stamps.length; i++) if (stamps[i] - stamps[i - 1] > gap) count++;
    result.set(user, count);
  }
  return result;
}
