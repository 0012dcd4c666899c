import java.util.HashMap;
import java.util.Map;

/** Wrong: treats ids that differ only in case as the same title. */
class Solution {
    public String firstUniqueTitle(String[] titles) {
        Map<String, Integer> counts = new HashMap<>();
        for (String title : titles) counts.merge(title.toLowerCase(), 1, Integer::sum);
        for (String title : titles) {
            if (counts.get(title.toLowerCase()) == 1) return title;
        }
        return "";
    }
}
