/**
 * Maximum depth in nodes, breadth-first.
 *
 * Invariant: at the start of each round, `level` holds exactly the nodes at depth `depth + 1`,
 * so the number of non-empty rounds is the depth. O(n) time, O(width) extra space, and no
 * recursion, so a 100,000-node chain is fine.
 */
function genreTreeDepth(root: TreeNode | null): number {
  if (root === null) {
    return 0;
  }
  let depth = 0;
  let level: TreeNode[] = [root];
  while (level.length > 0) {
    depth++;
    const next: TreeNode[] = [];
    for (const node of level) {
      if (node.left !== null) next.push(node.left);
      if (node.right !== null) next.push(node.right);
    }
    level = next;
  }
  return depth;
}
