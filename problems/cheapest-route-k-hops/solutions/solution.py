from typing import List


def cheapest_route(n: int, links: List[List[int]], src: int, dst: int, max_hops: int) -> int:
    """Cheapest price from src to dst with at most max_hops links, or -1 (0 when src == dst).

    Bellman-Ford by rounds: O(min(max_hops, n) * len(links)) time, O(n) extra space.
    Invariant: after round h, cost[v] is the cheapest price of a route src -> v with at most h links.
    Each round relaxes from the previous round's costs (`prev`), so it adds at most one link.
    """
    def check_node(v: int) -> None:
        if not 0 <= v < n:
            raise ValueError("node %d is outside 0..%d" % (v, n - 1))

    if max_hops < 0:
        raise ValueError("max_hops must not be negative, got %d" % max_hops)
    check_node(src)
    check_node(dst)
    for u, v, price in links:
        check_node(u)
        check_node(v)
        if price < 0:
            raise ValueError("link %d -> %d has a negative price %d" % (u, v, price))

    inf = float("inf")
    cost = [inf] * n
    cost[src] = 0
    # With non-negative prices a cheapest route never repeats a node, so n - 1 rounds always suffice.
    for _ in range(min(max_hops, n - 1)):
        prev = cost
        cost = prev[:]
        changed = False
        for u, v, price in links:
            through = prev[u] + price
            if through < cost[v]:
                cost[v] = through
                changed = True
        if not changed:
            break  # a round that improves nothing proves every later round improves nothing
    return -1 if cost[dst] == inf else int(cost[dst])
