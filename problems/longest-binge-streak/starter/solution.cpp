#include <vector>
#include <string>
#include <unordered_map>
#include <stdexcept>
using namespace std;

class Solution {
public:
    /**
     * The length of the longest run of consecutive day numbers present in `days` (0 when empty).
     * Days come in any order; the same day may appear several times.
     */
    int longestStreak(vector<int>& days) {
        throw std::logic_error("not implemented");
    }
};
