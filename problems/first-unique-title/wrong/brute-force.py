# WRONG (too slow): correct answers, but list.count rescans the whole history for every position,
# O(n^2). Times out on the 150,000-event histories.
def first_unique_title(titles):
    for title in titles:
        if titles.count(title) == 1:
            return title
    return ""
