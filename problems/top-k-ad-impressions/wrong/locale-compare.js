// WRONG (edge case): breaks ties with localeCompare, which orders "alpha" before "Zeta" and compares
// digits differently from plain string order; the statement asks for character-code order.
function topKAds(impressions, k) {
  if (k < 0) throw new Error('negative k');
  const counts = new Map();
  for (const ad of impressions) counts.set(ad, (counts.get(ad) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, k)
    .map(([ad]) => ad);
}
