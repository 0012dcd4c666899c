#include <vector>
#include <string>
#include <unordered_map>
#include <stdexcept>
using namespace std;
#include <algorithm>

// Wrong: breaks ties by first appearance instead of by id.
class Solution {
public:
    vector<string> topKAds(vector<string>& impressions, int k) {
        if (k < 0) throw invalid_argument("k must not be negative");
        unordered_map<string, int> counts;
        vector<string> order;
        for (const string& ad : impressions)
            if (counts[ad]++ == 0) order.push_back(ad);
        stable_sort(order.begin(), order.end(), [&](const string& a, const string& b) { return counts[a] > counts[b]; });
        if (order.size() > static_cast<size_t>(k)) order.resize(k);
        return order;
    }
};
