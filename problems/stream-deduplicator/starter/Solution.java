/** Flags an event id seen among the previous windowSize events. */
class StreamDeduplicator {
    /** @param windowSize How many previous events a duplicate is looked for in (>= 1). */
    public StreamDeduplicator(int windowSize) {
        throw new UnsupportedOperationException("StreamDeduplicator is not implemented yet");
    }

    /** Whether eventId occurs among the previous windowSize calls' ids; this call's id then joins the window. */
    public boolean isDuplicate(int eventId) {
        throw new UnsupportedOperationException("isDuplicate is not implemented yet");
    }
}
