// The complexity measured for each built-in reference and known-wrong solution (`drills check --complexity`),
// with the time each measurement took, against the plain `drills check` of the same pack measured in the
// same run (the ratio is what --complexity costs).
// Usage: node esbuild.js && node bench/complexity.bench.mjs [PACK_DIR]   (takes minutes)
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'out', 'cli.js');
if (!fs.existsSync(cli)) {
  console.error('out/cli.js is missing: run `node esbuild.js` first.');
  process.exit(1);
}
const pack = path.resolve(process.argv[2] ?? path.join(root, 'problems'));

function check(extra) {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(process.execPath, [cli, 'check', pack, '--json', ...extra], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NO_COLOR: '1' } });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', () => resolve({ ms: performance.now() - t, report: JSON.parse(out) }));
  });
}

const plain = await check([]);
const measured = await check(['--complexity']);
const rel = (f) => path.relative(pack, f);
let wrongPlaces = 0;
for (const problem of measured.report.packs.flatMap((p) => p.problems)) {
  for (const [kind, list] of [['reference', problem.references], ['wrong', problem.wrong]]) {
    for (const s of list) {
      if (!s.complexity) continue;
      const c = s.complexity;
      if (!c.ok) wrongPlaces++;
      console.log(`${c.ok ? 'ok ' : 'BAD'} ${kind.padEnd(9)} ${rel(s.path).padEnd(58)} ${c.label.padEnd(32)} stated ${c.stated.padEnd(11)} ${(c.durationMs / 1000).toFixed(1)} s`);
    }
  }
}
console.log(`\ncheck: ${(plain.ms / 1000).toFixed(1)} s; check --complexity: ${(measured.ms / 1000).toFixed(1)} s (${(measured.ms / plain.ms).toFixed(2)}× the plain check, in this run)`);
console.log(`${wrongPlaces} measurement${wrongPlaces === 1 ? '' : 's'} not where the stated complexity says`);
