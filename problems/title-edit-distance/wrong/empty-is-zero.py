# WRONG (edge case): treats an empty title as "nothing to compare" and returns 0, but turning ""
# into "Dark" takes four inserts. Correct whenever both titles are non-empty.
def title_edit_distance(source, target):
    if not source or not target:
        return 0
    m = len(target)
    prev = list(range(m + 1))
    for i, s_char in enumerate(source, 1):
        cur = [i] + [0] * m
        for j, t_char in enumerate(target, 1):
            cur[j] = prev[j - 1] if s_char == t_char else 1 + min(prev[j - 1], prev[j], cur[j - 1])
        prev = cur
    return prev[m]
