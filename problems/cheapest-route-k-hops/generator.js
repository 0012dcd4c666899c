// Inputs of size n for cheapestRoute(n, links, src, dst, maxHops): 100 airports and n links.
// Variants: chain (default: a cheap 99-link chain from 0 to 99 hidden among pricier links, maxHops 99),
// chain-short (the same, maxHops 40), free (free links back to lower airports, maxHops above n),
// unreachable (airport i needs at least i links: 99 cannot be reached within 98).
'use strict';
const { createRandom } = require('../_lib/random.js');

const N = 100;

module.exports = function generate(n, seed, variant = 'chain') {
  const rng = createRandom(seed);
  const chainNetwork = (price) => {
    const middle = rng.shuffle(Array.from({ length: N - 2 }, (_, i) => i + 1));
    const order = [0, ...middle, N - 1];
    const links = [];
    for (let i = 0; i + 1 < order.length; i++) links.push([order[i], order[i + 1], rng.int(1, 3)]);
    while (links.length < n) {
      const u = rng.below(N);
      const v = rng.below(N);
      links.push([u, v, price(u, v)]); // self-loops and parallel links included
    }
    return rng.shuffle(links);
  };
  if (variant === 'chain') return [N, chainNetwork(() => rng.int(400, 10000)), 0, N - 1, 99];
  if (variant === 'chain-short') return [N, chainNetwork(() => rng.int(400, 10000)), 0, N - 1, 40];
  if (variant === 'free') return [N, chainNetwork((u, v) => (rng.random() < 0.02 && u > v ? 0 : rng.int(50, 10000))), 0, N - 1, 1000000000];
  if (variant === 'unreachable') {
    const links = [];
    for (let i = 0; i < N - 1; i++) links.push([i, i + 1, rng.int(0, 10)]);
    while (links.length < n) {
      const u = rng.below(N);
      links.push([u, rng.int(0, u), rng.int(0, 10000)]);
    }
    return [N, rng.shuffle(links), 0, N - 1, 98];
  }
  throw new Error(`unknown variant ${variant}`);
};
