import java.util.HashSet;
import java.util.Set;

class Solution {
    /**
     * A run is counted only from its first day (day - 1 absent), so each distinct day is stepped over at most twice.
     * O(n) time, O(n) extra space.
     */
    public int longestStreak(int[] days) {
        Set<Integer> present = new HashSet<>();
        for (int day : days) present.add(day);
        int best = 0;
        for (int day : present) {
            if (present.contains(day - 1)) continue;
            int end = day;
            while (present.contains(end + 1)) end++;
            best = Math.max(best, end - day + 1);
        }
        return best;
    }
}
