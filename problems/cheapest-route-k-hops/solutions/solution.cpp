#include <vector>
#include <string>
#include <unordered_map>
#include <stdexcept>
using namespace std;
#include <algorithm>
#include <climits>

class Solution {
public:
    /**
     * Bellman-Ford by rounds: O(min(maxHops, n) * links) time, O(n) extra space.
     * Invariant: after round h, cost[v] is the cheapest price of a route src -> v with at most h links;
     * each round relaxes from the previous round's costs, so it adds at most one link.
     */
    long long cheapestRoute(int n, vector<vector<int>>& links, int src, int dst, int maxHops) {
        auto checkNode = [n](long long v) {
            if (v < 0 || v >= n) throw out_of_range("node " + to_string(v) + " is outside 0.." + to_string(n - 1));
        };
        if (maxHops < 0) throw invalid_argument("maxHops must not be negative");
        checkNode(src);
        checkNode(dst);
        for (const auto& link : links) {
            checkNode(link[0]);
            checkNode(link[1]);
            if (link[2] < 0) throw invalid_argument("negative price");
        }
        const long long INF = LLONG_MAX;
        vector<long long> cost(n, INF);
        cost[src] = 0;
        int rounds = min(maxHops, n - 1);
        for (int round = 0; round < rounds; round++) {
            vector<long long> prev = cost;
            bool changed = false;
            for (const auto& link : links) {
                if (prev[link[0]] == INF) continue;
                long long through = prev[link[0]] + link[2];
                if (through < cost[link[1]]) {
                    cost[link[1]] = through;
                    changed = true;
                }
            }
            if (!changed) break;
        }
        return cost[dst] == INF ? -1 : cost[dst];
    }
};
