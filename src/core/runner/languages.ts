import * as fsSync from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { Language, Limits } from '../pack/types';
import { registerCleanup } from './cleanup';
import { RUN_MARKER_VAR } from './processTree';
import { unsupportedNamespace } from './tsNamespaces';
import type { Interpreter, InterpreterName, RunError } from './types';

/** What a language needs before its harness can start: the file the harness reads. */
export type PreparedCode = { ok: true; codePath: string; cleanup?: () => void } | { ok: false; error: RunError };

/** How a language runs: one entry per language; adding a language means adding one entry. */
export interface LanguageRunner {
  interpreter: InterpreterName;
  /** The harness file, relative to `RunnerEnv.harnessDir`. */
  harnessFile: string;
  /** Transpiles when needed, into `tmpDir` (never the workspace). */
  prepare(solutionPath: string, tmpDir: string): Promise<PreparedCode>;
  /** Interpreter arguments; the memory limit is applied here or by the harness. */
  argv(harnessPath: string, limits: Limits): string[];
  /** Whether what the dying process left on stderr says it ran out of memory. */
  outOfMemory(stderrTail: string): boolean;
  /**
   * Resident memory the runtime itself takes on top of the problem's limit (interpreter, harness, the harness's
   * copy of a result while it sends it). The whole process tree is killed past limit + this.
   */
  runtimeMb: number;
  /** Variables of the user's environment the interpreter needs (beside the ones every language gets). */
  keepEnv: RegExp;
  /** Variables the harness sets for itself. */
  fixedEnv: Record<string, string>;
}

const NODE_STACK_KB = 2000; // twice V8's default, still far below the usual 8 MiB thread stack

const nodeArgv = (harnessPath: string, limits: Limits): string[] => [
  `--max-old-space-size=${Math.max(16, Math.round(limits.memoryMb))}`,
  `--stack-size=${NODE_STACK_KB}`,
  harnessPath,
];

/** Node's own resident memory (~45 MB) plus its young generation and code space, outside --max-old-space-size. */
const NODE_RUNTIME_MB = 96;
/** Node needs nothing beyond the base variables (NODE_OPTIONS in particular must not reach the solution). */
const NO_MORE_ENV = /^$/;

const nodeOutOfMemory = (stderr: string): boolean => /heap out of memory|Reached heap limit|Allocation failed|out of memory/i.test(stderr);

