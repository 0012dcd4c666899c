from collections import deque
from typing import Optional


def genre_tree_depth(root: Optional["TreeNode"]) -> int:
    """Maximum depth in nodes, breadth-first.

    Invariant: at the start of each round, `level` holds exactly the nodes at depth `depth + 1`,
    so the number of non-empty rounds is the depth. O(n) time, O(width) extra space, and no
    recursion, so a 100,000-node chain is fine.
    """
    if root is None:
        return 0
    depth = 0
    level = deque([root])
    while level:
        depth += 1
        for _ in range(len(level)):
            node = level.popleft()
            if node.left is not None:
                level.append(node.left)
            if node.right is not None:
                level.append(node.right)
    return depth
