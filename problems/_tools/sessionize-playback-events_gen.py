"""Writes problems/sessionize-playback-events/cases/large-*.json (deterministic; expected from the reference).

Run from anywhere: python3 problems/_tools/sessionize-playback-events_gen.py
Many users with a few events each is the shape that makes a per-user rescan (O(U·N)) slow.
"""
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
PROBLEM = os.path.join(HERE, "..", "sessionize-playback-events")
DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def load_reference():
    namespace = {}
    with open(os.path.join(PROBLEM, "solutions", "solution.py")) as f:
        exec(compile(f.read(), "solution.py", "exec"), namespace)
    return namespace["count_sessions"]


def user_id(i, rng):
    s = ""
    while True:
        i, r = divmod(i, 36)
        s = DIGITS[r] + s
        if i == 0:
            break
    # Mixed case, as real ids are; ids stay distinct even ignoring case.
    return "".join(c.upper() if rng.random() < 0.3 else c for c in "u" + s)


def events_for(users, per_user, horizon, gap, rng):
    events = []
    for u in users:
        t = rng.randrange(horizon)
        for _ in range(rng.randint(1, per_user)):
            events.append([u, t])
            # Mostly within the gap, sometimes exactly at it, sometimes beyond it.
            t += rng.choice([0, rng.randrange(gap + 1), gap, gap + 1, rng.randrange(gap * 3)])
    rng.shuffle(events)
    return events


def write(name, events, gap, reference):
    path = os.path.join(PROBLEM, "cases", name)
    with open(path, "w") as f:
        json.dump({"args": [events, gap], "expected": reference(events, gap)}, f, separators=(",", ":"))
    print(name, len(events), "events,", len({e[0] for e in events}), "users,", os.path.getsize(path), "bytes")


def main():
    reference = load_reference()
    rng = random.Random(99)
    users = sorted({user_id(i, rng) for i in range(25_000)})
    write("large-1.json", events_for(users, 5, 900_000, 1800, rng), 1800, reference)
    users = sorted({user_id(i, rng) for i in range(20_000)})
    write("large-2.json", events_for(users, 5, 90_000, 7, rng), 7, reference)


if __name__ == "__main__":
    main()
