from typing import Dict, List


def first_unique_title(titles: List[str]) -> str:
    """Earliest title id occurring exactly once, or "".

    Two passes, O(n) time and O(u) extra space for u distinct ids.
    Invariant: after the first pass, counts[t] is the number of times t occurs in the whole
    history, so the first position whose count is 1 is the answer.
    """
    counts: Dict[str, int] = {}
    for title in titles:
        counts[title] = counts.get(title, 0) + 1
    for title in titles:
        if counts[title] == 1:
            return title
    return ""
