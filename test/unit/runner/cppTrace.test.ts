import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Problem } from '../../../src/core/pack/types';
import { findOnPath } from '../../../src/core/runner/interpreters';
import type { RunResult, RunnerEnv } from '../../../src/core/runner/types';
import { cppStackFrames } from '../../../src/core/languages/cppTrace';
import { makeProblem, runCode, tc, tempDir } from './helpers';

// Where a C++ solution crashed or threw, as the runner reports it: the signal and what it means, the solution's
// frames (function and solution.cpp:line), nothing of the harness. One solution, built once, does every kind of fault.

const gxx = findOnPath('g++', process.env.PATH);
const addr2line = findOnPath('addr2line', process.env.PATH);
const BUILDS = path.join(os.tmpdir(), 'drills-test-cpp-builds');

const SOLUTION = `#include <vector>
#include <stdexcept>
#include <cassert>
using namespace std;

class Solution {
    int down(int n) {
        volatile int pad[8];
        pad[0] = n;
        return down(n + 1) + pad[0];
    }
    int divide(int a, int b) {
        return a / b;
    }
    int deref(int* p) {
        return *p + 1;
    }
    int check(int depth) {
        if (depth == 0) throw out_of_range("index 7 past the end");
        return check(depth - 1) + 1;
    }
public:
    int fault(int kind) {
        vector<int> small{1, 2};
        if (kind == 0) return deref(kind == 0 ? nullptr : &small[0]);
        volatile int zero = kind - 1;
        if (kind == 1) return divide(10, zero);
        if (kind == 2) return check(kind);
        if (kind == 3) return small.at(kind + 4);
        if (kind == 4) return down(kind);
        if (kind == 5) assert(kind == 6);
        return kind;
    }
};
`;
const lineOf = (text: string): number => SOLUTION.split('\n').findIndex((l) => l.includes(text)) + 1;

const problem: Problem = makeProblem({
  languages: ['cpp'],
  function: { name: 'fault', params: [{ name: 'kind', type: 'int' }], returns: 'int' },
  cases: [tc([0], 0), tc([1], 1), tc([2], 2), tc([3], 3), tc([4], 4), tc([5], 5), tc([6], 6)],
});

(gxx && addr2line ? describe : describe.skip)('C++ crashes and exceptions at the solution\'s lines', function () {
  this.timeout(300_000);
  let dir: string;
  let result: RunResult;
  const run = async (env: Partial<RunnerEnv> = {}): Promise<RunResult> => {
    dir = tempDir();
    return runCode(dir, 'cpp', SOLUTION, problem, { file: 'solution.cpp', env: { buildCacheDir: BUILDS, ...env } });
  };
  before(async () => {
    result = await run();
  });
  const solution = (): string => path.join(dir, 'solution.cpp');
  /** No frame of the harness, the glue or the C++ library: only the solution's. */
  const onlySolutionFrames = (stack: string | undefined): void => {
    const frames = cppStackFrames(stack ?? '');
    assert.ok(frames.length > 0, `no frames in ${stack}`);
    for (const f of frames) {
      assert.equal(f.file, solution(), stack);
      assert.match(f.label, /^Solution::/, stack);
    }
  };

  it('reports a null dereference as SIGSEGV with its meaning, in the function at its line, and runs the rest', () => {
    const c = result.cases[0];
    assert.equal(c.verdict, 'error');
    assert.equal(c.message, `The solution crashed with SIGSEGV in Solution::deref at solution.cpp:${lineOf('return *p + 1;')}: an invalid memory access, such as a null or dangling pointer or an index out of range.`);
    assert.deepEqual(c.location, { file: solution(), line: lineOf('return *p + 1;') });
    onlySolutionFrames(c.stack);
    // The caller is there too, at the call.
    assert.match(c.stack ?? '', new RegExp(`at Solution::fault\\(int\\) \\(.*solution\\.cpp:${lineOf('return deref(')}\\)`));
    assert.equal(result.cases[6].verdict, 'passed');
  });

  it('reports an integer division by zero as SIGFPE', () => {
    const c = result.cases[1];
    assert.equal(c.verdict, 'error');
    assert.match(c.message ?? '', /^The solution crashed with SIGFPE in Solution::\w+ at solution\.cpp:\d+: an arithmetic error: an integer division or remainder by zero/);
    assert.equal(c.location?.line, lineOf('return a / b;'));
    onlySolutionFrames(c.stack);
  });

  it('reports a failed assert as SIGABRT, at the assert', () => {
    const c = result.cases[5];
    assert.equal(c.verdict, 'error');
    assert.match(c.message ?? '', /SIGABRT in Solution::fault at solution\.cpp:\d+: the program aborted: a failed assert\(\)/);
    assert.equal(c.location?.line, lineOf('assert(kind == 6)'));
  });

  it('reports an exception with its type, what() and the line that threw it', () => {
    const thrown = result.cases[2];
    assert.equal(thrown.verdict, 'error');
    assert.equal(thrown.message, 'std::out_of_range: index 7 past the end');
    assert.deepEqual(thrown.location, { file: solution(), line: lineOf('throw out_of_range') });
    onlySolutionFrames(thrown.stack);
    // Thrown inside the C++ library (vector::at): placed at the solution's call.
    const at = result.cases[3];
    assert.match(at.message ?? '', /^std::out_of_range: vector::_M_range_check/);
    assert.equal(at.location?.line, lineOf('small.at('));
    onlySolutionFrames(at.stack);
  });

  it('reports endless recursion as a stack overflow, with a bounded trace', () => {
    const c = result.cases[4];
    assert.equal(c.verdict, 'error');
    assert.match(c.message ?? '', /^The solution crashed with SIGSEGV in Solution::down at solution\.cpp:\d+: a stack overflow: the recursion went deeper than the stack allows/);
    onlySolutionFrames(c.stack);
    assert.match(c.stack ?? '', /the same frame \d+ more times/);
    assert.ok((c.stack ?? '').split('\n').length <= 10, c.stack);
  });

  it('without addr2line, still names the signal and its meaning, and the exception, without a trace', async () => {
    const looked: string[] = [];
    const r = await run({ findTool: (name) => (looked.push(name), undefined) });
    assert.ok(looked.includes('addr2line'));
    const crash = r.cases[0];
    assert.equal(crash.message, 'The solution crashed with SIGSEGV: an invalid memory access, such as a null or dangling pointer or an index out of range.');
    assert.equal(crash.stack, undefined);
    assert.equal(crash.location, undefined);
    assert.equal(r.cases[2].message, 'std::out_of_range: index 7 past the end');
    assert.equal(r.cases[2].stack, undefined);
    assert.equal(r.cases[6].verdict, 'passed');
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));
});
