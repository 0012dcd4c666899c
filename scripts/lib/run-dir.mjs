// The per-run folder both launchers share: a copy of the fixture workspace and a fresh user profile.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TEST_USER_SETTINGS, writeUserSettings } from './code-server.mjs';
import { fixtureWorkspace, vscodeTestDir } from './paths.mjs';

const KEEP_RUNS = 4;

/**
 * Creates `.vscode-test/runs/<kind>-<time>-<pid>/` with `workspace/` (a copy of test/fixtures/workspace,
 * so tests may write in it), `user-data/User/settings.json` and an empty `extensions/`; keeps the last
 * few runs of the same kind for post-mortems.
 */
export function newRunDir(kind, settings = TEST_USER_SETTINGS) {
  const runs = path.join(vscodeTestDir, 'runs');
  fs.mkdirSync(runs, { recursive: true });
  const old = fs.readdirSync(runs).filter((n) => n.startsWith(`${kind}-`)).sort();
  for (const name of old.slice(0, Math.max(0, old.length - KEEP_RUNS + 1))) fs.rmSync(path.join(runs, name), { recursive: true, force: true });
  const dir = path.join(runs, `${kind}-${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`);
  const workspace = path.join(dir, 'workspace');
  fs.cpSync(fixtureWorkspace, workspace, { recursive: true });
  const userDataDir = path.join(dir, 'user-data');
  writeUserSettings(userDataDir, settings);
  const extensionsDir = path.join(dir, 'extensions');
  fs.mkdirSync(extensionsDir, { recursive: true });
  return { dir, workspace, userDataDir, extensionsDir };
}
