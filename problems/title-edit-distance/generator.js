// Inputs of size n for titleEditDistance(source, target): titles of n characters.
// Variants: disjoint (default, the shape complexity is measured on: two titles of n characters with no character in
// common, so every position differs and no solution's work depends on where letters happen to match), unrelated
// (two random titles), edited (a title and itself after n/50 edits), swapcase (a
// title and its first 3n/4 characters with one letter in ten changing case), empty (a title and "").
'use strict';
const { createRandom } = require('../_lib/random.js');

const WORDS = ("the crown dark night house of cards lost city stranger things mind hunter blue planet black mirror ozark narcos lupin money heist the witcher squid game wednesday Season Part Chronicles Returns: Origins - Director's Cut (Remastered) 2 II III & !").split(' ');
const ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -:'!&()";

module.exports = function generate(n, seed, variant = 'disjoint') {
  const rng = createRandom(seed);
  const title = (length) => {
    let text = '';
    while (text.length < length) text += (text ? ' ' : '') + rng.pick(WORDS);
    return text.slice(0, length);
  };
  if (variant === 'disjoint') {
    const from = (letters) => Array.from({ length: n }, () => rng.pick([...letters])).join('');
    return [from('abcdefghijklmnopqrstuvwxyz -'), from('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')];
  }
  if (variant === 'unrelated') return [title(n), title(n)];
  if (variant === 'edited') {
    const base = title(n);
    const chars = [...base];
    for (let k = Math.floor(n / 50); k > 0; k--) {
      const kind = rng.below(3);
      const pos = rng.below(chars.length + (kind === 0 ? 1 : 0));
      if (kind === 0) chars.splice(pos, 0, rng.pick([...ALPHABET]));
      else if (kind === 1) chars.splice(pos, 1);
      else chars[pos] = rng.pick([...ALPHABET]);
    }
    return [base, chars.join('').slice(0, n)];
  }
  if (variant === 'swapcase') {
    const base = title(n);
    const flipped = [...base].map((c) => (rng.random() < 0.1 ? (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()) : c)).join('');
    return [base, flipped.slice(0, Math.floor((n * 3) / 4))];
  }
  if (variant === 'empty') return [title(n), ''];
  throw new Error(`unknown variant ${variant}`);
};
