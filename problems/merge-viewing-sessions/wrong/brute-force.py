# WRONG (too slow): correct answers, but compares every pair of sessions and joins overlapping ones
# with union-find: O(n²) pair checks. Times out on the 60,000-session inputs.
def merge_sessions(sessions):
    for start, end in sessions:
        if start < 0 or end < 0 or start > end:
            raise ValueError("corrupt session")
    n = len(sessions)
    parent = list(range(n))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i in range(n):
        for j in range(i + 1, n):
            if sessions[i][0] <= sessions[j][1] and sessions[j][0] <= sessions[i][1]:
                parent[find(i)] = find(j)
    groups = {}
    for i, (start, end) in enumerate(sessions):
        root = find(i)
        if root in groups:
            groups[root] = [min(groups[root][0], start), max(groups[root][1], end)]
        else:
            groups[root] = [start, end]
    return sorted(groups.values())
