package main

// Known wrong: events exactly gap apart start a new session.

import (
	"fmt"
	"sort"
)

// countSessions: group by user, sort each user's timestamps, count the gaps wider than gap.
//
// Invariant: after sorting, a user's sessions are separated exactly by the neighbouring pairs whose
// difference exceeds gap, so sessions = 1 + that count. O(N log N) time, O(N) extra space.
func countSessions(events [][]interface{}, gap int) map[string]int {
	if gap < 0 {
		panic(fmt.Sprintf("gap must be non-negative, got %d", gap))
	}
	byUser := map[string][]int{}
	for _, event := range events {
		user := event[0].(string)
		ts := event[1].(int)
		if ts < 0 {
			panic(fmt.Sprintf("negative timestamp %d for user %s", ts, user))
		}
		byUser[user] = append(byUser[user], ts)
	}
	sessions := make(map[string]int, len(byUser))
	for user, stamps := range byUser {
		sort.Ints(stamps)
		count := 1
		for i := 1; i < len(stamps); i++ {
			if stamps[i]-stamps[i-1] >= gap {
				count++
			}
		}
		sessions[user] = count
	}
	return sessions
}
