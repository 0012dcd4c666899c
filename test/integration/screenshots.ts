// Screenshots the suite asks its launcher for (not a suite itself: the name does not end in .test.ts).
// A launcher that can take them (scripts/test-offline.mjs drives the browser) creates `screenshots/` in the results
// folder before the suite starts; the suite writes `<name>.request` there and waits for `<name>.done`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { suiteOutputDir } from './index';

const WAIT_MS = 60_000;

/**
 * Asks the launcher to save the window as `test-results/<name>.png` once `waitFor` (a CSS selector) shows, and
 * waits until it did. Does nothing under a launcher that takes no screenshots (the desktop one).
 */
export async function screenshot(name: string, waitFor?: string): Promise<void> {
  const dir = path.join(suiteOutputDir(), 'screenshots');
  if (!fs.existsSync(dir)) return;
  const done = path.join(dir, `${name}.done`);
  fs.rmSync(done, { force: true });
  // Whole or not at all: the launcher polls the folder and must never read a request half written.
  const request = path.join(dir, `${name}.request`);
  fs.writeFileSync(`${request}.tmp`, JSON.stringify({ name, waitFor }));
  fs.renameSync(`${request}.tmp`, request);
  const end = Date.now() + WAIT_MS;
  while (!fs.existsSync(done)) {
    if (Date.now() > end) throw new Error(`the launcher took no screenshot "${name}" within ${WAIT_MS / 1000} s`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const outcome = fs.readFileSync(done, 'utf8');
  if (outcome !== 'ok') throw new Error(`screenshot "${name}": ${outcome}`);
}
