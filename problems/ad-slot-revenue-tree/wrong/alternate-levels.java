import java.util.ArrayDeque;

/** Wrong: takes every other level (the best of even levels or odd levels), which misses mixed choices. */
class Solution {
    public int maxAdRevenue(TreeNode root) {
        if (root == null) return 0;
        int even = 0, odd = 0, depth = 0;
        ArrayDeque<TreeNode> level = new ArrayDeque<>();
        level.add(root);
        while (!level.isEmpty()) {
            for (int n = level.size(); n > 0; n--) {
                TreeNode node = level.poll();
                if (node.val < 0) throw new IllegalArgumentException("negative revenue " + node.val);
                if (depth % 2 == 0) even += node.val; else odd += node.val;
                if (node.left != null) level.add(node.left);
                if (node.right != null) level.add(node.right);
            }
            depth++;
        }
        return Math.max(even, odd);
    }
}
