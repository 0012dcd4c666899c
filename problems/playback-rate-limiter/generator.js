// Inputs of size n for PlaybackRateLimiter: the constructor, then n calls of allow(userId, timestampMs).
// Variants: heavy (default: one user, calls a millisecond apart, a limit of 0.6·n per 0.8·n ms, so the live
// window holds ~0.6·n calls and scanning it per call is quadratic), crowd (2,000 users with bursts, retries,
// exact window boundaries, out-of-order calls and ids like __proto__, limit 5 per minute).
'use strict';
const { createRandom } = require('../_lib/random.js');

module.exports = function generate(n, seed, variant = 'heavy') {
  const rng = createRandom(seed);
  const calls = [];
  let limit;
  let windowMs;
  if (variant === 'heavy') {
    limit = Math.max(1, Math.floor(n * 0.6));
    windowMs = Math.max(1, Math.floor(n * 0.8));
    let t = 0;
    for (let i = 0; i < n; i++) {
      calls.push(['a', t]);
      t += rng.random() < 0.05 ? 0 : 1;
    }
  } else if (variant === 'crowd') {
    limit = 5;
    windowMs = 60000;
    const users = [...Array.from({ length: 1990 }, (_, i) => `u${i}`), 'constructor', '__proto__', 'toString', 'U1', 'hasOwnProperty', 'valueOf', 'user-_-', 'A', 'a', 'u1_'];
    let t = 1000000;
    let recent = [];
    while (calls.length < n) {
      const r = rng.random();
      if (r < 0.02 && t > 5000) {
        calls.push([rng.pick(users), t - rng.int(1, 5000)]); // out of order
        continue;
      }
      if (r < 0.1 && recent.length > 0) {
        const [u, t0] = rng.pick(recent);
        t = Math.max(t, t0 + 60000); // exactly one window later
        calls.push([u, t]);
        continue;
      }
      t += rng.pick([0, 0, 1, 7, 250, 3000]);
      const u = rng.random() < 0.5 ? users[rng.below(50)] : rng.pick(users);
      for (let k = rng.pick([1, 1, 1, 3, 8]); k > 0; k--) {
        calls.push([u, t]); // a burst of retries
        recent.push([u, t]);
      }
      recent = recent.slice(-200);
    }
    calls.length = n;
  } else throw new Error(`unknown variant ${variant}`);
  return { ops: ['PlaybackRateLimiter', ...calls.map(() => 'allow')], args: [[limit, windowMs], ...calls] };
};
