/**
 * What `drills new` writes: a pack with one problem of each kind (a function, a class with void methods, a float
 * result, a tree input, a checker), every file commented, every problem passing `drills check` as written.
 * docs/pack-format.md describes each feature used here; the tests check this pack with `drills check`.
 */

/** Files to write, by path relative to the pack folder. */
export type FileSet = Record<string, string>;

/** A pack id made from a folder name: the characters an id allows, starting with a letter or digit. */
export function packIdFrom(name: string): string {
  const id = name.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+/, '').replace(/-+$/, '');
  return id || 'my-pack';
}

/** A title made from an id: `merge-intervals` → `Merge Intervals`. */
export function titleFrom(id: string): string {
  return id.split(/[-_.]+/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join(' ') || id;
}

/** The function name a problem id suggests: `merge-intervals` → `mergeIntervals`. */
export function functionNameFrom(id: string): string {
  const words = id.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const name = words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0].toUpperCase() + w.slice(1).toLowerCase())).join('');
  return /^[A-Za-z_$]/.test(name) ? name : `solve${name[0]?.toUpperCase() ?? ''}${name.slice(1)}`;
}

const snake = (name: string): string => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

/** drills-pack.yaml of a new pack. */
function manifest(id: string, name: string): string {
  return `# A Drills pack: this folder and every problem folder below it (a folder with a problem.yaml).
# The format is documented in docs/pack-format.md; check the pack with \`drills check .\`.
drills: 1                  # the format version
id: ${id}
name: ${name}
description: Example problems, one of each kind. Copy one to start your own, or run \`drills new problem ID\`.
defaults:
  minutes: 30              # the interview timer, unless a problem sets its own
  phases: { clarify: 5, plan: 5, code: 15, test: 5 }
  languages: [python, javascript]   # check wants a reference solution in each
tags:                      # edge-case tags of this pack, beside the standard ones
  - id: overflow
    description: Values near the limits of a 32-bit integer.
`;
}

// ---------- two-sum: a function, per-language names, unordered compare, input by name, a JSON case file ----------

const bigNums = Array.from({ length: 2000 }, (_, i) => i * 2);

const twoSum: FileSet = {
  'two-sum/problem.yaml': `# A function problem: the candidate writes one function; each case calls it once.
id: two-sum
title: Two Sum
difficulty: easy
topics: [arrays, hashing]
minutes: 20                # overrides defaults.minutes
function:
  name: twoSum             # JavaScript and TypeScript use this name
  names: { python: two_sum }   # ... Python its own convention
  params:
    - { name: nums, type: "int[]" }
    - { name: target, type: int }
  returns: "int[]"
compare: unordered         # [1, 0] is as good as [0, 1]
limits: { timeMs: 1000, memoryMb: 256 }   # per case: CPU time, memory
hints:                     # shown one at a time, on request
  - What do you need to have seen before index i?
  - A map from value to index answers "have I seen target - x?" in O(1).
followUps:                 # asked once the tests pass
  - What if the array is sorted?
`,
  'two-sum/statement.md': `# Two Sum

Given a list of integers \`nums\` and an integer \`target\`, return the indices of the two numbers that add
up to \`target\`, in any order. Exactly one pair does; the same element may not be used twice.

\`\`\`
nums = [2, 7, 11, 15], target = 9  ->  [0, 1]
\`\`\`
`,
  'two-sum/tests.yaml': `# Hidden cases: the candidate never sees them. Each names what it tests and carries edge-case tags.
cases:
  - name: the first two
    tags: [ordering]
    args: [[2, 7, 11, 15], 9]          # positional, in the order of \`params\`
    expected: [0, 1]
  - name: by parameter name
    tags: [negative]
    input: { target: -8, nums: [-3, -5, 1] }   # or by name
    expected: [0, 1]
  - name: a value twice
    tags: [duplicates]
    args: [[3, 3], 6]
    expected: [0, 1]
  - name: not the same element twice
    tags: [boundary]
    args: [[3, 2, 4], 6]
    expected: [1, 2]
  - name: large input
    tags: [large]
    from: cases/large.json             # args and expected read from a JSON file
`,
  'two-sum/cases/large.json': JSON.stringify({ args: [bigNums, bigNums[1998] + bigNums[1999]], expected: [1998, 1999] }) + '\n',
  'two-sum/starter/solution.py': `def two_sum(nums: list[int], target: int) -> list[int]:
    pass
`,
  'two-sum/starter/solution.js': `/**
 * @param {number[]} nums
 * @param {number} target
 * @return {number[]}
 */
function twoSum(nums, target) {}
`,
  'two-sum/starter/solution.ts': `function twoSum(nums: number[], target: number): number[] {
  return [];
}
`,
  'two-sum/solutions/solution.py': `def two_sum(nums, target):
    seen = {}
    for i, x in enumerate(nums):
        if target - x in seen:
            return [seen[target - x], i]
        seen[x] = i
`,
  'two-sum/solutions/solution.js': `// A top-level function; \`module.exports = { twoSum }\`, \`export function twoSum\` or a class Solution work too.
function twoSum(nums, target) {
  const seen = new Map();
  for (let i = 0; i < nums.length; i++) {
    if (seen.has(target - nums[i])) return [seen.get(target - nums[i]), i];
    seen.set(nums[i], i);
  }
  return [];
}
`,
  'two-sum/wrong/same_element_twice.py': `# Known-wrong: uses one element twice. \`drills check\` fails unless some case catches it.
def two_sum(nums, target):
    seen = {}
    for i, x in enumerate(nums):
        seen[x] = i
        if target - x in seen:
            return [seen[target - x], i]
`,
};

