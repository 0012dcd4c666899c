# WRONG (edge case): Counter.most_common breaks ties by first appearance in the log, not by id, so
# equally shown ads come back in log order instead of id order.
from collections import Counter


def top_k_ads(impressions, k):
    if k < 0:
        raise ValueError("negative k")
    return [ad for ad, _ in Counter(impressions).most_common(k)]
