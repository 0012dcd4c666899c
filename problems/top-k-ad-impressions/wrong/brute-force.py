# WRONG (too slow): correct answers, but counts each distinct ad with list.count (a full scan of the
# log per ad, O(n·u)) and then selects the best remaining ad k times. Times out on the large logs.
def top_k_ads(impressions, k):
    if k < 0:
        raise ValueError("negative k")
    counts = {ad: impressions.count(ad) for ad in set(impressions)}
    ranked = []
    while counts and len(ranked) < k:
        best = None
        for ad, count in counts.items():
            if best is None or count > counts[best] or (count == counts[best] and ad < best):
                best = ad
        ranked.append(best)
        del counts[best]
    return ranked
