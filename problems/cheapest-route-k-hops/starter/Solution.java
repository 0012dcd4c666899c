class Solution {
    /**
     * Cheapest total price from src to dst using at most maxHops links, or -1 when there is none (0 when src == dst).
     * Throws IllegalArgumentException on a node outside 0..n-1, a negative price or a negative maxHops.
     */
    public int cheapestRoute(int n, int[][] links, int src, int dst, int maxHops) {
        throw new UnsupportedOperationException("cheapestRoute is not implemented yet");
    }
}
