/**
 * Cheapest price from src to dst with at most maxHops links, or -1 (0 when src === dst).
 *
 * Bellman-Ford by rounds: O(min(maxHops, n) * links.length) time, O(n) extra space.
 * Invariant: after round h, cost[v] is the cheapest price of a route src -> v with at most h links.
 * Each round relaxes from the previous round's costs (`prev`), so it adds at most one link.
 * @param {number} n
 * @param {number[][]} links
 * @param {number} src
 * @param {number} dst
 * @param {number} maxHops
 * @returns {number}
 */
function cheapestRoute(n, links, src, dst, maxHops) {
  const checkNode = (v) => {
    if (!Number.isInteger(v) || v < 0 || v >= n) throw new RangeError(`node ${v} is outside 0..${n - 1}`);
  };
  if (maxHops < 0) throw new RangeError(`maxHops must not be negative, got ${maxHops}`);
  checkNode(src);
  checkNode(dst);
  for (const [u, v, price] of links) {
    checkNode(u);
    checkNode(v);
    if (price < 0) throw new RangeError(`link ${u} -> ${v} has a negative price ${price}`);
  }

  let cost = new Array(n).fill(Infinity);
  cost[src] = 0;
  // With non-negative prices a cheapest route never repeats a node, so n - 1 rounds always suffice.
  const rounds = Math.min(maxHops, n - 1);
  for (let round = 0; round < rounds; round++) {
    const prev = cost;
    cost = prev.slice();
    let changed = false;
    for (const [u, v, price] of links) {
      const through = prev[u] + price;
      if (through < cost[v]) {
        cost[v] = through;
        changed = true;
      }
    }
    if (!changed) break; // a round that improves nothing proves every later round improves nothing
  }
  return cost[dst] === Infinity ? -1 : cost[dst];
}
