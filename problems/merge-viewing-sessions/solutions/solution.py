from typing import List


def merge_sessions(sessions: List[List[int]]) -> List[List[int]]:
    """Merged sessions sorted by start; touching sessions merge. Raises ValueError on a corrupt session.

    O(n log n) time for the sort, O(n) extra space for the sorted copy and the result.
    Invariant: after each step, merged[-1] is the union of every session seen so far that reaches it,
    and no later session (sorted by start) can reach any earlier entry of merged.
    """
    for start, end in sessions:
        if start < 0 or end < 0 or start > end:
            raise ValueError("corrupt session [%d, %d]" % (start, end))
    merged: List[List[int]] = []
    for start, end in sorted(sessions):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged
