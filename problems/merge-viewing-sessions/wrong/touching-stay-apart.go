package main

// Known wrong: sessions that only touch are not merged.

import (
	"fmt"
	"sort"
)

// mergeSessions: merged sessions sorted by start; touching sessions merge. Panics on a corrupt session.
//
// O(n log n) time for the sort, O(n) extra space for the sorted copy and the result. Invariant: after each
// step, the last merged session is the union of every session seen so far that reaches it, and no later
// session (sorted by start) can reach an earlier one.
func mergeSessions(sessions [][]int) [][]int {
	for _, s := range sessions {
		if s[0] < 0 || s[1] < 0 || s[0] > s[1] {
			panic(fmt.Sprintf("corrupt session [%d, %d]", s[0], s[1]))
		}
	}
	sorted := make([][]int, len(sessions))
	for i, s := range sessions {
		sorted[i] = []int{s[0], s[1]}
	}
	sort.Slice(sorted, func(i, j int) bool { return sorted[i][0] < sorted[j][0] })
	merged := [][]int{}
	for _, s := range sorted {
		if n := len(merged); n > 0 && s[0] < merged[n-1][1] {
			if s[1] > merged[n-1][1] {
				merged[n-1][1] = s[1]
			}
		} else {
			merged = append(merged, s)
		}
	}
	return merged
}
