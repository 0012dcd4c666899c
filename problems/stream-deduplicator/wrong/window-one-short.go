package main

// Known wrong: remembers one call fewer than the window.

// StreamDeduplicator is a ring buffer of the last windowSize ids plus a count of each id in it.
//
// O(1) per call, O(windowSize) memory. Invariant: before each call, the ring holds the ids of the previous
// min(calls, windowSize) calls (the oldest at next once full), and counts[id] is how many times id occurs
// in the ring; ids that do not occur have no entry, so the map never outgrows the window.
type StreamDeduplicator struct {
	windowSize int
	ring       []int
	next       int
	counts     map[int]int
}

func Constructor(windowSize int) StreamDeduplicator {
	return StreamDeduplicator{windowSize: windowSize, counts: map[int]int{}}
}

func (this *StreamDeduplicator) IsDuplicate(eventId int) bool {
	_, duplicate := this.counts[eventId]
	if len(this.ring) < this.windowSize-1 || this.windowSize == 1 {
		this.ring = append(this.ring, eventId)
	} else {
		oldest := this.ring[this.next]
		if left := this.counts[oldest] - 1; left == 0 {
			delete(this.counts, oldest)
		} else {
			this.counts[oldest] = left
		}
		this.ring[this.next] = eventId
		this.next = (this.next + 1) % this.windowSize
	}
	this.counts[eventId]++
	return duplicate
}
