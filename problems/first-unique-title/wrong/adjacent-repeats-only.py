# WRONG (edge case): assumes rewatches are back to back, so it only compares each title with its
# neighbours. A title rewatched later, with other titles in between, is wrongly reported as a one-off.
def first_unique_title(titles):
    n = len(titles)
    for i, title in enumerate(titles):
        if (i == 0 or titles[i - 1] != title) and (i == n - 1 or titles[i + 1] != title):
            return title
    return ""
