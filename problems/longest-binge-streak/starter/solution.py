from typing import List


def longest_streak(days: List[int]) -> int:
    """Return the length of the longest run of consecutive day numbers present in `days`.

    days: day numbers in any order; the same day may appear several times.
    Returns 0 when `days` is empty.
    """
    raise NotImplementedError("longest_streak is not implemented yet")
