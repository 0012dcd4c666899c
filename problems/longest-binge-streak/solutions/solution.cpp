#include <vector>
#include <string>
#include <unordered_map>
#include <stdexcept>
using namespace std;
#include <unordered_set>
#include <algorithm>

class Solution {
public:
    /**
     * O(n) time, O(n) extra space. Invariant: a run is counted only from its first day (d - 1 absent),
     * so each distinct day is stepped over at most twice.
     */
    int longestStreak(vector<int>& days) {
        unordered_set<long long> present(days.begin(), days.end());
        int best = 0;
        for (long long day : present) {
            if (present.count(day - 1)) continue;
            long long end = day;
            while (present.count(end + 1)) end++;
            best = max(best, static_cast<int>(end - day + 1));
        }
        return best;
    }
};
