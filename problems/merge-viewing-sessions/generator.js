// Inputs of size n for mergeSessions(sessions): n sessions [start, end].
// Variants: bursts (default: overlapping bursts with nested, duplicate, touching and zero-length sessions),
// apart (mostly standing alone, so the output is long), touching (each ends exactly where the next begins).
'use strict';
const { createRandom } = require('../_lib/random.js');

module.exports = function generate(n, seed, variant = 'bursts') {
  const rng = createRandom(seed);
  const sessions = [];
  if (variant === 'bursts') {
    let t = 0;
    while (sessions.length < n) {
      t += rng.int(1, 60000);
      let burstEnd = t;
      for (let k = rng.int(1, 40); k > 0; k--) {
        const kind = rng.random();
        let s;
        let e;
        if (kind < 0.05) {
          s = burstEnd; // touches the burst so far
          e = s + rng.int(0, 3000);
        } else if (kind < 0.1) {
          s = e = rng.int(t, burstEnd); // zero length, inside the burst
        } else if (kind < 0.15 && sessions.length > 0) {
          [s, e] = sessions[sessions.length - 1]; // an exact duplicate
        } else {
          s = rng.int(t, burstEnd);
          e = s + rng.int(0, 5400);
        }
        sessions.push([s, e]);
        burstEnd = Math.max(burstEnd, e);
      }
      t = burstEnd;
    }
    return [rng.shuffle(sessions.slice(0, n))];
  }
  if (variant === 'apart') {
    let t = 0;
    for (let i = 0; i < n; i++) {
      t += rng.pick([1, 1, 2, 30, 500]);
      const s = t;
      t += rng.int(0, 200);
      sessions.push([s, t]);
      if (rng.random() < 0.1) t -= rng.int(0, t - s); // the next one overlaps this one
    }
    return [rng.shuffle(sessions)];
  }
  if (variant === 'touching') {
    const cuts = new Set();
    while (cuts.size < n) cuts.add(rng.int(1, 999999999));
    const sorted = [...cuts].sort((a, b) => a - b);
    const starts = [0, ...sorted];
    return [rng.shuffle(sorted.map((end, i) => [starts[i], end]))];
  }
  throw new Error(`unknown variant ${variant}`);
};
