import java.util.PriorityQueue;

class Solution {
    /**
     * k-way merge with a min-heap of the current heads: O(N log k) time, O(k) extra space.
     * The heap holds the first not-yet-merged node of every list that still has nodes. Nodes are relinked, not copied.
     */
    public ListNode mergePlaylists(ListNode[] playlists) {
        PriorityQueue<ListNode> heap = new PriorityQueue<>((a, b) -> Integer.compare(a.val, b.val));
        for (ListNode head : playlists) if (head != null) heap.add(head);
        ListNode dummy = new ListNode(0);
        ListNode tail = dummy;
        while (!heap.isEmpty()) {
            ListNode node = heap.poll();
            tail.next = node;
            tail = node;
            if (node.next != null) heap.add(node.next);
        }
        tail.next = null;
        return dummy.next;
    }
}
