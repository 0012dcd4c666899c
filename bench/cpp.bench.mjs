// What C++ costs, as ratios measured in the same run.
// Usage: node esbuild.js && node bench/cpp.bench.mjs [N]
// - First build: a solution never built before (the harness already built once for the toolchain, as it is after the
//   first run on a machine) against plain `g++ -O2 -std=c++17` of the same file made into a program (the file plus a
//   main calling the function, linked): the judge's build must cost no more than compiling the file yourself.
//   The file compiled alone to an object (`-c`, no code generated for an unused class) is printed for reference.
// - A run of 100 cases, once built, through runSolution, against the bare start of an empty program built with -O2.
// - The per-case overhead: runs of 1 and of 1000 cases, the difference per case less the solution's own time.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const harnessDir = path.join(root, 'out', 'harness');
if (!fs.existsSync(path.join(harnessDir, 'drills_cpp.hpp'))) {
  console.error('out/harness is missing: run `node esbuild.js` first.');
  process.exit(1);
}
const N = Number(process.argv[2] ?? 7);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-bench-cpp-'));
const bundle = path.join(tmp, 'runner.cjs');
const entry = path.join(tmp, 'entry.ts');
fs.writeFileSync(entry, `export * from ${JSON.stringify(path.join(root, 'src/core/runner/index.ts'))};\nexport { buildCpp } from ${JSON.stringify(path.join(root, 'src/core/languages/cppBuild.ts'))};\n`);
await esbuild.build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: bundle, logLevel: 'error' });
const { runSolution, buildCpp, createInterpreterResolver, WarmRunner } = createRequire(import.meta.url)(bundle);

const gxx = process.env.DRILLS_TOOLCHAIN_CPP || 'g++';
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Wall time of a process, and the CPU time it and its children used (the machine is shared: CPU time is steadier). */
function timeSpawn(command, args, cwd = tmp) {
  return new Promise((resolve, reject) => {
    const before = process.resourceUsage();
    const t = performance.now();
    const child = spawn('/usr/bin/env', ['--', command, ...args], { stdio: 'ignore', cwd });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} exited with ${code}`));
      resolve(performance.now() - t);
      void before;
    });
  });
}

const SOLUTION = `#include <vector>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <algorithm>
using namespace std;

class Solution {
public:
    int longestStreak(vector<int>& days) {
        unordered_set<long long> present(days.begin(), days.end());
        int best = 0;
        for (long long day : present) {
            if (present.count(day - 1)) continue;
            long long end = day;
            while (present.count(end + 1)) end++;
            best = max(best, static_cast<int>(end - day + 1));
        }
        return best;
    }
};
`;
const spec = { kind: 'function', name: 'longestStreak', params: ['int[]'], returns: 'int' };
const cacheDir = path.join(tmp, 'cache');

console.log(`cpp bench: median of ${N}, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(2)}`);
const version = await new Promise((resolve) => {
  const child = spawn(gxx, ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.on('close', () => resolve(out.split('\n')[0]));
});
// The harness's once-per-toolchain part (precompiled header, object file).
const warm = path.join(tmp, 'warm.cpp');
fs.writeFileSync(warm, SOLUTION);
const warmBuild = await buildCpp({ solutionPath: warm, harnessDir, spec, compiler: gxx, compilerVersion: version, cacheDir });
if (!warmBuild.ok) throw new Error(JSON.stringify(warmBuild.error));

const builds = [];
const plains = [];
const objects = [];
for (let i = 0; i < N; i++) {
  // A new file each time: a different source is a different build.
  const file = path.join(tmp, `sol${i}.cpp`);
  fs.writeFileSync(file, `${SOLUTION}// variant ${i} ${Math.random()}\n`);
  const plain = path.join(tmp, `plain${i}.cpp`);
  fs.writeFileSync(plain, `${SOLUTION}#include <cstdio>\nint main() { vector<int> v{1, 2, 3, ${i}}; Solution s; std::printf("%d\\n", s.longestStreak(v)); }\n`);
  const order = [
    async () => plains.push(await timeSpawn(gxx, ['-O2', '-std=c++17', plain, '-o', path.join(tmp, `plain${i}`)])),
    async () => objects.push(await timeSpawn(gxx, ['-O2', '-std=c++17', '-c', file, '-o', path.join(tmp, `obj${i}.o`)])),
    async () => {
      const t = performance.now();
      const b = await buildCpp({ solutionPath: file, harnessDir, spec, compiler: gxx, compilerVersion: version, cacheDir });
      if (!b.ok || b.cached) throw new Error('expected a fresh build');
      builds.push(performance.now() - t);
    },
  ];
  // Alternating the order spreads the machine's load over all three.
  for (const step of i % 2 ? order : [...order].reverse()) await step();
}
const build = median(builds);
const plain = median(plains);
console.log(`first build of a solution: ${build.toFixed(0)} ms; plain g++ -O2 of the file made into a program ${plain.toFixed(0)} ms; ratio ${(build / plain).toFixed(2)}x (target <= 1.2x)`);
console.log(`  for reference: g++ -O2 -c of the file alone (no code for the unused class) ${median(objects).toFixed(0)} ms; ratio ${(build / median(objects)).toFixed(2)}x`);

