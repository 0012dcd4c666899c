// ListNode is provided by the runner: class ListNode { val: number; next: ListNode | null }

/**
 * Merge k sorted linked lists of release timestamps into one sorted linked list.
 * Duplicates are kept.
 *
 * @param playlists Heads of the k lists (any may be null), each sorted non-decreasing.
 * @returns Head of the merged list, or null when there are no timestamps at all.
 */
function mergePlaylists(playlists: (ListNode | null)[]): ListNode | null {
  throw new Error('mergePlaylists is not implemented yet');
}
