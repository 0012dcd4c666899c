import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import * as esbuild from 'esbuild';
const root = '/work/main';
const harnessDir = path.join(root, 'out', 'harness');
const tmp = '/tmp/jx/prof'; fs.mkdirSync(tmp, { recursive: true });
const bundle = path.join(tmp, 'runner.cjs');
await esbuild.build({ entryPoints: [path.join(root, 'src/core/runner/index.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: bundle, logLevel: 'error' });
const { runSolution, createInterpreterResolver } = createRequire(import.meta.url)(bundle);
const interpreters = createInterpreterResolver({ cacheFile: path.join(tmp, 'interpreters.json') });
const env = { harnessDir, interpreters, now: () => performance.now(), tmpDir: tmp, buildCacheDir: path.join(tmp, 'builds') };
const cases = Array.from({ length: 100 }, (_, i) => ({ name: `c${i}`, tags: [], args: [[i, i + 1, i + 2], i + 1], expected: 1 }));
const problem = { id: 'bench', packId: 'bench', title: 'Bench', difficulty: 'easy', topics: [], minutes: 1, dir: tmp, languages: ['java'], statementPath: '',
  compare: { kind: 'exact' }, limits: { timeMs: 2000, memoryMb: 256 }, followUps: [], hints: [], starters: {}, solutions: [], wrong: [], cases,
  function: { name: 'find', params: [{ name: 'xs', type: 'int[]' }, { name: 'x', type: 'int' }], returns: 'int' } };
const sd = path.join(tmp, 'solution'); fs.mkdirSync(sd, { recursive: true });
const sp = path.join(sd, 'Solution.java');
fs.writeFileSync(sp, 'class Solution {\n    public int find(int[] xs, int x) {\n        for (int i = 0; i < xs.length; i++) if (xs[i] == x) return i;\n        return -1;\n    }\n}\n');
const N = Number(process.argv[2] ?? 30);
for (let i = 0; i < N; i++) { const t = performance.now(); const r = await runSolution({ problem, language: 'java', solutionPath: sp }, env); if (i % 10 === 0) console.log((performance.now() - t).toFixed(1), r.passed); }
