// WRONG (stack depth): the textbook recursion is right on small trees, but it uses one stack frame
// per level and throws RangeError (maximum call stack size exceeded) on 100,000-deep chains.
function genreTreeDepth(root) {
  if (root === null) return 0;
  return 1 + Math.max(genreTreeDepth(root.left), genreTreeDepth(root.right));
}
