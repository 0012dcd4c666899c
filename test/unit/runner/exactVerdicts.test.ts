import { languagesWith } from './helpers';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadProblemFromDir } from '../../../src/core/pack/index';
import type { Language, Problem, TestCase } from '../../../src/core/pack/types';
import type { RunResult } from '../../../src/core/runner/types';
import { makeProblem, runCode, tc, tempDir } from './helpers';

const dir = tempDir();
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const verdicts = (run: RunResult): string[] => run.cases.map((c) => c.verdict);
const show = (run: RunResult): string => JSON.stringify(run.cases.map((c) => [c.verdict, c.message]), (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));

/** Per language: the same solution written in each (TypeScript may share the JavaScript). */
type Code = Partial<Record<Language, string>>;

describe('runner: integers beyond 2^53 are compared exactly', function () {
  this.timeout(40_000);
  const big = makeProblem({
    cases: [tc([1], 2n ** 60n + 1n), tc([2], 2n ** 60n + 1n), tc([3], 2n ** 60n + 1n)],
    function: { name: 'solve', params: [{ name: 'mode', type: 'int' }], returns: 'int' },
  });
  // 1: 2^60 (one less than expected), 2: the exact value, 3: 2^60 as a double (a float in Python).
  const code: Code = {
    python: 'def solve(mode):\n    return [0, 2 ** 60, 2 ** 60 + 1, 2.0 ** 60][mode]\n',
    javascript: 'function solve(mode) {\n  return [0, 2 ** 60, 2n ** 60n + 1n, 2 ** 60 + 1][mode];\n}',
    typescript: 'function solve(mode: number): number | bigint {\n  return [0, 2 ** 60, 2n ** 60n + 1n, 2 ** 60 + 1][mode];\n}',
    go: 'func solve(mode int) interface{} {\n\treturn []interface{}{0, 1 << 60, 1<<60 + 1, float64(1 << 60)}[mode]\n}\n',
    java: 'class Solution {\n    public Object solve(int mode) {\n        return new Object[] {0, 1L << 60, (1L << 60) + 1, (double) (1L << 60)}[mode];\n    }\n}\n',
    // One return type in C++: mode 3 goes through a double, which drops the + 1.
    cpp: 'class Solution {\npublic:\n    long long solve(int mode) {\n        long long exact = (1LL << 60) + 1;\n        return mode == 1 ? exact - 1 : mode == 2 ? exact : (long long)(double)exact;\n    }\n};\n',
  };
  for (const language of languagesWith(code)) {
    it(`fails 2^60 where 2^60 + 1 is expected and passes the exact value (${language})`, async () => {
      const run = await runCode(dir, language, code[language]!, big);
      assert.deepEqual(verdicts(run), ['failed', 'passed', 'failed'], show(run));
      assert.match(run.cases[0].message ?? '', /^Expected 1152921504606846977, got 1152921504606846976\./);
    });
  }

  for (const language of ['javascript', 'typescript'] as const) {
    it(`sends a BigInt exactly even when the solution gave BigInt a toJSON (${language})`, async () => {
      const patch = language === 'javascript' ? 'BigInt.prototype.toJSON = function () { return this.toString(); };' : '(BigInt.prototype as unknown as { toJSON(): string }).toJSON = function (this: bigint) { return this.toString(); };';
      const run = await runCode(dir, language, `${patch}\n${code[language]}`, big);
      assert.deepEqual(verdicts(run), ['failed', 'passed', 'failed'], show(run));
    });
  }

  const echo = makeProblem({
    cases: [tc([2n ** 60n + 1n], 2n ** 60n + 2n)],
    function: { name: 'next', params: [{ name: 'n', type: 'int' }], returns: 'int' },
  });
  const echoCode: Code = {
    python: 'def next(n):\n    return n + 1\n',
    javascript: 'const next = (n) => n + 1n;',
    typescript: 'const next = (n: bigint): bigint => n + 1n;',
    go: 'func next(n int) int {\n\treturn n + 1\n}\n',
    java: 'class Solution {\n    public long next(long n) {\n        return n + 1;\n    }\n}\n',
    cpp: 'class Solution {\npublic:\n    long long next(long long n) { return n + 1; }\n};\n',
  };
  for (const language of languagesWith(echoCode)) {
    it(`hands a big integer argument to the solution with every digit (${language})`, async () => {
      const run = await runCode(dir, language, echoCode[language]!, echo);
      assert.deepEqual(verdicts(run), ['passed'], show(run));
      assert.equal(run.cases[0].actual, 2n ** 60n + 2n);
    });
  }
});

