// TreeNode is provided by the runner: class TreeNode { val: number; left: TreeNode | null; right: TreeNode | null }

/**
 * Return the number of nodes on the longest root-to-leaf path (0 for an empty tree).
 * The tree can be a single chain up to 100,000 nodes deep.
 */
function genreTreeDepth(root: TreeNode | null): number {
  throw new Error('genreTreeDepth is not implemented yet');
}
