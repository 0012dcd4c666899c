"""Writes problems/title-edit-distance/cases/large-*.json (deterministic; expected from the reference).

Run from anywhere: python3 problems/_tools/title-edit-distance_gen.py
Titles are built from words so they look like catalogue text, then cut to length.
"""
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
PROBLEM = os.path.join(HERE, "..", "title-edit-distance")
WORDS = ("the crown dark night house of cards lost city stranger things mind hunter blue planet "
         "black mirror ozark narcos lupin money heist the witcher squid game wednesday Season Part "
         "Chronicles Returns: Origins - Director's Cut (Remastered) 2 II III & !").split()
ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -:'!&()"


def load_reference():
    namespace = {}
    with open(os.path.join(PROBLEM, "solutions", "solution.py")) as f:
        exec(compile(f.read(), "solution.py", "exec"), namespace)
    return namespace["title_edit_distance"]


def title(length, rng):
    words = []
    while len(" ".join(words)) < length:
        words.append(rng.choice(WORDS))
    return " ".join(words)[:length]


def mutate(text, edits, rng):
    chars = list(text)
    for _ in range(edits):
        kind = rng.randrange(3)
        pos = rng.randrange(len(chars) + (1 if kind == 0 else 0))
        if kind == 0:
            chars.insert(pos, rng.choice(ALPHABET))
        elif kind == 1:
            del chars[pos]
        else:
            chars[pos] = rng.choice(ALPHABET)
    return "".join(chars)


def write(name, source, target, reference):
    path = os.path.join(PROBLEM, "cases", name)
    expected = reference(source, target)
    with open(path, "w") as f:
        json.dump({"args": [source, target], "expected": expected}, f, separators=(",", ":"))
    print(name, len(source), "x", len(target), "->", expected, os.path.getsize(path), "bytes")


def main():
    reference = load_reference()
    rng = random.Random(2000)
    write("large-1.json", title(2000, rng), title(2000, rng), reference)
    base = title(2000, rng)
    write("large-2.json", base, mutate(base, 40, rng)[:2000], reference)
    base = title(2000, rng)
    flipped = "".join(c.swapcase() if rng.random() < 0.1 else c for c in base)
    write("large-3.json", base, flipped[:1500], reference)
    write("large-4.json", title(2000, rng), "", reference)


if __name__ == "__main__":
    main()
