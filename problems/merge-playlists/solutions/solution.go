package main

// mergeTwo merges two sorted lists with a loop (a playlist can be 100,000 nodes: no recursion).
func mergeTwo(a, b *ListNode) *ListNode {
	dummy := &ListNode{}
	tail := dummy
	for a != nil && b != nil {
		if a.Val <= b.Val {
			tail.Next, a = a, a.Next
		} else {
			tail.Next, b = b, b.Next
		}
		tail = tail.Next
	}
	if a != nil {
		tail.Next = a
	} else {
		tail.Next = b
	}
	return dummy.Next
}

// mergePlaylists: divide and conquer, bottom-up: merge the lists in pairs, round after round.
// Invariant: after round r, every entry of lists is the sorted merge of up to 2^r original playlists, and
// together they hold every node. O(N log k) time, O(k) extra space. Nodes are relinked, not copied.
func mergePlaylists(playlists []*ListNode) *ListNode {
	var lists []*ListNode
	for _, head := range playlists {
		if head != nil {
			lists = append(lists, head)
		}
	}
	if len(lists) == 0 {
		return nil
	}
	for len(lists) > 1 {
		var next []*ListNode
		for i := 0; i < len(lists); i += 2 {
			if i+1 < len(lists) {
				next = append(next, mergeTwo(lists[i], lists[i+1]))
			} else {
				next = append(next, lists[i])
			}
		}
		lists = next
	}
	return lists[0]
}
