#include <vector>
#include <string>
#include <unordered_map>
#include <stdexcept>
using namespace std;
#include <map>

// Wrong: keys the merge by timestamp alone, so equal timestamps from different playlists collapse.
class Solution {
public:
    ListNode* mergePlaylists(vector<ListNode*>& playlists) {
        map<int, ListNode*> byTime;
        for (ListNode* head : playlists)
            for (ListNode* node = head; node; node = node->next) byTime[node->val] = node;
        ListNode dummy(0);
        ListNode* tail = &dummy;
        for (auto& [time, node] : byTime) {
            tail->next = node;
            tail = node;
        }
        tail->next = nullptr;
        return dummy.next;
    }
};
