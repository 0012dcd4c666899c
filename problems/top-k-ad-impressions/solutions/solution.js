/**
 * The k ad ids with the most impressions, by count descending then id ascending.
 *
 * O(n + u log k) time and O(u) extra space for u distinct ads.
 * Invariant: the heap holds the best min(k, ads seen) ads so far; its root is the worst of them.
 * A Map (not a plain object) so ids such as "constructor" or "__proto__" are ordinary keys.
 * @param {string[]} impressions
 * @param {number} k
 * @returns {string[]}
 */
function topKAds(impressions, k) {
  if (k < 0) throw new RangeError(`k must not be negative, got ${k}`);
  const counts = new Map();
  for (const ad of impressions) counts.set(ad, (counts.get(ad) ?? 0) + 1);
  if (k === 0) return [];

  // worse(a, b): a ranks below b (fewer impressions, or equal and a larger id).
  const worse = (a, b) => a[1] < b[1] || (a[1] === b[1] && a[0] > b[0]);
  const heap = []; // min-heap under `worse` of [ad, count]
  const siftUp = (i) => {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!worse(heap[i], heap[parent])) break;
      [heap[i], heap[parent]] = [heap[parent], heap[i]];
      i = parent;
    }
  };
  const siftDown = (i) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(heap[l], heap[m])) m = l;
      if (r < heap.length && worse(heap[r], heap[m])) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m], heap[i]];
      i = m;
    }
  };
  for (const entry of counts) {
    if (heap.length < k) {
      heap.push(entry);
      siftUp(heap.length - 1);
    } else if (worse(heap[0], entry)) {
      heap[0] = entry;
      siftDown(0);
    }
  }
  const ranked = [];
  while (heap.length > 0) {
    ranked.push(heap[0][0]);
    const last = heap.pop();
    if (heap.length > 0) {
      heap[0] = last;
      siftDown(0);
    }
  }
  return ranked.reverse();
}
