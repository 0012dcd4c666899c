"""Writes problems/first-unique-title/cases/large-*.json (deterministic; expected from the reference).

Run from anywhere: python3 problems/_tools/first-unique-title_gen.py
The histories are shaped so an O(n^2) scan does the most work: every title is rewatched, and the
second view sits half a history away from the first.
"""
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
PROBLEM = os.path.join(HERE, "..", "first-unique-title")


def load_reference():
    namespace = {}
    with open(os.path.join(PROBLEM, "solutions", "solution.py")) as f:
        exec(compile(f.read(), "solution.py", "exec"), namespace)
    return namespace["first_unique_title"]


def base36(n):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = digits[r] + out
        if n == 0:
            return out


def ids(count, rng):
    # Mixed case on purpose: "tA1" and "ta1" are distinct ids.
    result = []
    for i in range(count):
        s = "t" + base36(i)
        result.append("".join(c.upper() if c.isalpha() and rng.random() < 0.5 else c for c in s))
    # Case-folding collisions would change the answer; keep each id distinct, as generated.
    return result


def write(name, titles, reference):
    path = os.path.join(PROBLEM, "cases", name)
    with open(path, "w") as f:
        json.dump({"args": [titles], "expected": reference(titles)}, f, separators=(",", ":"))
    print(name, len(titles), "events,", os.path.getsize(path), "bytes")


def main():
    reference = load_reference()
    rng = random.Random(20240611)
    half = ids(74_999, rng)
    rng.shuffle(half)
    # 1) Every title rewatched in the same order, one one-off at the very end.
    write("large-1.json", half + half + ["tUnique-finale"], reference)
    # 2) Every title rewatched in the same order, no one-off at all.
    everything = ids(75_000, rng)
    rng.shuffle(everything)
    write("large-2.json", everything + everything, reference)


if __name__ == "__main__":
    main()
