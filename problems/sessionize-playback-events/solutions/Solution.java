import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

class Solution {
    /**
     * Group by user, sort each user's timestamps, count the neighbouring pairs more than gap apart.
     * O(N log N) time, O(N) extra space.
     */
    public Map<String, Integer> countSessions(List<List<Object>> events, int gap) {
        if (gap < 0) throw new IllegalArgumentException("gap must be non-negative, got " + gap);
        Map<String, List<Long>> byUser = new HashMap<>();
        for (List<Object> event : events) {
            String user = (String) event.get(0);
            long ts = ((Number) event.get(1)).longValue();
            if (ts < 0) throw new IllegalArgumentException("negative timestamp " + ts + " for user " + user);
            byUser.computeIfAbsent(user, k -> new ArrayList<>()).add(ts);
        }
        Map<String, Integer> sessions = new HashMap<>();
        for (Map.Entry<String, List<Long>> e : byUser.entrySet()) {
            List<Long> stamps = e.getValue();
            Collections.sort(stamps);
            int count = 1;
            for (int i = 1; i < stamps.size(); i++) {
                if (stamps.get(i) - stamps.get(i - 1) > gap) count++;
            }
            sessions.put(e.getKey(), count);
        }
        return sessions;
    }
}
