#include <vector>
#include <string>
#include <unordered_map>
#include <stdexcept>
using namespace std;
#include <algorithm>

class Solution {
public:
    /**
     * Count, then keep the k best by (count descending, id ascending) with a partial sort:
     * O(n + u log k) time, O(u) extra space for u distinct ads.
     */
    vector<string> topKAds(vector<string>& impressions, int k) {
        if (k < 0) throw invalid_argument("k must not be negative");
        unordered_map<string, int> counts;
        for (const string& ad : impressions) counts[ad]++;
        vector<pair<int, string>> ranked;
        ranked.reserve(counts.size());
        for (auto& [ad, count] : counts) ranked.push_back({-count, ad});
        size_t keep = min(static_cast<size_t>(k), ranked.size());
        partial_sort(ranked.begin(), ranked.begin() + keep, ranked.end());
        vector<string> out;
        for (size_t i = 0; i < keep; i++) out.push_back(ranked[i].second);
        return out;
    }
};
