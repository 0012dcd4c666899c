import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Wrong: a pair exactly gap apart starts a new session, but only a larger difference does. */
class Solution {
    public Map<String, Integer> countSessions(List<List<Object>> events, int gap) {
        if (gap < 0) throw new IllegalArgumentException("gap must be non-negative");
        Map<String, List<Long>> byUser = new HashMap<>();
        for (List<Object> event : events) {
            long ts = ((Number) event.get(1)).longValue();
            if (ts < 0) throw new IllegalArgumentException("negative timestamp");
            byUser.computeIfAbsent((String) event.get(0), k -> new ArrayList<>()).add(ts);
        }
        Map<String, Integer> sessions = new HashMap<>();
        for (Map.Entry<String, List<Long>> e : byUser.entrySet()) {
            List<Long> stamps = e.getValue();
            Collections.sort(stamps);
            int count = 1;
            for (int i = 1; i < stamps.size(); i++) if (stamps.get(i) - stamps.get(i - 1) >= gap) count++;
            sessions.put(e.getKey(), count);
        }
        return sessions;
    }
}
