from typing import List


def longest_streak(days: List[int]) -> int:
    """Length of the longest run of consecutive day numbers present in `days` (0 if empty).

    O(n) time, O(n) extra space.
    Invariant: a run is counted only from its first day (d - 1 absent), so each distinct day is
    stepped over at most once by the inner loop and once by the outer loop.
    """
    present = set(days)
    best = 0
    for day in present:
        if day - 1 in present:
            continue
        end = day
        while end + 1 in present:
            end += 1
        best = max(best, end - day + 1)
    return best
