/**
 * Definition for a binary tree node (provided by the runner, as on LeetCode).
 * class TreeNode {
 *     int val;
 *     TreeNode left;
 *     TreeNode right;
 *     TreeNode() {}
 *     TreeNode(int val) { this.val = val; }
 *     TreeNode(int val, TreeNode left, TreeNode right) { this.val = val; this.left = left; this.right = right; }
 * }
 */
class Solution {
    /**
     * Return the largest total val over sets of nodes with no parent-child pair.
     * Returns 0 for an empty tree; throws IllegalArgumentException if any node has a negative val.
     */
    public int maxAdRevenue(TreeNode root) {
        throw new UnsupportedOperationException("maxAdRevenue is not implemented yet");
    }
}
