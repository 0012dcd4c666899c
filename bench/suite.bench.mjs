// The test suite's time by step, as the last `npm test` recorded it (.vscode-test/logs/step-times.json, written by
// scripts/test-all.sh). It does not run `npm test` itself (minutes of work): run that first. Steps that ran beside
// the integration tests are marked; the total is wall time, so they overlap it rather than add to it. Each step's
// processor seconds (its processes, user + system) say where the work is; the machine's busy seconds against
// cores × wall say whether the processor was what the suite waited on.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const GOAL_SECONDS = 5 * 60;
const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '.vscode-test', 'logs', 'step-times.json');

if (!fs.existsSync(file)) {
  console.log('test suite: no `npm test` recorded in this clone yet (.vscode-test/logs/step-times.json); run `npm test` first.');
} else {
  const { totalSeconds, machineBusySeconds, cores, steps } = JSON.parse(fs.readFileSync(file, 'utf8'));
  const when = fs.statSync(file).mtime.toISOString();
  console.log(`test suite (npm test of ${when}): ${totalSeconds} s wall, ${(totalSeconds / GOAL_SECONDS).toFixed(2)}× the ${GOAL_SECONDS / 60}-minute goal`);
  if (typeof machineBusySeconds === 'number' && typeof cores === 'number' && totalSeconds > 0) {
    console.log(`  processor: ${machineBusySeconds} cpu-s busy of ${cores * totalSeconds} (${cores} cores × wall), ${Math.round((100 * machineBusySeconds) / (cores * totalSeconds))}%`);
  }
  for (const s of steps) {
    const share = totalSeconds > 0 ? `${Math.round((100 * s.seconds) / totalSeconds)}%`.padStart(4) : '';
    const cpu = typeof s.cpuSeconds === 'number' ? `${String(s.cpuSeconds).padStart(6)} cpu-s` : '';
    console.log(`  ${s.step.padEnd(12)} ${String(s.seconds).padStart(5)} s ${share}${cpu}${s.ok ? '' : '  FAILED'}${s.beside ? `  (beside ${s.beside})` : ''}`);
  }
}
