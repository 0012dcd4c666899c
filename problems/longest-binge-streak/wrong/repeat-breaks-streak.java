import java.util.Arrays;

/** Wrong: after sorting, a repeated day ends the streak instead of being skipped. */
class Solution {
    public int longestStreak(int[] days) {
        if (days.length == 0) return 0;
        int[] sorted = days.clone();
        Arrays.sort(sorted);
        int best = 1, run = 1;
        for (int i = 1; i < sorted.length; i++) {
            run = sorted[i] == sorted[i - 1] + 1 ? run + 1 : 1;
            best = Math.max(best, run);
        }
        return best;
    }
}
