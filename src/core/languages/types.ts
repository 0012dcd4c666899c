import type { Limits, Problem } from '../pack/types';
import type { HarnessSpec } from '../runner/protocol';
import type { RunError } from '../runner/types';

/**
 * What Drills knows about one language, in one module: the registry (registry.ts) lists these, and everything
 * else (pack loading, the runner, the editor's menus and CodeLens, the schemas, the test suites) is derived from
 * that list. See docs/languages.md for how to add one.
 */
export interface LanguageModule<Id extends string = string> {
  /** The id written in packs (`defaults.languages`, `names:`, `raises:`), settings and history: `python`, `cpp`. */
  readonly id: Id;
  /** The name shown to people: `Python`, `C++`. */
  readonly label: string;
  /** The solution file's extension, with its dot: `.py`. */
  readonly extension: string;
  /** Endings of files with that extension that are not solutions (`.d.ts`). */
  readonly notSolutionSuffixes?: readonly string[];
  /** The starter's file name in a problem's `starter/` folder, and the solution's in an attempt folder: `solution.py`. */
  readonly solutionFile: string;
  /** Other keys that mean this language in a problem's `names:` and a case's `raises:` maps (`c++` for `cpp`). */
  readonly aliases: readonly string[];
  /** VS Code's language identifier of the solution file (`python`, `cpp`), for editor features scoped to it. */
  readonly editorLanguageId: string;
  /** How the compiler or interpreter is found. Languages that share a runtime share its spec (JavaScript and TypeScript: node). */
  readonly toolchain: ToolchainSpec;
  /**
   * The harness's files, relative to the runner's harness folder (out/harness); the first one is what `run` starts
   * or compiles with. A build's cache key covers all of them.
   */
  readonly harnessFiles: readonly string[];
  /**
   * Turns the solution into what the harness loads, per run, into `tmpDir` (never the workspace): TypeScript's
   * transpiling. Absent: the harness loads the solution file itself.
   */
  prepare?(solutionPath: string, tmpDir: string): Promise<PreparedCode>;
  /**
   * Compiled languages: builds the solution with the harness into an artifact that `run` starts, cached outside the
   * workspace by a hash of source + harness + signature + toolchain version (buildCache.ts does the caching). Compile
   * errors come back as a `build-failed` RunError whose diagnostics point at the user's file:line:column. A language
   * with a build step is not prestarted (its process cannot start before the build), unless it has `harnessBuild`.
   */
  build?(input: BuildInput): Promise<BuildResult>;
  /**
   * With `build`: the artifact `build` would return from its cache for this input, without building anything;
   * undefined when the solution (or the harness) was not built as it is now. A drill opened on a file built before
   * starts its program ahead of the first run with it.
   */
  cached?(input: BuildInput): Promise<string | undefined>;
  /**
   * A compiled language whose process is the same for every solution (Java: a JVM running the harness, which loads
   * the solution's classes from the folder its job names): builds that process's own files (cached, once per harness
   * and toolchain), so that the process can start before the solution is built, and wait for the next run as an
   * interpreter does (warm runs). Its artifact reaches `run` as `harnessArtifact`, and `builtJob` tells the process
   * what the solution's build made.
   */
  harnessBuild?(input: HarnessBuildInput): Promise<BuildResult>;
  /** With `harnessBuild`: what the job tells the process about the solution's build (`HarnessJob.built`). */
  builtJob?(artifact: string): Record<string, string>;
  /**
   * Starts the language's compiler as a process that waits for the next compile (Java: javac in a JVM of its own),
   * for warm runs: `build` then compiles through it (`BuildInput.compiler`). Undefined when it cannot be started.
   */
  startCompiler?(input: HarnessBuildInput): Promise<WarmCompiler | undefined>;
  /**
   * The process to start for a run: every case runs in it, reading one `HarnessJob` on stdin. The memory limit is
   * applied here (interpreter flags, GOMEMLIMIT, an RLIMIT through a wrapper) or by the harness (`job.memoryMb`);
   * the per-case CPU deadline is `job.timeMs`, which a harness may enforce itself and report as a `timeout` error.
   */
  run(context: RunContext): Launch;
  /** Whether what the dying process left on stderr says it ran out of memory. */
  outOfMemory(stderrTail: string): boolean;
  /**
   * Why the process died during a case, when its runtime says so in words (Go's `fatal error: stack overflow`, a
   * panic on a goroutine nothing recovers): the case's error, with the solution's frames and where, at
   * `solutionPath`. `dyingWords` is what the process wrote outside the protocol during the case (capped), where a
   * runtime's last words go; `death` is how it died, with what its harness said while crashing. Absent or undefined:
   * the runner's own "exited the process" message.
   */
  crashError?(dyingWords: string, solutionPath: string, death: ProcessDeath): CrashError | undefined | Promise<CrashError | undefined>;
  /**
   * A compiled language whose harness reports where an exception was thrown as addresses (`HarnessError.trace`): the
   * solution's frames there, as a stack in this language's format and the innermost frame in the solution; undefined
   * when they cannot be read (no symboliser), and the error is reported without them.
   */
  traceError?(trace: readonly string[], context: TraceContext): Promise<{ stack: string; location?: CrashError['location'] } | undefined>;
  /**
   * Resident memory the runtime itself takes on top of the problem's limit (interpreter, harness, the harness's
   * copy of a result while it sends it). The whole process tree is killed past limit + this.
   */
  readonly runtimeMb: number;
  /** Variables of the user's environment the process needs (beside the ones every language gets). */
  readonly keepEnv: RegExp;
  /** Variables the harness sets for itself. */
  readonly fixedEnv: Readonly<Record<string, string>>;
  /**
   * The frames of a stack trace as the runner reports it for this language (harness frames already removed),
   * innermost first; none when `stack` is not in this language's format.
   */
  stackFrames(stack: string): StackFrame[];
  /**
   * A pattern matching the line that defines a function, method or class named `escapedName` (already escaped for
   * a RegExp), to place a failure the runner could not place.
   */
  definitionPattern(escapedName: string): RegExp;
  /** Files the editor needs beside a solution to read it as the runner runs it (a tsconfig.json…); none when absent. */
  editorFiles?(solutionFile: string): EditorFile[];
}

