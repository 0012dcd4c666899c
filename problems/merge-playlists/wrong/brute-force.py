# WRONG (too slow): correct, but picks each next node by scanning the heads of all k playlists:
# O(N * k). Times out with 50,000 playlists.
def merge_playlists(playlists):
    heads = list(playlists)
    dummy = ListNode(0)
    tail = dummy
    while True:
        best = -1
        for i, node in enumerate(heads):
            if node is not None and (best < 0 or node.val < heads[best].val):
                best = i
        if best < 0:
            break
        tail.next = heads[best]
        tail = tail.next
        heads[best] = heads[best].next
    return dummy.next
