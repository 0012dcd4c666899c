import java.util.HashMap;
import java.util.Map;

class Solution {
    /**
     * Two passes: count every id, then return the first whose count is 1.
     * O(n) time, O(u) extra space for u distinct ids.
     */
    public String firstUniqueTitle(String[] titles) {
        Map<String, Integer> counts = new HashMap<>();
        for (String title : titles) counts.merge(title, 1, Integer::sum);
        for (String title : titles) {
            if (counts.get(title) == 1) return title;
        }
        return "";
    }
}
