package main

// cheapestRoute returns the cheapest price of a route from src to dst using at most maxHops links, or -1.
//
// Nodes are numbered 0..n-1. links are directed [from, to, price] links; prices >= 0; duplicates and
// self-loops allowed. 0 is returned when src == dst. It panics on a node outside 0..n-1, a negative price,
// or a negative maxHops.
func cheapestRoute(n int, links [][]int, src int, dst int, maxHops int) int {
	panic("cheapestRoute is not implemented yet")
}
