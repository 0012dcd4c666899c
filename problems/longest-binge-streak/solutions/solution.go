package main

// longestStreak: O(n) time, O(n) extra space.
// Invariant: a run is counted only from its first day (d - 1 absent), so each distinct day is stepped over
// at most once by the inner loop and once by the outer loop.
func longestStreak(days []int) int {
	present := make(map[int]bool, len(days))
	for _, d := range days {
		present[d] = true
	}
	best := 0
	for day := range present {
		if present[day-1] {
			continue
		}
		end := day
		for present[end+1] {
			end++
		}
		if end-day+1 > best {
			best = end - day + 1
		}
	}
	return best
}
