// WRONG (too slow): correct answers, but enumerates every route from src with at most maxHops links
// by depth-first search. The number of routes grows like degree^maxHops; dense networks time out.
function cheapestRoute(n, links, src, dst, maxHops) {
  if (maxHops < 0 || src < 0 || src >= n || dst < 0 || dst >= n) throw new Error('invalid input');
  const out = Array.from({ length: n }, () => []);
  for (const [u, v, p] of links) {
    if (u < 0 || u >= n || v < 0 || v >= n || p < 0) throw new Error('invalid link');
    out[u].push([v, p]);
  }
  let best = Infinity;
  const walk = (node, cost, hopsLeft) => {
    if (node === dst) best = Math.min(best, cost);
    if (hopsLeft === 0) return;
    for (const [v, p] of out[node]) walk(v, cost + p, hopsLeft - 1);
  };
  walk(src, 0, Math.min(maxHops, n - 1));
  return best === Infinity ? -1 : best;
}