// ---------- min-stack: a class, methods that return nothing ----------

const minStack: FileSet = {
  'min-stack/problem.yaml': `# A class problem: each case constructs the class, then calls methods in order (\`ops\`).
id: min-stack
title: Min Stack
difficulty: medium
topics: [design, stacks]
class:
  name: MinStack
  methods:
    - { name: MinStack, params: [] }                  # the constructor: the method named like the class
    - { name: push, params: [{ name: x, type: int }] }  # no \`returns\`: returns nothing, expected null
    - { name: pop, params: [] }
    - { name: top, params: [], returns: int }
    - name: getMin
      names: { python: get_min }                      # per-language method name
      params: []
      returns: int
`,
  'min-stack/statement.md': `# Min Stack

Design a stack that supports \`push(x)\`, \`pop()\`, \`top()\` and \`getMin()\` (the smallest value on the
stack), each in O(1) time. \`pop\`, \`top\` and \`getMin\` are only called on a non-empty stack.
`,
  'min-stack/tests.yaml': `# Class cases: ops (the constructor first), one args list per op, one expected value per op.
# Ops use the names declared in problem.yaml; methods without \`returns\` expect null.
cases:
  - name: minimum after pops
    tags: [ordering]
    ops: [MinStack, push, push, push, getMin, pop, top, getMin]
    args: [[], [-2], [0], [-3], [], [], [], []]
    expected: [null, null, null, null, -3, null, 0, -2]
  - name: the same minimum twice
    tags: [duplicates]
    ops: [MinStack, push, push, pop, getMin]
    args: [[], [1], [1], [], []]
    expected: [null, null, null, null, 1]
  - name: many pushes
    tags: [large]
    ops: [MinStack, push]
    args: [[], [0]]
    expected: [null, null]
    repeat:                      # run in the solution's process, 10000 times, i = 0..9999
      times: 10000
      ops: [push, getMin]
      args: [[{$i: [-1, 0]}], []]          # push(-i)
      expected: [null, {$i: [-1, 0]}]      # the minimum is -i
`,
  'min-stack/starter/solution.py': `class MinStack:
    def __init__(self):
        pass

    def push(self, x: int) -> None:
        pass

    def pop(self) -> None:
        pass

    def top(self) -> int:
        pass

    def get_min(self) -> int:
        pass
`,
  'min-stack/starter/solution.js': `class MinStack {
  constructor() {}
  push(x) {}
  pop() {}
  top() {}
  getMin() {}
}
`,
  'min-stack/solutions/solution.py': `class MinStack:
    def __init__(self):
        self.items = []

    def push(self, x):
        self.items.append((x, min(x, self.items[-1][1]) if self.items else x))

    def pop(self):
        self.items.pop()

    def top(self):
        return self.items[-1][0]

    def get_min(self):
        return self.items[-1][1]
`,
  'min-stack/solutions/solution.js': `// push and pop have no \`returns\`: their expected value is null, so they return null.
class MinStack {
  constructor() {
    this.items = [];
  }
  push(x) {
    const min = this.items.length > 0 ? Math.min(x, this.items[this.items.length - 1][1]) : x;
    this.items.push([x, min]);
    return null;
  }
  pop() {
    this.items.pop();
    return null;
  }
  top() {
    return this.items[this.items.length - 1][0];
  }
  getMin() {
    return this.items[this.items.length - 1][1];
  }
}
`,
  'min-stack/wrong/forgets_old_minimum.py': `# Known-wrong: keeps one minimum, so a pop does not bring the previous one back.
class MinStack:
    def __init__(self):
        self.items = []
        self.low = None

    def push(self, x):
        self.items.append(x)
        self.low = x if self.low is None else min(self.low, x)

    def pop(self):
        self.items.pop()

    def top(self):
        return self.items[-1]

    def get_min(self):
        return self.low
`,
};

