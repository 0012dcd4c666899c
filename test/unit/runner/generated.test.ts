import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadProblemFromDir } from '../../../src/core/pack/index';
import { digestOf, judgeDigest, shapeOf } from '../../../src/core/runner/digest';
import { computeDigests, writeDigests } from '../../../src/core/runner/digestCases';
import { generateInputs } from '../../../src/core/runner/generator';
import { runSolution } from '../../../src/core/runner/run';
import { minimalPack, only, positionOfText, tempDir, writeTree } from '../pack/helpers';
import { testEnv } from './helpers';

const GENERATOR = `
module.exports = function generate(n, seed, variant) {
  let a = seed >>> 0;
  const xs = [];
  for (let i = 0; i < n; i++) { a = (a * 1103515245 + 12345) % 2147483648; xs.push(a % 1000); }
  if (variant === 'sorted') xs.sort((x, y) => x - y);
  return [xs];
};
`;
const SUM_PY = 'def f(xs):\n    return sorted(xs)\n';
const SUM_JS = 'function f(xs) { return [...xs].sort((a, b) => a - b); }\nmodule.exports = { f };\n';
const PROBLEM = 'id: p\ntitle: P\ndifficulty: easy\ntopics: [arrays]\nfunction: { name: f, params: [{ name: xs, type: "int[]" }], returns: "int[]" }\n';

/** A pack whose problem sorts a generated list; `tests` is tests.yaml. */
function sortingPack(tests: string, extra: Record<string, string> = {}): Record<string, string> {
  return minimalPack({
    'p/problem.yaml': `${PROBLEM}generator: {script: generator.js, sizes: [100, 800]}\ncomplexity: O(n log n)\n`,
    'p/generator.js': GENERATOR,
    'p/tests.yaml': tests,
    'p/solutions/solution.py': SUM_PY,
    'p/solutions/solution.js': SUM_JS,
    ...extra,
  });
}

