/**
 * Return the ids of the k ads with the most impressions, best first.
 *
 * Ranking: more impressions first; equal counts by id ascending (plain string order).
 * @param {string[]} impressions One ad id per impression (case-sensitive).
 * @param {number} k How many ads to return; every distinct id when there are fewer, [] when 0.
 * @returns {string[]} The ranked ad ids.
 * @throws {Error} When k is negative.
 */
function topKAds(impressions, k) {
  throw new Error('topKAds is not implemented yet');
}
