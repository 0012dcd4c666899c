import type { Toolchain, WarmCompiler } from '../languages/types';
import type { Diagnostic, Language, Problem, TestCase } from '../pack/types';

/** How a single hidden case ended. */
export type Verdict = 'passed' | 'failed' | 'error' | 'timeout' | 'memory' | 'notRun';

export interface CaseResult {
  /** Index of the case in `Problem.cases`. */
  index: number;
  name: string;
  tags: string[];
  verdict: Verdict;
  /** The value the solution returned (JSON-compatible), when it returned. */
  actual?: unknown;
  expected?: unknown;
  /** Why the case did not pass, in a sentence: comparison failure, error message, limit hit. */
  message?: string;
  /** The solution's own stack trace, harness frames removed, paths pointing at the user's file. */
  stack?: string;
  /** Where in the solution file the error was raised (1-based), when known. */
  location?: { file: string; line: number; column?: number };
  /** Wall-clock time of the case, in milliseconds. */
  durationMs: number;
  /** CPU time of the call, in milliseconds, when the harness measures it: steadier than wall time on a busy machine. */
  cpuMs?: number;
  /** What the solution printed during the case (stdout and stderr, capped). */
  output: string;
  /** True when `output` was cut at the cap. */
  outputTruncated?: boolean;
}

export interface RunResult {
  problemId: string;
  language: Language;
  solutionPath: string;
  cases: CaseResult[];
  passed: number;
  failed: number;
  /** A failure of the run itself (missing interpreter, solution does not load), not of a case. */
  error?: RunError;
  durationMs: number;
}

/** Errors a user can cause, as values: they are shown, never thrown. */
export interface RunError {
  /** `build-failed`: a compiled language's compiler refused the solution; `diagnostics` are at the user's lines. */
  kind: 'interpreter-missing' | 'build-failed' | 'load-failed' | 'not-found' | 'harness' | 'tests-broken';
  message: string;
  /** `tests-broken`: the errors in the problem's hidden tests, at their places (also in `Problem.testsErrors`); `build-failed`: the compiler's. */
  diagnostics?: Diagnostic[];
  stack?: string;
  location?: { file: string; line: number; column?: number };
}

export interface RunOptions {
  problem: Problem;
  language: Language;
  /** Absolute path of the candidate's solution. */
  solutionPath: string;
  /** Run only these case indexes (all when absent). */
  only?: number[];
  /** Called as each case finishes, for live progress. */
  onCase?: (result: CaseResult) => void;
  /** Aborting kills the process; cases that never reported end as `notRun`. */
  signal?: AbortSignal;
  /**
   * A harness started while the problem was loading: used for the first process when it was started the same
   * way this run would start one (same interpreter, arguments, folder), killed otherwise. The run disposes it.
   */
  prestarted?: PrestartedHarness;
  /** The run times the solution for measuring its growth (see HarnessJob.measuring). */
  measuring?: boolean;
  /** A compiler process that waits for the next compile (warm runs of a compiled language): the build uses it. */
  compiler?: WarmCompiler;
  /**
   * Told the built program the run starts, for a language whose process is its build's artifact (C++, Go): a warm
   * runner starts the next run's process from it, which that run takes only if its own build is the same program.
   */
  onArtifact?: (artifact: string) => void;
}

/** A harness process already started and waiting for its job on stdin (`prestartHarness`). */
export interface PrestartedHarness {
  readonly language: Language;
  /** The memory limit, in MB, its interpreter was started with. */
  readonly memoryMb: number;
  /** The process id; undefined when the interpreter could not be started. */
  readonly pid: number | undefined;
  /** True once the interpreter is up and waits for its job; false when it ended (or was disposed) first. */
  readonly ready: Promise<boolean>;
  /** Kills the process unless a run has taken it; safe to call more than once. */
  dispose(): void;
}

export type { Language, Problem, TestCase };

/** A toolchain's id (`ToolchainSpec.id`: `python`, `node`): what the resolver looks up. */
export type InterpreterName = string;

/** A resolved interpreter or compiler: the binary to start, its version, and extra environment variables it needs. */
export type Interpreter = Toolchain;

/** The result of looking an interpreter up: missing is a value with a message for the user. */
export type InterpreterLookup = { ok: true; interpreter: Interpreter } | { ok: false; message: string };

/** Finds interpreters; implementations cache what they find. */
export interface InterpreterResolver {
  resolve(toolchainId: InterpreterName): Promise<InterpreterLookup>;
}

/** What `runSolution` needs from its surroundings, injected so tests control it. */
export interface RunnerEnv {
  /** Absolute path of the folder holding every language's `harnessFiles` (out/harness). */
  harnessDir: string;
  interpreters: InterpreterResolver;
  now: () => number;
  /** Where transpiled solutions are written (default: os.tmpdir()); never the workspace. */
  tmpDir?: string;
  /** Where compiled languages cache their builds, one folder per language (default: `defaultBuildCacheDir`); never the workspace. */
  buildCacheDir?: string;
  /** Random marker for protocol lines (default: 16 random bytes in hex). */
  nonce?: () => string;
  /** How long loading the solution (interpreter start + top-level code) may take (default: 5000 + timeMs). */
  loadTimeoutMs?: number;
  /** Finds a helper program by name (addr2line, to read a crash's addresses): its path or undefined (default: the PATH). */
  findTool?: (name: string) => string | undefined;
}
