#include <vector>
#include <string>
#include <unordered_map>
#include <stdexcept>
using namespace std;

// Wrong: measures gaps in arrival order without sorting each user's events.
class Solution {
public:
    unordered_map<string, int> countSessions(vector<vector<string>>& events, int gap) {
        if (gap < 0) throw invalid_argument("gap must be non-negative");
        unordered_map<string, long long> last;
        unordered_map<string, int> sessions;
        for (const auto& event : events) {
            long long ts = stoll(event[1]);
            if (ts < 0) throw invalid_argument("negative timestamp");
            auto it = last.find(event[0]);
            if (it == last.end() || ts - it->second > gap || it->second - ts > gap) sessions[event[0]]++;
            last[event[0]] = ts;
        }
        return sessions;
    }
};
