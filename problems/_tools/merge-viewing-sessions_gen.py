"""Writes problems/merge-viewing-sessions/cases/large-*.json (deterministic; expected from the reference).

Run from anywhere: python3 problems/_tools/merge-viewing-sessions_gen.py
Sessions are shuffled, so the input order never helps; the pairwise brute force does n^2 / 2 overlap
checks whatever the data, so size alone makes it time out.
"""
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
PROBLEM = os.path.join(HERE, "..", "merge-viewing-sessions")


def load_reference():
    namespace = {}
    with open(os.path.join(PROBLEM, "solutions", "solution.py")) as f:
        exec(compile(f.read(), "solution.py", "exec"), namespace)
    return namespace["merge_sessions"]


def write(name, sessions, reference):
    path = os.path.join(PROBLEM, "cases", name)
    expected = reference(sessions)
    with open(path, "w") as f:
        json.dump({"args": [sessions], "expected": expected}, f, separators=(",", ":"))
    print(name, len(sessions), "sessions ->", len(expected), "merged,", os.path.getsize(path), "bytes")


def main():
    reference = load_reference()
    rng = random.Random(20240613)

    # 1) 60,000 sessions of a busy household over about three years: bursts of overlapping sessions
    #    (casting, second screens), including nested, duplicate, touching and zero-length ones.
    sessions = []
    t = 0
    while len(sessions) < 60_000:
        t += rng.randint(1, 60_000)
        burst_end = t
        for _ in range(rng.randint(1, 40)):
            kind = rng.random()
            if kind < 0.05:
                s = burst_end                        # touches the burst so far
                e = s + rng.randint(0, 3_000)
            elif kind < 0.10:
                s = e = rng.randint(t, burst_end)    # zero length, inside the burst
            elif kind < 0.15 and sessions:
                s, e = sessions[-1]                  # an exact duplicate
            else:
                s = rng.randint(t, burst_end)
                e = s + rng.randint(0, 5_400)
            sessions.append([s, e])
            burst_end = max(burst_end, e)
        t = burst_end
    sessions = sessions[:60_000]
    rng.shuffle(sessions)
    write("large-1.json", sessions, reference)

    # 2) 40,000 sessions that mostly stand alone (one-second gaps are common), so the output is long.
    sessions = []
    t = 0
    for _ in range(40_000):
        t += rng.choice([1, 1, 2, 30, 500])
        s = t
        t += rng.randint(0, 200)
        sessions.append([s, t])
        if rng.random() < 0.1:
            t -= rng.randint(0, t - s)               # the next one overlaps this one
    rng.shuffle(sessions)
    write("large-2.json", sessions, reference)

    # 3) 30,000 sessions that each end exactly where the next begins: one long session once merged.
    cuts = sorted(rng.sample(range(1, 10**9), 30_000))
    sessions = [[a, b] for a, b in zip([0] + cuts, cuts)]
    rng.shuffle(sessions)
    write("large-3.json", sessions, reference)


if __name__ == "__main__":
    main()
