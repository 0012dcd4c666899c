// Inputs of size n for maxAdRevenue(root): a tree of n ad slots, as a level-order list.
// Variants: bushy (default: random and shallow), spine (a left-going chain of n/40 rows, each with a
// shelf of 40 on its right: deep, for recursion without memo), complete (a perfect tree of about n nodes).
'use strict';
const { createRandom, levelOrder, growRandom } = require('../_lib/random.js');

module.exports = function generate(n, seed, variant = 'bushy') {
  const rng = createRandom(seed);
  // About one slot in five is worth nothing.
  const revenue = () => (rng.random() < 0.2 ? 0 : rng.int(1, 10000));
  const tree = { vals: [], left: [], right: [] };
  const add = () => {
    tree.vals.push(revenue());
    tree.left.push(-1);
    tree.right.push(-1);
    return tree.vals.length - 1;
  };
  if (variant === 'bushy') {
    growRandom(tree, add(), Math.max(0, n - 1), rng, revenue);
  } else if (variant === 'spine') {
    const length = Math.max(1, Math.floor(n / 40));
    const spine = [add()];
    for (let i = 1; i < length; i++) {
      const node = add();
      tree.left[spine[spine.length - 1]] = node;
      spine.push(node);
    }
    for (const node of spine) {
      const shelf = add();
      tree.right[node] = shelf;
      growRandom(tree, shelf, 38, rng, revenue);
    }
  } else if (variant === 'complete') {
    const size = 2 ** Math.max(1, Math.round(Math.log2(n + 1))) - 1;
    for (let i = 0; i < size; i++) add();
    for (let i = 0; 2 * i + 2 < size; i++) {
      tree.left[i] = 2 * i + 1;
      tree.right[i] = 2 * i + 2;
    }
  } else throw new Error(`unknown variant ${variant}`);
  return [levelOrder(tree.vals, tree.left, tree.right)];
};
