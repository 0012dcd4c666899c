// Provisions the offline VS Code: Node 24 and code-server from the npm registry, Chromium from Debian.
// Shared by the integration launcher (scripts/test-offline.mjs) and `npm start` (scripts/start.mjs).
//
// Cache: one folder per code-server + Node version, built in a temporary folder and renamed into place
// when complete, so a killed install never leaves a half cache that is taken as good. It lives outside
// the clone (`$DRILLS_TEST_CACHE`, else `${XDG_CACHE_HOME:-~/.cache}/drills-test`) so fresh clones on the
// same machine reuse it; `.vscode-test/offline/<key>` in the clone links to it.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { repoRoot } from './paths.mjs';

/** The code-server release the offline launcher runs (it reports VS Code 1.139.1). */
export const CODE_SERVER_VERSION = '4.139.1';
/** The Node release code-server runs on, from the npm package `node` (code-server needs Node 24). */
export const NODE_VERSION = '24.21.0';
/** Debian packages code-server's native modules need to build (only when the cache is cold). */
export const BUILD_PACKAGES = ['build-essential', 'pkg-config', 'python3', 'libkrb5-dev', 'libsecret-1-dev', 'libxkbfile-dev', 'libx11-dev'];
/** Where Debian's Chromium lands. */
export const CHROMIUM_PATH = process.env.DRILLS_CHROMIUM || '/usr/bin/chromium';

const BUILD_LOCK_WAIT_MS = 20 * 60_000;

/** The folder of the cache outside the clone. */
export function outerCacheDir(env = process.env) {
  if (env.DRILLS_TEST_CACHE) return env.DRILLS_TEST_CACHE;
  const base = env.XDG_CACHE_HOME || path.join(env.HOME || os.homedir(), '.cache');
  return path.join(base, 'drills-test');
}

/** The cache key: everything that changes what gets built. */
export function cacheKey() {
  return `code-server-${CODE_SERVER_VERSION}-node-${NODE_VERSION}-${process.platform}-${process.arch}`;
}

