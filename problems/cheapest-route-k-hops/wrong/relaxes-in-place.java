import java.util.Arrays;

/** Wrong: relaxes from the current round's costs, so one round can chain several links and exceed maxHops. */
class Solution {
    public int cheapestRoute(int n, int[][] links, int src, int dst, int maxHops) {
        if (maxHops < 0) throw new IllegalArgumentException("maxHops must not be negative");
        if (src < 0 || src >= n || dst < 0 || dst >= n) throw new IllegalArgumentException("node outside the network");
        for (int[] link : links) {
            if (link[0] < 0 || link[0] >= n || link[1] < 0 || link[1] >= n) throw new IllegalArgumentException("node outside the network");
            if (link[2] < 0) throw new IllegalArgumentException("negative price");
        }
        long inf = Long.MAX_VALUE / 4;
        long[] cost = new long[n];
        Arrays.fill(cost, inf);
        cost[src] = 0;
        for (int round = 0; round < Math.min(maxHops, n - 1); round++) {
            for (int[] link : links) {
                if (cost[link[0]] + link[2] < cost[link[1]]) cost[link[1]] = cost[link[0]] + link[2];
            }
        }
        return cost[dst] >= inf ? -1 : (int) cost[dst];
    }
}
