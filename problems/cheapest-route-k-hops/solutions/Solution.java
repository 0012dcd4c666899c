import java.util.Arrays;

class Solution {
    /**
     * Bellman-Ford by rounds: after round h, cost[v] is the cheapest price of a route src -> v with at most h links.
     * Each round relaxes from the previous round's costs, so it adds at most one link.
     * O(min(maxHops, n) * links) time, O(n) extra space.
     */
    public int cheapestRoute(int n, int[][] links, int src, int dst, int maxHops) {
        if (maxHops < 0) throw new IllegalArgumentException("maxHops must not be negative, got " + maxHops);
        checkNode(src, n);
        checkNode(dst, n);
        for (int[] link : links) {
            checkNode(link[0], n);
            checkNode(link[1], n);
            if (link[2] < 0) throw new IllegalArgumentException("link " + link[0] + " -> " + link[1] + " has a negative price " + link[2]);
        }
        final long inf = Long.MAX_VALUE / 4;
        long[] cost = new long[n];
        Arrays.fill(cost, inf);
        cost[src] = 0;
        // With non-negative prices a cheapest route never repeats a node: n - 1 rounds always suffice.
        for (int round = 0; round < Math.min(maxHops, n - 1); round++) {
            long[] prev = cost;
            cost = prev.clone();
            boolean changed = false;
            for (int[] link : links) {
                long through = prev[link[0]] + link[2];
                if (through < cost[link[1]]) {
                    cost[link[1]] = through;
                    changed = true;
                }
            }
            if (!changed) break;
        }
        return cost[dst] >= inf ? -1 : (int) cost[dst];
    }

    private static void checkNode(int v, int n) {
        if (v < 0 || v >= n) throw new IllegalArgumentException("node " + v + " is outside 0.." + (n - 1));
    }
}
