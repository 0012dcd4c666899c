/**
 * Return the ids of the k ads with the most impressions, best first.
 *
 * Ranking: more impressions first; equal counts by id ascending (plain string order).
 * @param impressions One ad id per impression (case-sensitive).
 * @param k How many ads to return; every distinct id when there are fewer, [] when 0.
 * @returns The ranked ad ids.
 * @throws When k is negative.
 */
function topKAds(impressions: string[], k: number): string[] {
  throw new Error('topKAds is not implemented yet');
}
