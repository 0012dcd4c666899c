# WRONG (greedy): compares "every even level" with "every odd level". Both are valid plans, but the
# best plan may skip two levels in a row (4 -> 1 -> 2 -> 3 is best as 4 + 3 = 7, not 6).
def max_ad_revenue(root):
    if root is None:
        return 0
    sums = [0, 0]
    level, depth = [root], 0
    while level:
        for node in level:
            if node.val < 0:
                raise ValueError("negative revenue")
            sums[depth % 2] += node.val
        level = [c for n in level for c in (n.left, n.right) if c is not None]
        depth += 1
    return max(sums)
