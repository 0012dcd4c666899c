/** Merge two sorted lists with a loop (a playlist can be 100,000 nodes: no recursion). */
function mergeTwo(a: ListNode | null, b: ListNode | null): ListNode | null {
  const dummy = new ListNode(0);
  let tail: ListNode = dummy;
  while (a !== null && b !== null) {
    if (a.val <= b.val) {
      tail.next = a;
      a = a.next;
    } else {
      tail.next = b;
      b = b.next;
    }
    tail = tail.next;
  }
  tail.next = a !== null ? a : b;
  return dummy.next;
}

/**
 * Divide and conquer, bottom-up: merge the lists in pairs, round after round.
 * Invariant: after round r, every entry of `lists` is the sorted merge of up to 2^r original
 * playlists, and together they hold every node. Each round touches every node once and there are
 * ceil(log2 k) rounds: O(N log k) time, O(k) extra space. Nodes are relinked, not copied.
 */
function mergePlaylists(playlists: (ListNode | null)[]): ListNode | null {
  let lists = playlists.filter((head): head is ListNode => head !== null);
  if (lists.length === 0) {
    return null;
  }
  while (lists.length > 1) {
    const next: ListNode[] = [];
    for (let i = 0; i < lists.length; i += 2) {
      next.push(i + 1 < lists.length ? (mergeTwo(lists[i], lists[i + 1]) as ListNode) : lists[i]);
    }
    lists = next;
  }
  return lists[0];
}
