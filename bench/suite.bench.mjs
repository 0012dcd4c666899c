// The test suite's time by step, as the last `npm test` recorded it (.vscode-test/logs/step-times.json, written by
// scripts/test-all.sh). It does not run `npm test` itself (minutes of work): run that first. Steps that ran beside
// the integration tests are marked; the total is wall time, so they overlap it rather than add to it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const GOAL_SECONDS = 5 * 60;
const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '.vscode-test', 'logs', 'step-times.json');

if (!fs.existsSync(file)) {
  console.log('test suite: no `npm test` recorded in this clone yet (.vscode-test/logs/step-times.json); run `npm test` first.');
} else {
  const { totalSeconds, steps } = JSON.parse(fs.readFileSync(file, 'utf8'));
  const when = fs.statSync(file).mtime.toISOString();
  console.log(`test suite (npm test of ${when}): ${totalSeconds} s wall, ${(totalSeconds / GOAL_SECONDS).toFixed(2)}× the ${GOAL_SECONDS / 60}-minute goal`);
  for (const s of steps) {
    const share = totalSeconds > 0 ? `${Math.round((100 * s.seconds) / totalSeconds)}%`.padStart(4) : '';
    console.log(`  ${s.step.padEnd(12)} ${String(s.seconds).padStart(5)} s ${share}${s.ok ? '' : '  FAILED'}${s.beside ? `  (beside ${s.beside})` : ''}`);
  }
}
