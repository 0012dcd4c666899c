// WRONG (stack depth): divide and conquer is the right idea, but the two-list merge recurses once
// per node, so merging playlists 50,000 nodes long overflows the call stack (RangeError).
function mergeTwo(a: ListNode | null, b: ListNode | null): ListNode | null {
  if (a === null) return b;
  if (b === null) return a;
  if (a.val <= b.val) {
    a.next = mergeTwo(a.next, b);
    return a;
  }
  b.next = mergeTwo(a, b.next);
  return b;
}

function mergePlaylists(playlists: (ListNode | null)[]): ListNode | null {
  if (playlists.length === 0) return null;
  let lists = playlists;
  while (lists.length > 1) {
    const next: (ListNode | null)[] = [];
    for (let i = 0; i < lists.length; i += 2) {
      next.push(i + 1 < lists.length ? mergeTwo(lists[i], lists[i + 1]) : lists[i]);
    }
    lists = next;
  }
  return lists[0];
}
