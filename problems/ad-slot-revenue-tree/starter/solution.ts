// TreeNode is provided by the runner: class TreeNode { val: number; left: TreeNode | null; right: TreeNode | null }

/**
 * Return the largest total `val` over sets of nodes with no parent-child pair.
 * Returns 0 for an empty tree; throws if any node has a negative val.
 */
function maxAdRevenue(root: TreeNode | null): number {
  throw new Error('maxAdRevenue is not implemented yet');
}
