from typing import List


def top_k_ads(impressions: List[str], k: int) -> List[str]:
    """Return the ids of the k ads with the most impressions, best first.

    impressions: one ad id per impression (case-sensitive).
    Ranking: more impressions first; equal counts by id ascending (plain string order).
    Returns every distinct id, ranked, when there are fewer than k; [] when k == 0.
    Raises ValueError when k is negative.
    """
    raise NotImplementedError("top_k_ads is not implemented yet")
