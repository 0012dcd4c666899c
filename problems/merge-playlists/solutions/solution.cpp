#include <vector>
#include <string>
#include <unordered_map>
#include <stdexcept>
using namespace std;
#include <queue>

class Solution {
public:
    /**
     * k-way merge with a min-heap of the current heads: O(N log k) time, O(k) extra space.
     * Invariant: the heap holds exactly the first unmerged node of every playlist that still has nodes;
     * the playlist index breaks ties. Nodes are relinked, not copied.
     */
    ListNode* mergePlaylists(vector<ListNode*>& playlists) {
        using Head = pair<pair<int, size_t>, ListNode*>;
        auto later = [](const Head& a, const Head& b) { return a.first > b.first; };
        priority_queue<Head, vector<Head>, decltype(later)> heap(later);
        for (size_t i = 0; i < playlists.size(); i++)
            if (playlists[i]) heap.push({{playlists[i]->val, i}, playlists[i]});
        ListNode dummy(0);
        ListNode* tail = &dummy;
        while (!heap.empty()) {
            auto [key, node] = heap.top();
            heap.pop();
            tail->next = node;
            tail = node;
            if (node->next) heap.push({{node->next->val, key.second}, node->next});
        }
        tail->next = nullptr;
        return dummy.next;
    }
};
