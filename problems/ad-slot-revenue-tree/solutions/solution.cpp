#include <vector>
#include <string>
#include <unordered_map>
#include <stdexcept>
using namespace std;
#include <algorithm>

class Solution {
public:
    /**
     * Tree DP with two figures per node (with an ad, without), children before parents, no recursion.
     * Invariant: nodes are solved in reverse breadth-first order, so both children of a node are solved
     * before it. O(n) time, O(n) extra space; depth does not matter.
     */
    long long maxAdRevenue(TreeNode* root) {
        if (!root) return 0;
        vector<TreeNode*> order{root};
        for (size_t i = 0; i < order.size(); i++) {
            TreeNode* node = order[i];
            if (node->val < 0) throw invalid_argument("negative revenue " + to_string(node->val));
            if (node->left) order.push_back(node->left);
            if (node->right) order.push_back(node->right);
        }
        unordered_map<TreeNode*, pair<long long, long long>> solved;
        auto take = [&](TreeNode* child) {
            auto it = solved.find(child);
            if (it == solved.end()) return pair<long long, long long>{0, 0};
            auto figures = it->second;
            solved.erase(it);
            return figures;
        };
        for (size_t i = order.size(); i-- > 0;) {
            TreeNode* node = order[i];
            auto [withL, withoutL] = take(node->left);
            auto [withR, withoutR] = take(node->right);
            solved[node] = {node->val + withoutL + withoutR, max(withL, withoutL) + max(withR, withoutR)};
        }
        return max(solved[root].first, solved[root].second);
    }
};
