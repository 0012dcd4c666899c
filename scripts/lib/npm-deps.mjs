// The npm dependencies of `npm test` and `npm start`: nothing when node_modules is up to date with package-lock.json,
// else a copy of the node_modules that `npm ci` made for the same package-lock.json on this machine before, else
// `npm ci` (whose node_modules is then kept for the next clone).
//
// A fresh clone would otherwise unpack some 20,000 files again (and build keytar's native module): `npm ci` takes
// 15-20 s of the one core it uses, a copy about 2 s. The copies live beside the offline launcher's cache, outside the
// clone (`$DRILLS_TEST_CACHE`, else `${XDG_CACHE_HOME:-~/.cache}/drills-test`), under node_modules/<key>: the key is
// a digest of package-lock.json and package.json, the platform and Node's module ABI. Each is copied into a temporary
// folder and renamed into place once whole, so a copy cut short is never taken; the two used last are kept. The clone
// gets a copy of its own, not links: whatever changes a file in its node_modules leaves the kept one alone.
// DRILLS_NO_NPM_CACHE=1 runs `npm ci` and keeps nothing.
//
// Usage: node scripts/lib/npm-deps.mjs   (from the repository root)
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { outerCacheDir, pidAlive } from './provision.mjs';

/** How many kept node_modules stay (each is the size of one, about 250 MB). */
export const KEEP = 2;
/** Written into a kept folder last, before the rename: a folder without it is not whole. */
const MARKER = 'complete.json';

/** True when node_modules was installed from the current package-lock.json and package.json. */
export function upToDate(root) {
  const installed = path.join(root, 'node_modules', '.package-lock.json');
  if (!fs.existsSync(installed)) return false;
  const at = fs.statSync(installed).mtimeMs;
  return ['package-lock.json', 'package.json'].every((f) => fs.statSync(path.join(root, f)).mtimeMs <= at);
}

/** What decides the content of node_modules: the lock file, package.json, the platform and Node's module ABI. */
export function depsKey(root) {
  const hash = createHash('sha256');
  for (const f of ['package-lock.json', 'package.json']) hash.update(fs.readFileSync(path.join(root, f))).update('\0');
  hash.update(`${process.platform}-${process.arch}-abi${process.versions.modules}`);
  return hash.digest('hex').slice(0, 24);
}

/** Copies a folder tree, symbolic links as they are: `cp -a` where there is one (much faster), else fs.cpSync. */
function copyTree(from, to) {
  const cp = spawnSync('cp', ['-a', from, to], { stdio: 'inherit' });
  if (cp.status === 0) return;
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(from, to, { recursive: true, verbatimSymlinks: true });
}

/** Marks node_modules as installed now (a copy keeps the times of the kept folder, older than a fresh clone). */
function touchInstalled(root) {
  const now = new Date();
  fs.utimesSync(path.join(root, 'node_modules', '.package-lock.json'), now, now);
}

/** Keeps a copy of root's node_modules under dir, unless another run kept one first; then drops all but the newest. */
function keep(root, dir) {
  const parent = path.dirname(dir);
  fs.mkdirSync(parent, { recursive: true });
  const tmp = `${dir}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp);
  try {
    copyTree(path.join(root, 'node_modules'), path.join(tmp, 'node_modules'));
    fs.writeFileSync(path.join(tmp, MARKER), JSON.stringify({ keptAt: new Date().toISOString() }));
    // A folder under the final name without its mark is a damaged one (copies are made under a temporary name).
    if (fs.existsSync(dir) && !fs.existsSync(path.join(dir, MARKER))) fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(tmp, dir);
  } catch {
    // Kept by another run meanwhile, or no room: the clone's own node_modules is all this run needs.
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  prune(parent);
}

/** Removes the kept folders beyond the KEEP used last, and what an interrupted copy left. */
function prune(parent) {
  const entries = fs.readdirSync(parent).map((name) => path.join(parent, name));
  for (const e of entries) {
    const copying = /\.tmp-(\d+)$/.exec(e);
    if (copying ? !pidAlive(Number(copying[1])) : !fs.existsSync(path.join(e, MARKER))) fs.rmSync(e, { recursive: true, force: true });
  }
  const whole = entries.filter((e) => fs.existsSync(path.join(e, MARKER))).sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  for (const old of whole.slice(KEEP)) fs.rmSync(old, { recursive: true, force: true });
}

/**
 * Makes root's node_modules match its package-lock.json. Returns how: 'up-to-date', 'copied' (from a kept one) or
 * 'installed' (npm ci). `npm` is the command that runs npm; `cacheDir` the folder of the kept node_modules (null: keep
 * none).
 */
export function ensureNodeModules({ root, cacheDir = path.join(outerCacheDir(), 'node_modules'), npm = 'npm', log = console.log }) {
  if (upToDate(root)) {
    log('node_modules is up to date with package-lock.json');
    return 'up-to-date';
  }
  const dir = cacheDir ? path.join(cacheDir, depsKey(root)) : null;
  if (dir && fs.existsSync(path.join(dir, MARKER)) && fs.existsSync(path.join(dir, 'node_modules', '.package-lock.json'))) {
    try {
      fs.rmSync(path.join(root, 'node_modules'), { recursive: true, force: true });
      copyTree(path.join(dir, 'node_modules'), path.join(root, 'node_modules'));
      touchInstalled(root);
      const now = new Date();
      fs.utimesSync(dir, now, now);
      log(`node_modules copied from the one npm ci made for this package-lock.json before (${dir})`);
      return 'copied';
    } catch (e) {
      log(`could not copy the kept node_modules (${e.message}): npm ci instead`);
      fs.rmSync(path.join(root, 'node_modules'), { recursive: true, force: true });
    }
  }
  const ci = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (ci.error) throw new Error(`${npm} ci: ${ci.error.message}`);
  if (ci.status !== 0) throw new Error(`${npm} ci exited with ${ci.status ?? ci.signal}`);
  if (dir) keep(root, dir);
  return 'installed';
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    ensureNodeModules({ root: process.cwd(), cacheDir: process.env.DRILLS_NO_NPM_CACHE === '1' ? null : undefined });
  } catch (e) {
    console.error(e.message);
    process.exitCode = 1;
  }
}