// A run of 100 cases once built, against the bare start of an empty program.
const empty = path.join(tmp, 'empty.cpp');
fs.writeFileSync(empty, 'int main() { return 0; }\n');
await timeSpawn(gxx, ['-O2', empty, '-o', path.join(tmp, 'empty')]);
const cases = Array.from({ length: 100 }, (_, i) => ({ name: `c${i}`, tags: [], args: [[i, i + 1, i + 2, i + 7]], expected: 3 }));
const problem = {
  id: 'bench', packId: 'bench', title: 'Bench', difficulty: 'easy', topics: [], minutes: 1, dir: tmp, languages: [], statementPath: '',
  compare: { kind: 'exact' }, limits: { timeMs: 2000, memoryMb: 256 }, followUps: [], hints: [], starters: {}, solutions: [], wrong: [], cases,
  function: { name: 'longestStreak', params: [{ name: 'days', type: 'int[]' }], returns: 'int' },
};
const env = { harnessDir, interpreters: createInterpreterResolver({ cacheFile: path.join(tmp, 'interpreters.json') }), now: () => performance.now(), tmpDir: tmp, buildCacheDir: cacheDir };
const first = await runSolution({ problem, language: 'cpp', solutionPath: warm }, env);
if (first.passed !== 100) throw new Error(`the bench solution did not pass: ${JSON.stringify(first.error ?? first.cases.find((c) => c.verdict !== 'passed'))}`);
/** The built program alone over the 100 cases: its start, the job on stdin, every case, the protocol out. */
const job = JSON.stringify({
  nonce: 'bench', solutionPath: warm, codePath: warm, spec, outputCapBytes: 1 << 20, memoryMb: 256,
  cases: cases.map((c, index) => ({ index, args: c.args })),
});
function timeHarness() {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(warmBuild.artifact, ['256'], { stdio: ['pipe', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', () => (out.includes('"t":"done"') ? resolve(performance.now() - t) : reject(new Error('the harness did not finish'))));
    child.stdin.end(job);
  });
}
const bare = [];
const runs = [];
const alone = [];
for (let i = 0; i < N * 3; i++) {
  bare.push(await timeSpawn(path.join(tmp, 'empty'), []));
  alone.push(await timeHarness());
}
console.log(`100 cases in the built program alone: ${median(alone).toFixed(1)} ms; bare start of an empty program ${median(bare).toFixed(1)} ms; ratio ${(median(alone) / median(bare)).toFixed(2)}x (target <= 1.3x)`);
for (let i = 0; i < N; i++) {
  const t = performance.now();
  const r = await runSolution({ problem, language: 'cpp', solutionPath: warm }, env);
  runs.push(performance.now() - t);
  if (r.passed !== 100) throw new Error('a run did not pass');
}
console.log(`100 cases once built, through runSolution (cache check, process-tree watch, judging): ${median(runs).toFixed(1)} ms; ratio to the bare start ${(median(runs) / median(bare)).toFixed(2)}x`);

// A re-run of the unchanged file in the editor: the program the previous run built was started after that run and
// waits for its job (WarmRunner), as in a re-run from the Testing view.
const warmRunner = new WarmRunner({ language: 'cpp', solutionPath: warm, memoryMb: problem.limits.memoryMb, env });
await warmRunner.run({ problem, language: 'cpp', solutionPath: warm });
const bareWarm = [];
const warmRuns = [];
for (let i = 0; i < N * 3; i++) {
  // Once the next process waits: starting it takes this thread for a moment, which the bare start must not share.
  if ((await warmRunner.ready()) === undefined) throw new Error('no C++ process waited for the re-run');
  bareWarm.push(await timeSpawn(path.join(tmp, 'empty'), []));
  const t = performance.now();
  const w = await warmRunner.run({ problem, language: 'cpp', solutionPath: warm });
  warmRuns.push(performance.now() - t);
  if (w.passed !== 100) throw new Error('a warm re-run did not pass');
}
await warmRunner.close();
console.log(`100 cases re-run once built (unchanged file, its program started after the previous run and waiting): ${median(warmRuns).toFixed(1)} ms; bare start ${median(bareWarm).toFixed(1)} ms; ratio ${(median(warmRuns) / median(bareWarm)).toFixed(2)}x (target <= 1.3x)`);

// The first run of a drill opened on a file built before: its program is found in the build cache and started when the
// drill opens (a new WarmRunner given the problem), before any run of this session.
const bareOpened = [];
const openedRuns = [];
for (let i = 0; i < N; i++) {
  const opened = new WarmRunner({ language: 'cpp', solutionPath: warm, memoryMb: problem.limits.memoryMb, problem, env });
  opened.warm();
  if ((await opened.ready()) === undefined) throw new Error('no C++ process waited for the first run of a reopened drill');
  bareOpened.push(await timeSpawn(path.join(tmp, 'empty'), []));
  const t = performance.now();
  const o = await opened.run({ problem, language: 'cpp', solutionPath: warm });
  openedRuns.push(performance.now() - t);
  if (o.passed !== 100) throw new Error('the first run of a reopened drill did not pass');
  await opened.close();
}
console.log(`100 cases, first run of a drill opened on a file built before (its program started from the build cache): ${median(openedRuns).toFixed(1)} ms; bare start ${median(bareOpened).toFixed(1)} ms; ratio ${(median(openedRuns) / median(bareOpened)).toFixed(2)}x (target <= 1.3x)`);

// What each case costs beyond the solution's own time: runs of 1 and of 1000 cases through runSolution, interleaved;
// the difference per case, less the solution's own time per case as the harness reports it (durationMs).
const MANY = 1000;
const manyProblem = { ...problem, cases: Array.from({ length: MANY }, (_, i) => ({ name: `m${i}`, tags: [], args: [[i, i + 1, i + 2, i + 7]], expected: 3 })) };
const oneProblem = { ...problem, cases: manyProblem.cases.slice(0, 1) };
const ones = [];
const manys = [];
const own = [];
for (let i = 0; i < N; i++) {
  let t = performance.now();
  await runSolution({ problem: oneProblem, language: 'cpp', solutionPath: warm }, env);
  ones.push(performance.now() - t);
  t = performance.now();
  const r = await runSolution({ problem: manyProblem, language: 'cpp', solutionPath: warm }, env);
  manys.push(performance.now() - t);
  if (r.passed !== MANY) throw new Error(`expected ${MANY} passing cases, got ${r.passed}`);
  own.push(r.cases.reduce((sum, c) => sum + c.durationMs, 0) / MANY);
}
const perCase = (median(manys) - median(ones)) / (MANY - 1) - median(own);
console.log(`per-case overhead ${perCase.toFixed(3)} ms (target <= 0.1 ms): run of 1 case ${median(ones).toFixed(1)} ms, of ${MANY} cases ${median(manys).toFixed(1)} ms, the solution's own time ${median(own).toFixed(4)} ms per case`);
fs.rmSync(tmp, { recursive: true, force: true });
