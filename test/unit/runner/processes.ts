import * as fs from 'node:fs';
import * as path from 'node:path';

/** Waits until `check` holds, polling; fails after `timeoutMs` with `what`. Never a fixed sleep. */
export async function waitFor(what: string, check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Living processes (zombies excluded) started by a run whose solution sits in `dir`: they carry the runner's
 * marker variable and run in that folder (the harness's working folder, inherited by what the solution starts).
 */
export function strayProcesses(dir: string): number[] {
  const real = fs.realpathSync(dir);
  const found: number[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      if (stat.slice(stat.lastIndexOf(')') + 2)[0] === 'Z') continue;
      if (!fs.readFileSync(`/proc/${name}/environ`, 'latin1').includes('DRILLS_RUN=')) continue;
      const cwd = fs.readlinkSync(`/proc/${name}/cwd`);
      if (cwd === real || cwd.startsWith(real + path.sep)) found.push(Number(name));
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return found;
}

/** The pid a solution wrote to `file`, once it is there. */
export async function pidFrom(file: string): Promise<number> {
  await waitFor(`a pid in ${file}`, () => fs.existsSync(file) && /^\d+$/.test(fs.readFileSync(file, 'utf8').trim()));
  return Number(fs.readFileSync(file, 'utf8').trim());
}
