#include <vector>
#include <string>
#include <unordered_map>
#include <stdexcept>
using namespace std;

class Solution {
public:
    /**
     * Two passes, O(n) time and O(u) extra space for u distinct ids.
     * Invariant: after the first pass, counts[t] is how often t occurs in the whole history.
     */
    string firstUniqueTitle(vector<string>& titles) {
        unordered_map<string, int> counts;
        for (const string& title : titles) counts[title]++;
        for (const string& title : titles)
            if (counts[title] == 1) return title;
        return "";
    }
};
