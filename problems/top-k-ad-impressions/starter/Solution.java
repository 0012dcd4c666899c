import java.util.List;

class Solution {
    /**
     * The k ad ids with the most impressions, by count descending then id ascending (all of them when fewer than k).
     * Throws IllegalArgumentException when k is negative.
     */
    public List<String> topKAds(String[] impressions, int k) {
        throw new UnsupportedOperationException("topKAds is not implemented yet");
    }
}
