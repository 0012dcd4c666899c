// Measures what a Java run costs over a bare JVM start, once the solution is built.
// Usage: node esbuild.js && node bench/java.bench.mjs [N]
// Prints the median wall time of N bare starts of an empty main (`java -cp DIR Empty`, as a user would start it),
// of N runs of 100 small cases through runSolution (the build cached: the first run built it), and the ratio; then
// the first build against a plain `javac` of the same file; then N warm runs (the JVM started ahead and waiting, as the
// editor keeps the active drill's next process) against the same bare start.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const harnessDir = path.join(root, 'out', 'harness');
if (!fs.existsSync(path.join(harnessDir, 'java', 'DrillsHarness.java'))) {
  console.error('out/harness/java is missing: run `node esbuild.js` first.');
  process.exit(1);
}
const N = Number(process.argv[2] ?? 15);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-bench-java-'));

const bundle = path.join(tmp, 'runner.cjs');
await esbuild.build({ entryPoints: [path.join(root, 'src/core/runner/index.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: bundle, logLevel: 'error' });
const { runSolution, createInterpreterResolver, WarmRunner } = createRequire(import.meta.url)(bundle);

const interpreters = createInterpreterResolver({ cacheFile: path.join(tmp, 'interpreters.json') });
const buildCacheDir = path.join(tmp, 'builds');
const env = { harnessDir, interpreters, now: () => performance.now(), tmpDir: tmp, buildCacheDir };

const cases = Array.from({ length: 100 }, (_, i) => ({ name: `c${i}`, tags: [], args: [[i, i + 1, i + 2], i + 1], expected: 1 }));
const problem = {
  id: 'bench', packId: 'bench', title: 'Bench', difficulty: 'easy', topics: [], minutes: 1, dir: tmp, languages: ['java'], statementPath: '',
  compare: { kind: 'exact' }, limits: { timeMs: 2000, memoryMb: 256 }, followUps: [], hints: [], starters: {}, solutions: [], wrong: [], cases,
  function: { name: 'find', params: [{ name: 'xs', type: 'int[]' }, { name: 'x', type: 'int' }], returns: 'int' },
};

function timeSpawn(command, args) {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(command, args, { stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(performance.now() - t) : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const lookup = await interpreters.resolve('java');
if (!lookup.ok) {
  console.log(`java: skipped (${lookup.message})`);
  process.exit(0);
}
const javac = lookup.interpreter.command;
const javaBin = path.join(path.dirname(fs.realpathSync(javac)), 'java');
const emptyDir = path.join(tmp, 'empty');
fs.mkdirSync(emptyDir);
fs.writeFileSync(path.join(emptyDir, 'Empty.java'), 'public class Empty { public static void main(String[] args) {} }\n');
await timeSpawn(javac, ['-d', emptyDir, path.join(emptyDir, 'Empty.java')]);

const code = 'class Solution {\n    public int find(int[] xs, int x) {\n        for (int i = 0; i < xs.length; i++) if (xs[i] == x) return i;\n        return -1;\n    }\n}\n';
const solutionDir = path.join(tmp, 'solution');
fs.mkdirSync(solutionDir);
const solutionPath = path.join(solutionDir, 'Solution.java');
fs.writeFileSync(solutionPath, code);

console.log(`java bench: median of ${N}, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(2)}`);
// The first build: the harness (once per JDK) and the solution. Then a plain javac of the same file, for comparison.
let t = performance.now();
const first = await runSolution({ problem, language: 'java', solutionPath }, env);
const firstMs = performance.now() - t;
if (first.passed !== 100) throw new Error(`expected 100 passing cases, got ${first.passed}: ${JSON.stringify(first.error ?? first.cases.find((c) => c.verdict !== 'passed'))}`);
const plainDir = path.join(tmp, 'plain');
fs.mkdirSync(plainDir);
t = performance.now();
await timeSpawn(javac, ['-d', plainDir, solutionPath]);
const plainMs = performance.now() - t;
console.log(`java       first run (harness + solution built, 100 cases): ${firstMs.toFixed(0)} ms   plain javac of the solution: ${plainMs.toFixed(0)} ms`);

const bare = [];
const runs = [];
await timeSpawn(javaBin, ['-cp', emptyDir, 'Empty']);
// Interleaved, so a change in machine load affects both alike.
for (let i = 0; i < N; i++) {
  bare.push(await timeSpawn(javaBin, ['-cp', emptyDir, 'Empty']));
  t = performance.now();
  const run = await runSolution({ problem, language: 'java', solutionPath }, env);
  runs.push(performance.now() - t);
  if (run.passed !== 100) throw new Error(`run ${i}: ${run.passed} passed`);
}
const b = median(bare);
const r = median(runs);
console.log(`java       bare java -cp DIR Empty: ${b.toFixed(1)} ms   100-case run (built): ${r.toFixed(1)} ms   ratio ${(r / b).toFixed(2)}`);

// Warm: the run takes the JVM that waits (started after the previous run), as a re-run in the editor does.
const warmBare = [];
const warmRuns = [];
const warm = new WarmRunner({ language: 'java', solutionPath, memoryMb: problem.limits.memoryMb, env });
// A waiting process does not keep this process alive (it must not keep the CLI alive): this does, until the end.
const keepAlive = setInterval(() => {}, 1000);
warm.warm();
for (let i = 0; i < N; i++) {
  warmBare.push(await timeSpawn(javaBin, ['-cp', emptyDir, 'Empty']));
  if ((await warm.ready()) === undefined) throw new Error('no JVM waited for the warm run');
  t = performance.now();
  const run = await warm.run({ problem, language: 'java', solutionPath });
  warmRuns.push(performance.now() - t);
  if (run.passed !== 100) throw new Error(`warm run ${i}: ${run.passed} passed`);
}
const wb = median(warmBare);
const w = median(warmRuns);
console.log(`java       bare java -cp DIR Empty: ${wb.toFixed(1)} ms   100-case warm run (JVM waiting): ${w.toFixed(1)} ms   ratio ${(w / wb).toFixed(2)}`);

// A run after an edit: cold, javac's command and a JVM start after it; warm, the javac and the JVM that wait.
const EDITS = Math.max(5, Math.floor(N / 2));
const edited = (k) => code.replace('return -1;', `return -1 - ${k} + ${k};`);
const coldEdits = [];
const warmEdits = [];
for (let i = 0; i < EDITS; i++) {
  fs.writeFileSync(solutionPath, edited(2 * i + 1));
  t = performance.now();
  const cold = await runSolution({ problem, language: 'java', solutionPath }, env);
  coldEdits.push(performance.now() - t);
  if (cold.passed !== 100) throw new Error(`cold edit ${i}: ${cold.passed} passed`);
  fs.writeFileSync(solutionPath, edited(2 * i + 2));
  if ((await warm.ready()) === undefined) throw new Error('no JVM waited for the warm run');
  t = performance.now();
  const hot = await warm.run({ problem, language: 'java', solutionPath });
  warmEdits.push(performance.now() - t);
  if (hot.passed !== 100) throw new Error(`warm edit ${i}: ${hot.passed} passed`);
}
await warm.close();
clearInterval(keepAlive);
const ce = median(coldEdits);
const we = median(warmEdits);
console.log(`java       run after an edit, median of ${EDITS}: cold (javac command, then a JVM): ${ce.toFixed(0)} ms   warm (javac and JVM waiting): ${we.toFixed(0)} ms   ratio ${(we / ce).toFixed(2)}`);

fs.rmSync(tmp, { recursive: true, force: true });
