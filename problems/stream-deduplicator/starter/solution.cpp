#include <vector>
#include <string>
#include <unordered_map>
#include <stdexcept>
using namespace std;

/** Says whether an event id was seen among the previous `windowSize` events. */
class StreamDeduplicator {
public:
    StreamDeduplicator(int windowSize) {
        throw std::logic_error("not implemented");
    }

    /** Whether eventId occurs among the previous windowSize calls; the call itself then enters the window. */
    bool isDuplicate(long long eventId) {
        throw std::logic_error("not implemented");
    }
};
