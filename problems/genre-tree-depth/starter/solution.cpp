#include <vector>
#include <string>
#include <unordered_map>
#include <stdexcept>
using namespace std;

// TreeNode is provided by the runner, as on LeetCode:
// struct TreeNode { int val; TreeNode *left; TreeNode *right; TreeNode(int x) : val(x), left(nullptr), right(nullptr) {} };

class Solution {
public:
    /**
     * The number of nodes on the longest root-to-leaf path (0 for an empty tree).
     * The tree can be a single chain up to 100,000 nodes deep.
     */
    int genreTreeDepth(TreeNode* root) {
        throw std::logic_error("not implemented");
    }
};