describe('runner: a method without a return value', function () {
  this.timeout(40_000);
  const cache: Problem = makeProblem({
    function: undefined,
    class: {
      name: 'Box',
      methods: [
        { name: 'Box', params: [], returns: 'void' },
        { name: 'put', params: [{ name: 'x', type: 'int' }], returns: 'void' },
        { name: 'get', params: [], returns: 'int' },
      ],
    },
    cases: [{ name: 'put then get', tags: [], ops: ['Box', 'put', 'get'], opArgs: [[], [4], []], expected: [null, null, 4] }],
  });
  const code: Code = {
    python: 'class Box:\n    def __init__(self):\n        self.x = None\n    def put(self, x):\n        self.x = x\n    def get(self):\n        return self.x\n',
    javascript: 'class Box {\n  put(x) { this.x = x; }\n  get() { return this.x; }\n}',
    typescript: 'class Box {\n  private x = 0;\n  put(x: number): void { this.x = x; }\n  get(): number { return this.x; }\n}',
    go: 'type Box struct{ x int }\n\nfunc Constructor() Box { return Box{} }\n\nfunc (this *Box) Put(x int) { this.x = x }\n\nfunc (this *Box) Get() int { return this.x }\n',
    java: 'class Box {\n    private int x;\n    public void put(int x) { this.x = x; }\n    public int get() { return x; }\n}\n',
    cpp: 'class Box {\n    int x = 0;\npublic:\n    Box() {}\n    void put(int v) { x = v; }\n    int get() { return x; }\n};\n',
  };
  for (const language of languagesWith(code)) {
    it(`is void: returning nothing gives the expected null (${language})`, async () => {
      const run = await runCode(dir, language, code[language]!, cache);
      assert.deepEqual(verdicts(run), ['passed'], show(run));
      assert.deepEqual(run.cases[0].actual, [null, null, 4]);
    });
  }
});

