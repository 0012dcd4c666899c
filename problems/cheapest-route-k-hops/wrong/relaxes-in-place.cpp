#include <vector>
#include <string>
#include <unordered_map>
#include <stdexcept>
using namespace std;
#include <algorithm>
#include <climits>

// Wrong: relaxes in place, so one round can chain several links and exceed the hop budget.
class Solution {
public:
    long long cheapestRoute(int n, vector<vector<int>>& links, int src, int dst, int maxHops) {
        if (maxHops < 0 || src < 0 || src >= n || dst < 0 || dst >= n) throw invalid_argument("bad input");
        for (const auto& link : links)
            if (link[0] < 0 || link[0] >= n || link[1] < 0 || link[1] >= n || link[2] < 0) throw invalid_argument("bad link");
        const long long INF = LLONG_MAX;
        vector<long long> cost(n, INF);
        cost[src] = 0;
        for (int round = 0; round < min(maxHops, n - 1); round++)
            for (const auto& link : links)
                if (cost[link[0]] != INF && cost[link[0]] + link[2] < cost[link[1]]) cost[link[1]] = cost[link[0]] + link[2];
        return cost[dst] == INF ? -1 : cost[dst];
    }
};
