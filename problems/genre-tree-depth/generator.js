// Inputs of size n for genreTreeDepth(root): a tree of n genres, as a level-order list.
// Variants: left (default, the shape complexity is measured on: a chain going left, n deep, the worst case of a
// solution whose work grows with depth), bushy (a random tree), zigzag (a chain turning at every node).
'use strict';
const { createRandom, levelOrder, growRandom } = require('../_lib/random.js');

module.exports = function generate(n, seed, variant = 'left') {
  const rng = createRandom(seed);
  const value = () => rng.int(1, 999);
  const tree = { vals: [], left: [], right: [] };
  if (n === 0) return [[]];
  if (variant === 'bushy') {
    tree.vals.push(value());
    tree.left.push(-1);
    tree.right.push(-1);
    growRandom(tree, 0, n - 1, rng, value);
  } else if (variant === 'left' || variant === 'zigzag') {
    for (let i = 0; i < n; i++) {
      tree.vals.push(value());
      tree.left.push(-1);
      tree.right.push(-1);
    }
    for (let i = 0; i < n - 1; i++) {
      if (variant === 'left' || i % 2 === 0) tree.left[i] = i + 1;
      else tree.right[i] = i + 1;
    }
  } else throw new Error(`unknown variant ${variant}`);
  return [levelOrder(tree.vals, tree.left, tree.right)];
};