describe('runner: the LRUCache example of the pack format, loaded from YAML', function () {
  this.timeout(40_000);
  const problemYaml = [
    'id: lru',
    'title: LRU',
    'difficulty: medium',
    'topics: [design]',
    'class:',
    '  name: LRUCache',
    '  methods:',
    '    - { name: LRUCache, params: [{ name: capacity, type: int }] }',
    '    - { name: get, params: [{ name: key, type: int }], returns: int }',
    '    - { name: put, params: [{ name: key, type: int }, { name: value, type: int }] }',
  ].join('\n');
  const testsYaml = [
    'cases:',
    '  - name: evicts the least recently used',
    '    ops:      [LRUCache, put,    put,    get, put,    get]',
    '    args:     [[2],      [1, 1], [2, 2], [1], [3, 3], [2]]',
    '    expected: [null,     null,   null,   1,   null,   -1]',
  ].join('\n');
  const code: Code = {
    python: 'class LRUCache:\n    def __init__(self, capacity):\n        self.c, self.d = capacity, {}\n    def get(self, key):\n        if key not in self.d:\n            return -1\n        self.d[key] = self.d.pop(key)\n        return self.d[key]\n    def put(self, key, value):\n        self.d.pop(key, None)\n        self.d[key] = value\n        if len(self.d) > self.c:\n            del self.d[next(iter(self.d))]\n',
    javascript: 'class LRUCache {\n  constructor(c) { this.c = c; this.m = new Map(); }\n  get(k) { if (!this.m.has(k)) return -1; const v = this.m.get(k); this.m.delete(k); this.m.set(k, v); return v; }\n  put(k, v) { this.m.delete(k); this.m.set(k, v); if (this.m.size > this.c) this.m.delete(this.m.keys().next().value); }\n}',
    typescript: 'class LRUCache {\n  private m = new Map<number, number>();\n  constructor(private c: number) {}\n  get(k: number): number { if (!this.m.has(k)) return -1; const v = this.m.get(k)!; this.m.delete(k); this.m.set(k, v); return v; }\n  put(k: number, v: number): void { this.m.delete(k); this.m.set(k, v); if (this.m.size > this.c) this.m.delete(this.m.keys().next().value!); }\n}',
    go: [
      'type LRUCache struct {',
      '\tc    int',
      '\tkeys []int',
      '\tm    map[int]int',
      '}',
      '',
      'func Constructor(capacity int) LRUCache { return LRUCache{c: capacity, m: map[int]int{}} }',
      '',
      'func (this *LRUCache) touch(k int) {',
      '\tfor i, x := range this.keys {',
      '\t\tif x == k {',
      '\t\t\tthis.keys = append(this.keys[:i], this.keys[i+1:]...)',
      '\t\t\tbreak',
      '\t\t}',
      '\t}',
      '\tthis.keys = append(this.keys, k)',
      '}',
      '',
      'func (this *LRUCache) Get(key int) int {',
      '\tv, ok := this.m[key]',
      '\tif !ok {',
      '\t\treturn -1',
      '\t}',
      '\tthis.touch(key)',
      '\treturn v',
      '}',
      '',
      'func (this *LRUCache) Put(key int, value int) {',
      '\tthis.m[key] = value',
      '\tthis.touch(key)',
      '\tif len(this.keys) > this.c {',
      '\t\tdelete(this.m, this.keys[0])',
      '\t\tthis.keys = this.keys[1:]',
      '\t}',
      '}',
    ].join('\n'),
    java: [
      'import java.util.*;',
      '',
      'class LRUCache {',
      '    private final int capacity;',
      '    private final LinkedHashMap<Integer, Integer> map = new LinkedHashMap<>(16, 0.75f, true);',
      '',
      '    public LRUCache(int capacity) { this.capacity = capacity; }',
      '',
      '    public int get(int key) { return map.getOrDefault(key, -1); }',
      '',
      '    public void put(int key, int value) {',
      '        map.put(key, value);',
      '        if (map.size() > capacity) map.remove(map.keySet().iterator().next());',
      '    }',
      '}',
    ].join('\n'),
    cpp: [
      'class LRUCache {',
      '    int capacity;',
      '    list<pair<int, int>> order;',
      '    unordered_map<int, list<pair<int, int>>::iterator> at;',
      'public:',
      '    LRUCache(int capacity) : capacity(capacity) {}',
      '    int get(int key) {',
      '        auto it = at.find(key);',
      '        if (it == at.end()) return -1;',
      '        order.splice(order.begin(), order, it->second);',
      '        return it->second->second;',
      '    }',
      '    void put(int key, int value) {',
      '        auto it = at.find(key);',
      '        if (it != at.end()) order.erase(it->second);',
      '        order.emplace_front(key, value);',
      '        at[key] = order.begin();',
      '        if ((int)order.size() > capacity) { at.erase(order.back().first); order.pop_back(); }',
      '    }',
      '};',
    ].join('\n'),
  };
  for (const language of languagesWith(code)) {
    it(`passes a right solution whose put returns nothing (${language})`, async () => {
      fs.mkdirSync(path.join(dir, 'lru'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'drills-pack.yaml'), 'drills: 1\nid: lru-pack\nname: LRU\ndescription: One problem.\n');
      fs.writeFileSync(path.join(dir, 'lru', 'problem.yaml'), problemYaml);
      fs.writeFileSync(path.join(dir, 'lru', 'tests.yaml'), testsYaml);
      fs.writeFileSync(path.join(dir, 'lru', 'statement.md'), '# LRU\n');
      const { problem, diagnostics } = await loadProblemFromDir(path.join(dir, 'lru'));
      assert.deepEqual(diagnostics.filter((d) => d.severity === 'error'), []);
      const run = await runCode(dir, language, code[language]!, problem!);
      assert.deepEqual(verdicts(run), ['passed'], show(run));
    });
  }
});

