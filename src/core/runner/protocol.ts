/**
 * The typed protocol between the runner (parent) and a harness (child).
 *
 * Parent → harness: one `HarnessJob` as JSON on stdin, then stdin is closed.
 * Harness → parent: messages on stdout, each `MARKER + JSON + "\n"`, where MARKER is
 * `"\u0001drills:" + nonce + ":"` and the nonce is random per run. Everything else on stdout and
 * stderr is the solution's raw output (bytes written past the harness's capture) and belongs to
 * the running case. Integers beyond 2^53 travel as their exact digits (exactJson.ts). This file has no
 * dependencies but that one: the Node harness bundles it.
 */
import { parseJsonExact } from '../exactJson';

/** Type names as written in problem.yaml (`int`, `TreeNode[]`…), one per parameter. */
export interface HarnessMethod {
  /** The method's name in the solution's language. */
  name: string;
  params: string[];
  returns: string;
}

export type HarnessSpec =
  | { kind: 'function'; name: string; params: string[]; returns: string }
  | { kind: 'class'; name: string; ctorParams: string[]; methods: Record<string, HarnessMethod> };

/**
 * Ops the harness runs `times` times after the listed ones, expanding `{$i: [a, b]}` (a*i + b) and
 * `{$i: [a, b, m]}` ((a*i + b) mod m, in 0..m-1) anywhere inside `args` and `expected` on each
 * iteration. It compares each result with exact JSON equality itself: the block is never a list.
 */
export interface HarnessRepeat {
  times: number;
  ops: string[];
  args: unknown[][];
  expected: unknown[];
}

export interface HarnessCase {
  /** Index of the case in `Problem.cases`. */
  index: number;
  /**
   * The case's `args`, or its `ops` and `opArgs`, are `HarnessJob.inputs[input]`, as sent for every case that
   * shares it: a harness whose conversion can hand the solution the parsed value itself (Python, JavaScript)
   * copies it for each case before its clock starts; the others convert into new values anyway.
   */
  input?: number;
  args?: unknown[];
  ops?: string[];
  opArgs?: unknown[][];
  /** With a repeat block only: the listed ops' expected values, so a wrong listed op skips the block. */
  expected?: unknown[];
  repeat?: HarnessRepeat;
}

/** A shared input (see HarnessJob.inputs): a function's arguments, or a class case's ops and their arguments. */
export type HarnessInput = { args: unknown[] } | { ops: string[]; opArgs: unknown[][] };

/** How a repeat block went: all passed, or the first op whose result differed. */
export type HarnessRepeatOutcome =
  | { ok: true; times: number }
  | {
      ok: false;
      times: number;
      /** Index of the op in the whole case: listed ops + i * block length + position in the block. */
      op: number;
      i: number;
      /** The op's method name as written in tests.yaml. */
      name: string;
      args: unknown[];
      expected: unknown;
      actual: unknown;
    };

/** The job the parent writes to the harness's stdin. */
export interface HarnessJob {
  nonce: string;
  /** The user's file: stack traces and `__filename` point here. */
  solutionPath: string;
  /** Where to read the code from when it was transpiled (a temp file); else `solutionPath`. */
  codePath: string;
  spec: HarnessSpec;
  /**
   * Inputs several cases share (the repeated calls of a measurement on one generated input), sent once: written
   * before `cases`, so that a harness reading the cases one at a time has them.
   */
  inputs?: HarnessInput[];
  cases: HarnessCase[];
  /** Per-case cap on captured output, in bytes. */
  outputCapBytes: number;
  /** The Python harness limits its address space to its baseline plus this. */
  memoryMb: number;
  /**
   * Each case's CPU time limit. The runner enforces it from outside (and kills the process); a harness that can
   * stop a case itself (a compiled language's per-case deadline) reports it as a `timeout` error and goes on.
   */
  timeMs: number;
  /**
   * The run measures growth (complexity), not a verdict: before each timed call, a harness whose collector would
   * otherwise go over the call's inputs again and again (a young generation holding a 100,000-node tree) settles
   * them first (JavaScript: two minor collections).
   */
  measuring?: boolean;
  /**
   * A compiled language whose process starts before the solution is built (`LanguageModule.harnessBuild`): what the
   * solution's build made, as the language's `builtJob` says (Java: the classes' folder and the compiled file's name).
   */
  built?: Record<string, string>;
}

export interface HarnessLocation {
  file: string;
  line: number;
  column?: number;
}

/** Why a case did not return a value. */
export interface HarnessError {
  /**
   * `error`: an exception; `memory`: out of memory; `exit`: the solution exited; `not-json`: a value JSON cannot
   * hold; `timeout`: the case can never finish (a JavaScript promise that nothing is left to settle).
   */
  kind: 'error' | 'memory' | 'exit' | 'not-json' | 'timeout';
  message: string;
  /** With `error`: the exception's class and the classes it derives from, nearest first (`ValueError`, `Exception`…). */
  classes?: string[];
  /** With `error`: the exception says the solution is not written yet (Python's NotImplementedError, a starter's "not implemented"). */
  notImplemented?: boolean;
  stack?: string;
  location?: HarnessLocation;
  /**
   * A compiled language's harness: where the exception was thrown, as return addresses in its program (hex, relative
   * to the program's load address), innermost first; the language module turns them into the solution's frames.
   */
  trace?: string[];
}

