package main

import (
	"container/heap"
	"fmt"
)

type adCount struct {
	id    string
	count int
}

// worstFirst is a min-heap of ads: its root ranks lowest (fewer impressions, or equal and a larger id).
type worstFirst []adCount

func (h worstFirst) Len() int { return len(h) }
func (h worstFirst) Less(i, j int) bool {
	return h[i].count < h[j].count || (h[i].count == h[j].count && h[i].id > h[j].id)
}
func (h worstFirst) Swap(i, j int)       { h[i], h[j] = h[j], h[i] }
func (h *worstFirst) Push(x interface{}) { *h = append(*h, x.(adCount)) }
func (h *worstFirst) Pop() interface{} {
	old := *h
	last := old[len(old)-1]
	*h = old[:len(old)-1]
	return last
}

// topKAds: the k ad ids with the most impressions, by count descending then id ascending.
//
// O(n + u log k) time and O(u) extra space for u distinct ads. Invariant: the heap holds the best
// min(k, ads seen) ads so far; its root is the worst of them.
func topKAds(impressions []string, k int) []string {
	if k < 0 {
		panic(fmt.Sprintf("k must not be negative, got %d", k))
	}
	counts := map[string]int{}
	for _, ad := range impressions {
		counts[ad]++
	}
	h := &worstFirst{}
	for id, count := range counts {
		entry := adCount{id, count}
		if h.Len() < k {
			heap.Push(h, entry)
		} else if k > 0 && ((*h)[0].count < count || ((*h)[0].count == count && (*h)[0].id > id)) {
			(*h)[0] = entry
			heap.Fix(h, 0)
		}
	}
	ranked := make([]string, h.Len())
	for i := len(ranked) - 1; i >= 0; i-- {
		ranked[i] = heap.Pop(h).(adCount).id
	}
	return ranked
}
