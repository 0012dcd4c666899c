from typing import List


def cheapest_route(n: int, links: List[List[int]], src: int, dst: int, max_hops: int) -> int:
    """Return the cheapest price of a route from src to dst using at most max_hops links, or -1.

    n: nodes are numbered 0..n-1.
    links: directed [from, to, price] links; prices >= 0; duplicates and self-loops allowed.
    Returns 0 when src == dst. Raises ValueError on a node outside 0..n-1, a negative price,
    or a negative max_hops.
    """
    raise NotImplementedError("cheapest_route is not implemented yet")
