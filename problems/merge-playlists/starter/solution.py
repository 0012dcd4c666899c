from typing import List, Optional

# ListNode is provided by the runner: ListNode(val=0, next=None).


def merge_playlists(playlists: List[Optional["ListNode"]]) -> Optional["ListNode"]:
    """Merge k sorted linked lists of release timestamps into one sorted linked list.

    playlists: heads of the k lists (any may be None), each sorted non-decreasing.
    Returns the head of the merged list, or None when there are no timestamps at all.
    Duplicates are kept.
    """
    raise NotImplementedError("merge_playlists is not implemented yet")
