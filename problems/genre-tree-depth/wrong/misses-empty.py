# WRONG (edge case): iterative and fast, but it never checks for an empty tree, so root = None
# fails with AttributeError instead of returning 0.
from collections import deque


def genre_tree_depth(root):
    depth = 0
    level = deque([root])
    while level:
        depth += 1
        for _ in range(len(level)):
            node = level.popleft()
            for child in (node.left, node.right):
                if child is not None:
                    level.append(child)
    return depth
