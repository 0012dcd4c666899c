// WRONG (too slow): correct Bellman-Ford rounds, but it always runs maxHops rounds, never stopping
// early or at n - 1. With maxHops = 1,000,000,000 it never finishes.
function cheapestRoute(n: number, links: number[][], src: number, dst: number, maxHops: number): number {
  if (maxHops < 0 || src < 0 || src >= n || dst < 0 || dst >= n) throw new Error('invalid input');
  for (const [u, v, p] of links) if (u < 0 || u >= n || v < 0 || v >= n || p < 0) throw new Error('invalid link');
  let cost: number[] = new Array<number>(n).fill(Infinity);
  cost[src] = 0;
  for (let round = 0; round < maxHops; round++) {
    const prev = cost;
    cost = prev.slice();
    for (const [u, v, p] of links) if (prev[u] + p < cost[v]) cost[v] = prev[u] + p;
  }
  return cost[dst] === Infinity ? -1 : cost[dst];
}