export type HarnessMessage =
  | { t: 'loaded' }
  | { t: 'load-error'; kind: 'load-failed' | 'not-found'; message: string; stack?: string; location?: HarnessLocation }
  | { t: 'start'; index: number }
  | {
      t: 'result';
      index: number;
      ms: number;
      /** CPU time of the call, in milliseconds, where the harness can measure it (for complexity measurement). */
      cpuMs?: number;
      /**
       * The harness process's peak resident memory, in bytes, before the case and after it, where its runtime leaves
       * memory outside any limit of its own (Node's Buffers and typed arrays): a spike during the case that is shorter
       * than the runner's reads of the tree's memory still counts.
       */
      peakRss?: [number, number];
      output: string;
      truncated: boolean;
      /** Function problems: the return value; class problems: one output per op (null for the constructor). */
      value?: unknown;
      error?: HarnessError;
      /** Class cases with a repeat block whose listed ops all matched: how the block went. */
      repeat?: HarnessRepeatOutcome;
    }
  /** The solution is exiting the process during a case (sent from an exit hook, when the runtime has one). */
  | { t: 'exit'; index: number; code: number; output?: string; truncated?: boolean }
  /**
   * A compiled language's harness: the running case is crashing with `signal` (its number), `overflow` when its stack
   * overflowed; `trace` as in HarnessError. The process then dies by that signal.
   */
  | { t: 'crash'; signal: number; overflow: boolean; trace: string[] }
  | { t: 'done' };

/**
 * The environment variable naming the file descriptor on which a harness says it is up and waiting for its job: it
 * writes one byte there and closes it, then reads the job on stdin. A process kept warm is ready once it did. The
 * harness removes the variable before the solution loads. Java's harness cannot write to the socket Node passes as a
 * fourth descriptor, and cannot take a variable out of the solution's environment: like C++'s and Go's built programs,
 * it always writes READY_LINE on stderr instead, before anything else.
 */
export const READY_FD_VAR = 'DRILLS_READY_FD';
/** The descriptor the runner gives an interpreter's harness for that byte (stdin, stdout, stderr, then this one). */
export const READY_FD = 3;
/** What a harness told to say it on stderr writes there: a line no runtime writes, taken out of what stderr shows. */
export const READY_LINE = '\u0001drills:ready\n';

/** The marker that starts every protocol message for a nonce. */
export function protocolMarker(nonce: string): string {
  return `\u0001drills:${nonce}:`;
}

/** Values nested deeper than this are not compared: the parent's comparison recurses. */
export const MAX_VALUE_DEPTH = 1000;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isIndex = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const optional = (v: unknown, check: (v: unknown) => boolean): boolean => v === undefined || v === null || check(v);
const isString = (v: unknown): boolean => typeof v === 'string';
const isAddressList = (v: unknown): boolean => Array.isArray(v) && v.length <= 1000 && v.every((a) => typeof a === 'string' && /^0x[0-9a-f]{1,16}$/.test(a));

/** How deeply arrays and objects nest in a parsed JSON value, counted without recursion. */
export function nestingDepth(value: unknown, stopAt = Infinity): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    const d = depth + 1;
    if (d > deepest) deepest = d;
    if (deepest > stopAt) return deepest;
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (typeof child === 'object' && child !== null) stack.push([child, d]);
  }
  return deepest;
}

function isLocation(v: unknown): boolean {
  return isObject(v) && isString(v.file) && isIndex(v.line) && optional(v.column, isIndex);
}

function isHarnessError(v: unknown): boolean {
  return isObject(v) && ['error', 'memory', 'exit', 'not-json', 'timeout'].includes(v.kind as string) && isString(v.message) && optional(v.stack, isString) && optional(v.location, isLocation) && optional(v.classes, (c) => Array.isArray(c) && c.every(isString)) && optional(v.notImplemented, (b) => typeof b === 'boolean') && optional(v.trace, isAddressList);
}

function isRepeatOutcome(v: unknown): boolean {
  if (!isObject(v) || typeof v.ok !== 'boolean' || !isIndex(v.times)) return false;
  return v.ok || (isIndex(v.op) && isIndex(v.i) && isString(v.name) && Array.isArray(v.args));
}

/**
 * Checks that a parsed line has the shape of a harness message: the message, or why not. A value nested deeper
 * than MAX_VALUE_DEPTH is the solution's doing: it comes back as that case's error, not as a bad message.
 */
