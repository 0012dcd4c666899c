import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Wrong: sorts by count alone, so ads with equal counts come in hash order instead of by id. */
class Solution {
    public List<String> topKAds(String[] impressions, int k) {
        if (k < 0) throw new IllegalArgumentException("k must not be negative");
        Map<String, Integer> counts = new HashMap<>();
        for (String ad : impressions) counts.merge(ad, 1, Integer::sum);
        List<String> ads = new ArrayList<>(counts.keySet());
        ads.sort((a, b) -> Integer.compare(counts.get(b), counts.get(a)));
        return ads.subList(0, Math.min(k, ads.size()));
    }
}
