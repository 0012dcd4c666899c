// WRONG (edge case): never checks k, and slice(0, k) with a negative k silently drops ads from the
// end instead of rejecting the call.
function topKAds(impressions: string[], k: number): string[] {
  const counts = new Map<string, number>();
  for (const ad of impressions) counts.set(ad, (counts.get(ad) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, k)
    .map(([ad]) => ad);
}
