import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

class Solution {
    /**
     * Sort by start, then extend the last merged session while the next one reaches it.
     * O(n log n) time, O(n) extra space.
     */
    public int[][] mergeSessions(int[][] sessions) {
        for (int[] s : sessions) {
            if (s[0] < 0 || s[1] < 0 || s[0] > s[1]) throw new IllegalArgumentException("corrupt session [" + s[0] + ", " + s[1] + "]");
        }
        int[][] sorted = sessions.clone();
        Arrays.sort(sorted, (a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
        List<int[]> merged = new ArrayList<>();
        for (int[] s : sorted) {
            if (!merged.isEmpty() && s[0] <= merged.get(merged.size() - 1)[1]) {
                int[] last = merged.get(merged.size() - 1);
                last[1] = Math.max(last[1], s[1]);
            } else {
                merged.add(new int[] {s[0], s[1]});
            }
        }
        return merged.toArray(new int[0][]);
    }
}
