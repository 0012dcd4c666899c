"""Writes problems/ad-slot-revenue-tree/cases/large-*.json (deterministic; expected from the reference).

Run from anywhere: python3 problems/_tools/ad-slot-revenue-tree_gen.py
Trees are child-index tables (node 0 is the root) serialised to level order iteratively. Every tree
respects the statement's depth limit of 1,000, which the script asserts.
"""
import json
import os
import random
from collections import deque

HERE = os.path.dirname(os.path.abspath(__file__))
PROBLEM = os.path.join(HERE, "..", "ad-slot-revenue-tree")
MAX_DEPTH = 1000


class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


def load_reference():
    namespace = {"TreeNode": TreeNode}
    with open(os.path.join(PROBLEM, "solutions", "solution.py")) as f:
        exec(compile(f.read(), "solution.py", "exec"), namespace)
    return namespace["max_ad_revenue"]


class Tree:
    def __init__(self):
        self.vals, self.left, self.right = [], [], []

    def add(self, val):
        self.vals.append(val)
        self.left.append(-1)
        self.right.append(-1)
        return len(self.vals) - 1

    def level_order(self):
        out, queue = [], deque([0])
        while queue:
            i = queue.popleft()
            if i < 0:
                out.append(None)
                continue
            out.append(self.vals[i])
            queue.append(self.left[i])
            queue.append(self.right[i])
        while out and out[-1] is None:
            out.pop()
        return out

    def depth(self):
        best, queue = 0, deque([(0, 1)])
        while queue:
            i, d = queue.popleft()
            best = max(best, d)
            for c in (self.left[i], self.right[i]):
                if c >= 0:
                    queue.append((c, d + 1))
        return best

    def nodes(self):
        made = [TreeNode(v) for v in self.vals]
        for i, node in enumerate(made):
            node.left = made[self.left[i]] if self.left[i] >= 0 else None
            node.right = made[self.right[i]] if self.right[i] >= 0 else None
        return made[0]


def revenue(rng):
    # About one slot in five is worth nothing.
    return 0 if rng.random() < 0.2 else rng.randint(1, 10_000)


def grow_random(tree, root, count, rng):
    """Hang `count` new nodes below `root`, each on a random free slot: bushy, shallow subtrees."""
    slots = [(root, "L"), (root, "R")]
    for _ in range(count):
        k = rng.randrange(len(slots))
        parent, side = slots[k]
        slots[k] = slots[-1]
        slots.pop()
        child = tree.add(revenue(rng))
        if side == "L":
            tree.left[parent] = child
        else:
            tree.right[parent] = child
        slots.append((child, "L"))
        slots.append((child, "R"))


def bushy(n, rng):
    tree = Tree()
    grow_random(tree, tree.add(revenue(rng)), n - 1, rng)
    return tree


def spine(length, bush, rng):
    """A left-going chain `length` deep with a small bushy subtree on the right of every link."""
    tree = Tree()
    prev = tree.add(revenue(rng))
    spine_nodes = [prev]
    for _ in range(length - 1):
        node = tree.add(revenue(rng))
        tree.left[prev] = node
        spine_nodes.append(node)
        prev = node
    for node in spine_nodes:
        grow_random_right(tree, node, bush, rng)
    return tree


def grow_random_right(tree, node, count, rng):
    sub = tree.add(revenue(rng))
    tree.right[node] = sub
    grow_random(tree, sub, count - 1, rng)


def complete(levels, rng):
    """A perfect tree: node i has children 2i+1 and 2i+2."""
    tree = Tree()
    n = 2 ** levels - 1
    for i in range(n):
        tree.add(revenue(rng))
    for i in range(n):
        if 2 * i + 2 < n:
            tree.left[i], tree.right[i] = 2 * i + 1, 2 * i + 2
    return tree


def write(name, tree, reference):
    depth = tree.depth()
    assert depth <= MAX_DEPTH, depth
    path = os.path.join(PROBLEM, "cases", name)
    with open(path, "w") as f:
        json.dump({"args": [tree.level_order()], "expected": reference(tree.nodes())}, f, separators=(",", ":"))
    print(name, len(tree.vals), "nodes, depth", depth, os.path.getsize(path), "bytes")


def main():
    reference = load_reference()
    rng = random.Random(31337)
    write("large-1.json", bushy(100_000, rng), reference)
    write("large-2.json", spine(950, 40, rng), reference)
    write("large-3.json", complete(16, rng), reference)


if __name__ == "__main__":
    main()
