// Inputs of size n for StreamDeduplicator(1000): the constructor, then n calls of isDuplicate(eventId), with
// repeats at distances around the window's edge (window − 1, window, window + 1) and within it.
// Variants: edges (default).
'use strict';
const { createRandom } = require('../_lib/random.js');

const WINDOW = 1000;

module.exports = function generate(n, seed, variant = 'edges') {
  if (variant !== 'edges') throw new Error(`unknown variant ${variant}`);
  const rng = createRandom(seed);
  const stream = [];
  while (stream.length < n) {
    if (stream.length > 1500 && rng.random() < 0.35) {
      const distance = rng.pick([1, 2, WINDOW - 1, WINDOW, WINDOW, WINDOW + 1, WINDOW + 1, rng.int(1, 1500)]);
      stream.push(stream[stream.length - distance]);
    } else stream.push(rng.int(0, 2147483647));
  }
  return { ops: ['StreamDeduplicator', ...stream.map(() => 'isDuplicate')], args: [[WINDOW], ...stream.map((e) => [e])] };
};
