/**
 * Definition for singly-linked list (provided by the runner, as on LeetCode).
 * class ListNode {
 *     int val;
 *     ListNode next;
 *     ListNode() {}
 *     ListNode(int val) { this.val = val; }
 *     ListNode(int val, ListNode next) { this.val = val; this.next = next; }
 * }
 */
class Solution {
    /**
     * Merge k sorted linked lists of release timestamps into one sorted linked list. Duplicates are kept.
     * Any list may be null; returns null when there are no timestamps at all.
     */
    public ListNode mergePlaylists(ListNode[] playlists) {
        throw new UnsupportedOperationException("mergePlaylists is not implemented yet");
    }
}
