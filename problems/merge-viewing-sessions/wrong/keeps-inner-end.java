import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Wrong: a session inside the previous one shortens it (takes the later session's end, not the larger end). */
class Solution {
    public int[][] mergeSessions(int[][] sessions) {
        for (int[] s : sessions) {
            if (s[0] < 0 || s[1] < 0 || s[0] > s[1]) throw new IllegalArgumentException("corrupt session");
        }
        int[][] sorted = sessions.clone();
        Arrays.sort(sorted, (a, b) -> Integer.compare(a[0], b[0]));
        List<int[]> merged = new ArrayList<>();
        for (int[] s : sorted) {
            if (!merged.isEmpty() && s[0] <= merged.get(merged.size() - 1)[1]) merged.get(merged.size() - 1)[1] = s[1];
            else merged.add(new int[] {s[0], s[1]});
        }
        return merged.toArray(new int[0][]);
    }
}
