package main

// firstUniqueTitle returns the earliest title id that occurs exactly once in titles (title ids in watch
// order, case-sensitive, never empty strings), or "" when there is none.
func firstUniqueTitle(titles []string) string {
	panic("firstUniqueTitle is not implemented yet")
}
