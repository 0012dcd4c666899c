def title_edit_distance(source: str, target: str) -> int:
    """Return the minimum number of single-character inserts, deletes and substitutions
    that turn `source` into `target` (case-sensitive; either may be empty; up to 2,000 chars).
    """
    raise NotImplementedError("title_edit_distance is not implemented yet")
