#include <vector>
#include <string>
#include <unordered_map>
#include <stdexcept>
using namespace std;
#include <queue>

class Solution {
public:
    /**
     * Breadth-first, level by level. Invariant: at the start of each round, `level` holds exactly the
     * nodes one deeper than `depth`. O(n) time, O(width) extra space, no recursion.
     */
    int genreTreeDepth(TreeNode* root) {
        if (!root) return 0;
        int depth = 0;
        queue<TreeNode*> level;
        level.push(root);
        while (!level.empty()) {
            depth++;
            for (size_t i = level.size(); i > 0; i--) {
                TreeNode* node = level.front();
                level.pop();
                if (node->left) level.push(node->left);
                if (node->right) level.push(node->right);
            }
        }
        return depth;
    }
};
