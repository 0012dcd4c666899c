"""Writes problems/top-k-ad-impressions/cases/large-*.json (deterministic; expected from the reference).

Run from anywhere: python3 problems/_tools/top-k-ad-impressions_gen.py
Counts follow a long-tailed distribution with many ties at the cut-off, and ids mix upper and lower
case and digit lengths, so the tie-break by plain string order decides a large part of each answer.
"""
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
PROBLEM = os.path.join(HERE, "..", "top-k-ad-impressions")
ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_"


def load_reference():
    namespace = {}
    with open(os.path.join(PROBLEM, "solutions", "solution.py")) as f:
        exec(compile(f.read(), "solution.py", "exec"), namespace)
    return namespace["top_k_ads"]


def ad_ids(count, rng):
    seen = set()
    while len(seen) < count:
        seen.add(rng.choice(["ad-", "AD-", "Ad_", "x"]) + "".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 6))))
    ids = sorted(seen)
    rng.shuffle(ids)
    return ids


def write(name, impressions, k, reference):
    path = os.path.join(PROBLEM, "cases", name)
    expected = reference(impressions, k)
    with open(path, "w") as f:
        json.dump({"args": [impressions, k], "expected": expected}, f, separators=(",", ":"))
    print(name, len(impressions), "impressions,", len(set(impressions)), "ads, k =", k, "->", len(expected), ",", os.path.getsize(path), "bytes")


def main():
    reference = load_reference()
    rng = random.Random(20240614)

    # 1) 100,000 impressions of 50,000 ads with a long tail: most ads are shown once or twice, so the
    #    top 20,000 ends inside a huge tie that only the id order resolves.
    ids = ad_ids(50_000, rng)
    impressions = list(ids)
    while len(impressions) < 100_000:
        rank = int(rng.paretovariate(1.1)) - 1
        impressions.append(ids[min(rank * 7, len(ids) - 1)] if rng.random() < 0.5 else rng.choice(ids))
    rng.shuffle(impressions)
    write("large-1.json", impressions, 20_000, reference)

    # 2) 60,000 ads each shown exactly once, k larger than that: the answer is every id in string order.
    ids = ad_ids(60_000, rng)
    write("large-2.json", ids, 1_000_000_000, reference)

    # 3) 100,000 impressions of 1,000 heavily shown ads, top 10.
    ids = ad_ids(1_000, rng)
    weights = [1.0 / (i + 1) for i in range(len(ids))]
    impressions = rng.choices(ids, weights=weights, k=100_000)
    write("large-3.json", impressions, 10, reference)


if __name__ == "__main__":
    main()
