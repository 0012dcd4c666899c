package main

// StreamDeduplicator classifies each event of a stream as a retry of one of the previous windowSize events.
type StreamDeduplicator struct {
}

// Constructor takes how many previous calls an id is remembered for (>= 1).
func Constructor(windowSize int) StreamDeduplicator {
	panic("StreamDeduplicator is not implemented yet")
}

// IsDuplicate says whether eventId occurs among the previous windowSize calls (duplicates included).
// Every call counts as an event of the stream. Memory must stay O(windowSize).
func (this *StreamDeduplicator) IsDuplicate(eventId int) bool {
	panic("IsDuplicate is not implemented yet")
}
