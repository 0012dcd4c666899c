package main

// Known wrong: only inserts and deletes, never substitutes.

// titleEditDistance: Levenshtein distance over characters (runes), bottom-up, keeping one row.
//
// Invariant: before row i is built, prev[j] is the distance between source[:i-1] and target[:j]; cur[j]
// becomes the distance between source[:i] and target[:j]. O(n·m) time, O(m) extra space.
func titleEditDistance(source string, target string) int {
	s, t := []rune(source), []rune(target)
	m := len(t)
	prev := make([]int, m+1)
	cur := make([]int, m+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(s); i++ {
		cur[0] = i
		for j := 1; j <= m; j++ {
			if s[i-1] == t[j-1] {
				cur[j] = prev[j-1]
			} else {
				// Substitute, delete from source, insert into source.
				cur[j] = 1 + min(prev[j], cur[j-1])
			}
		}
		prev, cur = cur, prev
	}
	return prev[m]
}

func min(a, b int) int {
	if a < b {
		return a
	}
	return b
}
