from typing import List


def merge_sessions(sessions: List[List[int]]) -> List[List[int]]:
    """Merge overlapping or touching viewing sessions.

    sessions: [start, end] pairs in any order, 0 <= start <= end.
    Returns the merged [start, end] pairs sorted by start.
    Raises ValueError when a session has start > end or a negative timestamp.
    """
    raise NotImplementedError("merge_sessions is not implemented yet")
