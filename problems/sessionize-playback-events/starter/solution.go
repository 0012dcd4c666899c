package main

// countSessions counts each user's viewing sessions.
//
// events are [userId, timestampSeconds] pairs (a string and an int), in any order, possibly repeated.
// Neighbouring events of a user at most gap seconds apart share a session. It returns userId -> number of
// sessions for every user with an event, and panics if gap or any timestamp is negative.
func countSessions(events [][]interface{}, gap int) map[string]int {
	panic("countSessions is not implemented yet")
}
