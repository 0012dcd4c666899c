import { languagesWith } from './helpers';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { Language, Problem } from '../../../src/core/pack/types';
import type { RunResult } from '../../../src/core/runner/types';
import { makeProblem, runCode, tc, tempDir } from './helpers';

const dir = tempDir();
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const addOne = makeProblem({
  cases: [tc([1], 2), tc([41], 42)],
  function: { name: 'addOne', params: [{ name: 'n', type: 'int' }], returns: 'int', names: { python: 'add_one' } },
});

function assertAllPassed(run: RunResult, label: string): void {
  assert.equal(run.error, undefined, `${label}: ${run.error?.message}`);
  assert.deepEqual(run.cases.map((c) => c.verdict), run.cases.map(() => 'passed'), `${label}: ${JSON.stringify(run.cases)}`);
}

describe('runner: finding the solution', function () {
  this.timeout(40_000);
  const styles: [Language, string, string][] = [
    ['javascript', 'top-level function', 'function addOne(n) {\n  return n + 1;\n}\n// a trailing comment'],
    ['javascript', 'const arrow', 'const addOne = (n) => n + 1;'],
    ['javascript', 'export', 'export function addOne(n) {\n  return n + 1;\n}'],
    ['javascript', 'export default', 'export default function (n) {\n  return n + 1;\n}'],
    ['javascript', 'module.exports = function', 'module.exports = function (n) { return n + 1; };'],
    ['javascript', 'module.exports = { addOne }', 'function helper(n) { return n + 1; }\nmodule.exports = { addOne: helper };'],
    ['javascript', 'class Solution', 'class Solution {\n  addOne(n) { return n + 1; }\n}'],
    ['javascript', 'module.exports = Solution', 'class Solution {\n  addOne(n) { return n + 1; }\n}\nmodule.exports = Solution;'],
    ['javascript', 'module.exports = class', 'module.exports = class {\n  addOne(n) { return n + 1; }\n};'],
    ['typescript', 'export default class Solution', 'export default class Solution {\n  addOne(n: number): number { return n + 1; }\n}'],
    ['typescript', 'top-level function', 'function addOne(n: number): number {\n  return n + 1;\n}'],
    ['typescript', 'export', 'interface Box { n: number }\nexport function addOne(n: number): number {\n  const b: Box = { n };\n  return b.n + 1;\n}'],
    ['typescript', 'export default', 'export default (n: number): number => n + 1;'],
    ['python', 'top-level def (per-language name)', 'def add_one(n: int) -> int:\n    return n + 1\n'],
    ['python', "LeetCode's class Solution with typing names", 'class Solution:\n    def add_one(self, n: int) -> Optional[int]:\n        xs: List[int] = [n]\n        return xs[0] + 1\n'],
    ['java', "LeetCode's class Solution", 'class Solution {\n    public int addOne(int n) {\n        return n + 1;\n    }\n}\n'],
    ['java', 'a public class Solution with a static method and a helper class', 'import java.util.*;\n\npublic class Solution {\n    public static int addOne(int n) {\n        return new Step().next(n);\n    }\n}\n\nclass Step {\n    int next(int n) { return n + 1; }\n}\n'],
    ['cpp', "LeetCode's class Solution", 'class Solution {\npublic:\n    int addOne(int n) {\n        return n + 1;\n    }\n};\n'],
    ['cpp', 'a const member function taking a const reference', 'struct Solution {\n    long long addOne(const long long& n) const { return n + 1; }\n};\n'],
    ['cpp', 'a static member function', 'class Solution {\npublic:\n    static int addOne(int n) { return n + 1; }\n};\n'],
  ];
  let runs: RunResult[] = [];
  before(async () => {
    runs = await Promise.all(styles.map(([language, , code]) => runCode(dir, language, code, addOne)));
  });
  styles.forEach(([language, style], i) => {
    it(`finds ${style} in ${language}`, () => assertAllPassed(runs[i], `${language} ${style}`));
  });

  it('names what it looked for and what the file defines when the function is missing', async () => {
    const js = await runCode(dir, 'javascript', 'function addTwo(n) { return n + 2; }\nconst limit = 3;', addOne);
    assert.equal(js.error?.kind, 'not-found');
    assert.match(js.error?.message ?? '', /has no function named addOne \(top-level, exported, or a method of class Solution\)/);
    assert.match(js.error?.message ?? '', /defines addTwo, limit/);
    assert.ok(js.cases.every((c) => c.verdict === 'error'));
    const py = await runCode(dir, 'python', 'def addOne(n):\n    return n + 1\n', addOne);
    assert.equal(py.error?.kind, 'not-found');
    assert.match(py.error?.message ?? '', /has no function named add_one .*; it defines addOne\./);
  });

  // A compiled language's syntax error is a build failure, checked in its own suite (java.test.ts, go.test.ts).
  it('reports a syntax error at its line, in every interpreted language', async () => {
    const runs = await Promise.all([
      runCode(dir, 'javascript', 'function addOne(n) {\n  return n +;\n}', addOne),
      runCode(dir, 'typescript', 'function addOne(n: number): number {\n  return n +;\n}', addOne),
      runCode(dir, 'python', 'def add_one(n):\n    return n +\n', addOne),
    ]);
    for (const run of runs) {
      assert.equal(run.error?.kind, 'load-failed', JSON.stringify(run.error));
      assert.match(run.error?.message ?? '', /SyntaxError/);
      assert.equal(run.error?.location?.line, 2, `${run.language}: ${JSON.stringify(run.error)}`);
      assert.equal(run.error?.location?.file, run.solutionPath);
      assert.ok(run.cases.every((c) => c.verdict === 'error' && c.location?.line === 2));
    }
  });

  it('reports an exception in top-level code as a load failure pointing at its line', async () => {
    const run = await runCode(dir, 'python', 'x = 1\nraise RuntimeError("setup broke")\n', addOne);
    assert.equal(run.error?.kind, 'load-failed');
    assert.match(run.error?.message ?? '', /setup broke/);
    assert.equal(run.error?.location?.line, 2);
  });
});

