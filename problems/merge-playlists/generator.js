// Inputs of size n for mergePlaylists(playlists): about n episodes in all.
// Variants: pairs (default: n/2 playlists of two episodes — O(N·k) merging does ~k² steps), interleaved (two long
// playlists that interleave: one recursive call per node goes n deep), sparse (n/3 short playlists, a third of
// them empty, many equal timestamps).
'use strict';
const { createRandom } = require('../_lib/random.js');

module.exports = function generate(n, seed, variant = 'pairs') {
  const rng = createRandom(seed);
  const sorted = (list) => list.sort((a, b) => a - b);
  if (variant === 'pairs') {
    return [Array.from({ length: Math.max(1, Math.floor(n / 2)) }, () => sorted([rng.below(100000), rng.below(100000)]))];
  }
  if (variant === 'interleaved') {
    const a = [];
    const b = [];
    let t = 0;
    for (let i = 0; i < n; i++) {
      t += rng.below(2);
      (rng.random() < 0.5 ? a : b).push(t);
    }
    return [[a, b]];
  }
  if (variant === 'sparse') {
    return [Array.from({ length: Math.max(1, Math.floor(n / 3)) }, () => sorted(Array.from({ length: rng.pick([0, 0, 1, 2, 3, 4, 5]) }, () => rng.below(1000))))];
  }
  throw new Error(`unknown variant ${variant}`);
};
