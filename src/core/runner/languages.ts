import * as crypto from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { Language, Limits } from '../pack/types';
import { unsupportedNamespace } from './tsNamespaces';
import type { InterpreterName, RunError } from './types';

/** What a language needs before its harness can start: the file the harness reads. */
export type PreparedCode = { ok: true; codePath: string; cleanup?: () => Promise<void> } | { ok: false; error: RunError };

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
}

const NODE_STACK_KB = 2000; // twice V8's default, still far below the usual 8 MiB thread stack

const nodeArgv = (harnessPath: string, limits: Limits): string[] => [
  `--max-old-space-size=${Math.max(16, Math.round(limits.memoryMb))}`,
  `--stack-size=${NODE_STACK_KB}`,
  harnessPath,
];

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
  const dir = path.join(tmpDir, 'drills-run');
  await fs.mkdir(dir, { recursive: true });
  const codePath = path.join(dir, `${crypto.randomBytes(8).toString('hex')}-${path.basename(solutionPath)}.js`);
  await fs.writeFile(codePath, code);
  return { ok: true, codePath, cleanup: () => fs.rm(codePath, { force: true }) };
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
    argv: (harnessPath) => [
      '-c',
      `import sys;w=sys.dont_write_bytecode;sys.dont_write_bytecode=False;sys.path.insert(0,${JSON.stringify(path.dirname(harnessPath))});` +
        `import ${path.basename(harnessPath, '.py')} as h;del sys.path[0];sys.dont_write_bytecode=w;del w;h.main()`,
    ],
    outOfMemory: (stderr) => /MemoryError/.test(stderr),
  },
  javascript: {
    interpreter: 'node',
    harnessFile: 'node-harness.js',
    prepare: (solutionPath, tmpDir) => transpile(solutionPath, tmpDir, false),
    argv: nodeArgv,
    outOfMemory: nodeOutOfMemory,
  },
  typescript: {
    interpreter: 'node',
    harnessFile: 'node-harness.js',
    prepare: (solutionPath, tmpDir) => transpile(solutionPath, tmpDir, true),
    argv: nodeArgv,
    outOfMemory: nodeOutOfMemory,
  },
};