const nodeParams = [{ name: 'root', type: 'TreeNode' }, { name: 'head', type: 'ListNode' }, { name: 'lists', type: 'ListNode[]' }];
const nodeArgs = [[[1, 2, 3, null, 4], [1, 2, 3], [[1, 2], [], [7]]], [[], [], []]];
/** Results are converted by their declared type: the mirrored tree as a TreeNode, the lists as ListNode[]. */
const nodes: Problem[] = [
  makeProblem({
    cases: [tc(nodeArgs[0], [1, 3, 2, null, null, 4]), tc(nodeArgs[1], [])],
    function: { name: 'mirrorTree', params: nodeParams, returns: 'TreeNode', names: { python: 'mirror_tree' } },
  }),
  makeProblem({
    cases: [tc(nodeArgs[0], [[3, 2, 1], [1, 2], [], [7]]), tc(nodeArgs[1], [[]])],
    function: { name: 'reverseFirst', params: nodeParams, returns: 'ListNode[]', names: { python: 'reverse_first' } },
  }),
];

const nodesCode: Partial<Record<Language, string>> = {
  python: `
def mirror(node):
    if node is None:
        return None
    return TreeNode(node.val, mirror(node.right), mirror(node.left))

def mirror_tree(root, head, lists):
    assert isinstance(root, TreeNode) or root is None
    return mirror(root)

def reverse_first(root, head, lists):
    prev = None
    while head:
        head.next, prev, head = prev, head, head.next
    return [prev] + lists
`,
  javascript: `
function mirror(node) {
  return node === null ? null : new TreeNode(node.val, mirror(node.right), mirror(node.left));
}
function mirrorTree(root, head, lists) {
  if (root !== null && !(root instanceof TreeNode)) throw new Error('not a TreeNode');
  return mirror(root);
}
function reverseFirst(root, head, lists) {
  let prev = null;
  while (head) [head.next, prev, head] = [prev, head, head.next];
  return [prev, ...lists];
}
`,
  typescript: `
function mirror(node: TreeNode | null): TreeNode | null {
  return node === null ? null : new TreeNode(node.val, mirror(node.right), mirror(node.left));
}
export function mirrorTree(root: TreeNode | null, head: ListNode | null, lists: (ListNode | null)[]): TreeNode | null {
  if (root !== null && !(root instanceof TreeNode)) throw new Error('not a TreeNode');
  return mirror(root);
}
export function reverseFirst(root: TreeNode | null, head: ListNode | null, lists: (ListNode | null)[]): (ListNode | null)[] {
  let prev: ListNode | null = null;
  while (head) [head.next, prev, head] = [prev, head, head.next];
  return [prev, ...lists];
}
declare class TreeNode { val: number; left: TreeNode | null; right: TreeNode | null; constructor(v?: number, l?: TreeNode | null, r?: TreeNode | null); }
declare class ListNode { val: number; next: ListNode | null; }
`,
  go: `package main

func mirror(node *TreeNode) *TreeNode {
	if node == nil {
		return nil
	}
	return &TreeNode{Val: node.Val, Left: mirror(node.Right), Right: mirror(node.Left)}
}

func mirrorTree(root *TreeNode, head *ListNode, lists []*ListNode) *TreeNode {
	return mirror(root)
}

func reverseFirst(root *TreeNode, head *ListNode, lists []*ListNode) []*ListNode {
	var prev *ListNode
	for head != nil {
		head.Next, prev, head = prev, head, head.Next
	}
	return append([]*ListNode{prev}, lists...)
}
`,
  java: `class Solution {
    private TreeNode mirror(TreeNode node) {
        return node == null ? null : new TreeNode(node.val, mirror(node.right), mirror(node.left));
    }

    public TreeNode mirrorTree(TreeNode root, ListNode head, ListNode[] lists) {
        return mirror(root);
    }

    public ListNode[] reverseFirst(TreeNode root, ListNode head, ListNode[] lists) {
        ListNode prev = null;
        while (head != null) {
            ListNode next = head.next;
            head.next = prev;
            prev = head;
            head = next;
        }
        ListNode[] out = new ListNode[lists.length + 1];
        out[0] = prev;
        System.arraycopy(lists, 0, out, 1, lists.length);
        return out;
    }
}
`,
  cpp: `class Solution {
    TreeNode* mirror(TreeNode* node) {
        return node == nullptr ? nullptr : new TreeNode(node->val, mirror(node->right), mirror(node->left));
    }
public:
    TreeNode* mirrorTree(TreeNode* root, ListNode* head, vector<ListNode*>& lists) {
        return mirror(root);
    }
    vector<ListNode*> reverseFirst(TreeNode* root, ListNode* head, vector<ListNode*>& lists) {
        ListNode* prev = nullptr;
        while (head) {
            ListNode* next = head->next;
            head->next = prev;
            prev = head;
            head = next;
        }
        vector<ListNode*> out{prev};
        out.insert(out.end(), lists.begin(), lists.end());
        return out;
    }
};
`,
};

