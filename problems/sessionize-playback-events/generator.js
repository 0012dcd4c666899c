// Inputs of size n for countSessions(events, gap): about n events [userId, timestamp] of n/3 users.
// Variants: wide (default: gap 1800 over a 900,000 s horizon), tight (gap 7 over 90,000 s). Gaps between a
// user's events are mostly within the gap, sometimes exactly at it, sometimes beyond it.
'use strict';
const { createRandom, base36 } = require('../_lib/random.js');

module.exports = function generate(n, seed, variant = 'wide') {
  const rng = createRandom(seed);
  const [horizon, gap] = variant === 'wide' ? [900000, 1800] : variant === 'tight' ? [90000, 7] : [0, 0];
  if (gap === 0) throw new Error(`unknown variant ${variant}`);
  // Mixed case, as real ids are; ids stay distinct even ignoring case.
  const users = [...new Set(Array.from({ length: Math.max(1, Math.floor(n / 3)) }, (_, i) => [...`u${base36(i)}`].map((c) => (rng.random() < 0.3 ? c.toUpperCase() : c)).join('')))].sort();
  const events = [];
  for (const u of users) {
    let t = rng.below(horizon);
    for (let k = rng.int(1, 5); k > 0; k--) {
      events.push([u, t]);
      t += rng.pick([0, rng.below(gap + 1), gap, gap + 1, rng.below(gap * 3)]);
    }
  }
  return [rng.shuffle(events), gap];
};
