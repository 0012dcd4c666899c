import heapq
from typing import List, Optional


def merge_playlists(playlists: List[Optional["ListNode"]]) -> Optional["ListNode"]:
    """k-way merge with a min-heap of the current heads: O(N log k) time, O(k) extra space.

    Invariant: the heap holds exactly the first not-yet-merged node of every playlist that still
    has nodes, so its minimum is the smallest remaining timestamp overall. The playlist index breaks
    ties so that nodes themselves are never compared. Nodes are relinked, not copied.
    """
    heap = [(head.val, i, head) for i, head in enumerate(playlists) if head is not None]
    heapq.heapify(heap)
    dummy = ListNode(0)
    tail = dummy
    while heap:
        _, i, node = heap[0]
        tail.next = node
        tail = node
        if node.next is not None:
            heapq.heapreplace(heap, (node.next.val, i, node.next))
        else:
            heapq.heappop(heap)
    tail.next = None
    return dummy.next
