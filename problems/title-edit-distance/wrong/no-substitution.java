/** Wrong: only insertions and deletions, so a substitution costs two edits. */
class Solution {
    public int titleEditDistance(String source, String target) {
        int m = target.length();
        int[] prev = new int[m + 1];
        for (int j = 0; j <= m; j++) prev[j] = j;
        for (int i = 1; i <= source.length(); i++) {
            int[] cur = new int[m + 1];
            cur[0] = i;
            for (int j = 1; j <= m; j++) {
                if (source.charAt(i - 1) == target.charAt(j - 1)) cur[j] = prev[j - 1];
                else cur[j] = 1 + Math.min(prev[j], cur[j - 1]);
            }
            prev = cur;
        }
        return prev[m];
    }
}
