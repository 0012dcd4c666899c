# WRONG (too slow): the recurrence is right, but best(node) is recomputed from the parent and from
# the grandparent, so the number of calls grows like Fibonacci numbers with depth: exponential.
def max_ad_revenue(root):
    def best(node):
        if node is None:
            return 0
        if node.val < 0:
            raise ValueError("negative revenue")
        take = node.val
        for child in (node.left, node.right):
            if child is not None:
                take += best(child.left) + best(child.right)
        return max(take, best(node.left) + best(node.right))

    return best(root)