describe('runner: results are converted by their declared type only', function () {
  this.timeout(40_000);
  // An own `__proto__` key, built the way JSON.parse builds it (a literal would set the prototype).
  const protoMap = JSON.parse('{"__proto__": 1, "a": 2}') as Record<string, number>;
  const maps = makeProblem({
    cases: [tc(['proto'], protoMap), tc(['node-like'], { val: 1, next: 2 }), tc(['tree-like'], { val: 1, left: 2 })],
    function: { name: 'solve', params: [{ name: 'mode', type: 'string' }], returns: 'map<string,int>' },
  });
  const code: Code = {
    python: 'def solve(mode):\n    return {"proto": {"__proto__": 1, "a": 2}, "node-like": {"val": 1, "next": 2}, "tree-like": {"val": 1, "left": 2}}[mode]\n',
    javascript: [
      'function solve(mode) {',
      '  if (mode === "proto") { const m = {}; Object.defineProperty(m, "__proto__", { value: 1, enumerable: true }); m.a = 2; return m; }',
      '  return mode === "node-like" ? { val: 1, next: 2 } : { val: 1, left: 2 };',
      '}',
    ].join('\n'),
    typescript: [
      'function solve(mode: string): Record<string, number> {',
      '  if (mode === "proto") { const m: Record<string, number> = {}; Object.defineProperty(m, "__proto__", { value: 1, enumerable: true }); m.a = 2; return m; }',
      '  return mode === "node-like" ? { val: 1, next: 2 } : { val: 1, left: 2 };',
      '}',
    ].join('\n'),
    go: 'func solve(mode string) map[string]int {\n\treturn map[string]map[string]int{"proto": {"__proto__": 1, "a": 2}, "node-like": {"val": 1, "next": 2}, "tree-like": {"val": 1, "left": 2}}[mode]\n}\n',
    java: 'import java.util.*;\n\nclass Solution {\n    public Map<String, Integer> solve(String mode) {\n        switch (mode) {\n            case "proto": return Map.of("__proto__", 1, "a", 2);\n            case "node-like": return Map.of("val", 1, "next", 2);\n            default: return Map.of("val", 1, "left", 2);\n        }\n    }\n}\n',
    cpp: 'class Solution {\npublic:\n    unordered_map<string, int> solve(string mode) {\n        if (mode == "proto") return {{"__proto__", 1}, {"a", 2}};\n        if (mode == "node-like") return {{"val", 1}, {"next", 2}};\n        return {{"val", 1}, {"left", 2}};\n    }\n};\n',
  };
  for (const language of languagesWith(code)) {
    it(`keeps a map's own __proto__ key and never takes {val, next} for a list node (${language})`, async () => {
      const run = await runCode(dir, language, code[language]!, maps);
      assert.deepEqual(verdicts(run), ['passed', 'passed', 'passed'], show(run));
    });
  }

  const counts = makeProblem({
    cases: [tc(['bool'], 1), tc(['int'], true), tc(['lying'], { a: 1 }), tc(['lying-int'], 1)],
    function: { name: 'solve', params: [{ name: 'mode', type: 'string' }], returns: 'any' },
  });
  // No C++ entry: a C++ function returns one static type, so it cannot return a bool for one case and an int for another.
  const lying: Code = {
    python: [
      'class Lying(dict):',
      '    def items(self):',
      '        return [("a", 99)]',
      'class LyingInt(int):',
      '    def __int__(self):',
      '        return 42',
      'def solve(mode):',
      '    return {"bool": True, "int": 1, "lying": Lying(a=1), "lying-int": LyingInt(1)}[mode]',
    ].join('\n'),
    javascript: 'function solve(mode) {\n  return { bool: true, int: 1, lying: { a: 1 }, "lying-int": 1 }[mode];\n}',
    typescript: 'function solve(mode: string): unknown {\n  return ({ bool: true, int: 1, lying: { a: 1 }, "lying-int": 1 } as Record<string, unknown>)[mode];\n}',
    go: 'func solve(mode string) interface{} {\n\treturn map[string]interface{}{"bool": true, "int": 1, "lying": map[string]int{"a": 1}, "lying-int": 1}[mode]\n}\n',
    // Integer is final in Java: the map subclass lies in its toString, the "int" is a Short.
    java: [
      'import java.util.*;',
      '',
      'class Lying extends HashMap<String, Integer> {',
      '    @Override public String toString() { return "{a=99}"; }',
      '}',
      '',
      'class Solution {',
      '    public Object solve(String mode) {',
      '        Lying lying = new Lying();',
      '        lying.put("a", 1);',
      '        return Map.of("bool", true, "int", 1, "lying", lying, "lying-int", (short) 1).get(mode);',
      '    }',
      '}',
    ].join('\n'),
  };
  for (const language of languagesWith(lying)) {
    it(`never takes a bool for an int, and reads a dict or int subclass by its content (${language})`, async () => {
      const run = await runCode(dir, language, lying[language]!, counts);
      assert.deepEqual(verdicts(run), ['failed', 'failed', 'passed', 'passed'], show(run));
    });
  }

  const node = makeProblem({
    cases: [tc([[1, 2]], null)],
    function: { name: 'solve', params: [{ name: 'head', type: 'ListNode' }], returns: 'any' },
  });
  const echoNode: Code = {
    python: 'def solve(head):\n    return head\n',
    java: 'class Solution {\n    public Object solve(ListNode head) {\n        return head;\n    }\n}\n',
  };
  for (const language of languagesWith(echoNode)) {
    it(`does not read a node returned where the type is not a node type as a list (${language})`, async () => {
      const run = await runCode(dir, language, echoNode[language]!, node);
      assert.equal(run.cases[0].verdict, 'failed');
      assert.match(run.cases[0].message ?? '', /not JSON \(a ListNode\)/);
    });
  }
});

