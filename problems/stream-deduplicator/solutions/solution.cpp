#include <vector>
#include <string>
#include <unordered_map>
#include <stdexcept>
using namespace std;
#include <deque>

/**
 * The last windowSize ids plus a count of each id in them: O(1) per call, O(windowSize) memory.
 * Invariant: before each call, recent holds the ids of the previous min(calls, windowSize) calls, oldest
 * first, and counts[id] is how often id occurs in recent (absent ids have no entry).
 */
class StreamDeduplicator {
    size_t windowSize;
    deque<long long> recent;
    unordered_map<long long, int> counts;

public:
    StreamDeduplicator(int windowSize) : windowSize(windowSize) {}

    bool isDuplicate(long long eventId) {
        bool duplicate = counts.count(eventId) > 0;
        recent.push_back(eventId);
        counts[eventId]++;
        if (recent.size() > windowSize) {
            long long oldest = recent.front();
            recent.pop_front();
            if (--counts[oldest] == 0) counts.erase(oldest);
        }
        return duplicate;
    }
};
