"""Writes problems/longest-binge-streak/cases/large-*.json (deterministic; expected from the reference).

Run from anywhere: python3 problems/_tools/longest-binge-streak_gen.py
The logs are shuffled and full of repeats, so neither sortedness nor distinctness can be assumed, and an
O(n^2) membership scan does about n^2 / 2 comparisons on each.
"""
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
PROBLEM = os.path.join(HERE, "..", "longest-binge-streak")
N = 100_000


def load_reference():
    namespace = {}
    with open(os.path.join(PROBLEM, "solutions", "solution.py")) as f:
        exec(compile(f.read(), "solution.py", "exec"), namespace)
    return namespace["longest_streak"]


def write(name, days, reference):
    path = os.path.join(PROBLEM, "cases", name)
    with open(path, "w") as f:
        json.dump({"args": [days], "expected": reference(days)}, f, separators=(",", ":"))
    print(name, len(days), "entries, expected", reference(days), ",", os.path.getsize(path), "bytes")


def main():
    reference = load_reference()
    rng = random.Random(20240612)

    # 1) Scattered days across the whole range with planted streaks; the longest (1,234 days) crosses
    #    the epoch, a decoy of 1,233 sits at the top of the range, and about 10% are repeats.
    days = []
    days += range(-600, 634)                       # 1,234 days through day 0
    days += range(10**9 - 1232, 10**9 + 1)         # 1,233 days ending at the maximum
    days += range(-10**9, -10**9 + 900)            # 900 days starting at the minimum
    for _ in range(200):                           # short streaks of 2..40 days
        start = rng.randrange(-10**9 + 2000, 10**9 - 2000)
        days += range(start, start + rng.randint(2, 40))
    while len(days) < N * 9 // 10:
        days.append(rng.randrange(-10**9, 10**9 + 1))
    while len(days) < N:
        days.append(rng.choice(days))
    rng.shuffle(days)
    write("large-1.json", days, reference)

    # 2) One streak of 50,000 days, each day logged twice, shuffled.
    days = list(range(-25_000, 25_000)) * 2
    rng.shuffle(days)
    write("large-2.json", days, reference)


if __name__ == "__main__":
    main()