describe('runner: float tolerance', function () {
  this.timeout(40_000);
  const cases = [tc([0], 2 ** 31), tc([1], 2 ** 31)];
  const absolute = makeProblem({ compare: { kind: 'float', tolerance: 0.001 }, cases, function: { name: 'solve', params: [{ name: 'k', type: 'int' }], returns: 'float' } });
  const relative = makeProblem({ ...absolute, compare: { kind: 'float', tolerance: 0.001, relative: true } });
  // 0: 0.5 off at 2^31 (inside 0.001 of its size); 1: 0.0005 off.
  const code: Code = {
    python: 'def solve(k):\n    return 2 ** 31 + (0.5 if k == 0 else 0.0005)\n',
    javascript: 'const solve = (k) => 2 ** 31 + (k === 0 ? 0.5 : 0.0005);',
    typescript: 'const solve = (k: number): number => 2 ** 31 + (k === 0 ? 0.5 : 0.0005);',
    go: 'func solve(k int) float64 {\n\tif k == 0 {\n\t\treturn 1<<31 + 0.5\n\t}\n\treturn 1<<31 + 0.0005\n}\n',
    java: 'class Solution {\n    public double solve(int k) {\n        return (1L << 31) + (k == 0 ? 0.5 : 0.0005);\n    }\n}\n',
    cpp: 'class Solution {\npublic:\n    double solve(int k) { return 2147483648.0 + (k == 0 ? 0.5 : 0.0005); }\n};\n',
  };
  for (const language of languagesWith(code)) {
    it(`is absolute unless the pack says relative (${language})`, async () => {
      const [abs, rel] = await Promise.all([runCode(dir, language, code[language]!, absolute), runCode(dir, language, code[language]!, relative)]);
      assert.deepEqual(verdicts(abs), ['failed', 'passed'], show(abs));
      assert.deepEqual(verdicts(rel), ['passed', 'passed'], show(rel));
    });
  }
});

