def title_edit_distance(source: str, target: str) -> int:
    """Levenshtein distance, bottom-up, keeping one row.

    Invariant: before row i is built, prev[j] is the distance between source[:i-1] and target[:j];
    cur[j] becomes the distance between source[:i] and target[:j].
    O(n·m) time, O(m) extra space.
    """
    m = len(target)
    prev = list(range(m + 1))
    for i, s_char in enumerate(source, 1):
        cur = [i] + [0] * m
        for j, t_char in enumerate(target, 1):
            if s_char == t_char:
                cur[j] = prev[j - 1]
            else:
                # Substitute, delete from source, insert into source.
                cur[j] = 1 + min(prev[j - 1], prev[j], cur[j - 1])
        prev = cur
    return prev[m]
