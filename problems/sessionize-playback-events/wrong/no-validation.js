// WRONG (invalid input): computes sessions correctly but never validates, so a negative gap or a
// negative timestamp returns a result instead of throwing as the statement requires.
function countSessions(events, gap) {
  const byUser = new Map();
  for (const [user, ts] of events) {
    if (!byUser.has(user)) byUser.set(user, []);
    byUser.get(user).push(ts);
  }
  const result = new Map();
  for (const [user, stamps] of byUser) {
    stamps.sort((a, b) => a - b);
    let count = 1;
    for (let i = 1; i < stamps.length; i++) if (stamps[i] - stamps[i - 1] > gap) count++;
    result.set(user, count);
  }
  return result;
}