describe('runner: raises', function () {
  this.timeout(40_000);
  const raises = (expected: TestCase['raises']): TestCase => tc([-1], undefined, { raises: expected });
  const problem = makeProblem({
    cases: [
      raises(true),
      raises({ python: 'ValueError', javascript: 'RangeError', typescript: 'RangeError', go: 'Negative', java: 'IllegalArgumentException', cpp: 'std::invalid_argument' }),
      raises({ python: 'KeyError', javascript: 'TypeError', typescript: 'TypeError', go: 'runtime.Error', java: 'ArithmeticException', cpp: 'std::out_of_range' }),
      raises({ python: 'Exception', javascript: 'Error', typescript: 'Error', go: 'error', java: 'RuntimeException', cpp: 'std::exception' }),
      raises({}),
    ],
    function: { name: 'solve', params: [{ name: 'n', type: 'int' }], returns: 'int' },
  });
  // A subclass of the named exception counts as it.
  const right: Code = {
    python: 'class Negative(ValueError):\n    pass\n\ndef solve(n):\n    raise Negative("negative")\n',
    javascript: 'class Negative extends RangeError {}\nfunction solve(n) {\n  throw new Negative("negative");\n}',
    typescript: 'class Negative extends RangeError {}\nfunction solve(n: number): number {\n  throw new Negative("negative");\n}',
    // Go has no subclasses: `error`, which the panic value implements, stands for the base class.
    go: 'type Negative struct{}\n\nfunc (Negative) Error() string { return "negative" }\n\nfunc solve(n int) int {\n\tpanic(Negative{})\n}\n',
    java: 'class Negative extends IllegalArgumentException {\n    Negative(String message) { super(message); }\n}\n\nclass Solution {\n    public int solve(int n) {\n        throw new Negative("negative");\n    }\n}\n',
    cpp: 'struct Negative : invalid_argument {\n    Negative() : invalid_argument("negative") {}\n};\nclass Solution {\npublic:\n    int solve(int n) { throw Negative(); }\n};\n',
  };
  for (const language of languagesWith(right)) {
    it(`passes only on the named exception or a subclass of it (${language})`, async () => {
      const run = await runCode(dir, language, right[language]!, problem);
      assert.deepEqual(verdicts(run), ['passed', 'passed', 'failed', 'passed', 'passed'], show(run));
      const wanted = { python: 'KeyError', go: 'runtime.Error', java: 'ArithmeticException', cpp: 'std::out_of_range' }[language as string] ?? 'TypeError';
      assert.match(run.cases[2].message ?? '', new RegExp(`^Expected ${/^[AEIOU]/.test(wanted) ? 'an' : 'a'} ${wanted}, but the solution raised .*negative`));
    });
  }

  it('matches a JavaScript error by the name it sets as well as by its class', async () => {
    const named = makeProblem({
      cases: [tc([-1], undefined, { raises: { javascript: 'ValidationError' } }), tc([-1], undefined, { raises: { javascript: 'Invalid' } }), tc([-1], undefined, { raises: { javascript: 'RangeError' } })],
      function: { name: 'solve', params: [{ name: 'n', type: 'int' }], returns: 'int' },
    });
    const code = 'class Invalid extends Error {\n  constructor(m) { super(m); this.name = "ValidationError"; }\n}\nfunction solve(n) {\n  throw new Invalid("negative");\n}';
    const run = await runCode(dir, 'javascript', code, named);
    assert.deepEqual(verdicts(run), ['passed', 'passed', 'failed'], show(run));
  });

  // What the built-in starters do.
  const starter: Code = {
    python: 'def solve(n):\n    raise NotImplementedError("solve is not implemented yet")\n',
    javascript: 'function solve(n) {\n  throw new Error("solve is not implemented yet");\n}',
    typescript: 'function solve(n: number): number {\n  throw new Error("solve is not implemented yet");\n}',
    go: 'func solve(n int) int {\n\tpanic("solve is not implemented yet")\n}\n',
    // The throw on line 2, as in the other languages.
    java: 'class Solution {\n    public int solve(int n) { throw new UnsupportedOperationException("solve is not implemented yet"); }\n}\n',
    cpp: 'class Solution {\npublic:\n    int solve(int n) { throw logic_error("solve is not implemented yet"); }\n};\n',
  };
  for (const language of languagesWith(starter)) {
    it(`never passes a raises case with a "not implemented" exception (${language})`, async () => {
      const run = await runCode(dir, language, starter[language]!, problem);
      assert.deepEqual(verdicts(run), ['error', 'error', 'error', 'error', 'error'], show(run));
      for (const c of run.cases) assert.match(c.message ?? '', /^Not implemented yet: .*solve is not implemented yet/);
      // Every language points at the line that threw (C++ through the throw's recorded frames).
      assert.equal(run.cases[0].location?.line, language === 'cpp' ? 3 : 2);
      assert.equal(run.passed, 0);
    });
  }
});

