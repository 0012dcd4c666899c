#include <vector>
#include <string>
#include <unordered_map>
#include <stdexcept>
using namespace std;
#include <algorithm>

class Solution {
    /** The string's code points: titles are UTF-8, and an edit changes one character, not one byte. */
    static vector<char32_t> codePoints(const string& s) {
        vector<char32_t> out;
        for (size_t i = 0; i < s.size();) {
            unsigned char c = s[i];
            int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
            char32_t cp = len == 1 ? c : c & (0x7F >> len);
            for (int k = 1; k < len && i + k < s.size(); k++) cp = (cp << 6) | (s[i + k] & 0x3F);
            out.push_back(cp);
            i += len;
        }
        return out;
    }

public:
    /**
     * Levenshtein distance, bottom-up, keeping one row: O(n·m) time, O(m) extra space.
     * Invariant: before row i is built, prev[j] is the distance between source[:i-1] and target[:j].
     */
    int titleEditDistance(string source, string target) {
        vector<char32_t> s = codePoints(source), t = codePoints(target);
        size_t m = t.size();
        vector<int> prev(m + 1), cur(m + 1);
        for (size_t j = 0; j <= m; j++) prev[j] = static_cast<int>(j);
        for (size_t i = 1; i <= s.size(); i++) {
            cur[0] = static_cast<int>(i);
            for (size_t j = 1; j <= m; j++)
                cur[j] = s[i - 1] == t[j - 1] ? prev[j - 1] : 1 + min({prev[j - 1], prev[j], cur[j - 1]});
            swap(prev, cur);
        }
        return prev[m];
    }
};
