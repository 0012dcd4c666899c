/**
 * Merge two sorted lists with a loop (a playlist can be 100,000 nodes: no recursion).
 * @param {ListNode | null} a
 * @param {ListNode | null} b
 * @returns {ListNode | null}
 */
function mergeTwo(a, b) {
  const dummy = new ListNode(0);
  let tail = dummy;
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
 * @param {(ListNode | null)[]} playlists
 * @returns {ListNode | null}
 */
function mergePlaylists(playlists) {
  let lists = playlists.filter((head) => head !== null);
  if (lists.length === 0) {
    return null;
  }
  while (lists.length > 1) {
    const next = [];
    for (let i = 0; i < lists.length; i += 2) {
      next.push(i + 1 < lists.length ? mergeTwo(lists[i], lists[i + 1]) : lists[i]);
    }
    lists = next;
  }
  return lists[0];
}
