#include <vector>
#include <string>
#include <unordered_map>
#include <stdexcept>
using namespace std;

class Solution {
public:
    /**
     * Count each user's viewing sessions. events: {userId, timestampSeconds} pairs in any order, possibly
     * repeated (the timestamp arrives as text: parse it with stoll). Neighbouring events of a user at most
     * `gap` seconds apart share a session. Returns {userId: sessions} for every user with an event.
     * Throws (any exception) if gap or any timestamp is negative.
     */
    unordered_map<string, int> countSessions(vector<vector<string>>& events, int gap) {
        throw std::logic_error("not implemented");
    }
};
