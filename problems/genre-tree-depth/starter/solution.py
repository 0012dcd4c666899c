from typing import Optional

# TreeNode is provided by the runner: TreeNode(val=0, left=None, right=None).


def genre_tree_depth(root: Optional["TreeNode"]) -> int:
    """Return the number of nodes on the longest root-to-leaf path (0 for an empty tree).

    The tree can be a single chain up to 100,000 nodes deep.
    """
    raise NotImplementedError("genre_tree_depth is not implemented yet")
