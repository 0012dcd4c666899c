package main

import (
	"fmt"
	"math"
)

// cheapestRoute: Bellman-Ford by rounds, O(min(maxHops, n) * len(links)) time, O(n) extra space.
//
// Invariant: after round h, cost[v] is the cheapest price of a route src -> v with at most h links. Each
// round relaxes from the previous round's costs (prev), so it adds at most one link.
func cheapestRoute(n int, links [][]int, src int, dst int, maxHops int) int {
	checkNode := func(v int) {
		if v < 0 || v >= n {
			panic(fmt.Sprintf("node %d is outside 0..%d", v, n-1))
		}
	}
	if maxHops < 0 {
		panic(fmt.Sprintf("maxHops must not be negative, got %d", maxHops))
	}
	checkNode(src)
	checkNode(dst)
	for _, link := range links {
		checkNode(link[0])
		checkNode(link[1])
		if link[2] < 0 {
			panic(fmt.Sprintf("link %d -> %d has a negative price %d", link[0], link[1], link[2]))
		}
	}
	const unreached = math.MaxInt64
	cost := make([]int, n)
	for i := range cost {
		cost[i] = unreached
	}
	cost[src] = 0
	// With non-negative prices a cheapest route never repeats a node, so n - 1 rounds always suffice.
	rounds := maxHops
	if n-1 < rounds {
		rounds = n - 1
	}
	for round := 0; round < rounds; round++ {
		prev := cost
		cost = append([]int(nil), prev...)
		changed := false
		for _, link := range links {
			u, v, price := link[0], link[1], link[2]
			if prev[u] == unreached {
				continue
			}
			if through := prev[u] + price; through < cost[v] {
				cost[v] = through
				changed = true
			}
		}
		if !changed {
			break // a round that improves nothing proves every later round improves nothing
		}
	}
	if cost[dst] == unreached {
		return -1
	}
	return cost[dst]
}
