// WRONG (edge case): counts in a plain object, so an ad id that names an inherited property
// ("constructor", "toString") starts from a function instead of 0 and its count becomes garbage.
function topKAds(impressions, k) {
  if (k < 0) throw new Error('negative k');
  const counts = {};
  for (const ad of impressions) counts[ad] = (counts[ad] || 0) + 1;
  return Object.keys(counts)
    .sort((a, b) => counts[b] - counts[a] || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, k);
}
