// Inputs of size n for longestBingeStreak(days): n logged days.
// Variants: scattered (default: days across the whole range with planted streaks — the longest crosses day 0,
// a decoy one shorter sits at the top of the range — and about 10% repeats), doubled (one streak of n/2 days,
// each logged twice).
'use strict';
const { createRandom } = require('../_lib/random.js');

const MAX = 1000000000;

module.exports = function generate(n, seed, variant = 'scattered') {
  const rng = createRandom(seed);
  const days = [];
  const range = (from, to) => {
    for (let d = from; d < to; d++) days.push(d);
  };
  if (variant === 'scattered') {
    const planted = Math.max(2, Math.floor(n / 80));
    range(-Math.floor(planted / 2), planted - Math.floor(planted / 2)); // the longest, through day 0
    range(MAX - planted + 2, MAX + 1); // one day shorter, ending at the maximum
    range(-MAX, -MAX + Math.floor(planted * 0.7)); // starting at the minimum
    for (let k = 0; k < n / 500; k++) {
      const start = rng.int(-MAX + 2000, MAX - 2000);
      range(start, start + rng.int(2, 40));
    }
    while (days.length < Math.floor((n * 9) / 10)) days.push(rng.int(-MAX, MAX));
    while (days.length < n) days.push(rng.pick(days));
    return [rng.shuffle(days.slice(0, Math.max(n, 1)))];
  }
  if (variant === 'doubled') {
    const half = Math.floor(n / 2);
    range(-Math.floor(half / 2), half - Math.floor(half / 2));
    range(-Math.floor(half / 2), half - Math.floor(half / 2));
    return [rng.shuffle(days)];
  }
  throw new Error(`unknown variant ${variant}`);
};
