import java.util.ArrayDeque;

class Solution {
    /**
     * Breadth-first, one round per level: at the start of each round the queue holds exactly one level.
     * O(n) time, O(width) extra space, no recursion (a 100,000-node chain is fine).
     */
    public int genreTreeDepth(TreeNode root) {
        if (root == null) return 0;
        int depth = 0;
        ArrayDeque<TreeNode> level = new ArrayDeque<>();
        level.add(root);
        while (!level.isEmpty()) {
            depth++;
            for (int n = level.size(); n > 0; n--) {
                TreeNode node = level.poll();
                if (node.left != null) level.add(node.left);
                if (node.right != null) level.add(node.right);
            }
        }
        return depth;
    }
}
