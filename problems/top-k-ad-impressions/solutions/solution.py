import heapq
from typing import Dict, List


class _Ranked:
    """An (ad, count) pair ordered so that the *worse* ad is smaller: the heap's root is the one to evict."""

    __slots__ = ("count", "ad")

    def __init__(self, count: int, ad: str):
        self.count = count
        self.ad = ad

    def __lt__(self, other: "_Ranked") -> bool:
        if self.count != other.count:
            return self.count < other.count
        return self.ad > other.ad  # on a tie, the larger id ranks lower


def top_k_ads(impressions: List[str], k: int) -> List[str]:
    """The k ad ids with the most impressions, by count descending then id ascending.

    O(n + u log k) time and O(u) extra space for u distinct ads.
    Invariant: the heap holds the best min(k, ads seen) ads so far; its root is the worst of them.
    """
    if k < 0:
        raise ValueError("k must not be negative, got %d" % k)
    counts: Dict[str, int] = {}
    for ad in impressions:
        counts[ad] = counts.get(ad, 0) + 1
    if k == 0:
        return []
    heap: List[_Ranked] = []
    for ad, count in counts.items():
        entry = _Ranked(count, ad)
        if len(heap) < k:
            heapq.heappush(heap, entry)
        elif heap[0] < entry:
            heapq.heapreplace(heap, entry)
    ranked = []
    while heap:
        ranked.append(heapq.heappop(heap).ad)
    ranked.reverse()
    return ranked