// ---------- average: a float result ----------

const average: FileSet = {
  'average/problem.yaml': `# A float result: compared with a tolerance.
id: average
title: Average
difficulty: easy
topics: [math]
phases: { clarify: 2, plan: 2, code: 10, test: 6 }   # overrides defaults.phases
function:
  name: average
  params: [{ name: xs, type: "float[]" }]
  returns: float
compare: { kind: float, tolerance: 0.000001 }        # |actual - expected| <= tolerance
`,
  'average/statement.md': `# Average

Return the arithmetic mean of a non-empty list of numbers.
`,
  'average/tests.yaml': `cases:
  - { name: whole numbers, tags: [ordering], args: [[1, 2, 3, 4]], expected: 2.5 }
  - { name: one value, tags: [single], args: [[7]], expected: 7 }
  - { name: a third, tags: [boundary], args: [[0, 0, 1]], expected: 0.333333333 }
  - { name: negatives, tags: [negative], args: [[-1.5, -2.5]], expected: -2 }
`,
  'average/starter/solution.py': `def average(xs: list[float]) -> float:
    pass
`,
  'average/starter/solution.js': `function average(xs) {}
`,
  'average/solutions/solution.py': `def average(xs):
    return sum(xs) / len(xs)
`,
  'average/solutions/solution.js': `function average(xs) {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}
`,
  'average/wrong/integer_division.py': `# Known-wrong: integer division.
def average(xs):
    return sum(xs) // len(xs)
`,
};

// ---------- tree-depth: a TreeNode input ----------

const treeDepth: FileSet = {
  'tree-depth/problem.yaml': `# A tree input: written as a list in level order (null for a missing child); [] is the empty tree.
id: tree-depth
title: Tree Depth
difficulty: easy
topics: [trees, recursion]
function:
  name: maxDepth
  names: { python: max_depth }
  params: [{ name: root, type: TreeNode }]   # TreeNode is provided: the solution need not define it
  returns: int
`,
  'tree-depth/statement.md': `# Tree Depth

Return the number of nodes on the longest path from the root of a binary tree down to a leaf.
A node has \`val\`, \`left\` and \`right\`; the empty tree is \`None\` (Python) or \`null\` (JavaScript).
`,
  'tree-depth/tests.yaml': `cases:
  - { name: empty tree, tags: [empty], args: [[]], expected: 0 }
  - { name: one node, tags: [single], args: [[1]], expected: 1 }
  - { name: balanced, tags: [ordering], args: [[3, 9, 20, null, null, 15, 7]], expected: 3 }
  - { name: a chain to the left, tags: [boundary], args: [[1, 2, null, 3, null, 4]], expected: 4 }
`,
  'tree-depth/starter/solution.py': `def max_depth(root: "TreeNode | None") -> int:
    pass
`,
  'tree-depth/starter/solution.js': `function maxDepth(root) {}
`,
  'tree-depth/solutions/solution.py': `def max_depth(root):
    if root is None:
        return 0
    return 1 + max(max_depth(root.left), max_depth(root.right))
`,
  'tree-depth/solutions/solution.js': `function maxDepth(root) {
  return root === null ? 0 : 1 + Math.max(maxDepth(root.left), maxDepth(root.right));
}
`,
  'tree-depth/wrong/left_only.js': `// Known-wrong: follows only the left children.
function maxDepth(root) {
  return root === null ? 0 : 1 + maxDepth(root.left);
}
`,
};

// ---------- find-duplicate: several right answers, judged by a checker ----------

