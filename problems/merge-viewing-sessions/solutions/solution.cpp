#include <vector>
#include <string>
#include <unordered_map>
#include <stdexcept>
using namespace std;
#include <algorithm>

class Solution {
public:
    /**
     * Sort by start, then extend the last merged session while the next one reaches it.
     * O(n log n) time, O(n) extra space. Invariant: merged.back() is the union of every session seen so
     * far that reaches it, and no later session can reach an earlier entry.
     */
    vector<vector<int>> mergeSessions(vector<vector<int>>& sessions) {
        for (const auto& s : sessions)
            if (s[0] < 0 || s[1] < 0 || s[0] > s[1]) throw invalid_argument("corrupt session");
        vector<vector<int>> sorted = sessions;
        sort(sorted.begin(), sorted.end());
        vector<vector<int>> merged;
        for (const auto& s : sorted) {
            if (!merged.empty() && s[0] <= merged.back()[1]) merged.back()[1] = max(merged.back()[1], s[1]);
            else merged.push_back(s);
        }
        return merged;
    }
};
