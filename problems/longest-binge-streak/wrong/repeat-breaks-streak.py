# WRONG (edge case): sorts and walks the days, but resets the streak when a day repeats instead of
# skipping the repeat, so [1, 2, 2, 3] is reported as 2 instead of 3.
def longest_streak(days):
    if not days:
        return 0
    ordered = sorted(days)
    best = run = 1
    for prev, day in zip(ordered, ordered[1:]):
        run = run + 1 if day == prev + 1 else 1
        best = max(best, run)
    return best
