import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

class Solution {
    /**
     * Tree DP with two figures per node (with it, without it), children before parents, no recursion.
     * Nodes are solved in reverse breadth-first order, so both children are solved before their parent.
     * O(n) time, O(n) extra space.
     */
    public int maxAdRevenue(TreeNode root) {
        if (root == null) return 0;
        List<TreeNode> order = new ArrayList<>();
        order.add(root);
        for (int i = 0; i < order.size(); i++) {
            TreeNode node = order.get(i);
            if (node.val < 0) throw new IllegalArgumentException("negative revenue " + node.val);
            if (node.left != null) order.add(node.left);
            if (node.right != null) order.add(node.right);
        }
        Map<TreeNode, int[]> solved = new IdentityHashMap<>();
        for (int i = order.size() - 1; i >= 0; i--) {
            TreeNode node = order.get(i);
            int[] l = node.left == null ? new int[2] : solved.remove(node.left);
            int[] r = node.right == null ? new int[2] : solved.remove(node.right);
            solved.put(node, new int[] {node.val + l[1] + r[1], Math.max(l[0], l[1]) + Math.max(r[0], r[1])});
        }
        int[] best = solved.get(root);
        return Math.max(best[0], best[1]);
    }
}
