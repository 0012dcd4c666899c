// WRONG (invalid input): the dynamic programming is right, but negative revenues are not rejected
// (they are simply never chosen), so invalid trees return a number instead of throwing.
function maxAdRevenue(root: TreeNode | null): number {
  function solve(node: TreeNode | null): [number, number] {
    if (node === null) return [0, 0];
    const [wl, ol] = solve(node.left);
    const [wr, or] = solve(node.right);
    return [node.val + ol + or, Math.max(wl, ol) + Math.max(wr, or)];
  }
  return Math.max(...solve(root));
}
