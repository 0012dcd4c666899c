/**
 * Count each user's viewing sessions.
 *
 * @param {Array<[string, number]>} events [userId, timestampSeconds] pairs, in any order, possibly repeated.
 * @param {number} gap Neighbouring events of a user at most `gap` seconds apart share a session.
 * @returns {Record<string, number> | Map<string, number>} userId -> number of sessions, for every user with an event.
 * @throws if gap or any timestamp is negative.
 */
function countSessions(events, gap) {
  throw new Error('countSessions is not implemented yet');
}