const findDuplicate: FileSet = {
  'find-duplicate/problem.yaml': `# Several answers are right: a checker (a .js file in the pack) judges each one.
id: find-duplicate
title: Find a Duplicate
difficulty: easy
topics: [arrays, hashing]
function:
  name: findDuplicate
  names: { python: find_duplicate }
  params: [{ name: nums, type: "int[]" }]
  returns: int
compare: { kind: checker, script: checker.js }
`,
  'find-duplicate/checker.js': `// check(args, expected, actual): true when the answer is right, else a reason (a string).
// \`expected\` is one right answer, from tests.yaml; the checker accepts any value that appears twice.
module.exports = function check(args, expected, actual) {
  const [nums] = args;
  const count = nums.filter((x) => x === actual).length;
  return count >= 2 ? true : \`\${JSON.stringify(actual)} appears \${count} time(s), not twice\`;
};
`,
  'find-duplicate/statement.md': `# Find a Duplicate

Return any value that appears at least twice in \`nums\`. At least one value does.
`,
  'find-duplicate/tests.yaml': `cases:
  - { name: one duplicate, tags: [duplicates], args: [[1, 3, 4, 2, 2]], expected: 2 }
  - { name: two duplicates, tags: [duplicates], args: [[3, 1, 3, 4, 2, 4]], expected: 3 }
  - { name: all the same, tags: [boundary], args: [[5, 5, 5]], expected: 5 }
  - { name: at the end, tags: [ordering], args: [[1, 2, 3, 4, 4]], expected: 4 }
`,
  'find-duplicate/starter/solution.py': `def find_duplicate(nums: list[int]) -> int:
    pass
`,
  'find-duplicate/starter/solution.js': `function findDuplicate(nums) {}
`,
  'find-duplicate/solutions/solution.py': `def find_duplicate(nums):
    seen = set()
    for x in nums:
        if x in seen:
            return x
        seen.add(x)
`,
  'find-duplicate/solutions/solution.js': `function findDuplicate(nums) {
  const seen = new Set();
  for (const x of nums) {
    if (seen.has(x)) return x;
    seen.add(x);
  }
  return null;
}
`,
  'find-duplicate/wrong/first_value.py': `# Known-wrong: returns the first value, a duplicate or not.
def find_duplicate(nums):
    return nums[0]
`,
};

/** Every file of a new pack, its id taken from the folder's name. */
export function packFiles(folderName: string): FileSet {
  const id = packIdFrom(folderName);
  return { 'drills-pack.yaml': manifest(id, titleFrom(id)), ...twoSum, ...minStack, ...average, ...treeDepth, ...findDuplicate };
}

/**
 * Every file of a new function problem, stubbed: a statement, a signature, one case per edge the author should
 * think of, a reference solution and a known-wrong one per language. It passes `drills check` as written.
 */
export function problemFiles(id: string, languages: readonly string[]): FileSet {
  const name = functionNameFrom(id);
  const py = snake(name);
  const files: FileSet = {
    [`${id}/problem.yaml`]: `# Describe the problem (docs/pack-format.md). This stub sums a list; change it to yours.
id: ${id}
title: ${titleFrom(id)}
difficulty: easy           # easy, medium or hard
topics: [arrays]
function:
  name: ${name}
  names: { python: ${py} }
  params:
    - { name: nums, type: "int[]" }   # int, float, string, bool, any, TreeNode, ListNode, T[], map<string,T>
  returns: int
# compare: unordered       # exact (default), unordered, {kind: float, tolerance: 1e-6}, {kind: checker, script: checker.js}
# limits: { timeMs: 2000, memoryMb: 256 }
hints:
  - Write the hints the candidate may ask for, easiest first.
followUps:
  - What would you ask once the tests pass?
`,
    [`${id}/statement.md`]: `# ${titleFrom(id)}

Return the sum of the integers in \`nums\` (0 for an empty list).
`,
    [`${id}/tests.yaml`]: `# Hidden cases. Tag each with the edge it tests: empty, single, duplicates, ordering, negative, boundary,
# invalid, large, or a tag the pack declares.
cases:
  - { name: a few numbers, tags: [ordering], args: [[1, 2, 3]], expected: 6 }
  - { name: empty list, tags: [empty], args: [[]], expected: 0 }
  - { name: one number, tags: [single], args: [[5]], expected: 5 }
  - { name: negatives, tags: [negative], args: [[-1, -2, 4]], expected: 1 }
`,
    [`${id}/wrong/skips_first.py`]: `# Known-wrong: a solution the tests must catch (\`drills check\` fails when one passes every case).
def ${py}(nums):
    return sum(nums[1:])
`,
  };
  const all = new Set(languages.length > 0 ? languages : ['python', 'javascript']);
  if (all.has('python')) {
    files[`${id}/starter/solution.py`] = `def ${py}(nums: list[int]) -> int:\n    pass\n`;
    files[`${id}/solutions/solution.py`] = `def ${py}(nums):\n    return sum(nums)\n`;
  }
  if (all.has('javascript')) {
    files[`${id}/starter/solution.js`] = `function ${name}(nums) {}\n`;
    files[`${id}/solutions/solution.js`] = `function ${name}(nums) {\n  return nums.reduce((a, b) => a + b, 0);\n}\n`;
  }
  if (all.has('typescript')) {
    files[`${id}/starter/solution.ts`] = `function ${name}(nums: number[]): number {\n  return 0;\n}\n`;
    files[`${id}/solutions/solution.ts`] = `function ${name}(nums: number[]): number {\n  return nums.reduce((a, b) => a + b, 0);\n}\n`;
  }
  return files;
}