const treeReturn = makeProblem({
  cases: [tc([[3, 1]], [3, 1]), tc([[]], [])],
  function: { name: 'same', params: [{ name: 'root', type: 'TreeNode' }], returns: 'TreeNode' },
});

describe('runner: TreeNode and ListNode', function () {
  this.timeout(30_000);
  for (const language of languagesWith(nodesCode)) {
    it(`builds trees and lists from LeetCode arrays and returns them as arrays (${language})`, async () => {
      for (const problem of nodes) assertAllPassed(await runCode(dir, language, nodesCode[language]!, problem), `${language} ${problem.function?.name}`);
    });
  }

  it('returns an empty tree as [] when the declared type is TreeNode', async () => {
    const runs = await Promise.all([
      runCode(dir, 'python', 'def same(root):\n    return root\n', treeReturn),
      runCode(dir, 'javascript', 'const same = (root) => root;', treeReturn),
      runCode(dir, 'java', 'class Solution {\n    public TreeNode same(TreeNode root) {\n        return root;\n    }\n}\n', treeReturn),
      runCode(dir, 'cpp', 'class Solution {\npublic:\n    TreeNode* same(TreeNode* root) { return root; }\n};\n', treeReturn),
    ]);
    for (const run of runs) assertAllPassed(run, run.language);
  });
});

