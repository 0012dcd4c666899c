import java.util.PriorityQueue;

/** Wrong: a timestamp equal to the last merged one is dropped, but duplicates must be kept. */
class Solution {
    public ListNode mergePlaylists(ListNode[] playlists) {
        PriorityQueue<ListNode> heap = new PriorityQueue<>((a, b) -> Integer.compare(a.val, b.val));
        for (ListNode head : playlists) if (head != null) heap.add(head);
        ListNode dummy = new ListNode(0);
        ListNode tail = dummy;
        while (!heap.isEmpty()) {
            ListNode node = heap.poll();
            if (node.next != null) heap.add(node.next);
            if (tail != dummy && tail.val == node.val) continue;
            tail.next = node;
            tail = node;
        }
        tail.next = null;
        return dummy.next;
    }
}
