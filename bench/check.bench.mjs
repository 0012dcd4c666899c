// `drills check` on the built-in pack, as authors and CI run it (known-wrong solutions stop at their first
// failing case, solutions run in parallel up to the core count), against the sequential run-everything mode
// (`--all --jobs 1`), measured in the same run. Goal: at least 4x faster.
// Usage: node esbuild.js && node bench/check.bench.mjs [PACK_DIR]   (takes minutes: the baseline is slow)
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'out', 'cli.js');
if (!fs.existsSync(cli)) {
  console.error('out/cli.js is missing: run `node esbuild.js` first.');
  process.exit(1);
}
const pack = path.resolve(process.argv[2] ?? path.join(root, 'problems'));

function timeCheck(extra) {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(process.execPath, [cli, 'check', pack, '--json', ...extra], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NO_COLOR: '1' } });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - t;
      const report = JSON.parse(out);
      const wrong = report.packs.flatMap((p) => p.problems.flatMap((q) => q.wrong));
      // What failed, and why: on a busy machine a reference solution may hit its wall-clock cap.
      const failed = report.packs.flatMap((p) => p.problems.filter((q) => !q.ok).map((q) => {
        const why = [...q.references, ...q.wrong].filter((s) => !s.ok).map((s) => `${path.basename(s.path)}: ${s.error ?? (s.failures.map((f) => `${f.case} ${f.verdict}`).join(', ') || 'passes every case')}`);
        return `${q.id} (${[...why, ...q.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)].join('; ')})`;
      }));
      resolve({ ms, code, ok: report.ok, wrong: wrong.length, caught: wrong.filter((w) => w.ok).length, failed });
    });
  });
}

const load = () => os.loadavg()[0].toFixed(2);
console.log(`check bench: ${path.relative(root, pack) || pack}, ${os.availableParallelism()} cores, load ${load()}`);
// The baseline first: a machine that gets busier as the bench goes on only makes the new mode look slower.
const before = await timeCheck(['--all', '--jobs', '1']);
const after = await timeCheck([]);
for (const [label, r] of [['sequential, every case (--all --jobs 1)', before], ['default (first failing case, parallel)', after]]) {
  console.log(`${label}: ${(r.ms / 1000).toFixed(1)} s, exit ${r.code}, ${r.caught}/${r.wrong} known-wrong solutions caught`);
  for (const f of r.failed) console.log(`  failed: ${f}`);
}
if (before.ok !== after.ok || before.caught !== after.caught) {
  console.error('the two modes disagree: the default mode must catch exactly what the full run catches');
  process.exitCode = 1;
}
const ratio = before.ms / after.ms;
console.log(`drills check is ${ratio.toFixed(2)}x faster than the sequential run-everything mode (goal: 4x); load at the end ${load()}`);
