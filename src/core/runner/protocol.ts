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
  args?: unknown[];
  ops?: string[];
  opArgs?: unknown[][];
  /** With a repeat block only: the listed ops' expected values, so a wrong listed op skips the block. */
  expected?: unknown[];
  repeat?: HarnessRepeat;
}

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
  cases: HarnessCase[];
  /** Per-case cap on captured output, in bytes. */
  outputCapBytes: number;
  /** The Python harness limits its address space to its baseline plus this. */
  memoryMb: number;
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
}

export type HarnessMessage =
  | { t: 'loaded' }
  | { t: 'load-error'; kind: 'load-failed' | 'not-found'; message: string; stack?: string; location?: HarnessLocation }
  | { t: 'start'; index: number }
  | {
      t: 'result';
      index: number;
      ms: number;
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
  | { t: 'done' };

/** The marker that starts every protocol message for a nonce. */
export function protocolMarker(nonce: string): string {
  return `\u0001drills:${nonce}:`;
}

/**
 * Splits a harness's stdout into protocol messages and raw output. Memory stays bounded however
 * much raw output arrives without a newline: only a marker-sized tail is held back.
 */
export class ProtocolReader {
  private pending = '';
  private inMessage = false;

  constructor(
    private readonly marker: string,
    private readonly onMessage: (message: HarnessMessage) => void,
    private readonly onRaw: (text: string) => void,
    private readonly onBadMessage: (line: string) => void = () => {},
  ) {}

  /** Feeds decoded stdout text. */
  push(text: string): void {
    this.pending += text;
    for (;;) {
      if (this.inMessage) {
        const nl = this.pending.indexOf('\n');
        if (nl < 0) return;
        const line = this.pending.slice(0, nl);
        this.pending = this.pending.slice(nl + 1);
        this.inMessage = false;
        let parsed: unknown;
        try {
          parsed = parseJsonExact(line);
        } catch {
          this.onBadMessage(line);
          continue;
        }
        this.onMessage(parsed as HarnessMessage);
        continue;
      }
      const at = this.pending.indexOf(this.marker);
      if (at >= 0) {
        if (at > 0) this.onRaw(this.pending.slice(0, at));
        this.pending = this.pending.slice(at + this.marker.length);
        this.inMessage = true;
        continue;
      }
      // Hold back only what could be the start of a marker split across chunks.
      const keep = Math.min(this.pending.length, this.marker.length - 1);
      let cut = this.pending.length - keep;
      const partial = this.pending.indexOf(this.marker[0], cut);
      cut = partial >= 0 ? partial : this.pending.length;
      if (cut > 0) this.onRaw(this.pending.slice(0, cut));
      this.pending = this.pending.slice(cut);
      return;
    }
  }

  /** Flushes what is left when the stream ends. */
  end(): void {
    if (!this.inMessage && this.pending) this.onRaw(this.pending);
    this.pending = '';
    this.inMessage = false;
  }
}
