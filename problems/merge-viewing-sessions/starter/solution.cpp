#include <vector>
#include <string>
#include <unordered_map>
#include <stdexcept>
using namespace std;

class Solution {
public:
    /**
     * Merge overlapping or touching sessions {start, end}; return them sorted by start.
     * Throws (any exception) on a corrupt session: a negative bound or start > end.
     */
    vector<vector<int>> mergeSessions(vector<vector<int>>& sessions) {
        throw std::logic_error("not implemented");
    }
};
