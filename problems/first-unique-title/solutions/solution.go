package main

// firstUniqueTitle: two passes, O(n) time and O(u) extra space for u distinct ids.
// Invariant: after the first pass, counts[t] is the number of times t occurs in the whole history.
func firstUniqueTitle(titles []string) string {
	counts := make(map[string]int, len(titles))
	for _, title := range titles {
		counts[title]++
	}
	for _, title := range titles {
		if counts[title] == 1 {
			return title
		}
	}
	return ""
}