/** How a toolchain is looked up; interpreters.ts does the looking, once, and remembers what it found. */
export interface ToolchainSpec {
  /**
   * The toolchain's key: the setting `drills.toolchains` maps it to a path (`{"python": "/opt/py/bin/python3"}`),
   * the CLI reads `DRILLS_TOOLCHAIN_<ID>`. Languages sharing a runtime share it (`node`).
   */
  readonly id: string;
  /** How messages name it: `Python 3`, `Node.js`, `a JDK (javac)`. */
  readonly name: string;
  /** Executables looked for on the PATH, in order. */
  readonly candidates: readonly string[];
  /** The Debian/Ubuntu package(s) that install it, named in the "not found" message: `python3`, `default-jdk-headless`. */
  readonly debianPackage: string;
  /**
   * Asks the executable found what it is (its version command). `read` turns what it printed on stdout into the
   * binary to use (a launcher such as a pyenv shim resolved to the real one) and its version, or a message when it
   * cannot be used. Absent: the executable is used as found, never started to ask.
   */
  readonly probe?: {
    readonly args: readonly string[];
    read(stdout: string, executable: string): { command?: string; version?: string } | { message: string };
  };
  /** Used when nothing is configured and no candidate is on the PATH (node: the editor's own runtime). */
  fallback?(execPath: string): Toolchain | undefined;
}

/** A toolchain found: the binary to start and what it needs. */
export interface Toolchain {
  command: string;
  /** Its version as the probe read it; part of a build's cache key. */
  version?: string;
  /** Extra variables for the child (`ELECTRON_RUN_AS_NODE=1` when the editor's own runtime stands in for node). */
  env?: Record<string, string>;
}

