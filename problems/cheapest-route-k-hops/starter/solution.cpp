#include <vector>
#include <string>
#include <unordered_map>
#include <stdexcept>
using namespace std;

class Solution {
public:
    /**
     * The cheapest price from src to dst using at most maxHops links, -1 if there is no such route
     * (0 when src == dst). links[i] = {from, to, price}. Throws (any exception) on a node outside
     * 0..n-1, a negative price or a negative maxHops.
     */
    long long cheapestRoute(int n, vector<vector<int>>& links, int src, int dst, int maxHops) {
        throw std::logic_error("not implemented");
    }
};
