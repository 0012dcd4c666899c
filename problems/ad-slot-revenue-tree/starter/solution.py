from typing import Optional

# TreeNode is provided by the runner: TreeNode(val=0, left=None, right=None).


def max_ad_revenue(root: Optional["TreeNode"]) -> int:
    """Return the largest total `val` over sets of nodes with no parent-child pair.

    Returns 0 for an empty tree. Raises (any exception) if any node has a negative val.
    """
    raise NotImplementedError("max_ad_revenue is not implemented yet")
