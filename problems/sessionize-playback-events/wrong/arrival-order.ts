// WRONG (ordering): measures gaps between a user's events in the order they arrived, without
// sorting, so shuffled uploads create sessions that do not exist (and negative gaps hide real ones).
function countSessions(events: [string, number][], gap: number): Record<string, number> {
  if (gap < 0) throw new RangeError('negative gap');
  const last = new Map<string, number>();
  const result: Record<string, number> = {};
  for (const [user, ts] of events) {
    if (ts < 0) throw new RangeError('negative timestamp');
    const prev = last.get(user);
    if (prev === undefined || Math.abs(ts - prev) > gap) result[user] = (result[user] ?? 0) + 1;
    last.set(user, ts);
  }
  return result;
}
