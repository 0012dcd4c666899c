import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TOOLCHAINS } from '../languages/registry';
import type { ToolchainSpec } from '../languages/types';
import type { Interpreter, InterpreterLookup, InterpreterResolver } from './types';

/** Finds an executable by name in a PATH string; `undefined` when it is not there. */
export function findOnPath(name: string, pathEnv: string | undefined, platform: NodeJS.Platform = process.platform): string | undefined {
  const exts = platform === 'win32' ? ['.exe', '.cmd', ''] : [''];
  for (const dir of (pathEnv ?? '').split(path.delimiter)) {
    if (!dir) continue;
    for (const ext of exts) {
      const candidate = path.join(dir, name + ext);
      if (isExecutableFile(candidate)) return candidate;
    }
  }
  return undefined;
}

function isExecutableFile(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Runs an interpreter and returns its stdout, or undefined when it could not run. Injectable for tests. */
export type ProbeInterpreter = (command: string, args: string[]) => string | undefined;

const probeWithSpawn: ProbeInterpreter = (command, args) => {
  const r = spawnSync(command, args, { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] });
  return r.status === 0 ? r.stdout : undefined;
};

export interface InterpreterResolverOptions {
  /** Configured paths by toolchain id (the `drills.toolchains` setting, `{python: '/opt/py/bin/python3'}`): win over the PATH. */
  paths?: Readonly<Record<string, string | undefined>>;
  /** PATH to search (default: process.env.PATH). */
  pathEnv?: string;
  /** JSON file remembering what each launcher found was (the real binary behind a pyenv shim, a compiler's version). */
  cacheFile?: string;
  /** The editor's own runtime, used as node when node is not on the PATH (default: process.execPath). */
  execPath?: string;
  /** Path lookup (default: `findOnPath`). */
  lookPath?: (name: string, pathEnv: string | undefined) => string | undefined;
  /** Asks an interpreter a question (default: spawnSync). */
  probe?: ProbeInterpreter;
  /** The toolchains it can find (default: the registry's). */
  toolchains?: readonly ToolchainSpec[];
}

/** What a probe found for a launcher; a bare string is the real binary, as older caches wrote it. */
type ProbeCache = Record<string, string | { command: string; version?: string; mtimeMs?: number }>;

/** The setting a toolchain is configured with, as a user types it in settings.json. */
export function toolchainSetting(spec: ToolchainSpec): string {
  return `"drills.toolchains": { "${spec.id}": "<path>" }`;
}

/** The message for a toolchain that is nowhere: what to install, and the setting that points at one elsewhere. */
export function toolchainMissingMessage(spec: ToolchainSpec): string {
  const looked = spec.candidates.length > 1 ? `looked for ${spec.candidates.slice(0, -1).join(', ')} and ${spec.candidates.at(-1)}` : `looked for ${spec.candidates[0]}`;
  return (
    `${spec.name} was not found on the PATH (${looked}). Install it (Debian/Ubuntu: sudo apt-get install ${spec.debianPackage}), ` +
    `or set ${toolchainSetting(spec)} to its path.`
  );
}

/**
 * Finds toolchains once and remembers them: in memory for the resolver's life, and what a probe learned (the real
 * binary behind a launcher, its version) in `cacheFile` across processes, while the binary is unchanged.
 */
export function createInterpreterResolver(options: InterpreterResolverOptions = {}): InterpreterResolver {
  const lookPath = options.lookPath ?? findOnPath;
  const probe = options.probe ?? probeWithSpawn;
  const pathEnv = options.pathEnv ?? process.env.PATH;
  const memo = new Map<string, InterpreterLookup>();

  function readCache(): ProbeCache {
    if (!options.cacheFile) return {};
    try {
      const parsed = JSON.parse(fs.readFileSync(options.cacheFile, 'utf8')) as unknown;
      return parsed && typeof parsed === 'object' ? (parsed as ProbeCache) : {};
    } catch {
      return {};
    }
  }

  function writeCache(cache: ProbeCache): void {
    if (!options.cacheFile) return;
    try {
      fs.mkdirSync(path.dirname(options.cacheFile), { recursive: true });
      fs.writeFileSync(options.cacheFile, JSON.stringify(cache, null, 2));
    } catch {
      // A cache that cannot be written only costs a probe next time.
    }
  }

  function resolveWith(spec: ToolchainSpec): InterpreterLookup {
    const configured = options.paths?.[spec.id];
    if (configured && !isExecutableFile(configured)) {
      return { ok: false, message: `The configured ${spec.name} (${configured}) is not an executable file. Fix the setting ${toolchainSetting(spec)}, or remove it to use the PATH.` };
    }
    let launcher = configured;
    for (const name of configured ? [] : spec.candidates) {
      launcher = lookPath(name, pathEnv);
      if (launcher) break;
    }
    if (!launcher) {
      const fallback = spec.fallback?.(options.execPath ?? process.execPath);
      return fallback ? { ok: true, interpreter: fallback } : { ok: false, message: toolchainMissingMessage(spec) };
    }
    if (!spec.probe) return { ok: true, interpreter: { command: launcher } };
    const cache = readCache();
    const cached = cache[launcher];
    const hit = typeof cached === 'string' ? { command: cached } : cached;
    // A version is trusted while the binary is the one probed: an upgrade in place changes its modification time.
    if (hit && typeof hit.command === 'string' && isExecutableFile(hit.command) && (hit.version === undefined || hit.mtimeMs === mtimeOf(hit.command))) {
      return { ok: true, interpreter: found(hit.command, hit.version) };
    }
    const out = probe(launcher, [...spec.probe.args]);
    const read = out === undefined ? { message: `${launcher} did not run (asked: ${[path.basename(launcher), ...spec.probe.args].join(' ')}).` } : spec.probe.read(out, launcher);
    if ('message' in read) {
      return { ok: false, message: `${read.message} Install ${spec.name} (Debian/Ubuntu: sudo apt-get install ${spec.debianPackage}) or set ${toolchainSetting(spec)} to a working one.` };
    }
    const command = read.command && isExecutableFile(read.command) ? read.command : launcher;
    // The probe's answer is kept as the old caches wrote it when there is no version (they stay readable both ways).
    writeCache({ ...cache, [launcher]: read.version === undefined ? command : { command, version: read.version, mtimeMs: mtimeOf(command) } });
    return { ok: true, interpreter: found(command, read.version) };
  }

  return {
    resolve(id) {
      let result = memo.get(id);
      if (!result) {
        const spec = (options.toolchains ?? TOOLCHAINS).find((t) => t.id === id);
        if (!spec) throw new Error(`No language uses a toolchain named ${id}`);
        result = resolveWith(spec);
        // A missing toolchain may be installed while the editor runs: only remember successes.
        if (result.ok) memo.set(id, result);
      }
      return Promise.resolve(result);
    },
  };
}

function mtimeOf(file: string): number | undefined {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

function found(command: string, version: string | undefined): Interpreter {
  return { command, ...(version !== undefined ? { version } : {}) };
}

/** The default place for the toolchain cache file: `${XDG_CACHE_HOME:-~/.cache}/drills/interpreters.json`. */
export function defaultInterpreterCacheFile(env: NodeJS.ProcessEnv, home: string): string {
  return path.join(env.XDG_CACHE_HOME || path.join(home, '.cache'), 'drills', 'interpreters.json');
}
