# WRONG (too slow): correct, and iterative, but measures every node's depth by walking up to the
# root through a parent map: O(n * depth), which is O(n^2) on a chain of 100,000 genres.
def genre_tree_depth(root):
    if root is None:
        return 0
    parent = {id(root): None}
    nodes = {id(root): root}
    stack = [root]
    while stack:
        node = stack.pop()
        for child in (node.left, node.right):
            if child is not None:
                parent[id(child)] = node
                nodes[id(child)] = child
                stack.append(child)
    best = 0
    for key in nodes:
        d = 0
        at = nodes[key]
        while at is not None:
            d += 1
            at = parent[id(at)]
        best = max(best, d)
    return best
