// WRONG (too slow): correct, and iterative, but measures every node's depth by walking up to the
// root through a parent map: O(n * depth), which is O(n^2) on a chain of 100,000 genres.
function genreTreeDepth(root) {
  if (root === null) return 0;
  const parent = new Map([[root, null]]);
  const stack = [root];
  while (stack.length) {
    const node = stack.pop();
    for (const child of [node.left, node.right]) {
      if (child !== null) {
        parent.set(child, node);
        stack.push(child);
      }
    }
  }
  let best = 0;
  for (const node of parent.keys()) {
    let d = 0;
    for (let at = node; at !== null; at = parent.get(at)) d++;
    best = Math.max(best, d);
  }
  return best;
}
