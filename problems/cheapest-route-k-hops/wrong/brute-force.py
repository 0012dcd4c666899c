# WRONG (too slow): correct answers, but enumerates every route from src with at most max_hops links
# by depth-first search. The number of routes grows like degree^max_hops; dense networks time out.
def cheapest_route(n, links, src, dst, max_hops):
    if max_hops < 0 or not (0 <= src < n and 0 <= dst < n):
        raise ValueError("invalid input")
    out = [[] for _ in range(n)]
    for u, v, p in links:
        if not (0 <= u < n and 0 <= v < n) or p < 0:
            raise ValueError("invalid link")
        out[u].append((v, p))
    best = [float("inf")]

    def walk(node, cost, hops_left):
        if node == dst:
            best[0] = min(best[0], cost)
        if hops_left == 0:
            return
        for v, p in out[node]:
            walk(v, cost + p, hops_left - 1)

    walk(src, 0, min(max_hops, n - 1))
    return -1 if best[0] == float("inf") else best[0]
