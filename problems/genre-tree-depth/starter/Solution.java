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
    /** The number of nodes on the longest path from the root down to a leaf; 0 for an empty tree. */
    public int genreTreeDepth(TreeNode root) {
        throw new UnsupportedOperationException("genreTreeDepth is not implemented yet");
    }
}
