// Inputs of size n for topKAds(impressions, k): n impressions.
// Variants: tail (default: n/2 ads with a long tail, k = n/5, ending inside a huge tie only the id order
// resolves), once (n ads shown once each, k above that: every id in string order), heavy (n impressions of
// 1,000 ads with 1/rank weights, top 10).
'use strict';
const { createRandom } = require('../_lib/random.js');

const ALPHABET = [...'0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_'];

module.exports = function generate(n, seed, variant = 'tail') {
  const rng = createRandom(seed);
  const adIds = (count) => {
    const seen = new Set();
    while (seen.size < count) seen.add(rng.pick(['ad-', 'AD-', 'Ad_', 'x']) + Array.from({ length: rng.int(1, 6) }, () => rng.pick(ALPHABET)).join(''));
    return rng.shuffle([...seen].sort());
  };
  if (variant === 'tail') {
    const ids = adIds(Math.max(1, Math.floor(n / 2)));
    const impressions = [...ids];
    while (impressions.length < n) {
      const rank = Math.floor(1 / Math.pow(1 - rng.random(), 1 / 1.1)) - 1; // Pareto(1.1)
      impressions.push(rng.random() < 0.5 ? ids[Math.min(rank * 7, ids.length - 1)] : rng.pick(ids));
    }
    return [rng.shuffle(impressions), Math.max(1, Math.floor(n / 5))];
  }
  if (variant === 'once') return [adIds(n), 1000000000];
  if (variant === 'heavy') {
    const ids = adIds(1000);
    const cumulative = [];
    let total = 0;
    for (let i = 0; i < ids.length; i++) cumulative.push((total += 1 / (i + 1)));
    const impressions = [];
    for (let i = 0; i < n; i++) {
      const x = rng.random() * total;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid] > x) hi = mid;
        else lo = mid + 1;
      }
      impressions.push(ids[lo]);
    }
    return [impressions, 10];
  }
  throw new Error(`unknown variant ${variant}`);
};
