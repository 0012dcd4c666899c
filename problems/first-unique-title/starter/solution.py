from typing import List


def first_unique_title(titles: List[str]) -> str:
    """Return the earliest title id that occurs exactly once in `titles`.

    titles: title ids in watch order (case-sensitive, never empty strings).
    Returns "" when no title occurs exactly once (including an empty history).
    """
    raise NotImplementedError("first_unique_title is not implemented yet")
