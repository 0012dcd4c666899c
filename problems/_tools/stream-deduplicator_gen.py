"""Writes problems/stream-deduplicator/cases/large-1.json (deterministic; expected from the reference).

Run from anywhere: python3 problems/_tools/stream-deduplicator_gen.py
A stream of 45,000 events with a window of 1,000 where about a third are retries, at distances chosen
to hit the window's edge (exactly windowSize and windowSize + 1 calls back) and retries of retries.
The million-event streams are not files: tests.yaml describes them with `repeat` blocks.
"""
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
PROBLEM = os.path.join(HERE, "..", "stream-deduplicator")
WINDOW = 1_000


def load_reference():
    namespace = {}
    with open(os.path.join(PROBLEM, "solutions", "solution.py")) as f:
        exec(compile(f.read(), "solution.py", "exec"), namespace)
    return namespace["StreamDeduplicator"]


def main():
    reference = load_reference()
    rng = random.Random(20240617)
    stream = []
    while len(stream) < 45_000:
        if len(stream) > 1_500 and rng.random() < 0.35:
            distance = rng.choice([1, 2, WINDOW - 1, WINDOW, WINDOW, WINDOW + 1, WINDOW + 1, rng.randint(1, 1_500)])
            stream.append(stream[-distance])
        else:
            stream.append(rng.randint(0, 2_147_483_647))
    dedup = reference(WINDOW)
    expected = [None] + [dedup.is_duplicate(e) for e in stream]
    case = {"ops": ["StreamDeduplicator"] + ["isDuplicate"] * len(stream), "args": [[WINDOW]] + [[e] for e in stream], "expected": expected}
    path = os.path.join(PROBLEM, "cases", "large-1.json")
    with open(path, "w") as f:
        json.dump(case, f, separators=(",", ":"))
    print("large-1.json", len(stream), "events,", sum(1 for e in expected[1:] if e), "duplicates,", os.path.getsize(path), "bytes")


if __name__ == "__main__":
    main()
