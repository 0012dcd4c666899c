class Solution {
    /** The earliest title id that occurs exactly once in titles, or "" when there is none. Ids are case-sensitive. */
    public String firstUniqueTitle(String[] titles) {
        throw new UnsupportedOperationException("firstUniqueTitle is not implemented yet");
    }
}
