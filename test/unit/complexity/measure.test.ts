import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { measureComplexity, measurementSentence, roundOrders, type ComplexityMeasurement } from '../../../src/core/complexity/measure';
import { loadProblemFromDir } from '../../../src/core/pack/index';
import { minimalPack, tempDir, writeTree } from '../pack/helpers';
import { testEnv } from '../runner/helpers';
import { LANGUAGE_IDS } from '../../../src/core/languages/registry';
import type { Language, Problem } from '../../../src/core/pack/types';

// Distinct values in a scrambled order (7919 is prime to 1000003): the quadratic loop never stops early.
const GENERATOR = `
module.exports = function generate(n, seed) {
  const xs = [];
  for (let i = 0; i < n; i++) xs.push((i * 7919 + seed) % 1000003);
  return [xs];
};
`;

/** A chain going left, as a level-order list: n nodes, each a new level of a breadth-first pass. */
const LEFT_CHAIN = 'module.exports = (n) => { const xs = [1]; for (let i = 1; i < n; i++) xs.push(i + 1, null); return [xs]; };\n';

/** A problem.yaml of one function `f` over generated inputs. */
function problemYaml(id: string, param: string, sizes: [number, number], complexity: string, extra = ''): string {
  return `id: ${id}\ntitle: ${id.toUpperCase()}\ndifficulty: easy\ntopics: [arrays]\nfunction: { name: f, params: [{ name: ${param} }], returns: int }\n${extra}generator: {script: generator.js, sizes: [${sizes[0]}, ${sizes[1]}]}\ncomplexity: ${complexity}\n`;
}

/** Writes a pack holding problem `id` (and the other files) under `folder`, and loads the problem. */
async function problemIn(folder: string, id: string, yaml: string, generator: string, files: Record<string, string> = {}): Promise<Problem> {
  writeTree(folder, minimalPack({ [`${id}/problem.yaml`]: yaml, [`${id}/generator.js`]: generator, ...files }));
  const { problem } = await loadProblemFromDir(path.join(folder, id));
  assert.ok(problem);
  return problem;
}

/** A measurement, for an assertion's message. */
const shown = (m: ComplexityMeasurement): string => `${m.label} ${JSON.stringify(m.points)} ${m.reason ?? ''} ${m.durationMs} ms`;

/**
 * A Python solution whose first process starting at n = `startsAt` (found by `marker`, made then) runs `body` six
 * times at n = `slowAt`, as a busy machine can slow every call at one size; every other process runs it once.
 */
function slowedOnce(marker: string, startsAt: number, slowAt: number, body: string[]): string {
  return [
    'import os', 'MARK = ' + JSON.stringify(marker), 'state = {"first": None}',
    'def f(xs):',
    '    if state["first"] is None:',
    `        state["first"] = len(xs) == ${startsAt} and not os.path.exists(MARK)`,
    '        if state["first"]:',
    '            open(MARK, "w").close()',
    `    rounds = 6 if state["first"] and len(xs) == ${slowAt} else 1`,
    '    for _ in range(rounds):',
    ...body.map((line) => `        ${line}`),
    '    return count',
    '',
  ].join('\n');
}

