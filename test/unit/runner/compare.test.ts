import { languagesWith } from './helpers';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { canonicalJson, floatEqual, jsonEqual, typeMismatch, unorderedEqual } from '../../../src/core/runner/compare';
import { makeProblem, runCode, tc, tempDir } from './helpers';
import type { Language } from '../../../src/core/languages/registry';

describe('runner: comparing values', () => {
  it('treats 2 and 2.0 as equal and ignores object key order', () => {
    assert.ok(jsonEqual(JSON.parse('2.0'), 2));
    assert.ok(jsonEqual({ a: 1, b: [1, { c: null }] }, { b: [1, { c: null }], a: 1 }));
    assert.ok(!jsonEqual([1, 2], [2, 1]));
    assert.ok(!jsonEqual({ a: 1 }, { a: 1, b: 2 }));
    assert.ok(!jsonEqual(null, {}));
    assert.ok(!jsonEqual([], {}));
  });

  it('compares top-level lists as multisets when unordered', () => {
    assert.ok(unorderedEqual([[2, 1], [1]], [[1], [2, 1]]));
    assert.ok(!unorderedEqual([[1, 2]], [[2, 1]]), 'only the top level is unordered');
    assert.ok(!unorderedEqual([1, 1, 2], [1, 2, 2]));
    assert.ok(unorderedEqual([{ b: 1, a: 2 }], [{ a: 2, b: 1 }]));
  });

  it('compares floats recursively within an absolute tolerance unless it is relative', () => {
    assert.ok(floatEqual([0.1 + 0.2, { x: 1e9 }], [0.3, { x: 1e9 + 1e-7 }], 1e-6));
    assert.ok(!floatEqual([0.31], [0.3], 1e-6));
    assert.ok(!floatEqual([1, 2], [1], 1e-6));
    // 0.5 off at 2^31 is far outside an absolute 0.001, though within 0.001 of its size.
    assert.ok(!floatEqual(2 ** 31 + 0.5, 2 ** 31, 0.001));
    assert.ok(floatEqual(2 ** 31 + 0.5, 2 ** 31, { tolerance: 0.001, relative: true }));
    assert.ok(!floatEqual(2 ** 31 * 1.01, 2 ** 31, { tolerance: 0.001, relative: true }));
    assert.ok(!floatEqual(1e-9, 0, { tolerance: 0.001, relative: true }), 'relative to an expected 0, only 0 is close enough');
  });

  it('says what type a returned value has when it does not fit the declared one', () => {
    assert.equal(typeMismatch('4', 'int'), 'string');
    assert.equal(typeMismatch(1.5, 'int'), 'a non-integer number');
    assert.equal(typeMismatch([1, 'a'], 'int[]'), 'a list holding string');
    assert.equal(typeMismatch({ a: [1] }, 'map<string, int[]>'), undefined);
    assert.equal(typeMismatch(null, 'TreeNode'), undefined);
    assert.equal(canonicalJson({ b: 1, a: [true] }), '{"a":[true],"b":1}');
  });
});

describe('runner: compare modes and raises through a run', function () {
  this.timeout(30_000);
  const dir = tempDir();
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('passes a permutation and fails a different multiset when unordered', async () => {
    const problem = makeProblem({ compare: { kind: 'unordered' }, cases: [tc([[3, 1, 2]], [1, 2, 3]), tc([[1, 1]], [1, 2])] });
    const run = await runCode(dir, 'python', 'def solve(a):\n    return list(reversed(a))\n', problem);
    assert.deepEqual(run.cases.map((c) => c.verdict), ['passed', 'failed']);
  });

  it('accepts floats within the tolerance only', async () => {
    const problem = makeProblem({ compare: { kind: 'float', tolerance: 1e-6 }, cases: [tc([1], 1 / 3), tc([2], 0.6)] });
    const run = await runCode(dir, 'javascript', 'const solve = (a) => a === 1 ? 1 / 3 + 1e-9 : 0.61;', problem);
    assert.deepEqual(run.cases.map((c) => c.verdict), ['passed', 'failed']);
  });

  it('asks the pack\'s checker script, batched, and reports its reasons', async () => {
    const checker = path.join(dir, 'check.js');
    fs.writeFileSync(checker, [
      'let calls = 0;',
      'exports.check = (args, expected, actual) => {',
      '  calls++;',
      '  if (!Array.isArray(actual)) return "not a list";',
      '  const sum = actual.reduce((a, b) => a + b, 0);',
      '  return sum === args[0] ? true : `sums to ${sum}, not ${args[0]} (call ${calls})`;',
      '};',
    ].join('\n'));
    const problem = makeProblem({ dir, compare: { kind: 'checker', script: 'check.js' }, cases: [tc([5], null), tc([4], null), tc([3], null)] });
    const reported: number[] = [];
    const run = await runCode(dir, 'python', 'def solve(n):\n    return [n - 1, 1] if n != 4 else [1]\n', problem, { onCase: (r) => reported.push(r.index) });
    assert.deepEqual(run.cases.map((c) => c.verdict), ['passed', 'failed', 'passed']);
    assert.match(run.cases[1].message ?? '', /sums to 1, not 4 \(call 2\)/, 'one process judged all cases in order');
    assert.deepEqual(reported.sort(), [0, 1, 2]);
  });

  it('reports a broken checker as an error, never a pass', async () => {
    fs.writeFileSync(path.join(dir, 'broken.js'), 'exports.check = () => { throw new Error("checker bug"); };');
    const problem = makeProblem({ dir, compare: { kind: 'checker', script: 'broken.js' }, cases: [tc([5], null)] });
    const run = await runCode(dir, 'javascript', 'const solve = (n) => n;', problem);
    assert.equal(run.cases[0].verdict, 'error');
    assert.match(run.cases[0].message ?? '', /checker threw: Error: checker bug/);
  });

  const RAISES_WHEN_NEGATIVE: Partial<Record<Language, string>> = {
    python: 'def solve(n):\n    if n < 0:\n        raise ValueError("negative")\n    return n\n',
    javascript: 'function solve(n) {\n  if (n < 0) throw new RangeError("negative");\n  return n;\n}',
    typescript: 'function solve(n: number) {\n  if (n < 0) throw new RangeError("negative");\n  return n;\n}',
    go: 'func solve(n int) int {\n\tif n < 0 {\n\t\tpanic("negative")\n\t}\n\treturn n\n}\n',
    java: 'class Solution {\n    public int solve(int n) {\n        if (n < 0) throw new IllegalArgumentException("negative");\n        return n;\n    }\n}\n',
    cpp: 'class Solution {\npublic:\n    int solve(int n) {\n        if (n < 0) throw invalid_argument("negative");\n        return n;\n    }\n};\n',
  };
  for (const language of languagesWith(RAISES_WHEN_NEGATIVE)) {
    it(`passes a raises case only when the solution throws (${language})`, async () => {
      const problem = makeProblem({ cases: [tc([-1], undefined, { raises: true }), tc([1], undefined, { raises: true }), tc([2], 2)] });
      const run = await runCode(dir, language, RAISES_WHEN_NEGATIVE[language]!, problem);
      assert.deepEqual(run.cases.map((c) => c.verdict), ['passed', 'failed', 'passed']);
      assert.match(run.cases[1].message ?? '', /Expected an exception, but the solution returned 1/);
    });
  }
});