/** What a language needs before its harness can start: the file the harness reads. */
export type PreparedCode = { ok: true; codePath: string; cleanup?: () => void } | { ok: false; error: RunError };

/** What `LanguageModule.build` gets. */
export interface BuildInput {
  /** Absolute path of the candidate's solution; compile errors must point here. */
  solutionPath: string;
  /** The runner's harness folder: `harnessFiles` are relative to it. */
  harnessDir: string;
  /** The signature the harness calls, with this language's names. */
  spec: HarnessSpec;
  problem: Problem;
  toolchain: Toolchain;
  /** This language's folder for cached builds, outside the workspace (created on demand). */
  cacheDir: string;
  /** Where scratch files may go (never the workspace). */
  tmpDir: string;
  /** Aborted when the run is cancelled: the compiler is killed. */
  signal?: AbortSignal;
  /** A compiler that waits for the next compile (`LanguageModule.startCompiler`), when the run has one. */
  compiler?: WarmCompiler;
  /** `harnessBuild`'s artifact when the run has just made it: the build need not look it up again. */
  harnessArtifact?: string;
}

/** A compiler process kept running between builds (warm runs). */
export interface WarmCompiler {
  /**
   * Compiles with the compiler's own arguments; undefined when this process cannot (it died): the build then runs
   * the compiler command, which gives the same messages.
   */
  run(args: readonly string[], signal?: AbortSignal): Promise<{ code: number; output: string } | undefined>;
  /** Whether it can still compile. */
  readonly alive: boolean;
  /** Settles once its first compile (a warm-up) is over: compiles after it take a fraction of the first. */
  readonly warmedUp: Promise<void>;
  /** Ends the process. */
  dispose(): void;
}

/** What a language's `harnessBuild` gets: what a build gets, without the solution. */
export type HarnessBuildInput = Pick<BuildInput, 'harnessDir' | 'toolchain' | 'cacheDir' | 'tmpDir' | 'signal'>;

/** A build's outcome: the artifact `run` starts (a binary, a class folder), or why there is none. */
export type BuildResult = { ok: true; artifact: string; cached: boolean } | { ok: false; error: RunError };

/** What `LanguageModule.run` gets. */
export interface RunContext {
  toolchain: Toolchain;
  /** Absolute path of `harnessFiles[0]`. */
  harnessPath: string;
  /** The build's artifact; undefined for a language without `build`, and for one with `harnessBuild`. */
  artifact?: string;
  /** `harnessBuild`'s artifact, for a language that has one. */
  harnessArtifact?: string;
  limits: Limits;
}

/** A process to start: the command, its arguments, and variables on top of the solution's environment. */
export interface Launch {
  command: string;
  args: string[];
  env?: Record<string, string>;
}

/** One frame of a solution's stack trace, innermost first; `file` only when it names a file on disk. */
export interface StackFrame {
  label: string;
  file?: string;
  /** 1-based. */
  line?: number;
  /** 1-based. */
  column?: number;
}

/** What a language module needs to read addresses a harness reported. */
export interface TraceContext {
  solutionPath: string;
  /** The build's artifact, the program the addresses are in. */
  artifact?: string;
  /** Finds a helper program by name (addr2line): its path, or undefined when it is not installed. */
  findTool(name: string): string | undefined;
}

/** How a harness process died during a case (`LanguageModule.crashError`). */
export interface ProcessDeath extends TraceContext {
  /** The signal that ended it (`SIGSEGV`), or null when it exited. */
  signal: string | null;
  code: number | null;
  /** What the harness reported while crashing (a `crash` message), when it did. */
  crash?: { signal: number; overflow: boolean; trace: string[] };
}

/** A case's error read from how its process died (`LanguageModule.crashError`). */
export interface CrashError {
  message: string;
  stack?: string;
  location?: { file: string; line: number; column?: number };
}

/** A file written beside a solution for the editor's sake. */
export interface EditorFile {
  name: string;
  text: string;
}