describe('runner: JavaScript and TypeScript specifics', function () {
  this.timeout(40_000);
  const problem = makeProblem({ cases: [tc([0], 1), tc([1], 1)], function: { name: 'solve', params: [{ name: 'k', type: 'int' }], returns: 'int' } });
  for (const language of ['javascript', 'typescript'] as const) {
    it(`reports a case awaiting a promise that never settles as timed out, and runs the next (${language})`, async () => {
      const code = language === 'javascript'
        ? 'async function solve(k) {\n  if (k === 0) await new Promise(() => {});\n  return 1;\n}'
        : 'async function solve(k: number): Promise<number> {\n  if (k === 0) await new Promise<void>(() => {});\n  return 1;\n}';
      const run = await runCode(dir, language, code, problem);
      assert.deepEqual(verdicts(run), ['timeout', 'passed'], show(run));
      assert.match(run.cases[0].message ?? '', /never settles/);
    });
  }

  it('names a TypeScript namespace holding values at its line instead of failing later', async () => {
    const code = 'type Pair = [number, number];\nnamespace Util {\n  export const one = 1;\n}\nfunction solve(k: number): number {\n  return Util.one;\n}';
    const run = await runCode(dir, 'typescript', code, problem);
    assert.equal(run.error?.kind, 'load-failed');
    assert.match(run.error?.message ?? '', /namespace Util` \(line 2\) holds values/);
    assert.deepEqual(run.error?.location && [run.error.location.line, run.error.location.column], [2, 1]);
  });

  it('runs a TypeScript solution whose namespaces hold only types', async () => {
    const code = 'namespace Shapes {\n  export interface Box { n: number }\n  export type N = number;\n}\ndeclare namespace Ambient { const x: number; }\nfunction solve(k: number): Shapes.N {\n  const b: Shapes.Box = { n: 1 };\n  return b.n;\n}';
    const run = await runCode(dir, 'typescript', code, problem);
    assert.deepEqual(verdicts(run), ['passed', 'passed'], show(run));
  });
});
