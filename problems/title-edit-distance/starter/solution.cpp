#include <vector>
#include <string>
#include <unordered_map>
#include <stdexcept>
using namespace std;

class Solution {
public:
    /**
     * The fewest single-character insertions, deletions and substitutions that turn source into target
     * (characters, not bytes: titles are UTF-8).
     */
    int titleEditDistance(string source, string target) {
        throw std::logic_error("not implemented");
    }
};