const counter = makeProblem({
  function: undefined,
  class: {
    name: 'Counter',
    methods: [
      { name: 'Counter', params: [{ name: 'start', type: 'int' }], returns: 'void' },
      { name: 'add', params: [{ name: 'n', type: 'int' }], returns: 'void' },
      { name: 'getTotal', params: [], returns: 'int', names: { python: 'get_total' } },
    ],
  },
  cases: [
    { name: 'adds', tags: [], ops: ['Counter', 'add', 'getTotal', 'add', 'getTotal'], opArgs: [[10], [5], [], [1], []], expected: [null, null, 15, null, 16] },
    { name: 'starts', tags: [], ops: ['Counter', 'getTotal'], opArgs: [[7], []], expected: [null, 7] },
  ],
});

const counterCode: Partial<Record<Language, string>> = {
  python: 'class Counter:\n    def __init__(self, start):\n        self.total = start\n    def add(self, n):\n        self.total += n\n    def get_total(self):\n        return self.total\n',
  javascript: 'class Counter {\n  constructor(start) { this.total = start; }\n  add(n) { this.total += n; }\n  getTotal() { return this.total; }\n}',
  typescript: 'export class Counter {\n  private total: number;\n  constructor(start: number) { this.total = start; }\n  add(n: number): void { this.total += n; }\n  getTotal(): number { return this.total; }\n}',
  go: 'type Counter struct{ total int }\n\nfunc Constructor(start int) Counter { return Counter{total: start} }\n\nfunc (this *Counter) Add(n int) { this.total += n }\n\nfunc (this *Counter) GetTotal() int { return this.total }\n',
  java: 'class Counter {\n    private int total;\n    public Counter(int start) { total = start; }\n    public void add(int n) { total += n; }\n    public int getTotal() { return total; }\n}\n',
  cpp: 'class Counter {\n    int total;\npublic:\n    Counter(int start) : total(start) {}\n    void add(int n) { total += n; }\n    int getTotal() const { return total; }\n};\n',
};

describe('runner: class problems', function () {
  this.timeout(30_000);
  for (const language of languagesWith(counterCode)) {
    it(`constructs the class and calls each op (${language})`, async () => {
      const run = await runCode(dir, language, counterCode[language]!, counter);
      assertAllPassed(run, language);
      assert.deepEqual(run.cases[0].actual, [null, null, 15, null, 16]);
    });
  }

  it('names the first differing op index and name', async () => {
    const wrong = counterCode.javascript!.replace('this.total += n;', 'this.total += n * 2;');
    const run = await runCode(dir, 'javascript', wrong, counter);
    assert.equal(run.cases[0].verdict, 'failed');
    assert.match(run.cases[0].message ?? '', /^Op #2 \(getTotal\): expected 15, got 20/);
    assert.equal(run.cases[1].verdict, 'passed');
  });

  it('reports an op that raises with its index and name', async () => {
    const broken = counterCode.python!.replace('self.total += n', 'raise IndexError("full")');
    const run = await runCode(dir, 'python', broken, counter);
    assert.equal(run.cases[0].verdict, 'error');
    assert.match(run.cases[0].message ?? '', /op #1 \(add\) raised IndexError: full/);
    assert.equal(run.cases[0].location?.line, 5);
  });
});
