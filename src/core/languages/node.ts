import * as fsSync from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { Limits } from '../pack/types';
import { registerCleanup } from '../runner/cleanup';
import { unsupportedNamespace } from '../runner/tsNamespaces';
import type { EditorFile, Launch, LanguageModule, PreparedCode, StackFrame, ToolchainSpec } from './types';

// What JavaScript and TypeScript share: one runtime (node), one harness (out/harness/node-harness.js, built from
// src/harness/node-harness.ts), one stack format.

/** Node, from the PATH or the editor's own runtime. */
export const NODE_TOOLCHAIN: ToolchainSpec = {
  id: 'node',
  name: 'Node.js',
  candidates: ['node'],
  debianPackage: 'nodejs',
  // The editor ships a Node runtime: Electron behaves as plain node with this variable set.
  fallback: (execPath) => ({ command: execPath, env: { ELECTRON_RUN_AS_NODE: '1' } }),
};

const NODE_STACK_KB = 2000; // twice V8's default, still far below the usual 8 MiB thread stack

function nodeRun(context: { toolchain: { command: string }; harnessPath: string; limits: Limits }): Launch {
  return {
    command: context.toolchain.command,
    args: [`--max-old-space-size=${Math.max(16, Math.round(context.limits.memoryMb))}`, `--stack-size=${NODE_STACK_KB}`, context.harnessPath],
  };
}

// `    at name (file:line:column)`, `    at file:line:column`, `    at async name (…)`.
const NODE_FRAME = /^\s*at (?:(.+?) \()?(.+?):(\d+):(\d+)\)?$/;

/** Node's `at …` lines, innermost first as V8 prints them. */
export function nodeStackFrames(stack: string): StackFrame[] {
  const frames: StackFrame[] = [];
  for (const line of stack.split('\n')) {
    const m = NODE_FRAME.exec(line);
    if (m) frames.push(stackFrame(m[1] ?? '<anonymous>', m[2], Number(m[3]), Number(m[4])));
  }
  return frames;
}

/** A frame; `file` only when it is a path on disk (not `node:internal/…`). */
export function stackFrame(label: string, file: string, line: number, column?: number): StackFrame {
  const onDisk = path.isAbsolute(file) && !file.startsWith('node:');
  return { label, ...(onDisk ? { file } : {}), line, ...(column !== undefined ? { column } : {}) };
}

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
    // Loaded on demand: other languages' runs never pay for it. Sucrase keeps line numbers unchanged.
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

/** The declarations file written beside a JavaScript or TypeScript solution. */
export const DECLARATIONS_FILE = 'drills-env.d.ts';

/** The globals of src/harness/node-harness.ts, as declarations; values are whatever the case gives (`any`). */
const DECLARATIONS = `// Written by Drills: the globals the hidden-test runner gives every solution, so the editor knows them.
// Safe to delete; the next start of a drill in this folder writes it again.

/** A binary tree node, as LeetCode's: built by the runner from a level-order list. */
declare class TreeNode {
  val: any;
  left: TreeNode | null;
  right: TreeNode | null;
  constructor(val?: any, left?: TreeNode | null, right?: TreeNode | null);
}

/** A singly linked list node, as LeetCode's: built by the runner from a list. */
declare class ListNode {
  val: any;
  next: ListNode | null;
  constructor(val?: any, next?: ListNode | null);
}
`;

/**
 * What the editor needs beside a JavaScript or TypeScript solution to read it as the runner runs it: the globals the
 * runner defines (`TreeNode`, `ListNode`) declared in `drills-env.d.ts`, and a `tsconfig.json` / `jsconfig.json`
 * that puts that file in the solution's project. Without them the TypeScript language service marks a correct
 * solution with "Cannot find name 'TreeNode'" (ts2304).
 */
function nodeEditorFiles(solutionFile: string, typescript: boolean): EditorFile[] {
  const config = {
    compilerOptions: {
      target: 'ES2022',
      // DOM for `console`: the runner's Node has it, and `types: []` keeps a workspace's @types out of the drill.
      lib: ['ES2022', 'DOM'],
      types: [],
      // checkJs stays the user's choice (`// @ts-check`); the declarations serve either way.
      ...(typescript ? { strict: true, noEmit: true } : { allowJs: true, checkJs: false, noEmit: true }),
    },
    files: [solutionFile, DECLARATIONS_FILE],
  };
  return [
    { name: DECLARATIONS_FILE, text: DECLARATIONS },
    { name: typescript ? 'tsconfig.json' : 'jsconfig.json', text: `${JSON.stringify(config, null, 2)}\n` },
  ];
}

/** Node's own resident memory (~45 MB) plus its young generation and code space, outside --max-old-space-size. */
const NODE_RUNTIME_MB = 96;

/** Everything of a Node-run language but its names and whether it is TypeScript. */
export function nodeLanguage<Id extends string>(
  names: Pick<LanguageModule<Id>, 'id' | 'label' | 'extension' | 'notSolutionSuffixes' | 'solutionFile' | 'aliases' | 'editorLanguageId'>,
  typescript: boolean,
): LanguageModule<Id> {
  return {
    ...names,
    toolchain: NODE_TOOLCHAIN,
    harnessFiles: ['node-harness.js'],
    prepare: (solutionPath, tmpDir) => transpile(solutionPath, tmpDir, typescript),
    run: nodeRun,
    outOfMemory: (stderr) => /heap out of memory|Reached heap limit|Allocation failed|out of memory/i.test(stderr),
    runtimeMb: NODE_RUNTIME_MB,
    // Node needs nothing beyond the base variables (NODE_OPTIONS in particular must not reach the solution).
    keepEnv: /^$/,
    fixedEnv: {},
    stackFrames: nodeStackFrames,
    definitionPattern: (name) =>
      new RegExp(`^\\s*(?:export\\s+)?(?:async\\s+)?(?:function\\*?|class)\\s+${name}\\b|^\\s*(?:export\\s+)?(?:const|let|var)\\s+${name}\\s*=`),
    editorFiles: (solutionFile) => nodeEditorFiles(solutionFile, typescript),
  };
}
