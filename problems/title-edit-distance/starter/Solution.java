class Solution {
    /** The fewest single-character insertions, deletions and substitutions that turn source into target. */
    public int titleEditDistance(String source, String target) {
        throw new UnsupportedOperationException("titleEditDistance is not implemented yet");
    }
}