export function parseHarnessMessage(v: unknown): HarnessMessage | string {
  if (!isObject(v)) return 'not an object';
  switch (v.t) {
    case 'loaded':
    case 'done':
      return { t: v.t };
    case 'load-error':
      if (v.kind !== 'load-failed' && v.kind !== 'not-found') return 'a load-error of an unknown kind';
      if (!isString(v.message) || !optional(v.stack, isString) || !optional(v.location, isLocation)) return 'a malformed load-error';
      return v as HarnessMessage;
    case 'crash':
      if (!isIndex(v.signal) || typeof v.overflow !== 'boolean' || !isAddressList(v.trace)) return 'a malformed crash';
      return { t: 'crash', signal: v.signal, overflow: v.overflow, trace: v.trace as string[] };
    case 'start':
      return isIndex(v.index) ? { t: 'start', index: v.index } : `a start with a bad index (${JSON.stringify(v.index)?.slice(0, 40)})`;
    case 'exit':
      if (!isIndex(v.index) || typeof v.code !== 'number' || !optional(v.output, isString) || !optional(v.truncated, (x) => typeof x === 'boolean')) return 'a malformed exit';
      return v as HarnessMessage;
    case 'result': {
      if (!isIndex(v.index)) return `a result with a bad index (${JSON.stringify(v.index)?.slice(0, 40)})`;
      if (typeof v.ms !== 'number' || !Number.isFinite(v.ms) || !isString(v.output) || typeof v.truncated !== 'boolean') return 'a malformed result';
      if (v.cpuMs !== undefined && (typeof v.cpuMs !== 'number' || !Number.isFinite(v.cpuMs))) return 'a malformed result';
      if (v.peakRss !== undefined && !(Array.isArray(v.peakRss) && v.peakRss.length === 2 && v.peakRss.every((x) => typeof x === 'number' && Number.isFinite(x) && x >= 0))) return 'a malformed result';
      if (!optional(v.error, isHarnessError) || !optional(v.repeat, isRepeatOutcome)) return 'a result with a malformed error or repeat block';
      if (v.error === undefined && nestingDepth([v.value, v.repeat], MAX_VALUE_DEPTH + 1) > MAX_VALUE_DEPTH + 1) {
        const rest: Record<string, unknown> = { ...v };
        delete rest.value;
        delete rest.repeat;
        return { ...rest, error: { kind: 'not-json', message: `returned a value nested deeper than ${MAX_VALUE_DEPTH} levels` } } as HarnessMessage;
      }
      return v as HarnessMessage;
    }
    default:
      return `an unknown message type (${JSON.stringify(v.t)?.slice(0, 40)})`;
  }
}

/**
 * Splits a harness's stdout into protocol messages and raw output, in time linear in what arrives (a message of
 * 50 MB comes in thousands of chunks: only each new chunk is searched for the newline). Memory stays bounded however
 * much raw output arrives without a newline: only a marker-sized tail is held back. A line after the marker that is
 * not a valid message goes to `onBadMessage` with the reason.
 */
export class ProtocolReader {
  private pending = '';
  /** The chunks of the message being read, while in a message. */
  private parts: string[] | undefined;

  constructor(
    private readonly marker: string,
    private readonly onMessage: (message: HarnessMessage) => void,
    private readonly onRaw: (text: string) => void,
    private readonly onBadMessage: (reason: string) => void = () => {},
  ) {}

  /** Feeds decoded stdout text. */
  push(text: string): void {
    let rest = text;
    for (;;) {
      if (this.parts) {
        const nl = rest.indexOf('\n');
        if (nl < 0) {
          if (rest) this.parts.push(rest);
          return;
        }
        this.parts.push(rest.slice(0, nl));
        const line = this.parts.join('');
        this.parts = undefined;
        rest = rest.slice(nl + 1);
        this.dispatch(line);
        continue;
      }
      // Outside a message at most a marker's length is held back, so this concatenation stays small.
      const scan = this.pending + rest;
      this.pending = '';
      rest = '';
      const at = scan.indexOf(this.marker);
      if (at >= 0) {
        if (at > 0) this.onRaw(scan.slice(0, at));
        rest = scan.slice(at + this.marker.length);
        this.parts = [];
        continue;
      }
      // Hold back only what could be the start of a marker split across chunks.
      const keep = Math.min(scan.length, this.marker.length - 1);
      const partial = scan.indexOf(this.marker[0], scan.length - keep);
      const cut = partial >= 0 ? partial : scan.length;
      if (cut > 0) this.onRaw(scan.slice(0, cut));
      this.pending = scan.slice(cut);
      return;
    }
  }

  private dispatch(line: string): void {
    let parsed: unknown;
    try {
      parsed = parseJsonExact(line);
    } catch (e) {
      this.onBadMessage(`a line that is not JSON (${(e as Error).message})`);
      return;
    }
    const message = parseHarnessMessage(parsed);
    if (typeof message === 'string') this.onBadMessage(message);
    else this.onMessage(message);
  }

  /** Flushes what is left when the stream ends. */
  end(): void {
    if (!this.parts && this.pending) this.onRaw(this.pending);
    this.pending = '';
    this.parts = undefined;
  }
}
