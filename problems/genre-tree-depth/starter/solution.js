// TreeNode is provided by the runner: new TreeNode(val = 0, left = null, right = null).

/**
 * Return the number of nodes on the longest root-to-leaf path (0 for an empty tree).
 * The tree can be a single chain up to 100,000 nodes deep.
 *
 * @param {TreeNode | null} root
 * @returns {number}
 */
function genreTreeDepth(root) {
  throw new Error('genreTreeDepth is not implemented yet');
}
