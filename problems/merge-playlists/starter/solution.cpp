#include <vector>
#include <string>
#include <unordered_map>
#include <stdexcept>
using namespace std;

// ListNode is provided by the runner, as on LeetCode:
// struct ListNode { int val; ListNode *next; ListNode(int x) : val(x), next(nullptr) {} };

class Solution {
public:
    /**
     * Merge k playlists, each sorted by timestamp, into one sorted playlist (relink the nodes).
     * A playlist can be 100,000 nodes long and there can be 50,000 playlists.
     */
    ListNode* mergePlaylists(vector<ListNode*>& playlists) {
        throw std::logic_error("not implemented");
    }
};
