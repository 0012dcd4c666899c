#include <vector>
#include <string>
#include <unordered_map>
#include <stdexcept>
using namespace std;
#include <queue>

// Wrong: counts the links on the longest path instead of its nodes.
class Solution {
public:
    int genreTreeDepth(TreeNode* root) {
        if (!root) return 0;
        int depth = -1;
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
