package main

// Known wrong: only sees repeats that are next to each other.

// firstUniqueTitle: two passes, O(n) time and O(u) extra space for u distinct ids.
// Invariant: after the first pass, counts[t] is the number of times t occurs in the whole history.
func firstUniqueTitle(titles []string) string {
	for i, title := range titles {
		if (i == 0 || titles[i-1] != title) && (i+1 == len(titles) || titles[i+1] != title) {
			return title
		}
	}
	return ""
}
