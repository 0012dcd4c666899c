#include <vector>
#include <string>
#include <unordered_map>
#include <stdexcept>
using namespace std;
#include <algorithm>

// Wrong: sorts, but a repeated day breaks the streak instead of being skipped.
class Solution {
public:
    int longestStreak(vector<int>& days) {
        if (days.empty()) return 0;
        vector<int> sorted = days;
        sort(sorted.begin(), sorted.end());
        int best = 1, run = 1;
        for (size_t i = 1; i < sorted.size(); i++) {
            run = sorted[i] == sorted[i - 1] + 1 ? run + 1 : 1;
            best = max(best, run);
        }
        return best;
    }
};
