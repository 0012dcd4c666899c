import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Interpreter, InterpreterLookup, InterpreterName, InterpreterResolver } from './types';

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
  /** The `drills.pythonPath` setting: wins over the PATH when set. */
  pythonPath?: string;
  /** The `drills.nodePath` setting, if the caller has one. */
  nodePath?: string;
  /** PATH to search (default: process.env.PATH). */
  pathEnv?: string;
  /** JSON file remembering which real binary a python launcher (a pyenv shim…) runs. */
  cacheFile?: string;
  /** The editor's own runtime, used as node when node is not on the PATH (default: process.execPath). */
  execPath?: string;
  /** Path lookup (default: `findOnPath`). */
  lookPath?: (name: string, pathEnv: string | undefined) => string | undefined;
  /** Asks an interpreter a question (default: spawnSync). */
  probe?: ProbeInterpreter;
}

type PythonCache = Record<string, string>;

/**
 * Resolves interpreters once and remembers them. Python launchers are resolved to the real binary
 * (`sys.executable`): a pyenv shim costs ~300 ms per start, the interpreter itself ~20-70 ms.
 */
export function createInterpreterResolver(options: InterpreterResolverOptions = {}): InterpreterResolver {
  const lookPath = options.lookPath ?? findOnPath;
  const probe = options.probe ?? probeWithSpawn;
  const pathEnv = options.pathEnv ?? process.env.PATH;
  const memo = new Map<InterpreterName, InterpreterLookup>();

  function resolveNode(): InterpreterLookup {
    if (options.nodePath) {
      return isExecutableFile(options.nodePath)
        ? { ok: true, interpreter: { command: options.nodePath } }
        : { ok: false, message: `The configured node (${options.nodePath}) is not an executable file. Fix the setting drills.nodePath or clear it to use node from the PATH.` };
    }
    const found = lookPath('node', pathEnv);
    if (found) return { ok: true, interpreter: { command: found } };
    // The editor ships a Node runtime: Electron behaves as plain node with this variable set.
    const interpreter: Interpreter = { command: options.execPath ?? process.execPath, env: { ELECTRON_RUN_AS_NODE: '1' } };
    return { ok: true, interpreter };
  }

  function readCache(): PythonCache {
    if (!options.cacheFile) return {};
    try {
      const parsed = JSON.parse(fs.readFileSync(options.cacheFile, 'utf8')) as unknown;
      return parsed && typeof parsed === 'object' ? (parsed as PythonCache) : {};
    } catch {
      return {};
    }
  }

  function writeCache(cache: PythonCache): void {
    if (!options.cacheFile) return;
    try {
      fs.mkdirSync(path.dirname(options.cacheFile), { recursive: true });
      fs.writeFileSync(options.cacheFile, JSON.stringify(cache, null, 2));
    } catch {
      // A cache that cannot be written only costs a probe next time.
    }
  }

  function resolvePython(): InterpreterLookup {
    const configured = options.pythonPath;
    const launcher = configured ?? lookPath('python3', pathEnv) ?? lookPath('python', pathEnv);
    if (!launcher) {
      return { ok: false, message: 'Python 3 was not found on the PATH (looked for python3 and python). Install Python 3 or set drills.pythonPath to the interpreter\'s path.' };
    }
    if (configured && !isExecutableFile(configured)) {
      return { ok: false, message: `The configured Python (${configured}) is not an executable file. Fix the setting drills.pythonPath.` };
    }
    const cache = readCache();
    const cached = cache[launcher];
    if (cached && isExecutableFile(cached)) return { ok: true, interpreter: { command: cached } };
    const out = probe(launcher, ['-c', 'import sys; print(sys.executable); print(sys.version_info[0])']);
    const [real, major] = (out ?? '').trim().split('\n');
    if (!out || !real) {
      return { ok: false, message: `${launcher} did not run (asked for sys.executable). Install Python 3 or set drills.pythonPath to a working interpreter.` };
    }
    if (major !== '3') return { ok: false, message: `${launcher} is Python ${major}, Drills needs Python 3. Set drills.pythonPath to a Python 3 interpreter.` };
    const command = isExecutableFile(real) ? real : launcher;
    writeCache({ ...cache, [launcher]: command });
    return { ok: true, interpreter: { command } };
  }

  return {
    resolve(name) {
      let found = memo.get(name);
      if (!found) {
        found = name === 'node' ? resolveNode() : resolvePython();
        // A missing interpreter may be installed while the editor runs: only remember successes.
        if (found.ok) memo.set(name, found);
      }
      return Promise.resolve(found);
    },
  };
}

/** The default place for the Python cache file: `${XDG_CACHE_HOME:-~/.cache}/drills/interpreters.json`. */
export function defaultInterpreterCacheFile(env: NodeJS.ProcessEnv, home: string): string {
  return path.join(env.XDG_CACHE_HOME || path.join(home, '.cache'), 'drills', 'interpreters.json');
}
