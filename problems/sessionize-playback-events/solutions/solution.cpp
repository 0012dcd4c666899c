#include <vector>
#include <string>
#include <unordered_map>
#include <stdexcept>
using namespace std;
#include <algorithm>

class Solution {
public:
    /**
     * Group by user, sort each user's timestamps, count the gaps wider than `gap`: sessions = 1 + that
     * count. O(N log N) time, O(N) extra space.
     */
    unordered_map<string, int> countSessions(vector<vector<string>>& events, int gap) {
        if (gap < 0) throw invalid_argument("gap must be non-negative");
        unordered_map<string, vector<long long>> byUser;
        for (const auto& event : events) {
            long long ts = stoll(event[1]);
            if (ts < 0) throw invalid_argument("negative timestamp for " + event[0]);
            byUser[event[0]].push_back(ts);
        }
        unordered_map<string, int> sessions;
        for (auto& [user, stamps] : byUser) {
            sort(stamps.begin(), stamps.end());
            int count = 1;
            for (size_t i = 1; i < stamps.size(); i++)
                if (stamps[i] - stamps[i - 1] > gap) count++;
            sessions[user] = count;
        }
        return sessions;
    }
};
