#include <vector>
#include <string>
#include <unordered_map>
#include <stdexcept>
using namespace std;

// Wrong: only notices a repeat when it comes right after the same title.
class Solution {
public:
    string firstUniqueTitle(vector<string>& titles) {
        for (size_t i = 0; i < titles.size(); i++) {
            bool before = i > 0 && titles[i - 1] == titles[i];
            bool after = i + 1 < titles.size() && titles[i + 1] == titles[i];
            if (!before && !after) return titles[i];
        }
        return "";
    }
};
