#include <vector>
#include <string>
#include <unordered_map>
#include <stdexcept>
using namespace std;

class Solution {
public:
    /** The earliest title id that occurs exactly once in the history, or "" when there is none. */
    string firstUniqueTitle(vector<string>& titles) {
        throw std::logic_error("not implemented");
    }
};
