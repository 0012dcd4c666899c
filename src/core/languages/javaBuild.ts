/**
 * Java's build step: the solution compiled by the system's `javac`, cached outside the workspace by a hash of the
 * source, the harness and the toolchain, so an unchanged file is never compiled twice. The harness is compiled once
 * per harness and toolchain into a folder of its own; the solution's folder holds its classes (and TreeNode/ListNode
 * when the solution does not declare them, as LeetCode declares them for it).
 */
import { spawn } from 'node:child_process';
import * as fsSync from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { Diagnostic } from '../pack/types';
import type { WarmCompiler } from './types';

/** The harness's source, relative to the runner's harness folder. */
export const JAVA_HARNESS_SOURCE = path.join('java', 'DrillsHarness.java');
/** The harness's main class. */
export const JAVA_HARNESS_CLASS = 'DrillsHarness';
/** The compiler kept running for warm runs (javaCompiler.ts), built into the harness's jar. */
export const JAVA_COMPILER_SOURCE = path.join('java', 'DrillsCompiler.java');

/**
 * Flags that make the compiler's own JVM start faster (it runs once per changed file, for a few hundred lines):
 * the client compiler only and the class-data archive. javac's output does not depend on them.
 */
const JAVAC_JVM_FLAGS = ['-J-XX:TieredStopAtLevel=1', '-J-Xshare:auto', '-J-XX:-UsePerfData'];
const JAVAC_FLAGS = ['-encoding', 'UTF-8', '-g', '-nowarn', '-Xlint:none', '-proc:none', '-implicit:none', '-Xmaxerrs', '20'];

/** LeetCode's declarations, written beside a solution that does not declare its own. */
const NODE_SOURCES: Record<'TreeNode' | 'ListNode', string> = {
  TreeNode:
    'class TreeNode {\n  public int val;\n  public TreeNode left;\n  public TreeNode right;\n  TreeNode() {}\n  TreeNode(int val) { this.val = val; }\n' +
    '  TreeNode(int val, TreeNode left, TreeNode right) { this.val = val; this.left = left; this.right = right; }\n}\n',
  ListNode: 'class ListNode {\n  public int val;\n  public ListNode next;\n  ListNode() {}\n  ListNode(int val) { this.val = val; }\n  ListNode(int val, ListNode next) { this.val = val; this.next = next; }\n}\n',
};

/** A Java source without comments and string literals, so `class TreeNode` in a comment does not count. */
function codeOnly(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, ' ');
}

/** The node classes the solution leaves to the judge: those it uses (any mention) and does not declare. */
export function nodeClassesToAdd(source: string): ('TreeNode' | 'ListNode')[] {
  const code = codeOnly(source);
  return (['TreeNode', 'ListNode'] as const).filter((name) => new RegExp(`\\b${name}\\b`).test(code) && !new RegExp(`\\b(?:class|record|interface)\\s+${name}\\b`).test(code));
}

/** The public top-level class, if any: javac wants it in a file of its name. */
export function publicClassName(source: string): string | undefined {
  return /(?:^|[;}\s])public\s+(?:(?:final|abstract|sealed|strictfp)\s+)*(?:class|interface|enum|record)\s+([A-Za-z_$][\w$]*)/.exec(codeOnly(source))?.[1];
}

/** A compile error at its place in the user's file. */
export interface JavacError {
  file: string;
  line: number;
  column?: number;
  message: string;
}

/**
 * javac's errors (`File.java:LINE: error: MESSAGE`, the source line, then a caret under the column) with the copies'
 * paths mapped back to the user's file by `mapFile`. Errors in files that are not the user's keep their own path.
 */
export function parseJavacErrors(output: string, mapFile: (file: string) => string): JavacError[] {
  const lines = output.split(/\r?\n/);
  const errors: JavacError[] = [];
  for (let k = 0; k < lines.length; k++) {
    const m = /^(.+?\.java):(\d+): error: (.*)$/.exec(lines[k]);
    if (!m) continue;
    const error: JavacError = { file: mapFile(m[1]), line: Number(m[2]), message: m[3] };
    // The source line, the caret under the column, then details (`symbol: …`, `location: …`).
    const extra: string[] = [];
    for (let j = k + 1; j < lines.length && j <= k + 8; j++) {
      if (/^(.+?\.java):(\d+): (error|warning): /.test(lines[j])) break;
      const caret = /^(\s*)\^\s*$/.exec(lines[j]);
      if (caret && error.column === undefined) error.column = caret[1].length + 1;
      else if (/^\s+(symbol|location|required|found|reason):/.test(lines[j])) extra.push(lines[j].trim().replace(/\s+/g, ' '));
    }
    if (extra.length > 0) error.message += ` (${extra.join('; ')})`;
    errors.push(error);
  }
  return errors;
}

