#include <vector>
#include <string>
#include <unordered_map>
#include <stdexcept>
using namespace std;

class Solution {
public:
    /**
     * The k ad ids with the most impressions, by count descending, then id ascending (byte order).
     * Fewer than k distinct ads: all of them. Throws (any exception) if k is negative.
     */
    vector<string> topKAds(vector<string>& impressions, int k) {
        throw std::logic_error("not implemented");
    }
};
