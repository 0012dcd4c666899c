// TreeNode is provided by the runner: new TreeNode(val = 0, left = null, right = null).

/**
 * Return the largest total `val` over sets of nodes with no parent-child pair.
 * Returns 0 for an empty tree; throws if any node has a negative val.
 *
 * @param {TreeNode | null} root
 * @returns {number}
 */
function maxAdRevenue(root) {
  throw new Error('maxAdRevenue is not implemented yet');
}
