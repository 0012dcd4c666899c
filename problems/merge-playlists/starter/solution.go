package main

/**
 * Definition for singly-linked list (the runner declares it).
 * type ListNode struct {
 *     Val int
 *     Next *ListNode
 * }
 */

// mergePlaylists merges k sorted linked lists of release timestamps into one sorted linked list, keeping
// duplicates. Any head may be nil; each list is sorted non-decreasing. It returns nil when there are no
// timestamps at all.
func mergePlaylists(playlists []*ListNode) *ListNode {
	panic("mergePlaylists is not implemented yet")
}
