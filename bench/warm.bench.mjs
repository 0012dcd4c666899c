// Measures what a warm re-run costs against a bare interpreter start, for Python and Node, 100 small cases.
// Usage: node esbuild.js && node bench/warm.bench.mjs [N]
// For each language, interleaved N times: a bare start (`python3 -c pass` with the real binary, `node -e 0`), a cold
// run (the run starts its own process) and a warm run (a WarmRunner's process, up and waiting before "run"). A run's
// overhead is its time from "run" to its last verdict minus the solution's own time (the cases' durations as the
// harness measured them). Goal: warm overhead <= 0.3 x the bare start.
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
const GOAL = 0.3;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-warm-bench-'));

// The core runner alone, as the CLI and the extension embed it.
const bundle = path.join(tmp, 'runner.cjs');
await esbuild.build({ entryPoints: [path.join(root, 'src/core/runner/index.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: bundle, logLevel: 'error' });
const { runSolution, WarmRunner, createInterpreterResolver } = createRequire(import.meta.url)(bundle);

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
};

function timeSpawn(command, args, extraEnv) {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(command, args, { stdio: 'ignore', env: { ...process.env, ...extraEnv } });
    child.on('error', reject);
    child.on('close', () => resolve(performance.now() - t));
  });
}

/** A run's time from its start to its last verdict, less the solution's own time. */
async function overhead(run) {
  let last = 0;
  const started = performance.now();
  const result = await run(() => (last = performance.now()));
  if (result.passed !== cases.length) throw new Error(`expected ${cases.length} passing cases, got ${result.passed}: ${JSON.stringify(result.error ?? result.cases.find((c) => c.verdict !== 'passed'))}`);
  const own = result.cases.reduce((sum, c) => sum + c.durationMs, 0);
  return last - started - own;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log(`warm re-run bench: median of ${N}, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(2)}; overhead = "run" to last verdict - the solution's own time`);
let missed = 0;
for (const language of ['python', 'javascript']) {
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
  const warm = new WarmRunner({ language, solutionPath, memoryMb: problem.limits.memoryMb, env });
  warm.warm();
  // Once each first (page cache, the harness's Python bytecode).
  await timeSpawn(command, bareArgs, extraEnv);
  await overhead((onCase) => runSolution({ problem, language, solutionPath, onCase }, env));
  await warm.ready();
  await overhead((onCase) => warm.run({ problem, language, solutionPath, onCase }));
  const bare = [];
  const cold = [];
  const warmed = [];
  // Interleaved, so a change in machine load affects all three alike.
  for (let i = 0; i < N; i++) {
    bare.push(await timeSpawn(command, bareArgs, extraEnv));
    cold.push(await overhead((onCase) => runSolution({ problem, language, solutionPath, onCase }, env)));
    if ((await warm.ready()) === undefined) throw new Error(`${language}: no process waited`);
    warmed.push(await overhead((onCase) => warm.run({ problem, language, solutionPath, onCase })));
  }
  await warm.close();
  const b = median(bare);
  const c = median(cold);
  const w = median(warmed);
  const ratio = w / b;
  if (ratio > GOAL) missed++;
  console.log(
    `${language.padEnd(10)} bare ${path.basename(command)} ${bareArgs.join(' ')}: ${b.toFixed(1)} ms   cold overhead ${c.toFixed(1)} ms (${(c / b).toFixed(2)}x)   ` +
      `warm overhead ${w.toFixed(1)} ms (${ratio.toFixed(2)}x, goal <= ${GOAL}x${ratio > GOAL ? ': NOT MET' : ''})`,
  );
}
fs.rmSync(tmp, { recursive: true, force: true });
if (missed) console.log(`${missed} language(s) above the goal.`);
