# WRONG (too slow): correct answers, but for every entry it walks upward checking membership with
# `in` on a list, a linear scan: O(n²) at best, O(n³) on long streaks. Times out on the
# 100,000-entry logs.
def longest_streak(days):
    best = 0
    for day in days:
        end = day
        while end + 1 in days:
            end += 1
        best = max(best, end - day + 1)
    return best
