import java.util.ArrayDeque;

/** Wrong: counts the edges on the longest path rather than its nodes. */
class Solution {
    public int genreTreeDepth(TreeNode root) {
        if (root == null) return 0;
        int depth = -1;
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
