/**
 * Tree DP with two figures per node, children before parents, no recursion.
 *
 * For each node: with = val + without(left) + without(right);
 *                without = best(left) + best(right), where best = max(with, without).
 * Invariant: nodes are solved in reverse breadth-first order, so both children of a node are
 * solved before it. O(n) time, O(n) extra space; depth does not matter.
 */
function maxAdRevenue(root: TreeNode | null): number {
  if (root === null) {
    return 0;
  }
  const order: TreeNode[] = [root];
  for (let i = 0; i < order.length; i++) {
    const node = order[i];
    if (node.val < 0) {
      throw new RangeError(`negative revenue ${node.val}`);
    }
    if (node.left !== null) order.push(node.left);
    if (node.right !== null) order.push(node.right);
  }
  const withAd = new Map<TreeNode, number>();
  const withoutAd = new Map<TreeNode, number>();
  const figure = (m: Map<TreeNode, number>, node: TreeNode | null): number => (node === null ? 0 : (m.get(node) as number));
  for (let i = order.length - 1; i >= 0; i--) {
    const { val, left, right } = order[i];
    const ol = figure(withoutAd, left);
    const or = figure(withoutAd, right);
    withAd.set(order[i], val + ol + or);
    withoutAd.set(order[i], Math.max(figure(withAd, left), ol) + Math.max(figure(withAd, right), or));
  }
  return Math.max(withAd.get(root) as number, withoutAd.get(root) as number);
}
