// WRONG (too slow): the recurrence is right, but best(node) is recomputed from the parent and from
// the grandparent, so the number of calls grows like Fibonacci numbers with depth: exponential.
function maxAdRevenue(root) {
  function best(node) {
    if (node === null) return 0;
    if (node.val < 0) throw new RangeError('negative revenue');
    let take = node.val;
    if (node.left !== null) take += best(node.left.left) + best(node.left.right);
    if (node.right !== null) take += best(node.right.left) + best(node.right.right);
    return Math.max(take, best(node.left) + best(node.right));
  }
  return best(root);
}