describe('measuring complexity on generated inputs', function () {
  this.timeout(120_000);
  let dir: string;
  let remove: () => void;
  before(() => {
    ({ dir, remove } = tempDir());
    writeTree(dir, minimalPack({
      'p/problem.yaml': 'id: p\ntitle: P\ndifficulty: easy\ntopics: [arrays]\nfunction: { name: f, params: [{ name: xs, type: "int[]" }], returns: int }\ngenerator: {script: generator.js, sizes: [4000, 512000]}\ncomplexity: O(n)\n',
      'p/generator.js': GENERATOR,
      // Values seen for the first time: a count of odd ones in one pass, and the quadratic pair loop.
      'linear.py': 'def f(xs):\n    count = 0\n    for x in xs:\n        if x % 2:\n            count += 1\n    return count\n',
      'quadratic.py': 'def f(xs):\n    count = 0\n    for i in range(len(xs)):\n        if all(xs[j] != xs[i] for j in range(i)):\n            count += 1\n    return count\n',
      // Sixteen steps an element: long enough to time at every size, the call alone (not its input) being timed.
      'linear.js': 'exports.f = (xs) => { let c = 0; for (const x of xs) { let y = x; for (let k = 0; k < 16; k++) y = (y * 31 + k) % 1000003; if (y % 2) c++; } return c; };\n',
      'quadratic.js': 'exports.f = (xs) => { let c = 0; for (let i = 0; i < xs.length; i++) { let seen = false; for (let j = 0; j < i; j++) if (xs[j] === xs[i]) { seen = true; break; } if (!seen) c++; } return c; };\n',
    }));
  });
  after(() => remove());

  for (const [language, ext] of [['python', 'py'], ['javascript', 'js']] as const) {
    it(`tells a linear ${language} solution from a quadratic one`, async () => {
      const { problem } = await loadProblemFromDir(path.join(dir, 'p'));
      assert.ok(problem);
      const env = testEnv();
      const linear = await measureComplexity({ problem, language, solutionPath: path.join(dir, `linear.${ext}`), env });
      const quadratic = await measureComplexity({ problem, language, solutionPath: path.join(dir, `quadratic.${ext}`), env });
      const show = (m: typeof linear): string => `${m.label} ${JSON.stringify(m.points)} ${m.reason ?? ''} ${m.durationMs} ms`;
      assert.ok(linear.fit && quadratic.fit, `${show(linear)} / ${show(quadratic)}`);
      assert.ok(['O(n)', 'O(n log n)', 'O(log n)'].includes(linear.fit.best), show(linear));
      assert.equal(quadratic.fit.best, 'O(n^2)', show(quadratic));
      assert.ok(quadratic.points.length >= 3 && linear.points.length >= 3);
      assert.match(measurementSentence(quadratic, 'O(n)'), /^Complexity: you stated O\(n\); measured (≈ O\(n²\)|between O\(n²\) and O\(n³\)|between O\(n log n\) and O\(n²\)) — slower than stated\.$|^Complexity: you stated O\(n\); measured ≈ O\(n²\) — slower than stated\.$/);
      assert.ok(fs.existsSync(problem.generator!.script));
    });
  }

  it('times a pair again when the larger size ran faster, so one slowed pair does not bend every size after it', async () => {
    const { problem } = await loadProblemFromDir(path.join(dir, 'p'));
    assert.ok(problem);
    // The first process that starts at n = 128,000 (the pair 128,000 and 256,000) does its work at 128,000 six times,
    // as a busy machine can make every call at one size slow; every later process is honest.
    const marker = path.join(dir, 'slowed-once');
    const solution = path.join(dir, 'slowed.py');
    fs.writeFileSync(solution, slowedOnce(marker, 128000, 128000, ['count = 0', 'for x in xs:', '    if x % 2:', '        count += 1']));
    const m = await measureComplexity({ problem, language: 'python', solutionPath: solution, env: testEnv(), budgetMs: 60_000 });
    const show = shown(m);
    assert.ok(fs.existsSync(marker), `the slowed pair never ran: ${show}`);
    assert.ok(m.fit, show);
    assert.ok(['O(n)', 'O(n log n)'].includes(m.fit.best), show);
    const at = (n: number): number => m.points.find((p) => p.n === n)?.ms ?? NaN;
    assert.ok(at(256000) > at(128000) * 1.3, show);
  });

  it('times the sizes below a slow first size again, interleaved, so a burst of load on one size does not bend the curve', async () => {
    const { problem } = await loadProblemFromDir(path.join(dir, 'p'));
    assert.ok(problem);
    // n = 4,000 is too slow to start from, so the sizes from 62 up are timed in order, in one process (it starts
    // at n = 62). In the first such process, every call at n = 1,000 does its work six times over.
    const marker = path.join(dir, 'burst-once');
    const solution = path.join(dir, 'burst.py');
    fs.writeFileSync(solution, slowedOnce(marker, 62, 1000, ['count = 0', 'for i in range(len(xs)):', '    if all(xs[j] != xs[i] for j in range(i)):', '        count += 1']));
    const m = await measureComplexity({ problem, language: 'python', solutionPath: solution, env: testEnv(), budgetMs: 60_000 });
    const show = shown(m);
    assert.ok(fs.existsSync(marker), `the burst never ran: ${show}`);
    assert.equal(m.fit?.best, 'O(n^2)', show);
    const at = (n: number): number => m.points.find((p) => p.n === n)?.ms ?? NaN;
    assert.ok(at(2000) > at(1000) * 2.5, show);
  });

  it('times the sizes below the first one when the next doubling would not fit in the budget with only two sizes timed', async () => {
    const slow = path.join(dir, 'budget');
    const problem = await problemIn(slow, 'b', problemYaml('b', 'xs, type: "int[]"', [2000, 64000], 'O(n)'), GENERATOR, {
      // Quadratic in processor time, whatever else the machine does: 40 ms at n = 2,000, 160 ms at 4,000, so that
      // 8,000 (up to 1.3 s a call, were it cubic, three calls) does not fit in what is left of 5 s.
      'spin.js': 'const cpu = () => { const c = process.cpuUsage(); return c.user + c.system; };\nexports.f = (xs) => { const end = cpu() + 40000 * (xs.length / 2000) ** 2; while (cpu() < end); return xs.length; };\n',
    });
    const m = await measureComplexity({ problem, language: 'javascript', solutionPath: path.join(slow, 'spin.js'), env: testEnv(), budgetMs: 5000 });
    const show = shown(m);
    assert.match(m.reason ?? '', /stopped before n = 8,?000 to stay within 5 s/, show);
    assert.equal(m.fit?.best, 'O(n^2)', show);
    assert.ok(m.points.some((p) => p.n < 2000), show);
  });

  for (const [language, file, body] of [
    // A little arithmetic per node: on a fast machine, three sizes still take over 0.3 ms a call, and the calls stay
    // short enough that the collector copying a young tree during them bends the curve (this fails without the two
    // minor collections before the call).
    ['javascript', 'depth.js', 'exports.f = (root) => { let d = 0; let h = 0; let level = [root]; while (level.length > 0) { d++; const next = []; for (const node of level) { for (let k = 0; k < 4; k++) h = (h * 31 + node.val + k) | 0; if (node.left) next.push(node.left); if (node.right) next.push(node.right); } level = next; } return d + (h & 0); };\n'],
    ['python', 'depth.py', 'def f(root):\n    d = 0\n    level = [root]\n    while level:\n        d += 1\n        nxt = []\n        for node in level:\n            if node.left:\n                nxt.append(node.left)\n            if node.right:\n                nxt.append(node.right)\n        level = nxt\n    return d\n'],
  ] as const) {
    it(`times a linear ${language} pass over a tree as linear: the tree is made before the clock starts (and, in JavaScript, out of the collector's way)`, async () => {
      const trees = path.join(dir, `trees-${language}`);
      const problem = await problemIn(trees, 't', problemYaml('t', 'root, type: TreeNode', [4000, 128000], 'O(n)'), LEFT_CHAIN, { [file]: body });
      const m = await measureComplexity({ problem, language, solutionPath: path.join(trees, file), env: testEnv() });
      const show = shown(m);
      assert.ok(m.fit, show);
      assert.ok(['O(n)', 'O(n log n)'].includes(m.fit.range[1]), show);
    });
  }

  it('times a JavaScript pass whose calls are short enough to go past the largest size: a collection every second call does not fall on one size', async () => {
    // Genre Tree Depth's reference: about a millisecond a call at 128,000 nodes, so the pair 128,000 and 256,000 is
    // timed. Each call's tree is promoted before it, and two such trees fill the old generation: with the sizes in
    // the same order every round, its collection ran in every call at 128,000 (12–16 ms, against 3.5 ms at 256,000),
    // the pair read as shrinking and was dropped, and two sizes were left: "not measured".
    const trees = path.join(dir, 'trees-past-largest');
    const bfs = 'exports.f = (root) => { let d = 0; let level = [root]; while (level.length > 0) { d++; const next = []; for (const node of level) { if (node.left !== null) next.push(node.left); if (node.right !== null) next.push(node.right); } level = next; } return d; };\n';
    const problem = await problemIn(trees, 't', problemYaml('t', 'root, type: TreeNode', [4000, 128000], 'O(n)'), LEFT_CHAIN, { 'bfs.js': bfs });
    const m = await measureComplexity({ problem, language: 'javascript', solutionPath: path.join(trees, 'bfs.js'), env: testEnv() });
    const show = shown(m);
    // What `drills check` asks of a reference: measured, and at or below its stated class.
    assert.ok(m.fit, show);
    assert.ok(['O(1)', 'O(log n)', 'O(n)'].includes(m.fit.range[0]), show);
  });

  it('leaves out a size past the largest that reads as shrinking twice, and times the next one beside the last size kept', async () => {
    // Every call at n = 32,000 returns at once, as a burst of load falling on both pairs of 16,000 and 32,000 reads:
    // the sizes up to 16,000 are too short for three to take a millisecond, and before, the measurement stopped there.
    const folder = path.join(dir, 'beyond-left-out');
    const body = 'exports.f = (xs) => { if (xs.length === 32000) return 0; let c = 0; for (const x of xs) { let y = x; for (let k = 0; k < 16; k++) y = (y * 31 + k) % 1000003; if (y % 2) c++; } return c; };\n';
    const problem = await problemIn(folder, 'b', problemYaml('b', 'xs, type: "int[]"', [1000, 16000], 'O(n)'), GENERATOR, { 'skip.js': body });
    const m = await measureComplexity({ problem, language: 'javascript', solutionPath: path.join(folder, 'skip.js'), env: testEnv() });
    const show = shown(m);
    const sizes = m.points.map((p) => p.n);
    assert.ok(!sizes.includes(32000), show);
    assert.ok(sizes.includes(64000), show);
    assert.ok(m.fit, show);
    assert.ok(['O(1)', 'O(log n)', 'O(n)'].includes(m.fit.range[0]), show);
  });

  it('changes the order of the sizes from round to round, so that nothing recurring every few calls hits one size only', () => {
    for (const [sizes, rounds, variant] of [[2, 3, 0], [2, 7, 0], [3, 3, 0], [7, 3, 0], [2, 7, 1], [3, 3, 1]]) {
      const orders = roundOrders(sizes, rounds, variant);
      if (variant > 0) assert.notDeepEqual(orders, roundOrders(sizes, rounds, 0), 'a pair timed again takes other orders');
      assert.equal(orders.length, rounds);
      for (const order of orders) assert.deepEqual([...order].sort((a, b) => a - b), Array.from({ length: sizes }, (_, k) => k));
      assert.deepEqual(roundOrders(sizes, rounds, variant), orders, 'the same orders on every run');
      // Whatever recurs every 2, 3 or 4 calls (from any first call) leaves every size at least one call.
      for (let period = 2; period <= 4; period++) {
        for (let phase = 0; phase < period; phase++) {
          for (let k = 0; k < sizes; k++) {
            const places = orders.map((order, r) => r * sizes + order[k]);
            assert.ok(places.some((p) => p % period !== phase), `size ${k} of ${sizes} is hit in every one of ${rounds} rounds by what recurs every ${period} calls from call ${phase}: ${JSON.stringify(orders)}`);
          }
        }
      }
    }
  });

  // Reading the root alone is O(1): making the tree from its level-order list (O(n)) is the harness's work.
  const ROOT_ONLY: Record<Language, [string, string]> = {
    python: ['root.py', 'def f(root):\n    return root.val\n'],
    javascript: ['root.js', 'exports.f = (root) => root.val;\n'],
    typescript: ['root.ts', 'function f(root: TreeNode | null): number {\n  return root === null ? 0 : root.val;\n}\n'],
    java: ['Solution.java', 'class Solution {\n    public int f(TreeNode root) {\n        return root.val;\n    }\n}\n'],
    cpp: ['root.cpp', 'class Solution {\npublic:\n    int f(TreeNode* root) { return root->val; }\n};\n'],
    go: ['root.go', 'func f(root *TreeNode) int {\n\treturn root.Val\n}\n'],
  };
  for (const language of LANGUAGE_IDS) {
    it(`times the call alone in ${language}, not the making of its arguments: reading a tree's root measures no growth`, async () => {
      const trees = path.join(dir, `roots-${language}`);
      const [file, body] = ROOT_ONLY[language];
      const problem = await problemIn(trees, 't', problemYaml('t', 'root, type: TreeNode', [4000, 32000], 'O(1)'), LEFT_CHAIN, { [file]: body });
      const m = await measureComplexity({ problem, language, solutionPath: path.join(trees, file), env: testEnv() });
      const show = shown(m);
      // A spike can lift a size or two just over the timer's noise (0.3 ms a call); making a tree of thousands of
      // nodes inside the clock would take far longer than 1 ms, at every size. One size alone shows no growth, however
      // long its calls took (Java's once read 2.4 ms at n = 256,000, its calls 21 times apart, beside the browser).
      const tooFast = /too fast to measure|only (one size|two sizes) took over/.test(m.label) && (m.points.length <= 1 || m.points.every((p) => p.ms < 1));
      assert.ok(m.fit === undefined ? tooFast : m.fit.range[0] === 'O(1)', show);
    });
  }

  it("times a Go call that allocates on a collected heap: counting 128,000 strings in a map reads linear, not quadratic", async () => {
    const strings = path.join(dir, 'go-strings');
    // Every title twice, shuffled: the job holds every size's strings, so a collection that starts during a call marks
    // them all. The fastest call at the largest size always paid for one and the next size down often not.
    const titles = "module.exports = (n, seed) => { const half = []; for (let i = 0; i < n / 2; i++) half.push('t' + ((i * 7919 + seed) % 1000003).toString(36)); return [[...half, ...half]]; };\n";
    const counting = 'func f(xs []string) int {\n\tcounts := make(map[string]int, len(xs))\n\tfor _, x := range xs {\n\t\tcounts[x]++\n\t}\n\tfor i, x := range xs {\n\t\tif counts[x] == 1 {\n\t\t\treturn i\n\t\t}\n\t}\n\treturn -1\n}\n';
    const problem = await problemIn(strings, 'g', problemYaml('g', 'xs, type: "string[]"', [4000, 128000], 'O(n)'), titles, { 'count.go': counting });
    const m = await measureComplexity({ problem, language: 'go', solutionPath: path.join(strings, 'count.go'), env: testEnv() });
    const show = shown(m);
    assert.ok(m.fit, show);
    // Read as quadratic or worse, the fit's range starts there ("between O(n²) and O(n³)" before each call started on
    // a collected heap). The range may reach further up: 128,000 strings and their map outgrow the processor's
    // caches, and with a browser's work beside the test the largest size once took 4 times the one below
    // ("between O(n) and O(n²)"), where it takes 2.2 to 2.9 times otherwise. What the harness does about the collector
    // while measuring is checked on its own in go.test.
    assert.ok(['O(1)', 'O(log n)', 'O(n)', 'O(n log n)'].includes(m.fit.range[0]), show);
  });

  it("doubles past the problem's largest size while its calls are too short to time, as a compiled language's can be", async () => {
    const fast = path.join(dir, 'fast');
    // Python's one pass, no compiler tiers to change its pace mid-run: 0.3–0.6 ms at the largest size, 8,000, on a
    // quiet machine, fast or slow (one size to fit at most), and fewer than three sizes over a millisecond with both
    // cores busy. Three doublings past 8,000 then give three sizes over 0.3 ms on the fastest of these machines.
    const problem = await problemIn(fast, 'q', problemYaml('q', 'xs, type: "int[]"', [1000, 8000], 'O(n)'), GENERATOR, {
      'pass.py': 'def f(xs):\n    count = 0\n    for x in xs:\n        if x % 2:\n            count += 1\n        if x % 3:\n            count += 1\n    return count\n',
    });
    const m = await measureComplexity({ problem, language: 'python', solutionPath: path.join(fast, 'pass.py'), env: testEnv(), budgetMs: 30_000 });
    const show = shown(m);
    assert.ok(m.fit, show);
    assert.ok(Math.max(...m.points.map((p) => p.n)) > 8000, show);
    assert.ok(Math.max(...m.points.map((p) => p.n)) <= 64000, `more than three doublings past the largest size: ${show}`);
    assert.ok(['O(n)', 'O(n log n)'].includes(m.fit.range[1]) || m.fit.range[0] === 'O(n)', show);
  });

  it('measures an exponential solution between the size where it is too fast to time and the one too slow to wait for', async () => {
    // fib(n) by plain recursion: about 1.6ⁿ calls, so from n = 16 (microseconds) to n = 64 (years) in two doublings.
    const exp = path.join(dir, 'exp');
    writeTree(exp, minimalPack({
      'e/problem.yaml': 'id: e\ntitle: E\ndifficulty: easy\ntopics: [arrays]\nfunction: { name: f, params: [{ name: xs, type: "int[]" }], returns: int }\ngenerator: {script: generator.js, sizes: [64, 1024]}\ncomplexity: O(n)\n',
      'e/generator.js': GENERATOR,
      'fib.js': 'exports.f = (xs) => { const g = (k) => (k < 2 ? 1 : g(k - 1) + g(k - 2)); return g(xs.length) % 1000; };\n',
    }));
    const { problem } = await loadProblemFromDir(path.join(exp, 'e'));
    assert.ok(problem);
    const m = await measureComplexity({ problem, language: 'javascript', solutionPath: path.join(exp, 'fib.js'), env: testEnv(), budgetMs: 60_000 });
    const show = `${m.label} ${JSON.stringify(m.points)} ${m.reason ?? ''} ${m.durationMs} ms`;
    assert.equal(m.fit?.best, 'O(2^n)', show);
    assert.ok(m.points.length >= 3 && m.points.every((p) => p.n > 16 && p.n < 64), show);
    assert.match(measurementSentence(m, 'O(n)'), /— slower than stated\.$/);
  });

  it("measures up to the largest size whatever the problem's memory limit, which is for the verdict", async () => {
    const small = path.join(dir, 'small');
    writeTree(small, minimalPack({
      // 24 MB: a Python list of 256,000 ints and its JSON do not fit; the measurement is about time only.
      's/problem.yaml': 'id: s\ntitle: S\ndifficulty: easy\ntopics: [arrays]\nfunction: { name: f, params: [{ name: xs, type: "int[]" }], returns: int }\nlimits: {timeMs: 2000, memoryMb: 24}\ngenerator: {script: generator.js, sizes: [16000, 256000]}\ncomplexity: O(n)\n',
      's/generator.js': GENERATOR,
    }));
    const { problem } = await loadProblemFromDir(path.join(small, 's'));
    assert.ok(problem);
    const m = await measureComplexity({ problem, language: 'python', solutionPath: path.join(dir, 'linear.py'), env: testEnv(), budgetMs: 60_000 });
    const show = `${m.label} ${JSON.stringify(m.points)} ${m.reason ?? ''}`;
    assert.doesNotMatch(m.reason ?? '', /memory/, show);
    assert.equal(Math.max(...m.points.map((p) => p.n)), 256000, show);
  });

  it('reports why it could not measure, without a class', async () => {
    const { problem } = await loadProblemFromDir(path.join(dir, 'p'));
    const broken = path.join(dir, 'broken.py');
    fs.writeFileSync(broken, 'def f(xs):\n    raise ValueError("nope")\n');
    const m = await measureComplexity({ problem: problem!, language: 'python', solutionPath: broken, env: testEnv() });
    assert.equal(m.fit, undefined);
    assert.match(m.label, /^not measured: the solution stopped at n = 1 \(error: ValueError: nope\)$/);
  });
});
