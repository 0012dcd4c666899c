"""Writes problems/merge-playlists/cases/large-*.json (deterministic; expected from the reference).

Run from anywhere: python3 problems/_tools/merge-playlists_gen.py
Timestamps stay below 100,000 so the files stay small; the constraints allow up to 10^9.
"""
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
PROBLEM = os.path.join(HERE, "..", "merge-playlists")


class ListNode:
    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next


def load_reference():
    namespace = {"ListNode": ListNode}
    with open(os.path.join(PROBLEM, "solutions", "solution.py")) as f:
        exec(compile(f.read(), "solution.py", "exec"), namespace)
    return namespace["merge_playlists"]


def to_list(values):
    head = None
    for v in reversed(values):
        head = ListNode(v, head)
    return head


def to_array(head):
    out = []
    while head is not None:
        out.append(head.val)
        head = head.next
    return out


def write(name, playlists, reference):
    expected = to_array(reference([to_list(p) for p in playlists]))
    assert expected == sorted(v for p in playlists for v in p)
    path = os.path.join(PROBLEM, "cases", name)
    with open(path, "w") as f:
        json.dump({"args": [playlists], "expected": expected}, f, separators=(",", ":"))
    print(name, len(playlists), "playlists,", len(expected), "nodes,", os.path.getsize(path), "bytes")


def main():
    reference = load_reference()
    rng = random.Random(4242)
    # 1) Many tiny playlists: O(N·k) approaches do ~k^2 = 2.5e9 steps here.
    write("large-1.json", [sorted(rng.randrange(100_000) for _ in range(2)) for _ in range(50_000)], reference)
    # 2) Two long playlists that interleave: one recursive call per node would go 100,000 deep.
    a, b, t = [], [], 0
    for _ in range(100_000):
        t += rng.randrange(2)
        (a if rng.random() < 0.5 else b).append(t)
    write("large-2.json", [a, b], reference)
    # 3) Many short playlists, a third of them empty, with heavy duplication of timestamps.
    write("large-3.json", [sorted(rng.randrange(1_000) for _ in range(rng.choice([0, 0, 1, 2, 3, 4, 5])))
                           for _ in range(40_000)], reference)


if __name__ == "__main__":
    main()
