# WRONG (too slow): the recurrence is right, but without memoisation every mismatch branches three
# ways and the same (i, j) pairs are recomputed over and over: exponential time.
def title_edit_distance(source, target):
    def go(i, j):
        if i == 0:
            return j
        if j == 0:
            return i
        if source[i - 1] == target[j - 1]:
            return go(i - 1, j - 1)
        return 1 + min(go(i - 1, j - 1), go(i - 1, j), go(i, j - 1))

    return go(len(source), len(target))
