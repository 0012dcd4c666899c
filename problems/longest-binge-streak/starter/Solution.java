class Solution {
    /** The length of the longest run of consecutive day numbers present in days (0 when days is empty). */
    public int longestStreak(int[] days) {
        throw new UnsupportedOperationException("longestStreak is not implemented yet");
    }
}
