// WRONG (too slow): correct, but merges the playlists one after another, so the growing result is
// re-walked for every playlist: O(N * k). Times out with 50,000 playlists.
function mergePlaylists(playlists) {
  let merged = null;
  for (const head of playlists) {
    const dummy = new ListNode(0);
    let tail = dummy;
    let a = merged;
    let b = head;
    while (a !== null && b !== null) {
      if (a.val <= b.val) { tail.next = a; a = a.next; } else { tail.next = b; b = b.next; }
      tail = tail.next;
    }
    tail.next = a !== null ? a : b;
    merged = dummy.next;
  }
  return merged;
}
