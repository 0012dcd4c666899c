import { execFile } from 'node:child_process';
import * as path from 'node:path';
import type { CrashError, ProcessDeath, StackFrame, TraceContext } from './types';
import { SOLUTION_IN_PROGRAM } from './cppBuild';

// Where a C++ solution crashed or threw. The harness (src/harness/drills_cpp_trace.hpp) reports return addresses in
// the program; addr2line reads them against the build's line tables (-g1), inlined calls included, and only the
// frames in the solution's file are kept. Without addr2line, the signal and its meaning are still reported.

/** What each signal a solution can die by usually means, in plain words. */
const SIGNAL_MEANINGS: Record<string, string> = {
  SIGSEGV: 'an invalid memory access, such as a null or dangling pointer or an index out of range',
  SIGBUS: 'an invalid memory access (an address that is misaligned or past the end of a mapping)',
  SIGFPE: 'an arithmetic error: an integer division or remainder by zero (or INT_MIN / -1)',
  SIGILL: 'an illegal instruction, often a corrupted stack or function pointer',
  SIGABRT:
    'the program aborted: a failed assert(), std::terminate (an exception thrown out of a noexcept function or a destructor), or the C++ library finding the heap corrupted (a double free, a write past the end of an array)',
};
const SIGNAL_NAMES: Record<number, string> = { 4: 'SIGILL', 6: 'SIGABRT', 7: 'SIGBUS', 8: 'SIGFPE', 11: 'SIGSEGV' };
const OVERFLOW = 'a stack overflow: the recursion went deeper than the stack allows (it may grow to the memory limit)';

/** A frame read from the program: the function (demangled) and where in the solution. */
interface CodeFrame {
  label: string;
  file: string;
  line: number;
}

/** Runs addr2line over `addresses` in `program`: per address, its frames (inlined calls first), or undefined. */
function addr2line(tool: string, program: string, addresses: readonly string[]): Promise<{ label: string; file: string; line: number }[][] | undefined> {
  return new Promise((resolve) => {
    execFile(tool, ['-C', '-f', '-i', '-a', '-e', program, ...addresses], { timeout: 10_000, maxBuffer: 4 * 1024 * 1024, env: { ...process.env, LC_ALL: 'C' } }, (error, stdout) => {
      if (error) return resolve(undefined);
      const groups: { label: string; file: string; line: number }[][] = [];
      const lines = stdout.split('\n');
      for (let i = 0; i < lines.length; i++) {
        // -a starts each address's group with the address itself.
        if (/^0x[0-9a-f]+$/.test(lines[i])) {
          groups.push([]);
          continue;
        }
        if (groups.length === 0 || i + 1 >= lines.length) continue;
        const at = /^(.*):(\d+)(?: \(discriminator \d+\))?$/.exec(lines[i + 1]);
        groups[groups.length - 1].push({ label: lines[i], file: at ? at[1] : '', line: at ? Number(at[2]) : 0 });
        i++;
      }
      resolve(groups);
    });
  });
}

/** The solution's frames at `trace`, innermost first; undefined when they cannot be read (no addr2line, no program). */
export async function solutionFrames(trace: readonly string[], context: TraceContext): Promise<CodeFrame[] | undefined> {
  if (!context.artifact || trace.length === 0) return undefined;
  const tool = context.findTool('addr2line');
  if (!tool) return undefined;
  const groups = await addr2line(tool, context.artifact, trace);
  if (!groups) return undefined;
  // The program names the solution's copy it was built from (cppBuild.ts): those frames are the user's file.
  return groups.flat().filter((f) => f.line > 0 && f.file === SOLUTION_IN_PROGRAM).map((f) => ({ ...f, file: context.solutionPath }));
}

/** A frame as it reads in a stack: `    at Solution::f(int) (/path/solution.cpp:12)`. */
const frameLine = (f: CodeFrame): string => `    at ${f.label} (${f.file}:${f.line})`;

/** The frames as a stack, a run of the same frame (deep recursion) written once with its count. */
export function cppStack(frames: readonly CodeFrame[]): string {
  const lines: string[] = [];
  for (let i = 0; i < frames.length; ) {
    let j = i + 1;
    while (j < frames.length && frames[j].label === frames[i].label && frames[j].line === frames[i].line) j++;
    lines.push(frameLine(frames[i]));
    if (j - i > 1) lines.push(`    ... the same frame ${j - i - 1} more time${j - i > 2 ? 's' : ''}`);
    i = j;
  }
  return lines.join('\n');
}

/** The frames of a stack written by cppStack, innermost first, each named without its parameters. */
export function cppStackFrames(stack: string): StackFrame[] {
  const frames: StackFrame[] = [];
  for (const line of stack.split(/\r?\n/)) {
    const m = /^\s+at (.+) \((.+):(\d+)\)$/.exec(line);
    if (m) frames.push({ label: shortName(m[1]), file: m[2], line: Number(m[3]) });
  }
  return frames;
}

/** A function's name without its parameters: `Solution::f` for `Solution::f(std::vector<int>&, int)`. */
function shortName(label: string): string {
  let depth = 0;
  for (let i = 0; i < label.length; i++) {
    const ch = label[i];
    if (ch === '<') depth++;
    else if (ch === '>') depth--;
    else if (ch === '(' && depth === 0 && i > 0 && !label.startsWith('operator', i - 8)) return label.slice(0, i);
  }
  return label;
}

const where = (f: CodeFrame | undefined): string => (f ? ` in ${shortName(f.label)} at ${path.basename(f.file)}:${f.line}` : '');

/** The error of a case whose process died by a signal: the signal, what it means and, with addr2line, where. */
export async function cppCrashError(_dyingWords: string, _solutionPath: string, death: ProcessDeath): Promise<CrashError | undefined> {
  const signal = death.signal ?? (death.crash ? SIGNAL_NAMES[death.crash.signal] : undefined);
  const meaning = signal ? SIGNAL_MEANINGS[signal] : undefined;
  if (!signal || !meaning) return undefined;
  let what = meaning;
  if (death.crash?.overflow) what = OVERFLOW;
  // Without the harness's word (it could not run its handler), an overflow cannot be told from a bad access.
  else if (!death.crash && signal === 'SIGSEGV') what = `${meaning}, or a stack overflow from very deep recursion`;
  const frames = death.crash ? await solutionFrames(death.crash.trace, death).catch(() => undefined) : undefined;
  const top = frames?.[0];
  const message = `The solution crashed with ${signal}${where(top)}: ${what}.`;
  return { message, ...(frames?.length ? { stack: cppStack(frames) } : {}), ...(top ? { location: { file: top.file, line: top.line } } : {}) };
}

/** Where an exception that reached the harness was thrown: the solution's frames, or undefined. */
export async function cppTraceError(trace: readonly string[], context: TraceContext): Promise<{ stack: string; location?: CrashError['location'] } | undefined> {
  const frames = await solutionFrames(trace, context);
  if (!frames?.length) return undefined;
  return { stack: cppStack(frames), location: { file: frames[0].file, line: frames[0].line } };
}
