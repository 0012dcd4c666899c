from typing import Dict, List, Optional, Tuple


def max_ad_revenue(root: Optional["TreeNode"]) -> int:
    """Tree DP with two figures per node, children before parents, no recursion.

    For each node: with = val + without(left) + without(right);
                   without = best(left) + best(right), where best = max(with, without).
    Invariant: nodes are solved in reverse breadth-first order, so both children of a node are
    solved before it. O(n) time, O(n) extra space; depth does not matter.
    """
    if root is None:
        return 0
    order: List["TreeNode"] = [root]
    for node in order:  # the list grows while we walk it: a breadth-first order
        if node.val < 0:
            raise ValueError("negative revenue %d" % node.val)
        if node.left is not None:
            order.append(node.left)
        if node.right is not None:
            order.append(node.right)
    solved: Dict["TreeNode", Tuple[int, int]] = {}
    for node in reversed(order):
        with_l, without_l = solved.pop(node.left, (0, 0))
        with_r, without_r = solved.pop(node.right, (0, 0))
        solved[node] = (
            node.val + without_l + without_r,
            max(with_l, without_l) + max(with_r, without_r),
        )
    return max(solved[root])
