// WRONG (too slow): correct answers, but selects the best remaining ad k times by scanning every
// count: O(k·u). Times out on the large logs, where k and u are both in the tens of thousands.
function topKAds(impressions, k) {
  if (k < 0) throw new Error('negative k');
  const counts = new Map();
  for (const ad of impressions) counts.set(ad, (counts.get(ad) ?? 0) + 1);
  const ranked = [];
  while (counts.size > 0 && ranked.length < k) {
    let best;
    for (const [ad, count] of counts) {
      if (best === undefined || count > counts.get(best) || (count === counts.get(best) && ad < best)) best = ad;
    }
    ranked.push(best);
    counts.delete(best);
  }
  return ranked;
}