/** Paths inside one provisioned folder. */
export function layoutOf(dir) {
  const nodeHome = path.join(dir, 'node', 'node_modules', 'node', 'node_modules', `node-${process.platform}-${process.arch}`);
  return {
    dir,
    nodeHome,
    node: path.join(nodeHome, 'bin', 'node'),
    entry: path.join(dir, 'cs', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    marker: path.join(dir, 'ready.json'),
  };
}

/** True when the folder holds a finished install (the marker is written last, before the rename). */
export function isComplete(dir) {
  const l = layoutOf(dir);
  return fs.existsSync(l.marker) && fs.existsSync(l.node) && fs.existsSync(l.entry);
}

/** Runs a command, inheriting output; throws with the command line when it fails. */
function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.error) throw new Error(`${cmd} ${args.join(' ')}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
}

/** Debian packages from the list that are not installed. */
export function missingDebianPackages(names) {
  return names.filter((name) => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
    return r.status !== 0 || !r.stdout.includes('install ok installed');
  });
}

/** Installs missing Debian packages when root; otherwise throws naming them. */
export function ensureDebianPackages(names, log = console.log) {
  if (process.platform !== 'linux') throw new Error('The offline VS Code is provisioned on Debian/Ubuntu Linux only.');
  if (spawnSync('dpkg-query', ['--version']).status !== 0) {
    throw new Error(`No dpkg here: install these packages with your system's package manager: ${names.join(' ')}`);
  }
  const missing = missingDebianPackages(names);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`Missing Debian packages: ${missing.join(' ')}\n  Install them with: sudo apt-get install -y ${missing.join(' ')}`);
  }
  log(`Installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Another apt run on the same machine holds the lock for a while: wait for it rather than fail.
  const lock = ['-o', 'DPkg::Lock::Timeout=600'];
  run('apt-get', [...lock, 'update', '-qq'], { env });
  run('apt-get', [...lock, 'install', '-y', '-qq', '--no-install-recommends', ...missing], { env });
}

/**
 * The compiled languages' toolchains the test suites run solutions with: the commands each needs on the PATH and
 * the Debian package that brings them.
 */
export const TOOLCHAINS = [
  { language: 'Java', commands: ['javac', 'java'], debian: 'default-jdk-headless' },
  { language: 'C++', commands: ['g++'], debian: 'g++' },
  { language: 'Go', commands: ['go'], debian: 'golang-go' },
];

/** True when `command` is on the PATH. */
export function onPath(command) {
  return spawnSync('sh', ['-c', 'command -v "$1"', 'sh', command], { stdio: 'ignore' }).status === 0;
}

/** The toolchains with a command missing from the PATH. */
export function missingToolchains(has = onPath) {
  return TOOLCHAINS.filter((t) => !t.commands.every(has));
}

/** Thrown when toolchains are missing and cannot be installed here; its message names them and how to install them. */
export class MissingToolchainsError extends Error {}

/**
 * Installs the Debian packages of the toolchains that are missing, when root; otherwise throws a
 * MissingToolchainsError naming the languages, the commands and the packages. Returns what it installed.
 */
export function ensureToolchains({ log = console.log, has = onPath, isRoot = process.getuid?.() === 0, install = (names) => ensureDebianPackages(names, log) } = {}) {
  const missing = missingToolchains(has);
  if (missing.length === 0) {
    log(`Toolchains: ${TOOLCHAINS.map((t) => t.language).join(', ')} (${TOOLCHAINS.flatMap((t) => t.commands).join(', ')} on the PATH)`);
    return [];
  }
  const packages = missing.map((t) => t.debian);
  const what = missing.map((t) => `${t.language} (${t.commands.filter((c) => !has(c)).join(', ')})`).join(', ');
  if (!isRoot || process.platform !== 'linux') {
    throw new MissingToolchainsError(`Missing toolchains: ${what}. The tests of solutions in these languages need them.\n  On Debian/Ubuntu: sudo apt-get install -y ${packages.join(' ')}`);
  }
  log(`Installing the toolchains of ${missing.map((t) => t.language).join(', ')}: ${packages.join(' ')}`);
  install(packages);
  const still = missingToolchains(has);
  if (still.length > 0) throw new MissingToolchainsError(`After installing ${packages.join(' ')}, still not on the PATH: ${still.flatMap((t) => t.commands.filter((c) => !has(c))).join(', ')}.`);
  return packages;
}

/** Makes sure Chromium is there (Debian's package), returning its path. */
export function ensureChromium(log = console.log) {
  if (!fs.existsSync(CHROMIUM_PATH)) ensureDebianPackages(['chromium'], log);
  if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(`Chromium is not at ${CHROMIUM_PATH} after installing the Debian package chromium.`);
  return CHROMIUM_PATH;
}

/** Whether a process with this id is running (another user's counts too). */
export function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

function lockHolder(lockDir) {
  try {
    return Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8')) || 0;
  } catch {
    return 0;
  }
}

function lockAgeStart(lockDir) {
  try {
    return fs.statSync(lockDir).mtimeMs;
  } catch {
    return Date.now();
  }
}

/** Takes a directory lock (mkdir is atomic); waits while a live process holds it, breaks it when stale. */
async function withLock(lockDir, whileWaiting, fn) {
  const started = Date.now();
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      const holder = lockHolder(lockDir);
      // No pid a minute after the mkdir: its owner died in between.
      if (holder ? !pidAlive(holder) : Date.now() - lockAgeStart(lockDir) > 60_000) {
        fs.rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      if (whileWaiting()) return;
      if (Date.now() - started > BUILD_LOCK_WAIT_MS) throw new Error(`Gave up waiting for ${lockDir} (held by pid ${holder}).`);
      await sleep(2000);
    }
  }
  try {
    await fn();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

/** Builds Node 24 + code-server into `tmp` (slow: about two minutes on two cores). */
function buildInto(tmp, log) {
  const l = layoutOf(tmp);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const quiet = ['--no-save', '--no-audit', '--no-fund', '--loglevel=error'];
  // Under `npm test` the parent npm's npm_* variables leak in and would configure the child npm (code-server's
  // postinstall reads the Node version from npm_config_user_agent): each install starts clean.
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  log(`Installing Node ${NODE_VERSION} (npm package node@${NODE_VERSION})`);
  run(npm, ['install', ...quiet, '--prefix', path.join(tmp, 'node'), `node@${NODE_VERSION}`], { env: clean });
  if (!fs.existsSync(l.node)) throw new Error(`node@${NODE_VERSION} installed no binary at ${l.node}`);
  ensureDebianPackages(BUILD_PACKAGES, log);
  log(`Building code-server ${CODE_SERVER_VERSION} against Node ${NODE_VERSION} (about two minutes)`);
  // Native modules must be built for Node 24's ABI: put it first on the PATH and point node-gyp at its headers.
  const env = {
    ...clean,
    PATH: `${path.dirname(l.node)}${path.delimiter}${process.env.PATH}`,
    npm_config_nodedir: l.nodeHome,
  };
  run(npm, ['install', ...quiet, '--prefix', path.join(tmp, 'cs'), `code-server@${CODE_SERVER_VERSION}`], { env });
  const version = spawnSync(l.node, [l.entry, '--version'], { encoding: 'utf8' });
  if (version.status !== 0 || !version.stdout.includes(CODE_SERVER_VERSION)) {
    throw new Error(`code-server does not start after the build:\n${version.stdout}${version.stderr}`);
  }
  fs.writeFileSync(l.marker, JSON.stringify({ codeServer: CODE_SERVER_VERSION, node: NODE_VERSION, version: version.stdout.trim(), builtAt: new Date().toISOString() }, null, 2));
}

/** Builds into `<parent>/<key>` via a temporary sibling and an atomic rename. */
async function buildCached(parent, key, log) {
  const final = path.join(parent, key);
  fs.mkdirSync(parent, { recursive: true });
  await withLock(path.join(parent, `${key}.lock`), () => isComplete(final), async () => {
    if (isComplete(final)) return;
    // Left-overs of killed builds are never used: clear them.
    for (const name of fs.readdirSync(parent)) {
      if (name.startsWith(`${key}.tmp-`)) fs.rmSync(path.join(parent, name), { recursive: true, force: true });
    }
    fs.rmSync(final, { recursive: true, force: true });
    const tmp = path.join(parent, `${key}.tmp-${process.pid}`);
    try {
      buildInto(tmp, log);
      fs.renameSync(tmp, final);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
  if (!isComplete(final)) throw new Error(`The build of ${final} did not complete.`);
  return final;
}

function writable(dir) {
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Points `.vscode-test/offline/<key>` at the cache outside the clone. */
function linkIntoClone(localParent, key, target) {
  const link = path.join(localParent, key);
  if (path.resolve(link) === path.resolve(target)) return;
  fs.mkdirSync(localParent, { recursive: true });
  try {
    if (fs.realpathSync(link) === fs.realpathSync(target)) return;
  } catch {
    // no link yet
  }
  fs.rmSync(link, { recursive: true, force: true });
  fs.symlinkSync(target, link, 'dir');
}

/**
 * Returns `{ node, entry, dir }` of a complete code-server install, building it when no cache has one.
 * Order: the cache outside the clone, then `.vscode-test/offline/` in the clone, then a new build (outside
 * the clone when that folder is writable, else in the clone).
 */
export async function provisionCodeServer(log = console.log) {
  const key = cacheKey();
  const outer = outerCacheDir();
  const local = path.join(repoRoot, '.vscode-test', 'offline');
  const outerDir = path.join(outer, key);
  const localDir = path.join(local, key);
  if (isComplete(outerDir)) {
    linkIntoClone(local, key, outerDir);
    log(`code-server ${CODE_SERVER_VERSION} (Node ${NODE_VERSION}) from the cache: ${outerDir}`);
    return layoutOf(outerDir);
  }
  if (isComplete(localDir) && !fs.lstatSync(localDir).isSymbolicLink()) {
    log(`code-server ${CODE_SERVER_VERSION} (Node ${NODE_VERSION}) from ${localDir}`);
    return layoutOf(localDir);
  }
  log(`No cached code-server ${CODE_SERVER_VERSION} (Node ${NODE_VERSION}): building it once for this machine.`);
  if (writable(outer)) {
    const built = await buildCached(outer, key, log);
    linkIntoClone(local, key, built);
    log(`Cached in ${built}`);
    return layoutOf(built);
  }
  log(`${outer} is not writable: building inside the clone.`);
  fs.rmSync(localDir, { recursive: true, force: true });
  return layoutOf(await buildCached(local, key, log));
}
