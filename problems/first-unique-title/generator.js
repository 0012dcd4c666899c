// Inputs of size n for firstUniqueTitle(titles): a history of n title ids (mixed case: "tA1" and "ta1" differ).
// Variants: finale (default: every title watched twice in the same order, one one-off at the very end),
// none (every title twice, no one-off).
'use strict';
const { createRandom, base36 } = require('../_lib/random.js');

module.exports = function generate(n, seed, variant = 'finale') {
  const rng = createRandom(seed);
  const ids = (count) => {
    const out = [];
    for (let i = 0; i < count; i++) out.push([...`t${base36(i)}`].map((c) => (/[a-z]/.test(c) && rng.random() < 0.5 ? c.toUpperCase() : c)).join(''));
    return rng.shuffle(out);
  };
  if (variant === 'finale') {
    const half = ids(Math.max(0, Math.floor((n - 1) / 2)));
    return [[...half, ...half, 'tUnique-finale']];
  }
  if (variant === 'none') {
    const half = ids(Math.floor(n / 2));
    return [[...half, ...half]];
  }
  throw new Error(`unknown variant ${variant}`);
};
