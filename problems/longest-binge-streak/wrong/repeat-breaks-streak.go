package main

// Known wrong: a repeated day breaks the streak.

import "sort"

// longestStreak: O(n) time, O(n) extra space.
// Invariant: a run is counted only from its first day (d - 1 absent), so each distinct day is stepped over
// at most once by the inner loop and once by the outer loop.
func longestStreak(days []int) int {
	sorted := append([]int(nil), days...)
	sort.Ints(sorted)
	best, run := 0, 0
	for i, d := range sorted {
		if i > 0 && d == sorted[i-1]+1 {
			run++
		} else {
			run = 1
		}
		if run > best {
			best = run
		}
	}
	return best
}
