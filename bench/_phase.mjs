import cp from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import * as esbuild from 'esbuild';
const root = process.cwd();
const harnessDir = path.join(root, 'out', 'harness');
const tmp = fs.mkdtempSync('/tmp/jph-');
const bundle = path.join(tmp, 'runner.cjs');
await esbuild.build({ entryPoints: [path.join(root, 'src/core/runner/index.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: bundle, logLevel: 'error' });
let T = {};
const orig = cp.spawn;
cp.spawn = function (cmd, args, opts) { const c = orig.call(this, cmd, args, opts); if (/java$/.test(cmd)) { T.spawn = performance.now(); c.on('exit', () => (T.exit = performance.now())); c.on('close', () => (T.close = performance.now())); c.stdout.once('data', () => (T.first = performance.now())); } return c; };
const { runSolution, createInterpreterResolver } = createRequire(import.meta.url)(bundle);
const interpreters = createInterpreterResolver({ cacheFile: path.join(tmp, 'interpreters.json') });
const env = { harnessDir, interpreters, now: () => performance.now(), tmpDir: tmp, buildCacheDir: path.join(tmp, 'builds') };
const cases = Array.from({ length: 100 }, (_, i) => ({ name: `c${i}`, tags: [], args: [[i, i + 1, i + 2], i + 1], expected: 1 }));
const problem = { id: 'bench', packId: 'bench', title: 'Bench', difficulty: 'easy', topics: [], minutes: 1, dir: tmp, languages: ['java'], statementPath: '',
  compare: { kind: 'exact' }, limits: { timeMs: 2000, memoryMb: 256 }, followUps: [], hints: [], starters: {}, solutions: [], wrong: [], cases,
  function: { name: 'find', params: [{ name: 'xs', type: 'int[]' }, { name: 'x', type: 'int' }], returns: 'int' } };
const sd = path.join(tmp, 'solution'); fs.mkdirSync(sd);
const sp = path.join(sd, 'Solution.java');
fs.writeFileSync(sp, 'class Solution {\n    public int find(int[] xs, int x) {\n        for (int i = 0; i < xs.length; i++) if (xs[i] == x) return i;\n        return -1;\n    }\n}\n');
await runSolution({ problem, language: 'java', solutionPath: sp }, env);
const P = { pre: [], toFirst: [], toExit: [], exitClose: [], post: [], total: [] };
const med = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
for (let i = 0; i < 25; i++) {
  T = {}; const t0 = performance.now(); await runSolution({ problem, language: 'java', solutionPath: sp }, env); const t1 = performance.now();
  P.pre.push(T.spawn - t0); P.toFirst.push(T.first - T.spawn); P.toExit.push(T.exit - T.spawn); P.exitClose.push(T.close - T.exit); P.post.push(t1 - T.close); P.total.push(t1 - t0);
}
console.log(Object.entries(P).map(([k, v]) => `${k} ${med(v).toFixed(1)}`).join('  '));
