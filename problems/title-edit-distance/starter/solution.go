package main

// titleEditDistance returns the minimum number of single-character inserts, deletes and substitutions that
// turn source into target (case-sensitive; either may be empty; up to 2,000 characters).
func titleEditDistance(source string, target string) int {
	panic("titleEditDistance is not implemented yet")
}
