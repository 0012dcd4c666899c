/**
 * Tree DP with two figures per node, children before parents, no recursion.
 *
 * For each node: with = val + without(left) + without(right);
 *                without = best(left) + best(right), where best = max(with, without).
 * Invariant: nodes are solved in reverse breadth-first order, so both children of a node are
 * solved before it. O(n) time, O(n) extra space; depth does not matter.
 * @param {TreeNode | null} root
 * @returns {number}
 */
function maxAdRevenue(root) {
  if (root === null) {
    return 0;
  }
  const order = [root];
  for (let i = 0; i < order.length; i++) {
    const node = order[i];
    if (node.val < 0) {
      throw new RangeError(`negative revenue ${node.val}`);
    }
    if (node.left !== null) order.push(node.left);
    if (node.right !== null) order.push(node.right);
  }
  const withAd = new Map();
  const withoutAd = new Map();
  for (let i = order.length - 1; i >= 0; i--) {
    const { val, left, right } = order[i];
    const wl = left === null ? 0 : withAd.get(left);
    const ol = left === null ? 0 : withoutAd.get(left);
    const wr = right === null ? 0 : withAd.get(right);
    const or = right === null ? 0 : withoutAd.get(right);
    withAd.set(order[i], val + ol + or);
    withoutAd.set(order[i], Math.max(wl, ol) + Math.max(wr, or));
  }
  return Math.max(withAd.get(root), withoutAd.get(root));
}