describe('generated cases', () => {
  let dir: string;
  let remove: () => void;
  beforeEach(() => ({ dir, remove } = tempDir()));
  afterEach(() => remove());

  it('reads the generator, the stated complexity, and generate/digest cases', async () => {
    const sha = 'a'.repeat(64);
    writeTree(dir, sortingPack(`cases:\n  - name: big\n    tags: [large]\n    generate: {n: 5000, seed: 7, variant: sorted}\n    digest: {sha256: ${sha}, shape: "a list of 5,000 numbers"}\n`));
    const { problem, diagnostics } = await loadProblemFromDir(path.join(dir, 'p'));
    assert.deepEqual(diagnostics, []);
    assert.ok(problem);
    assert.deepEqual(problem.generator, { script: path.join(dir, 'p', 'generator.js'), sizes: [100, 800] });
    assert.equal(problem.complexity, 'O(n log n)');
    assert.deepEqual(problem.cases[0].generate, { n: 5000, seed: 7, variant: 'sorted' });
    assert.deepEqual(problem.cases[0].digest, { sha256: sha, shape: 'a list of 5,000 numbers' });
    assert.equal(problem.cases[0].args, undefined, 'inputs are made when the case runs, not when the problem loads');
  });

  it('reports generated cases and generators that cannot work, at their places', async () => {
    const tests = [
      'cases:',
      '  - name: both',
      '    args: [[1]]',
      '    generate: {n: 5, seed: 1}',
      '    expected: [1]',
      '  - name: no result',
      '    generate: {n: 5, seed: 2}',
      '',
    ].join('\n');
    writeTree(dir, sortingPack(tests, { 'p/problem.yaml': `${PROBLEM}generator: {script: generator.js, sizes: [100, 150]}\ncomplexity: O(n!)\n` }));
    let { diagnostics } = await loadProblemFromDir(path.join(dir, 'p'));
    const problemFile = path.join(dir, 'p', 'problem.yaml');
    const testsFile = path.join(dir, 'p', 'tests.yaml');
    const sizes = only(diagnostics, 'at least twice the smallest');
    assert.deepEqual([sizes.file, sizes.line, sizes.column], [problemFile, ...Object.values(positionOfText(problemFile, '150'))]);
    const cx = only(diagnostics, '`complexity: O(n!)` is not one of');
    assert.deepEqual([cx.line, cx.column], Object.values(positionOfText(problemFile, 'O(n!)')));
    // With problem.yaml right, the cases are read.
    writeTree(dir, { 'p/problem.yaml': `${PROBLEM}generator: {script: generator.js, sizes: [100, 800]}\n` });
    ({ diagnostics } = await loadProblemFromDir(path.join(dir, 'p')));
    const both = only(diagnostics, 'not several');
    assert.deepEqual([both.file, both.line], [testsFile, 3]);
    const none = only(diagnostics, 'needs `expected` (the return value), `digest` or `raises: true`');
    assert.equal(none.line, 6);
  });

  it('reads `tooSlow` as names of known-wrong solutions, and reports a name that matches none at its place', async () => {
    writeTree(dir, sortingPack('cases:\n  - name: a\n    args: [[2, 1]]\n    expected: [1, 2]\n', {
      'p/problem.yaml': `${PROBLEM}generator: {script: generator.js, sizes: [100, 800]}\ncomplexity: O(n log n)\ntooSlow: [bubble, bubbel]\n`,
      'p/wrong/bubble.py': 'def f(xs):\n    return xs\n',
      'p/wrong/bubble.js': 'module.exports = { f: (xs) => xs };\n',
    }));
    const { problem, diagnostics } = await loadProblemFromDir(path.join(dir, 'p'));
    const problemFile = path.join(dir, 'p', 'problem.yaml');
    assert.deepEqual(problem?.tooSlow, ['bubble', 'bubbel']);
    const typo = only(diagnostics, 'No known-wrong solution named `bubbel` in wrong/');
    assert.equal(typo.severity, 'error');
    assert.match(typo.message, /: bubble\)\.$/);
    assert.deepEqual([typo.file, typo.line, typo.column], [problemFile, ...Object.values(positionOfText(problemFile, 'bubbel'))]);
  });

  it('refuses a generated case without a generator, and a digest where results are not compared exactly', async () => {
    writeTree(dir, minimalPack({
      'p/problem.yaml': `${PROBLEM}compare: unordered\n`,
      'p/tests.yaml': `cases:\n  - name: g\n    generate: {n: 5, seed: 1}\n    expected: [1]\n  - name: d\n    args: [[1]]\n    digest: {sha256: ${'b'.repeat(64)}}\n`,
    }));
    const { problem, diagnostics } = await loadProblemFromDir(path.join(dir, 'p'));
    assert.equal(only(diagnostics, 'declares no `generator').line, 3);
    assert.equal(only(diagnostics, 'A digest stands for a value compared exactly').line, 7);
    assert.equal(problem?.testsErrors?.length, 2, 'the run refuses a problem whose hidden tests have errors');
  });

  it('a missing generator script is reported at its line', async () => {
    writeTree(dir, sortingPack('cases:\n  - { name: one, args: [[1]], expected: [1] }\n', { 'p/problem.yaml': `${PROBLEM}generator: {script: gen.js, sizes: [100, 800]}\n` }));
    const { diagnostics } = await loadProblemFromDir(path.join(dir, 'p'));
    assert.equal(only(diagnostics, 'The generator `gen.js` does not exist').line, 6);
  });

  it('drills digest computes the results from every reference; a run in each language then passes, and a wrong answer says what it can', async function () {
    this.timeout(120_000);
    const tests = 'cases:\n  - { name: small, args: [[3, 1, 2]], expected: [1, 2, 3] }\n  - name: big\n    tags: [large]\n    generate: {n: 3000, seed: 9}\n';
    writeTree(dir, sortingPack(tests));
    const pending = await loadProblemFromDir(path.join(dir, 'p'), undefined, { digestsPending: true });
    assert.ok(pending.problem);
    const env = testEnv();
    const outcome = await computeDigests(pending.problem, env);
    assert.ok(outcome.ok, outcome.ok ? '' : outcome.message);
    const testsFile = path.join(dir, 'p', 'tests.yaml');
    fs.writeFileSync(testsFile, writeDigests(tests, outcome.digests.map((d) => ({ line: pending.problem!.cases[d.index].line!, digest: d.digest })), pending.problem.cases.map((c) => c.line!)));
    const written = fs.readFileSync(testsFile, 'utf8');
    assert.match(written, /\n {4}generate: \{n: 3000, seed: 9\}\n {4}digest: \{sha256: [0-9a-f]{64}, shape: "a list of 3,000 numbers"\}\n$/);

    const { problem, diagnostics } = await loadProblemFromDir(path.join(dir, 'p'));
    assert.deepEqual(diagnostics, []);
    for (const solution of problem!.solutions) {
      const result = await runSolution({ problem: problem!, language: solution.language, solutionPath: solution.path }, env);
      assert.deepEqual(result.cases.map((c) => c.verdict), ['passed', 'passed'], `${solution.language}: ${result.cases.map((c) => c.message).join(' | ')}`);
    }
    const wrong = path.join(dir, 'p', 'wrong.py');
    fs.writeFileSync(wrong, 'def f(xs):\n    return sorted(xs)[1:]\n');
    const result = await runSolution({ problem: problem!, language: 'python', solutionPath: wrong }, env);
    assert.equal(result.cases[1].verdict, 'failed');
    assert.match(result.cases[1].message!, /^Wrong result: got a list of 2,999 numbers, expected a list of 3,000 numbers \(its SHA-256 [0-9a-f]{12}…, the result's [0-9a-f]{12}…\)\.$/);
  });

  it('a generator that throws or returns the wrong shape fails the run with its message; none of the cases passes', async () => {
    writeTree(dir, sortingPack('cases:\n  - name: big\n    generate: {n: 10, seed: 1}\n    expected: []\n', { 'p/generator.js': 'module.exports = (n, seed) => { if (seed === 1) throw new Error("no seed 1"); return [1, 2]; };\n' }));
    const { problem } = await loadProblemFromDir(path.join(dir, 'p'));
    const result = await runSolution({ problem: problem!, language: 'javascript', solutionPath: path.join(dir, 'p', 'solutions', 'solution.js') }, testEnv());
    assert.equal(result.cases[0].verdict, 'notRun');
    assert.match(result.error!.message, /The generator .*generator\.js threw for n = 10, seed = 1: Error: no seed 1/);
    const node = await testEnv().interpreters.resolve('node');
    assert.ok(node.ok);
    const shaped = await generateInputs(problem!, node.interpreter, [{ n: 3, seed: 2 }]);
    assert.deepEqual(shaped, { ok: false, message: `The generator ${fs.realpathSync(path.join(dir, 'p', 'generator.js'))} returned, for n = 3, seed = 2, 2 arguments: f takes 1.` });
  });

  it('returns every input asked for, those it had made before too, when they are more than it keeps for later', async () => {
    writeTree(dir, sortingPack('cases:\n  - { name: one, args: [[1]], expected: [1] }\n', { 'p/generator.js': 'module.exports = (n) => [Array.from({ length: n }, (_, i) => i)];\n' }));
    const { problem } = await loadProblemFromDir(path.join(dir, 'p'));
    const node = await testEnv().interpreters.resolve('node');
    assert.ok(node.ok);
    assert.ok((await generateInputs(problem!, node.interpreter, [{ n: 1, seed: 9 }])).ok);
    // n = 1 was made first, so it is the oldest kept: the 99 new ones push it out of what is kept for later.
    const sizes = Array.from({ length: 100 }, (_, i) => i + 1);
    const outcome = await generateInputs(problem!, node.interpreter, sizes.map((n) => ({ n, seed: 9 })));
    assert.ok(outcome.ok, JSON.stringify(outcome));
    assert.deepEqual(outcome.inputs.map((input) => ('args' in input ? (input.args[0] as unknown[]).length : -1)), sizes);
  });

  it('a generator that never returns is stopped at its time bound', async () => {
    writeTree(dir, sortingPack('cases:\n  - { name: one, args: [[1]], expected: [1] }\n', { 'p/generator.js': 'module.exports = () => { for (;;) {} };\n' }));
    const { problem } = await loadProblemFromDir(path.join(dir, 'p'));
    const node = await testEnv().interpreters.resolve('node');
    assert.ok(node.ok);
    const outcome = await generateInputs(problem!, node.interpreter, [{ n: 3, seed: 1 }], undefined, 500);
    assert.equal(outcome.ok, false);
    assert.match(outcome.ok ? '' : outcome.message, /did not finish within 500 ms/);
  });

  it('runs one generator for runs that ask for the same inputs at once, and each run gets them', async () => {
    const starts = path.join(dir, 'starts.log');
    const counting = `require('fs').appendFileSync(${JSON.stringify(starts)}, 'x');\nmodule.exports = (n, seed) => [Array.from({ length: n }, (_, i) => i * seed)];\n`;
    writeTree(dir, sortingPack('cases:\n  - { name: one, args: [[1]], expected: [1] }\n', { 'p/generator.js': counting }));
    const { problem } = await loadProblemFromDir(path.join(dir, 'p'));
    const node = await testEnv().interpreters.resolve('node');
    assert.ok(node.ok);
    const asks = [[{ n: 4, seed: 3 }], [{ n: 4, seed: 3 }, { n: 2, seed: 5 }], [{ n: 4, seed: 3 }], [{ n: 2, seed: 5 }]];
    const outcomes = await Promise.all(asks.map((requests) => generateInputs(problem!, node.interpreter, requests)));
    assert.deepEqual(
      outcomes.map((o) => (o.ok ? o.inputs.map((input) => ('args' in input ? input.args[0] : undefined)) : o.message)),
      [[[0, 3, 6, 9]], [[0, 3, 6, 9], [0, 5]], [[0, 3, 6, 9]], [[0, 5]]],
    );
    // The first call makes n = 4; the second waits for it and makes n = 2, which the last two wait for.
    assert.equal(fs.readFileSync(starts, 'utf8'), 'xx');
  });

  it('a run cancelled while others wait for its generator leaves them to make the inputs themselves', async () => {
    const slow = 'const until = Date.now() + 300; while (Date.now() < until) {}\nmodule.exports = (n) => [Array.from({ length: n }, (_, i) => i)];\n';
    writeTree(dir, sortingPack('cases:\n  - { name: one, args: [[1]], expected: [1] }\n', { 'p/generator.js': slow }));
    const { problem } = await loadProblemFromDir(path.join(dir, 'p'));
    const node = await testEnv().interpreters.resolve('node');
    assert.ok(node.ok);
    const cancel = new AbortController();
    const first = generateInputs(problem!, node.interpreter, [{ n: 3, seed: 1 }], cancel.signal);
    const second = generateInputs(problem!, node.interpreter, [{ n: 3, seed: 1 }]);
    cancel.abort();
    assert.equal((await first).ok, false);
    assert.deepEqual(await second, { ok: true, inputs: [{ args: [[0, 1, 2]] }] });
  });

  it('a generator that cannot be started is a message for every run waiting for it, and the next request tries again', async () => {
    writeTree(dir, sortingPack('cases:\n  - { name: one, args: [[1]], expected: [1] }\n', { 'p/generator.js': 'module.exports = (n) => [Array.from({ length: n }, (_, i) => i)];\n' }));
    const { problem } = await loadProblemFromDir(path.join(dir, 'p'));
    const node = await testEnv().interpreters.resolve('node');
    assert.ok(node.ok);
    // A command Node refuses before starting anything (spawn throws at once).
    const broken = { ...node.interpreter, command: 'no\0de' };
    const outcomes = await Promise.all([1, 2].map(() => generateInputs(problem!, broken, [{ n: 2, seed: 4 }])));
    for (const o of outcomes) assert.match(o.ok ? '' : o.message, /^The generator .*generator\.js could not start: /);
    assert.deepEqual(await generateInputs(problem!, node.interpreter, [{ n: 2, seed: 4 }]), { ok: true, inputs: [{ args: [[0, 1]] }] });
  });

  it('digests are of the canonical JSON, so key order and 2 vs 2.0 do not matter, and shapes read plainly', () => {
    assert.equal(digestOf({ b: 1, a: [2, 3] }), digestOf(JSON.parse('{"a":[2.0,3],"b":1}')));
    assert.notEqual(digestOf([1, 2]), digestOf([2, 1]));
    assert.equal(shapeOf([[1], [2]]), 'a list of 2 lists');
    assert.equal(shapeOf({ a: 1 }), 'an object of 1 keys');
    assert.equal(shapeOf(42), '42');
    assert.equal(judgeDigest([null, true, false], { sha256: digestOf([null, true, false]) }, true), true);
    assert.equal(judgeDigest(['ignored constructor value', true, false], { sha256: digestOf([null, true, false]) }, true), true, 'a class case ignores what the constructor returned');
    assert.match(String(judgeDigest(41, { sha256: digestOf(42), shape: '42' }, false)), /^Wrong result: got 41, expected 42 /);
  });
});
