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
     * The most revenue from ads placed on nodes so that no node and its parent both carry one.
     * Throws (any exception) if a node has a negative value. The tree can be 100,000 levels deep.
     */
    long long maxAdRevenue(TreeNode* root) {
        throw std::logic_error("not implemented");
    }
};
