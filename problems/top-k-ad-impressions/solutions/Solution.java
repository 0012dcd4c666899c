import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

class Solution {
    /**
     * Count, then keep the best k in a heap whose head is the worst of them. O(n + u log k) time, O(u) extra space.
     */
    public List<String> topKAds(String[] impressions, int k) {
        if (k < 0) throw new IllegalArgumentException("k must not be negative, got " + k);
        Map<String, Integer> counts = new HashMap<>();
        for (String ad : impressions) counts.merge(ad, 1, Integer::sum);
        Comparator<String> better = (a, b) -> {
            int c = Integer.compare(counts.get(b), counts.get(a));
            return c != 0 ? c : a.compareTo(b);
        };
        PriorityQueue<String> heap = new PriorityQueue<>(better.reversed());
        for (String ad : counts.keySet()) {
            heap.add(ad);
            if (heap.size() > k) heap.poll();
        }
        List<String> best = new ArrayList<>(heap);
        best.sort(better);
        return best;
    }
}
