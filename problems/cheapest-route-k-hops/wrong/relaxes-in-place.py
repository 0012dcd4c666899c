# WRONG (edge case): relaxes every round in place instead of from a copy of the previous round, so
# when links happen to be listed in route order one round chains several links and the hop budget
# is exceeded (0 -> 1 -> 2 found "within one hop").
def cheapest_route(n, links, src, dst, max_hops):
    if max_hops < 0 or not (0 <= src < n and 0 <= dst < n):
        raise ValueError("invalid input")
    for u, v, p in links:
        if not (0 <= u < n and 0 <= v < n) or p < 0:
            raise ValueError("invalid link")
    inf = float("inf")
    cost = [inf] * n
    cost[src] = 0
    for _ in range(min(max_hops, n - 1)):
        changed = False
        for u, v, p in links:
            if cost[u] + p < cost[v]:
                cost[v] = cost[u] + p
                changed = True
        if not changed:
            break
    return -1 if cost[dst] == inf else cost[dst]
