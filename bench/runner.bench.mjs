// Measures what a run costs over a bare interpreter start, per language.
// Usage: node esbuild.js && node bench/runner.bench.mjs [N]
// For each language it prints the median wall time of N bare starts (`node -e 0`, `python3 -c pass`
// with the real binary, not a shim), of N runs of 100 small cases through runSolution, and the ratio.
// Then the per-case overhead: runs of 1 and of 1000 trivial cases, the difference per case less the solution's own time.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const harnessDir = path.join(root, 'out', 'harness');
if (!fs.existsSync(path.join(harnessDir, 'node-harness.js'))) {
  console.error('out/harness is missing: run `node esbuild.js` first.');
  process.exit(1);
}
const N = Number(process.argv[2] ?? 15);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-bench-'));

// A bundle of the core runner alone, as the CLI and the extension embed it.
const bundle = path.join(tmp, 'runner.cjs');
await esbuild.build({ entryPoints: [path.join(root, 'src/core/runner/index.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: bundle, logLevel: 'error' });
const { runSolution, createInterpreterResolver } = createRequire(import.meta.url)(bundle);

const interpreters = createInterpreterResolver({ cacheFile: path.join(tmp, 'interpreters.json') });
const env = { harnessDir, interpreters, now: () => performance.now(), tmpDir: tmp };

const cases = Array.from({ length: 100 }, (_, i) => ({ name: `c${i}`, tags: [], args: [[i, i + 1, i + 2], i + 1], expected: 1 }));
const problem = {
  id: 'bench', packId: 'bench', title: 'Bench', difficulty: 'easy', topics: [], minutes: 1, dir: tmp, languages: [], statementPath: '',
  compare: { kind: 'exact' }, limits: { timeMs: 2000, memoryMb: 256 }, followUps: [], hints: [], starters: {}, solutions: [], wrong: [], cases,
  function: { name: 'find', params: [{ name: 'xs', type: 'int[]' }, { name: 'x', type: 'int' }], returns: 'int' },
};
const solutions = {
  python: ['py', 'def find(xs, x):\n    return xs.index(x)\n'],
  javascript: ['js', 'function find(xs, x) {\n  return xs.indexOf(x);\n}\n'],
  typescript: ['ts', 'export function find(xs: number[], x: number): number {\n  return xs.indexOf(x);\n}\n'],
};

function timeSpawn(command, args, extraEnv, unset = []) {
  const childEnv = { ...process.env, ...extraEnv };
  for (const key of unset) delete childEnv[key];
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(command, args, { stdio: 'ignore', env: childEnv });
    child.on('error', reject);
    child.on('close', () => resolve(performance.now() - t));
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log(`runner bench: median of ${N}, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(2)}`);
for (const language of ['javascript', 'typescript', 'python']) {
  const lookup = await interpreters.resolve(language === 'python' ? 'python' : 'node');
  if (!lookup.ok) {
    console.log(`${language}: skipped (${lookup.message})`);
    continue;
  }
  const { command, env: extraEnv } = lookup.interpreter;
  const bareArgs = language === 'python' ? ['-c', 'pass'] : ['-e', '0'];
  const [ext, code] = solutions[language];
  const solutionPath = path.join(tmp, `solution.${ext}`);
  fs.writeFileSync(solutionPath, code);
  // Warm both paths once (page cache, Python bytecode of the harness, sucrase in this process).
  await timeSpawn(command, bareArgs, extraEnv);
  const warm = await runSolution({ problem, language, solutionPath }, env);
  if (warm.passed !== 100) throw new Error(`${language}: expected 100 passing cases, got ${warm.passed}: ${JSON.stringify(warm.error ?? warm.cases.find((c) => c.verdict !== 'passed'))}`);
  const bare = [];
  const runs = [];
  // The harness's Node starts without NODE_EXTRA_CA_CERTS (src/core/runner/run.ts): where it is set, a bare start
  // without it is measured too, so the ratio against it is there to compare with.
  const certs = language !== 'python' && process.env.NODE_EXTRA_CA_CERTS ? [] : undefined;
  // Interleaved, so a change in machine load affects both alike.
  for (let i = 0; i < N; i++) {
    bare.push(await timeSpawn(command, bareArgs, extraEnv));
    if (certs) certs.push(await timeSpawn(command, bareArgs, extraEnv, ['NODE_EXTRA_CA_CERTS']));
    const t = performance.now();
    await runSolution({ problem, language, solutionPath }, env);
    runs.push(performance.now() - t);
  }
  const b = median(bare);
  const r = median(runs);
  console.log(`${language.padEnd(10)} bare ${path.basename(command)} ${bareArgs.join(' ')}: ${b.toFixed(1)} ms   100-case run: ${r.toFixed(1)} ms   ratio ${(r / b).toFixed(2)}`);
  if (certs) {
    const c = median(certs);
    console.log(`${''.padEnd(10)} bare start without NODE_EXTRA_CA_CERTS (as the harness starts): ${c.toFixed(1)} ms   ratio ${(r / c).toFixed(2)}`);
  }
}

// What each case costs beyond the solution's own time: runs of 1 and of 1000 trivial cases, interleaved; the difference
// per case, less the solution's own time per case as the harness reports it (each case's durationMs).
const MANY = 1000;
const manyProblem = { ...problem, cases: Array.from({ length: MANY }, (_, i) => ({ name: `m${i}`, tags: [], args: [[i, i + 1, i + 2], i + 1], expected: 1 })) };
const oneProblem = { ...problem, cases: manyProblem.cases.slice(0, 1) };
for (const language of ['javascript', 'typescript', 'python']) {
  const [ext] = solutions[language];
  const solutionPath = path.join(tmp, `solution.${ext}`);
  if (!fs.existsSync(solutionPath)) continue;
  const ones = [];
  const manys = [];
  const own = [];
  for (let i = 0; i < N; i++) {
    let t = performance.now();
    await runSolution({ problem: oneProblem, language, solutionPath }, env);
    ones.push(performance.now() - t);
    t = performance.now();
    const run = await runSolution({ problem: manyProblem, language, solutionPath }, env);
    manys.push(performance.now() - t);
    if (run.passed !== MANY) throw new Error(`${language}: expected ${MANY} passing cases, got ${run.passed}`);
    own.push(run.cases.reduce((sum, c) => sum + c.durationMs, 0) / MANY);
  }
  const perCase = (median(manys) - median(ones)) / (MANY - 1) - median(own);
  console.log(`${language.padEnd(10)} per-case overhead ${perCase.toFixed(3)} ms (target <= 0.1 ms): run of 1 case ${median(ones).toFixed(1)} ms, of ${MANY} cases ${median(manys).toFixed(1)} ms, the solution's own time ${median(own).toFixed(4)} ms per case`);
}

// A run whose cases all hang: its wall time against the time limit. After the first time-out the other cases share
// one time limit of wall time, so the ratio stays near 2 (+ start-up) whatever the number of cases.
const HANGING_CASES = 6;
const hangTimeMs = 1000;
const hangProblem = {
  ...problem,
  limits: { timeMs: hangTimeMs, memoryMb: 256 },
  cases: Array.from({ length: HANGING_CASES }, (_, i) => ({ name: `h${i}`, tags: [], args: [[i], i], expected: 0 })),
};
const hanging = {
  python: ['py', 'def find(xs, x):\n    while True:\n        pass\n'],
  javascript: ['js', 'function find(xs, x) {\n  for (;;) {}\n}\n'],
  typescript: ['ts', 'export function find(xs: number[], x: number): number {\n  for (;;) {}\n}\n'],
};
for (const language of ['javascript', 'typescript', 'python']) {
  const [ext, code] = hanging[language];
  const solutionPath = path.join(tmp, `hanging.${ext}`);
  fs.writeFileSync(solutionPath, code);
  const t = performance.now();
  const run = await runSolution({ problem: hangProblem, language, solutionPath }, env);
  const wall = performance.now() - t;
  if (run.passed !== 0) throw new Error(`${language}: a hanging case passed`);
  const verdicts = run.cases.map((c) => c.verdict).join(' ');
  console.log(`${language.padEnd(10)} ${HANGING_CASES} hanging cases, timeMs ${hangTimeMs}: wall ${wall.toFixed(0)} ms   wall / timeMs ${(wall / hangTimeMs).toFixed(2)}   (${verdicts})`);
}
fs.rmSync(tmp, { recursive: true, force: true });
