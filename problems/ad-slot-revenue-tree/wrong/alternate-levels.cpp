#include <vector>
#include <string>
#include <unordered_map>
#include <stdexcept>
using namespace std;
#include <algorithm>

// Wrong: takes the better of even and odd levels, but the best plan may skip two levels in a row.
class Solution {
public:
    long long maxAdRevenue(TreeNode* root) {
        if (!root) return 0;
        long long sums[2] = {0, 0};
        vector<TreeNode*> level{root};
        for (int depth = 0; !level.empty(); depth++) {
            vector<TreeNode*> next;
            for (TreeNode* node : level) {
                if (node->val < 0) throw invalid_argument("negative revenue");
                sums[depth % 2] += node->val;
                if (node->left) next.push_back(node->left);
                if (node->right) next.push_back(node->right);
            }
            level.swap(next);
        }
        return max(sums[0], sums[1]);
    }
};