/** What compiling gives: done, or the compile errors as the user should see them. */
export type JavacOutcome = { ok: true } | { ok: false; message: string; output: string; diagnostics: Diagnostic[] };

/** The harness's JVM flags for javac: see JAVAC_JVM_FLAGS. */
export function javacArgs(outDir: string, files: string[], sourcePath: string): string[] {
  // The output folder as the only class path and the copies' folder as the source path: nothing beside the user's
  // file is compiled with it by accident.
  return [...JAVAC_JVM_FLAGS, ...JAVAC_FLAGS, '-XDstringConcat=inline', '-cp', outDir, '-sourcepath', sourcePath, '-d', outDir, ...files];
}

/** The javac flags that change what it produces (part of the cache key). */
export const JAVAC_KEY = [...JAVAC_FLAGS, '-XDstringConcat=inline'].join(' ');

export interface JavacRun {
  code: number | null;
  output: string;
  error?: Error;
}

/** Runs javac (or java), collecting what it prints; `signal` kills it. */
export function runJdkTool(command: string, args: string[], signal?: AbortSignal, input?: string): Promise<JavacRun> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'], ...(signal ? { signal } : {}) });
    const chunks: string[] = [];
    child.stdout?.setEncoding('utf8').on('data', (d: string) => chunks.push(d));
    child.stderr?.setEncoding('utf8').on('data', (d: string) => chunks.push(d));
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(input);
    child.on('error', (error) => resolve({ code: null, output: chunks.join(''), error }));
    child.on('close', (code) => resolve({ code, output: chunks.join('') }));
  });
}

/**
 * Compiles the user's source into `outDir` from a copy under `srcDir` named after its public class (so `public class
 * Solution` in solution.java compiles), with TreeNode/ListNode added when it uses them without declaring them.
 * Errors point at the user's file.
 */
export async function compileSolution(javac: string, source: string, solutionPath: string, srcDir: string, outDir: string, signal?: AbortSignal, compiler?: WarmCompiler): Promise<JavacOutcome> {
  await fs.mkdir(srcDir, { recursive: true });
  await fs.mkdir(outDir, { recursive: true });
  const copy = path.join(srcDir, `${publicClassName(source) ?? path.basename(solutionPath, path.extname(solutionPath))}.java`);
  await fs.writeFile(copy, source);
  const files = [copy];
  for (const name of nodeClassesToAdd(source)) {
    const file = path.join(srcDir, `${name}.java`);
    await fs.writeFile(file, NODE_SOURCES[name]);
    files.push(file);
  }
  const args = javacArgs(outDir, files, srcDir);
  // The compiler that waits (warm runs) takes javac's own arguments; its JVM has flags of its own.
  const warm = compiler?.alive ? await compiler.run(args.filter((a) => !a.startsWith('-J')), signal) : undefined;
  const r: JavacRun = warm ?? (await runJdkTool(javac, args, signal));
  if (r.error) return { ok: false, message: `Could not start ${javac}: ${r.error.message}`, output: '', diagnostics: [] };
  if (r.code === 0) return { ok: true };
  const output = r.output.split(copy).join(solutionPath).trim();
  const errors = parseJavacErrors(r.output, (f) => (path.resolve(srcDir, f) === copy ? solutionPath : f));
  const diagnostics: Diagnostic[] = errors.map((e) => ({ file: e.file, line: e.line, column: e.column ?? 1, message: e.message, severity: 'error' }));
  const first = errors[0];
  const where = first ? `${path.basename(first.file)}:${first.line}${first.column ? `:${first.column}` : ''}: ` : '';
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more error${errors.length > 2 ? 's' : ''})` : '';
  const message = first ? `The solution does not compile: ${where}${first.message}${more}` : `The solution does not compile:\n${output}`;
  return { ok: false, message, output, diagnostics };
}

/** The `java` beside a `javac` (a JDK's bin folder), following links to the JDK's real folder. */
export function javaBeside(javac: string): string {
  let real = javac;
  try {
    real = fsSync.realpathSync(javac);
  } catch {
    // Not there: the start fails with its own message.
  }
  return path.join(path.dirname(real), process.platform === 'win32' ? 'java.exe' : 'java');
}
