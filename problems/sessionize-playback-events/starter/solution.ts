/**
 * Count each user's viewing sessions.
 *
 * @param events [userId, timestampSeconds] pairs, in any order, possibly repeated.
 * @param gap Neighbouring events of a user at most `gap` seconds apart share a session.
 * @returns userId -> number of sessions, for every user with an event (a plain object or a Map).
 * @throws if gap or any timestamp is negative.
 */
function countSessions(events: [string, number][], gap: number): Record<string, number> | Map<string, number> {
  throw new Error('countSessions is not implemented yet');
}
