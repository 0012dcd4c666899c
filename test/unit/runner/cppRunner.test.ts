import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Problem, TestCase } from '../../../src/core/pack/types';
import { findOnPath } from '../../../src/core/runner/interpreters';
import type { RunResult } from '../../../src/core/runner/types';
import { isAlive, makeProblem, runCode, tc, tempDir } from './helpers';

// C++ through the runner: verdicts, limits and errors as the other languages get them. Builds share one cache for the
// whole suite, so the harness's precompiled part is built once.

const gxx = findOnPath('g++', process.env.PATH);
const BUILDS = path.join(os.tmpdir(), 'drills-test-cpp-builds');
const PRELUDE = '#include <vector>\n#include <string>\n#include <unordered_map>\n#include <stdexcept>\n#include <cstdio>\n#include <iostream>\nusing namespace std;\n';

function problem(over: Partial<Problem> & { cases: TestCase[] }): Problem {
  return makeProblem({ languages: ['cpp'], ...over });
}

const run = (dir: string, code: string, p: Problem): Promise<RunResult> => runCode(dir, 'cpp', code, p, { env: { buildCacheDir: BUILDS } });

(gxx ? describe : describe.skip)('C++ through the runner', function () {
  this.timeout(300_000);
  let dir: string;
  beforeEach(() => (dir = tempDir()));

  it('passes, fails and errs case by case, with the exception\'s class in the message', async () => {
    const p = problem({
      function: { name: 'solve', params: [{ name: 'x', type: 'int' }], returns: 'int' },
      cases: [tc([1], 2), tc([2], 5), tc([-1], 0)],
    });
    const r = await run(dir, `${PRELUDE}class Solution {\npublic:\n    int solve(int x) {\n        if (x < 0) throw invalid_argument("negative");\n        return x * 2;\n    }\n};\n`, p);
    assert.equal(r.error, undefined);
    assert.deepEqual(r.cases.map((c) => c.verdict), ['passed', 'failed', 'error']);
    assert.match(r.cases[1].message ?? '', /expected 5, got 4/i);
    assert.equal(r.cases[2].message, 'std::invalid_argument: negative');
  });

  it('reports a null given for a string parameter as an error of that case, naming the parameter, and runs the rest', async () => {
    const p = problem({
      function: { name: 'solve', params: [{ name: 'a', type: 'string' }, { name: 'b', type: 'string[]' }], returns: 'int' },
      cases: [tc(['ab', ['c']], 3), tc([null, ['x']], 1), tc(['x', ['y', null]], 2), tc(['x', ['y']], 2)],
    });
    const r = await run(dir, `${PRELUDE}class Solution {\npublic:\n    int solve(const string& a, vector<string> b) { return a.size() + b.size(); }\n};\n`, p);
    assert.equal(r.error, undefined, r.error?.message);
    assert.deepEqual(r.cases.map((c) => c.verdict), ['passed', 'error', 'error', 'passed']);
    assert.equal(r.cases[1].message, 'the harness could not pass the arguments: argument 1 is null, which a C++ std::string parameter cannot hold (a std::string cannot be null)');
    assert.match(r.cases[2].message ?? '', /argument 2\[1\] is null, which a C\+\+ std::string parameter cannot hold/);
  });

  it('reports a compile error at the line and column of the solution, as a build error with diagnostics', async () => {
    const p = problem({ function: { name: 'solve', params: [{ name: 'x', type: 'int' }], returns: 'int' }, cases: [tc([1], 2)] });
    const r = await run(dir, `${PRELUDE}class Solution {\npublic:\n    int solve(int x) {\n        return x * two;\n    }\n};\n`, p);
    assert.equal(r.error?.kind, 'build-failed');
    assert.equal(r.error?.location?.line, 11);
    assert.equal(r.error?.location?.column, 20);
    assert.equal(r.error?.diagnostics?.[0].line, 11);
    assert.match(r.error?.message ?? '', /'two' was not declared/);
    assert.equal(r.cases[0].verdict, 'error');
  });

  it('says what is missing when the solution has no member function of the problem\'s name', async () => {
    const p = problem({ function: { name: 'solve', params: [{ name: 'x', type: 'int' }], returns: 'int' }, cases: [tc([1], 2)] });
    const r = await run(dir, `${PRELUDE}class Solution { public: int other(int x) { return x; } };\n`, p);
    assert.equal(r.error?.kind, 'not-found');
    assert.match(r.error?.message ?? '', /member function named solve in class Solution/);
  });

  it('fails every case of the starter as not implemented, even one that expects an exception', async () => {
    const p = problem({ function: { name: 'solve', params: [{ name: 'x', type: 'int' }], returns: 'int' }, cases: [tc([1], 2), tc([-1], undefined, { raises: true })] });
    const r = await run(dir, `${PRELUDE}class Solution { public: int solve(int x) { throw std::logic_error("not implemented"); } };\n`, p);
    assert.deepEqual(r.cases.map((c) => c.verdict), ['error', 'error']);
    assert.match(r.cases[0].message ?? '', /^Not implemented yet/);
  });

  it('passes a raises case only on the named C++ class or a class derived from it', async () => {
    const p = problem({
      function: { name: 'solve', params: [{ name: 'x', type: 'int' }], returns: 'int' },
      cases: [tc([1], undefined, { raises: { cpp: 'std::logic_error' } }), tc([2], undefined, { raises: { cpp: 'std::invalid_argument' } }), tc([3], undefined, { raises: true })],
    });
    const r = await run(dir, `${PRELUDE}class Solution { public: int solve(int x) { if (x == 3) return 3; throw out_of_range("index " + to_string(x)); } };\n`, p);
    assert.deepEqual(r.cases.map((c) => c.verdict), ['passed', 'failed', 'failed']);
  });

  it("passes a raises case on a class the solution's own exception derives from, its own or a standard one", async () => {
    const p = problem({
      function: { name: 'solve', params: [{ name: 'x', type: 'int' }], returns: 'int' },
      cases: [
        tc([1], undefined, { raises: { cpp: 'InvalidInput' } }),
        tc([1], undefined, { raises: { cpp: 'std::invalid_argument' } }),
        tc([2], undefined, { raises: { cpp: 'Problem' } }),
        tc([2], undefined, { raises: { cpp: 'Base' } }),
        tc([1], undefined, { raises: { cpp: 'Other' } }),
      ],
    });
    const code = `${PRELUDE}struct InvalidInput : invalid_argument { using invalid_argument::invalid_argument; };
struct EmptyToken : InvalidInput { EmptyToken() : InvalidInput("empty") {} };
struct Base { virtual ~Base() = default; };
struct Tag {};
struct Problem : Tag, Base {};
struct Other : std::exception {};
class Solution { public: int solve(int x) { if (x == 1) throw EmptyToken(); throw Problem(); } };
`;
    const r = await run(dir, code, p);
    assert.deepEqual(r.cases.map((c) => c.verdict), ['passed', 'passed', 'passed', 'passed', 'failed'], JSON.stringify(r.cases.map((c) => c.message)));
  });

  it('times out a hanging case, kills the process, and runs the rest in a new one', async () => {
    const p = problem({
      limits: { timeMs: 500, memoryMb: 128 },
      function: { name: 'solve', params: [{ name: 'x', type: 'int' }], returns: 'int' },
      cases: [tc([1], 1), tc([0], 0), tc([2], 2)],
    });
    const r = await run(dir, `${PRELUDE}#include <unistd.h>\nclass Solution { public: int solve(int x) { if (x == 0) { std::FILE* f = std::fopen(${JSON.stringify(path.join(dir, 'pid'))}, "w"); std::fprintf(f, "%d", getpid()); std::fclose(f); volatile long n = 0; for (;;) n++; } return x; } };\n`, p);
    assert.deepEqual(r.cases.map((c) => c.verdict), ['passed', 'timeout', 'passed']);
    const pid = Number(fs.readFileSync(path.join(dir, 'pid'), 'utf8'));
    assert.equal(isAlive(pid), false);
  });

  it('reports running out of memory as memory, and the rest still run', async () => {
    const p = problem({
      limits: { timeMs: 5000, memoryMb: 64 },
      function: { name: 'solve', params: [{ name: 'mb', type: 'int' }], returns: 'int' },
      cases: [tc([1], 1), tc([512], 512), tc([2], 2)],
    });
    const r = await run(dir, `${PRELUDE}class Solution { public: int solve(int mb) { vector<vector<char>> keep; for (int i = 0; i < mb; i++) keep.emplace_back(1 << 20, 'x'); return keep.size(); } };\n`, p);
    assert.deepEqual(r.cases.map((c) => c.verdict), ['passed', 'memory', 'passed']);
    assert.match(r.cases[1].message ?? '', /limit 64 MB/);
  });

  it('reports a crash as an error naming the signal, keeps what the case printed, and runs the rest', async () => {
    const p = problem({
      function: { name: 'solve', params: [{ name: 'x', type: 'int' }], returns: 'int' },
      cases: [tc([1], 1), tc([0], 0), tc([2], 2)],
    });
    const r = await run(dir, `${PRELUDE}class Solution { public: int solve(int x) { printf("case %d\\n", x); if (x == 0) { int* p = nullptr; return *p; } return x; } };\n`, p);
    assert.deepEqual(r.cases.map((c) => c.verdict), ['passed', 'error', 'passed']);
    assert.match(r.cases[1].message ?? '', /SIGSEGV/);
    assert.equal(r.cases[1].output.trim(), 'case 0');
    assert.equal(r.cases[2].output.trim(), 'case 2');
  });

  it('caps a case\'s output and marks it truncated', async () => {
    const p = problem({ function: { name: 'solve', params: [{ name: 'x', type: 'int' }], returns: 'int' }, cases: [tc([1], 1)] });
    const r = await run(dir, `${PRELUDE}class Solution { public: int solve(int x) { string line(1000, 'y'); for (int i = 0; i < 3000; i++) cout << line; return x; } };\n`, p);
    assert.equal(r.cases[0].verdict, 'passed');
    assert.equal(r.cases[0].outputTruncated, true);
    assert.ok(r.cases[0].output.length <= 1024 * 1024);
  });

  it('compares unordered and float results as the problem says', async () => {
    const unordered = problem({ compare: { kind: 'unordered' }, function: { name: 'solve', params: [{ name: 'n', type: 'int' }], returns: 'int[]' }, cases: [tc([3], [1, 2, 3])] });
    const r1 = await run(dir, `${PRELUDE}class Solution { public: vector<int> solve(int n) { vector<int> v; for (int i = n; i >= 1; i--) v.push_back(i); return v; } };\n`, unordered);
    assert.equal(r1.cases[0].verdict, 'passed');
    const float = problem({ compare: { kind: 'float', tolerance: 1e-6 }, function: { name: 'solve', params: [{ name: 'x', type: 'float' }], returns: 'float' }, cases: [tc([1], 1 / 3), tc([2], 0.5)] });
    const r2 = await run(dir, `${PRELUDE}class Solution { public: double solve(double x) { return x == 1 ? 1.0 / 3.0 + 1e-9 : 0.6; } };\n`, float);
    assert.deepEqual(r2.cases.map((c) => c.verdict), ['passed', 'failed']);
  });

  it('runs class ops with a repeat block, and maps returned containers and trees back to JSON', async () => {
    const p = problem({
      function: undefined,
      class: {
        name: 'Counter',
        methods: [
          { name: 'Counter', params: [{ name: 'start', type: 'int' }], returns: 'void' },
          { name: 'add', params: [{ name: 'x', type: 'int' }], returns: 'int' },
          { name: 'tree', params: [], returns: 'TreeNode' },
          { name: 'counts', params: [{ name: 'words', type: 'string[]' }], returns: 'map<string,int>' },
        ],
      },
      cases: [
        { name: 'ops', tags: [], ops: ['Counter', 'add', 'tree', 'counts'], opArgs: [[10], [5], [], [['a', 'b', 'a']]], expected: [null, 15, [1, null, 2], { a: 2, b: 1 }] },
        { name: 'repeat', tags: [], ops: ['Counter', 'add'], opArgs: [[0], [1]], expected: [null, 1], repeat: { times: 1000, ops: ['add'], args: [[1]], expected: [{ $i: [1, 2] }] } },
      ],
    });
    const r = await run(
      dir,
      `${PRELUDE}class Counter {\n    long long total;\npublic:\n    Counter(int start) : total(start) {}\n    long long add(int x) { return total += x; }\n    TreeNode* tree() { TreeNode* root = new TreeNode(1); root->right = new TreeNode(2); return root; }\n    unordered_map<string, int> counts(const vector<string>& words) { unordered_map<string, int> m; for (auto& w : words) m[w]++; return m; }\n};\n`,
      p,
    );
    assert.deepEqual(r.cases.map((c) => [c.verdict, c.message]), [['passed', undefined], ['passed', undefined]]);
  });

  it('reports a method the class lacks by the op that calls it, and runs the cases that never call it', async () => {
    const p = problem({
      function: undefined,
      class: {
        name: 'Counter',
        methods: [
          { name: 'Counter', params: [], returns: 'void' },
          { name: 'add', params: [{ name: 'x', type: 'int' }], returns: 'int' },
          { name: 'reset', params: [], returns: 'void' },
        ],
      },
      cases: [
        { name: 'adds', tags: [], ops: ['Counter', 'add', 'add'], opArgs: [[], [2], [3]], expected: [null, 2, 5] },
        { name: 'resets', tags: [], ops: ['Counter', 'add', 'reset'], opArgs: [[], [2], []], expected: [null, 2, null] },
      ],
    });
    const r = await run(dir, `${PRELUDE}class Counter {\n    int total = 0;\npublic:\n    int add(int x) { return total += x; }\n};\n`, p);
    assert.equal(r.error, undefined, r.error?.message);
    assert.deepEqual(r.cases.map((c) => c.verdict), ['passed', 'error']);
    assert.match(r.cases[1].message ?? '', /op #2 \(reset\).*Counter has no method reset/);
  });

  it('never recompiles an unchanged solution: the second run takes the build from the cache', async () => {
    const p = problem({ function: { name: 'solve', params: [{ name: 'x', type: 'int' }], returns: 'int' }, cases: [tc([1], 3)] });
    const code = `${PRELUDE}class Solution { public: int solve(int x) { return x + 2; } };\n`;
    const file = path.join(dir, 'same.cpp');
    fs.writeFileSync(file, code);
    const first = await runCode(dir, 'cpp', code, p, { file: 'same.cpp', env: { buildCacheDir: BUILDS } });
    const builds = fs.readdirSync(BUILDS, { recursive: true }).filter((f) => String(f).endsWith('solution')).length;
    const second = await runCode(dir, 'cpp', code, p, { file: 'same.cpp', env: { buildCacheDir: BUILDS } });
    assert.equal(first.passed, 1);
    assert.equal(second.passed, 1);
    assert.equal(fs.readdirSync(BUILDS, { recursive: true }).filter((f) => String(f).endsWith('solution')).length, builds);
  });
});
