"""Writes problems/genre-tree-depth/cases/large-*.json (deterministic; expected from the reference).

Run from anywhere: python3 problems/_tools/genre-tree-depth_gen.py
Trees are built as child-index tables and serialised to the level-order array format iteratively,
since the point of these cases is depth that recursion cannot handle.
"""
import json
import os
import random
from collections import deque

HERE = os.path.dirname(os.path.abspath(__file__))
PROBLEM = os.path.join(HERE, "..", "genre-tree-depth")


class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


def load_reference():
    namespace = {"TreeNode": TreeNode}
    with open(os.path.join(PROBLEM, "solutions", "solution.py")) as f:
        exec(compile(f.read(), "solution.py", "exec"), namespace)
    return namespace["genre_tree_depth"]


def level_order(vals, left, right):
    """Level-order array with null holes, trailing nulls trimmed; node 0 is the root."""
    if not vals:
        return []
    out = []
    queue = deque([0])
    while queue:
        i = queue.popleft()
        if i < 0:
            out.append(None)
            continue
        out.append(vals[i])
        queue.append(left[i])
        queue.append(right[i])
    while out and out[-1] is None:
        out.pop()
    return out


def to_nodes(vals, left, right):
    nodes = [TreeNode(v) for v in vals]
    for i, node in enumerate(nodes):
        node.left = nodes[left[i]] if left[i] >= 0 else None
        node.right = nodes[right[i]] if right[i] >= 0 else None
    return nodes[0] if nodes else None


def chain(n, pick_side, rng):
    vals = [rng.randrange(1, 1000) for _ in range(n)]
    left = [-1] * n
    right = [-1] * n
    for i in range(n - 1):
        if pick_side(i) == "L":
            left[i] = i + 1
        else:
            right[i] = i + 1
    return vals, left, right


def random_tree(n, rng):
    """Each new genre hangs off a random node that still has a free slot: shallow, bushy trees."""
    vals = [rng.randrange(1, 1000) for _ in range(n)]
    left = [-1] * n
    right = [-1] * n
    open_slots = [(0, "L"), (0, "R")]
    for i in range(1, n):
        k = rng.randrange(len(open_slots))
        parent, side = open_slots[k]
        open_slots[k] = open_slots[-1]
        open_slots.pop()
        if side == "L":
            left[parent] = i
        else:
            right[parent] = i
        open_slots.append((i, "L"))
        open_slots.append((i, "R"))
    return vals, left, right


def write(name, tree, reference):
    vals, left, right = tree
    path = os.path.join(PROBLEM, "cases", name)
    with open(path, "w") as f:
        json.dump({"args": [level_order(vals, left, right)], "expected": reference(to_nodes(vals, left, right))},
                  f, separators=(",", ":"))
    print(name, len(vals), "nodes,", os.path.getsize(path), "bytes")


def main():
    reference = load_reference()
    rng = random.Random(7321)
    write("large-1.json", chain(100_000, lambda i: "L", rng), reference)
    write("large-2.json", chain(100_000, lambda i: "L" if i % 2 == 0 else "R", rng), reference)
    write("large-3.json", random_tree(100_000, rng), reference)


if __name__ == "__main__":
    main()
