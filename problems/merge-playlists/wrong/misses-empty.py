# WRONG (edge case): pushes every head onto the heap without checking for empty playlists, so an
# empty playlist (None) crashes with AttributeError instead of contributing nothing.
import heapq


def merge_playlists(playlists):
    heap = [(head.val, i, head) for i, head in enumerate(playlists)]
    heapq.heapify(heap)
    dummy = ListNode(0)
    tail = dummy
    while heap:
        _, i, node = heapq.heappop(heap)
        tail.next = node
        tail = node
        if node.next is not None:
            heapq.heappush(heap, (node.next.val, i, node.next))
    return dummy.next
