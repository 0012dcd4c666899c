// Seeded pseudo-random numbers for the pack's generators: the same seed gives the same input on every machine
// (mulberry32; never Math.random, which is seeded per process).
'use strict';

/** A generator of pseudo-random numbers from a 32-bit seed. */
function createRandom(seed) {
  let a = seed >>> 0;
  /** A float in [0, 1). */
  function random() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [0, n). */
  const below = (n) => Math.floor(random() * n);
  /** An integer in [lo, hi], both included. */
  const int = (lo, hi) => lo + below(hi - lo + 1);
  const pick = (list) => list[below(list.length)];
  /** Shuffles `list` in place (Fisher–Yates) and returns it. */
  function shuffle(list) {
    for (let i = list.length - 1; i > 0; i--) {
      const j = below(i + 1);
      const t = list[i];
      list[i] = list[j];
      list[j] = t;
    }
    return list;
  }
  return { random, below, int, pick, shuffle };
}

/** `n` in base 36. */
const base36 = (n) => n.toString(36);

/**
 * A binary tree given by child indexes (node 0 the root, -1 for none) as LeetCode's level-order list with null
 * holes, trailing nulls trimmed.
 */
function levelOrder(vals, left, right) {
  if (vals.length === 0) return [];
  const out = [];
  const queue = [0];
  for (let head = 0; head < queue.length; head++) {
    const i = queue[head];
    if (i < 0) {
      out.push(null);
      continue;
    }
    out.push(vals[i]);
    queue.push(left[i], right[i]);
  }
  while (out.length > 0 && out[out.length - 1] === null) out.pop();
  return out;
}

/** Hangs `count` new nodes (values from `value()`) below `root`, each on a random free slot: a bushy, shallow tree. */
function growRandom(tree, root, count, rng, value) {
  const slots = [root, ~root];
  for (let k = 0; k < count; k++) {
    const at = rng.below(slots.length);
    const slot = slots[at];
    slots[at] = slots[slots.length - 1];
    slots.pop();
    const child = tree.vals.length;
    tree.vals.push(value());
    tree.left.push(-1);
    tree.right.push(-1);
    if (slot >= 0) tree.left[slot] = child;
    else tree.right[~slot] = child;
    slots.push(child, ~child);
  }
}

module.exports = { createRandom, base36, levelOrder, growRandom };
