import heapq
from typing import Dict, List


def top_k_ads(impressions: List[str], k: int) -> List[str]:
    """The k ad ids with the most impressions, by count descending then id ascending.

    O(n + u log k) time and O(u) extra space for u distinct ads.
    The ranking key (-count, id) is smallest for the best ad, so the k smallest keys are the answer;
    heapq.nsmallest keeps a heap of the best k seen so far (it sorts instead when k >= u).
    """
    if k < 0:
        raise ValueError("k must not be negative, got %d" % k)
    counts: Dict[str, int] = {}
    for ad in impressions:
        counts[ad] = counts.get(ad, 0) + 1
    return heapq.nsmallest(k, counts, key=lambda ad: (-counts[ad], ad))
