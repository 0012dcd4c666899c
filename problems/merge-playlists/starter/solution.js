// ListNode is provided by the runner: new ListNode(val = 0, next = null).

/**
 * Merge k sorted linked lists of release timestamps into one sorted linked list.
 * Duplicates are kept.
 *
 * @param {(ListNode | null)[]} playlists Heads of the k lists (any may be null), each sorted non-decreasing.
 * @returns {ListNode | null} Head of the merged list, or null when there are no timestamps at all.
 */
function mergePlaylists(playlists) {
  throw new Error('mergePlaylists is not implemented yet');
}
