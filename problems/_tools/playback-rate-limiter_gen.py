"""Writes problems/playback-rate-limiter/cases/large-*.json (deterministic; expected from the reference).

Run from anywhere: python3 problems/_tools/playback-rate-limiter_gen.py
large-1 is one heavy user with a big limit, so a solution that scans the whole history per call does
about 10^9 steps; large-2 is many users (some with built-in property names) with bursts, retries,
exact-boundary timestamps and out-of-order calls.
"""
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
PROBLEM = os.path.join(HERE, "..", "playback-rate-limiter")


def load_reference():
    namespace = {}
    with open(os.path.join(PROBLEM, "solutions", "solution.py")) as f:
        exec(compile(f.read(), "solution.py", "exec"), namespace)
    return namespace["PlaybackRateLimiter"]


def write(name, limit, window_ms, calls, reference_cls):
    limiter = reference_cls(limit, window_ms)
    expected = [None] + [limiter.allow(u, t) for u, t in calls]
    case = {
        "ops": ["PlaybackRateLimiter"] + ["allow"] * len(calls),
        "args": [[limit, window_ms]] + [[u, t] for u, t in calls],
        "expected": expected,
    }
    path = os.path.join(PROBLEM, "cases", name)
    with open(path, "w") as f:
        json.dump(case, f, separators=(",", ":"))
    allowed = sum(1 for e in expected[1:] if e)
    print(name, len(calls), "calls,", allowed, "allowed,", os.path.getsize(path), "bytes")


def main():
    reference = load_reference()
    rng = random.Random(20240616)

    # 1) One user, 50,000 calls one millisecond apart (a few share a timestamp); up to 30,000 allowed
    #    per 40 seconds, so allowed and rejected runs alternate and the live window holds ~30,000.
    calls = []
    t = 0
    for _ in range(50_000):
        calls.append(["a", t])
        t += 0 if rng.random() < 0.05 else 1
    write("large-1.json", 30_000, 40_000, calls, reference)

    # 2) 2,000 users, 45,000 calls: bursts, retries, exact window boundaries and out-of-order calls.
    users = ["u%d" % i for i in range(1_990)] + ["constructor", "__proto__", "toString", "U1", "hasOwnProperty",
                                                  "valueOf", "user-_-", "A", "a", "u1_"]
    calls = []
    t = 1_000_000
    recent = []
    while len(calls) < 45_000:
        r = rng.random()
        if r < 0.02 and t > 5_000:
            calls.append([rng.choice(users), t - rng.randint(1, 5_000)])   # out of order
            continue
        if r < 0.10 and recent:
            u, t0 = rng.choice(recent)
            t = max(t, t0 + 60_000)                                       # exactly one window later
            calls.append([u, t])
            continue
        t += rng.choice([0, 0, 1, 7, 250, 3_000])
        u = rng.choice(users[:50]) if rng.random() < 0.5 else rng.choice(users)
        for _ in range(rng.choice([1, 1, 1, 3, 8])):                      # a burst of retries
            calls.append([u, t])
            recent.append((u, t))
        recent = recent[-200:]
    write("large-2.json", 5, 60_000, calls[:45_000], reference)


if __name__ == "__main__":
    main()
