package main

// topKAds returns the ids of the k ads with the most impressions, best first.
//
// Ranking: more impressions first; equal counts by id ascending (plain string order). impressions holds one
// ad id per impression (case-sensitive). Every distinct id is returned when there are fewer than k, [] when
// k is 0. It panics when k is negative.
func topKAds(impressions []string, k int) []string {
	panic("topKAds is not implemented yet")
}
