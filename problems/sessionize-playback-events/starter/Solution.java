import java.util.List;
import java.util.Map;

class Solution {
    /**
     * The number of sessions per user: a user's events (each [userId, timestampSeconds]) split into a new session
     * wherever two neighbouring timestamps (sorted) are more than gap apart.
     * Throws IllegalArgumentException on a negative gap or a negative timestamp.
     */
    public Map<String, Integer> countSessions(List<List<Object>> events, int gap) {
        throw new UnsupportedOperationException("countSessions is not implemented yet");
    }
}
