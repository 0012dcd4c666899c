"""Writes problems/cheapest-route-k-hops/cases/large-*.json (deterministic; expected from the reference).

Run from anywhere: python3 problems/_tools/cheapest-route-k-hops_gen.py
Every network is dense (about a hundred links out of each node), so enumerating routes is hopeless,
and each hides a long cheap chain, so the reference needs close to n - 1 rounds.
"""
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
PROBLEM = os.path.join(HERE, "..", "cheapest-route-k-hops")
N = 100


def load_reference():
    namespace = {}
    with open(os.path.join(PROBLEM, "solutions", "solution.py")) as f:
        exec(compile(f.read(), "solution.py", "exec"), namespace)
    return namespace["cheapest_route"]


def write(name, args, reference):
    path = os.path.join(PROBLEM, "cases", name)
    expected = reference(*args)
    with open(path, "w") as f:
        json.dump({"args": args, "expected": expected}, f, separators=(",", ":"))
    print(name, len(args[1]), "links, maxHops", args[4], "->", expected, ",", os.path.getsize(path), "bytes")


def chain_network(rng, total_links, random_price):
    """A chain src=0 -> ... -> 99=dst through a shuffled order of the middle nodes, plus random links."""
    middle = list(range(1, N - 1))
    rng.shuffle(middle)
    order = [0] + middle + [N - 1]
    links = [[a, b, rng.randint(1, 3)] for a, b in zip(order, order[1:])]
    while len(links) < total_links:
        u, v = rng.randrange(N), rng.randrange(N)
        links.append([u, v, random_price(u, v)])   # self-loops and parallel links included
    rng.shuffle(links)
    return links


def main():
    reference = load_reference()
    rng = random.Random(20240615)

    # 1) and 2): 10,000 links; the 99-link chain costs about 200, every other link 400..10,000.
    links = chain_network(rng, 10_000, lambda u, v: rng.randint(400, 10_000))
    write("large-1.json", [N, links, 0, N - 1, 99], reference)
    write("large-2.json", [N, links, 0, N - 1, 40], reference)

    # 3) maxHops far above n, with many free links: the answer is the unrestricted cheapest route.
    links = chain_network(rng, 10_000, lambda u, v: 0 if rng.random() < 0.02 and u > v else rng.randint(50, 10_000))
    write("large-3.json", [N, links, 0, N - 1, 1_000_000_000], reference)

    # 4) Node i can only be reached with at least i links (random links only go back to lower nodes),
    #    so the destination 99 is unreachable within 98 links: -1 after exploring everything.
    links = [[i, i + 1, rng.randint(0, 10)] for i in range(N - 1)]
    while len(links) < 8_000:
        u = rng.randrange(N)
        links.append([u, rng.randint(0, u), rng.randint(0, 10_000)])
    rng.shuffle(links)
    write("large-4.json", [N, links, 0, N - 1, 98], reference)


if __name__ == "__main__":
    main()