/** ES module syntax that CommonJS cannot run: such files go through sucrase's imports transform. */
const MODULE_SYNTAX = /^\s*(?:import\s[^(]|import\{|export\s|export\{)/m;

async function transpile(solutionPath: string, tmpDir: string, typescript: boolean): Promise<PreparedCode> {
  let source: string;
  try {
    source = await fs.readFile(solutionPath, 'utf8');
  } catch (e) {
    return { ok: false, error: { kind: 'load-failed', message: `Cannot read the solution ${solutionPath}: ${(e as Error).message}` } };
  }
  if (!typescript && !MODULE_SYNTAX.test(source)) return { ok: true, codePath: solutionPath };
  const namespace = typescript ? unsupportedNamespace(source, solutionPath) : undefined;
  if (namespace) return { ok: false, error: namespace };
  let code: string;
  try {
    // Loaded on demand: Python runs never pay for it. Sucrase keeps line numbers unchanged.
    const { transform } = await import('sucrase');
    code = transform(source, { transforms: typescript ? ['typescript', 'imports'] : ['imports'], filePath: solutionPath }).code;
  } catch (e) {
    const loc = (e as { loc?: { line: number; column: number } }).loc;
    const message = (e as Error).message.replace(/^Error transforming [^:]*: /, '');
    return {
      ok: false,
      error: {
        kind: 'load-failed',
        message: `The solution failed to load: SyntaxError: ${message}`,
        ...(loc ? { location: { file: solutionPath, line: loc.line, column: loc.column + 1 } } : {}),
      },
    };
  }
  // A folder of its own per run, readable by this user only (mkdtemp makes it 0700): a shared folder another user
  // can create first would let them swap the file between writing and reading it.
  const dir = await fs.mkdtemp(path.join(tmpDir, 'drills-run-'));
  const unregister = registerCleanup(() => fsSync.rmSync(dir, { recursive: true, force: true }));
  const cleanup = (): void => {
    fsSync.rmSync(dir, { recursive: true, force: true });
    unregister();
  };
  const codePath = path.join(dir, `${path.basename(solutionPath)}.js`);
  try {
    await fs.writeFile(codePath, code, { mode: 0o600, flag: 'wx' });
  } catch (e) {
    cleanup();
    return { ok: false, error: { kind: 'load-failed', message: `Cannot write the transpiled solution to ${dir}: ${(e as Error).message}` } };
  }
  return { ok: true, codePath, cleanup };
}

/** Variables every solution process gets from the user's environment: where programs are, home, locale, temp (any case: Windows writes `Path`). */
const BASE_ENV = /^(PATH|HOME|USER|LOGNAME|SHELL|LANG|LANGUAGE|LC_[A-Z]+|TZ|TMPDIR|TEMP|TMP|TERM|SYSTEMROOT|SystemRoot|WINDIR|COMSPEC|PATHEXT|USERPROFILE|APPDATA|LOCALAPPDATA)$/i;

/**
 * The environment of a solution's process: what the interpreter needs and nothing else, so tokens and keys in the
 * user's environment (GITHUB_TOKEN, AWS_SECRET_ACCESS_KEY…) never reach code from a pack. `marker` tags every
 * process the solution starts (see processTree.ts).
 */
export function solutionEnv(runner: LanguageRunner, interpreter: Interpreter, marker: string, from: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(from)) {
    if (value !== undefined && (BASE_ENV.test(key) || runner.keepEnv.test(key))) env[key] = value;
  }
  Object.assign(env, runner.fixedEnv, interpreter.env);
  env[RUN_MARKER_VAR] = marker;
  return env;
}

/** The language table. */
export const LANGUAGE_RUNNERS: Record<Language, LanguageRunner> = {
  python: {
    interpreter: 'python',
    harnessFile: 'py_harness.py',
    prepare: (solutionPath) => Promise.resolve({ ok: true, codePath: solutionPath }),
    // Imported as a module (not run as a script) so Python caches its bytecode between runs: compiling the
    // harness costs ~12 ms a run. That cache is written even under PYTHONDONTWRITEBYTECODE (set in many
    // containers), into the harness's own folder only: the setting is restored before the solution loads.
    // `-c` puts the working folder (the solution's) first on sys.path: it is dropped before the harness imports
    // anything, so a json.py beside the solution is not the harness's json. The harness adds the solution's folder
    // back for the solution alone.
    argv: (harnessPath) => [
      '-c',
      `import sys;sys.path[:1]=[p for p in sys.path[:1] if p];w=sys.dont_write_bytecode;sys.dont_write_bytecode=False;sys.path.insert(0,${JSON.stringify(path.dirname(harnessPath))});` +
        `import ${path.basename(harnessPath, '.py')} as h;del sys.path[0];sys.dont_write_bytecode=w;del w;h.main()`,
    ],
    outOfMemory: (stderr) => /MemoryError/.test(stderr),
    runtimeMb: 48,
    // PYTHONPATH and PYTHONSTARTUP stay out: they would put the user's files before the harness's modules.
    fixedEnv: { PYTHONIOENCODING: 'utf-8' },
    keepEnv: /^(PYTHONHOME|PYTHONDONTWRITEBYTECODE|PYTHONPYCACHEPREFIX|PYTHONUTF8|PYTHONHASHSEED|VIRTUAL_ENV|CONDA_PREFIX)$/,
  },
  javascript: {
    interpreter: 'node',
    harnessFile: 'node-harness.js',
    prepare: (solutionPath, tmpDir) => transpile(solutionPath, tmpDir, false),
    argv: nodeArgv,
    outOfMemory: nodeOutOfMemory,
    runtimeMb: NODE_RUNTIME_MB,
    keepEnv: NO_MORE_ENV,
    fixedEnv: {},
  },
  typescript: {
    interpreter: 'node',
    harnessFile: 'node-harness.js',
    prepare: (solutionPath, tmpDir) => transpile(solutionPath, tmpDir, true),
    argv: nodeArgv,
    outOfMemory: nodeOutOfMemory,
    runtimeMb: NODE_RUNTIME_MB,
    keepEnv: NO_MORE_ENV,
    fixedEnv: {},
  },
};
