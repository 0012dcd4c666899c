// WRONG (edge case): Dijkstra that settles each node once, at its cheapest price, with the hops of
// that cheapest route. A pricier route to the same node with fewer hops is thrown away, so a
// destination that only the pricier, shorter route reaches within maxHops is reported as -1.
function cheapestRoute(n, links, src, dst, maxHops) {
  if (maxHops < 0 || src < 0 || src >= n || dst < 0 || dst >= n) throw new Error('invalid input');
  const out = Array.from({ length: n }, () => []);
  for (const [u, v, p] of links) {
    if (u < 0 || u >= n || v < 0 || v >= n || p < 0) throw new Error('invalid link');
    out[u].push([v, p]);
  }
  const settled = new Array(n).fill(false);
  const queue = [[0, src, 0]]; // [cost, node, hops]
  while (queue.length > 0) {
    queue.sort((a, b) => a[0] - b[0]);
    const [cost, node, hops] = queue.shift();
    if (settled[node]) continue;
    settled[node] = true;
    if (node === dst) return cost;
    if (hops === maxHops) continue;
    for (const [v, p] of out[node]) if (!settled[v]) queue.push([cost + p, v, hops + 1]);
  }
  return -1;
}
