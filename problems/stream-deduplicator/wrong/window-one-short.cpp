#include <vector>
#include <string>
#include <unordered_map>
#include <stdexcept>
using namespace std;
#include <deque>

// Wrong: keeps one id too few, so an id exactly windowSize calls back is taken as new.
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
        while (recent.size() >= windowSize && !recent.empty()) {
            long long oldest = recent.front();
            recent.pop_front();
            if (--counts[oldest] == 0) counts.erase(oldest);
        }
        return duplicate;
    }
};
