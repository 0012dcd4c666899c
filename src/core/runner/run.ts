import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Readable } from 'node:stream';
import { stringifyJsonExact } from '../exactJson';
import { DEFAULT_LIMITS } from '../pack/constants';
import type { Language, Limits, Problem, TestCase } from '../pack/types';
import { loadChecker, runChecker, type CheckerScript, type CheckItem } from './checker';
import { registerCleanup, timesEnded } from './cleanup';
import { compareValues, floatEqual, preview, typeMismatch } from './compare';
import { describeDifference } from './difference';
import { NODE_TOOLCHAIN } from '../languages/node';
import { languageById } from '../languages/registry';
import type { HarnessBuildInput, LanguageModule, WarmCompiler } from '../languages/types';
import { defaultBuildCacheDir } from '../languages/buildCache';
import { judgeDigest } from './digest';
import { withGeneratedCases } from './generator';
import { solutionEnv } from './languages';
import { findOnPath } from './interpreters';
import { HAS_PROC, ProcessTree, killGroup, newRunMarker, pidMark } from './processTree';
import { ProtocolReader, READY_FD, READY_FD_VAR, READY_LINE, protocolMarker, type HarnessCase, type HarnessError, type HarnessInput, type HarnessJob, type HarnessMessage, type HarnessSpec } from './protocol';
import type { CaseResult, Interpreter, PrestartedHarness, RunError, RunOptions, RunResult, RunnerEnv, Verdict } from './types';

/** Per-case cap on what a solution prints, in characters, in the harness and again in the parent. */
export const OUTPUT_CAP = 1024 * 1024;
/** Extra time for the first case of each process: the first call may compile and import. */
const FIRST_CASE_ALLOWANCE_MS = 200;
/** Loading (interpreter start + the solution's top-level code) may take this long on top of the time limit. */
const LOAD_ALLOWANCE_MS = 5000;
const CHECKER_TIMEOUT_MS = 10_000;
/**
 * A case may take this many times its limit in wall time before it is killed, on a machine too busy to give it the
 * CPU time: the limit itself is on CPU time, so a busy machine does not turn a fast solution into a timeout.
 */
const WALL_CLOCK_FACTOR = 3;
/**
 * Once a case timed out, the rest of the run gets this many time limits of wall time, shared, plus the time the
 * interpreter took to start and load the solution in this run (it starts again after the kill): cases that did not
 * finish by then are reported not run. A run whose cases all hang takes about 2 × timeMs + start-up whatever their
 * number (on a machine too busy to give the first one its CPU time, up to WALL_CLOCK_FACTOR + 1 times).
 */
const AFTER_TIMEOUT_FACTOR = 1;
/** How often the process tree's memory is read; every MEMORY_FULL_SCAN_EVERY-th read also looks for new processes. */
const MEMORY_POLL_MS = 50;
const MEMORY_FULL_SCAN_EVERY = 5;
/** After the harness exited, how long the pipes may stay open (held by a process no scan could find) before they are closed. */
const PIPE_GRACE_MS = 500;
const MB = 1024 * 1024;

/**
 * What a case with a repeat block expects: the listed ops' values, then a summary of the block, which
 * the Testing view shows beside the actual summary (`ok: false` with the first differing op).
 */
export function expectedWithRepeat(c: TestCase): unknown {
  if (!c.repeat) return c.expected;
  return [...(Array.isArray(c.expected) ? c.expected : []), { repeat: { times: c.repeat.times, ok: true } }];
}

/** The harness's view of the problem's signature, with the names used in this language. */
export function harnessSpecFor(problem: Problem, language: RunOptions['language']): HarnessSpec | RunError {
  if (problem.class) {
    const cls = problem.class;
    const ctor = cls.methods.find((m) => m.name === cls.name);
    return {
      kind: 'class',
      name: cls.names?.[language] ?? cls.name,
      ctorParams: (ctor?.params ?? []).map((p) => p.type),
      methods: Object.fromEntries(
        cls.methods
          .filter((m) => m !== ctor)
          .map((m) => [m.name, { name: m.names?.[language] ?? m.name, params: m.params.map((p) => p.type), returns: m.returns }]),
      ),
    };
  }
  if (problem.function) {
    const fn = problem.function;
    return { kind: 'function', name: fn.names?.[language] ?? fn.name, params: fn.params.map((p) => p.type), returns: fn.returns };
  }
  return { kind: 'harness', message: `Problem ${problem.id} declares neither a function nor a class to test.` };
}

/** "an IllegalArgumentException", "a ValueError": a class name with the article it is read with. */
function withArticle(className: string): string {
  return `${/^[aeiou]/i.test(className) ? 'an' : 'a'} ${className}`;
}

/** The exception class a `raises` case names for a language, if it names one. */
function expectedException(c: TestCase, language: Language): string | undefined {
  return c.raises && c.raises !== true ? c.raises[language] : undefined;
}

/**
 * The verdict on an exception the solution raised, when the exception decides it: a "not implemented" one never
 * passes (a starter must not pass the cases that expect an error), and a `raises` case passes only on the
 * exception it names. Undefined when the exception is an ordinary error of a case that expected a value.
 */
function judgeRaised(c: TestCase, language: Language, error: HarnessError): Pick<CaseResult, 'verdict' | 'message'> | undefined {
  const wanted = expectedException(c, language);
  const isWanted = wanted !== undefined && (error.classes ?? []).includes(wanted);
  // Only a case naming NotImplementedError itself expects one; `raises: Error` must not pass a starter's Error.
  if (error.notImplemented && wanted !== 'NotImplementedError') return { verdict: 'error', message: `Not implemented yet: ${error.message}` };
  if (!c.raises) return undefined;
  if (wanted === undefined || isWanted) return { verdict: 'passed', message: `Raised as expected: ${error.message}` };
  return { verdict: 'failed', message: `Expected ${withArticle(wanted)}, but the solution raised ${error.message}.` };
}

/** Text kept up to a cap; what comes after is dropped but counted as truncation. */
class CappedText {
  text = '';
  truncated = false;
  add(more: string): void {
    if (this.truncated) return;
    const room = OUTPUT_CAP - this.text.length;
    if (more.length > room) {
      this.text += more.slice(0, room);
      this.truncated = true;
    } else {
      this.text += more;
    }
  }
}

type SessionOutcome =
  | { kind: 'ended'; progressed: boolean; detail: string }
  | { kind: 'load-error'; error: RunError; output: string }
  | { kind: 'protocol-error'; message: string }
  | { kind: 'deadline' }
  | { kind: 'aborted' };

/** How a harness process is started; a prestarted one is reused only when every part of this is the same. */
interface HarnessLaunch {
  command: string;
  args: string[];
  /** Variables the language's `run` asked for, on top of the solution's environment. */
  env: Record<string, string>;
  cwd: string;
  interpreter: Interpreter;
}

function harnessLaunch(
  runner: LanguageModule,
  interpreter: Interpreter,
  harnessDir: string,
  solutionPath: string,
  limits: Limits,
  built: { artifact?: string; harnessArtifact?: string },
): HarnessLaunch {
  const harnessPath = path.join(harnessDir, runner.harnessFiles[0]);
  // A process that starts before the solution's build (harnessBuild) is launched the same whatever that build made.
  const { artifact, harnessArtifact } = built;
  const launch = runner.run({
    toolchain: interpreter,
    harnessPath,
    limits,
    ...(runner.harnessBuild ? (harnessArtifact !== undefined ? { harnessArtifact } : {}) : artifact !== undefined ? { artifact } : {}),
  });
  return { command: launch.command, args: launch.args, env: launch.env ?? {}, cwd: path.dirname(solutionPath), interpreter };
}

/** What a language's build steps get besides the solution: where its cached builds and scratch files go. */
function harnessBuildInput(runner: LanguageModule, toolchain: Interpreter, env: RunnerEnv, signal?: AbortSignal): HarnessBuildInput {
  return {
    harnessDir: env.harnessDir,
    toolchain,
    cacheDir: path.join(env.buildCacheDir ?? defaultBuildCacheDir(process.env, os.homedir()), runner.id),
    tmpDir: env.tmpDir ?? os.tmpdir(),
    ...(signal ? { signal } : {}),
  };
}

/**
 * Where a harness says it is up and waiting for its job: an interpreter's on a fourth descriptor (READY_FD); a JVM,
 * which cannot write to the socket Node passes there, and C++'s and Go's built programs, as READY_LINE on stderr.
 */
const readyChannel = (runner: LanguageModule): 'fd' | 'stderr' => (!runner.build ? 'fd' : 'stderr');

/**
 * Whether the language's process can start before the solution is built (an interpreter, Java's JVM running the
 * harness alone). C++'s and Go's process is the build's artifact: it can wait warm only for a build already made.
 */
const startsBeforeBuild = (runner: LanguageModule): boolean => !runner.build || runner.harnessBuild !== undefined;

const launchKey = (l: HarnessLaunch): string => JSON.stringify([l.command, l.args, l.env, l.cwd, l.interpreter.env ?? {}]);

function spawnHarness(launch: HarnessLaunch, runner: LanguageModule, marker: string): ChildProcessWithoutNullStreams {
  return spawn(launch.command, launch.args, {
    cwd: launch.cwd,
    // Its own session and process group; the marker in its environment finds whatever leaves both.
    detached: true,
    // Every harness says when it is up and waiting for its job (readyChannel), cold or warm alike.
    stdio: readyChannel(runner) === 'fd' ? ['pipe', 'pipe', 'pipe', 'pipe'] : ['pipe', 'pipe', 'pipe'],
    env: {
      ...solutionEnv(runner, launch.interpreter, marker, process.env, launch.env),
      // A harness that says it on stderr always does: nothing in the solution's environment tells it so.
      ...(readyChannel(runner) === 'fd' ? { [READY_FD_VAR]: String(READY_FD) } : {}),
    },
  }) as ChildProcessWithoutNullStreams;
}

/** A harness process with what finds every process it starts. */
interface Harness {
  child: ChildProcessWithoutNullStreams;
  marker: string;
  tree: ProcessTree | undefined;
  /** True once the harness said it waits for its job; false when it ended (or cannot say so) first. */
  ready: Promise<boolean>;
  /** performance.now() at its spawn, and when it said it was ready. */
  spawnedAt: number;
  readyAt?: number;
}

/**
 * How long the interpreter has spent starting so far, not counting the time it waited for its job after it was ready:
 * a process that waited warm is charged its start-up as a cold one is (the time allowed after a time-out includes it).
 */
function startCostMs(h: Harness): number {
  return (h.readyAt ?? performance.now()) - h.spawnedAt;
}

function startHarness(launch: HarnessLaunch, runner: LanguageModule): Harness {
  const marker = newRunMarker();
  // Before the spawn: everything the harness starts gets a pid given out after this mark.
  const mark = pidMark();
  const spawnedAt = performance.now();
  const child = spawnHarness(launch, runner, marker);
  const readyPipe = child.stdio[READY_FD] as Readable | null | undefined;
  const harness: Harness = { child, marker, tree: child.pid !== undefined ? new ProcessTree(child.pid, marker, mark) : undefined, ready: Promise.resolve(false), spawnedAt };
  harness.ready = new Promise<boolean>((resolve) => {
    if (readyChannel(runner) === 'stderr') {
      // Its first line on stderr; the run's own stderr reader drops that line (readyLineDue in runSession).
      let head = '';
      const onData = (d: Buffer | string): void => {
        head += typeof d === 'string' ? d : d.toString('utf8');
        if (head.includes(READY_LINE) || head.length >= READY_LINE.length * 4) {
          child.stderr.off('data', onData);
          if (head.includes(READY_LINE)) harness.readyAt = performance.now();
          resolve(head.includes(READY_LINE));
        }
      };
      child.stderr.on('data', onData);
      child.on('exit', () => resolve(false));
      child.on('error', () => resolve(false));
      return;
    }
    if (!readyPipe) return resolve(false);
    readyPipe.once('data', () => {
      harness.readyAt = performance.now();
      resolve(true);
    });
    readyPipe.on('error', () => resolve(false));
    readyPipe.on('close', () => resolve(false));
  });
  // A process the solution started could hold the descriptor open (a harness that never closes it): the run must
  // not wait for that pipe to close once the harness is gone.
  child.on('exit', () => readyPipe?.destroy());
  child.on('error', () => readyPipe?.destroy());
  return harness;
}

/** Kills a harness and everything it started (its process group alone where there is no /proc). */
function killHarness(h: Harness): void {
  if (h.tree) h.tree.kill();
  else killGroup(h.child.pid);
}

/** Whether the process and its pipes keep the parent's event loop alive. */
function holdEventLoop(child: ChildProcessWithoutNullStreams, hold: boolean): void {
  for (const handle of [child, child.stdin, child.stdout, child.stderr, child.stdio[READY_FD]] as unknown as ({ ref?(): void; unref?(): void } | null)[]) {
    if (hold) handle?.ref?.();
    else handle?.unref?.();
  }
}

/**
 * Starts the language's compiler as a process that waits for the next compile (`LanguageModule.startCompiler`: Java's
 * javac), for warm runs; undefined for a language without one or when its toolchain cannot be found.
 */
export async function startWarmCompiler(language: Language, env: RunnerEnv): Promise<WarmCompiler | undefined> {
  const runner = languageById(language);
  if (!runner.startCompiler) return undefined;
  const lookup = await env.interpreters.resolve(runner.toolchain.id);
  if (!lookup.ok) return undefined;
  return runner.startCompiler(harnessBuildInput(runner, lookup.interpreter, env));
}

/** How `runSession` takes a prestarted harness: its process when launched as `launch` and still alive, else none. */
const takeFromPrestarted = new WeakMap<PrestartedHarness, (launch: HarnessLaunch) => Harness | undefined>();

/**
 * Starts the harness for `language` before the problem is known, so the interpreter's start overlaps loading the
 * problem: it waits for its job on stdin. Pass it as `RunOptions.prestarted`; a run started with other limits kills
 * it and starts its own. Undefined when the interpreter cannot be found (the run reports that). Java's JVM runs the
 * harness alone (its `harnessBuild`, made here once per JDK) and waits like an interpreter. C++'s and Go's process is
 * the build's artifact: it is started only from `artifact`, a program an earlier run built (`RunOptions.onArtifact`),
 * and a run takes it only when its own build is that program (the file unchanged); undefined without one.
 */
export async function prestartHarness(
  opts: { language: Language; solutionPath: string; memoryMb?: number; artifact?: string; problem?: Problem },
  env: RunnerEnv,
): Promise<PrestartedHarness | undefined> {
  const runner = languageById(opts.language);
  const lookup = await env.interpreters.resolve(runner.toolchain.id);
  if (!lookup.ok) return undefined;
  let artifact = startsBeforeBuild(runner) ? undefined : opts.artifact;
  if (!startsBeforeBuild(runner) && artifact === undefined) artifact = await cachedProgram(runner, opts, lookup.interpreter, env);
  if (!startsBeforeBuild(runner) && (artifact === undefined || !fs.existsSync(artifact))) return undefined;
  let harnessArtifact: string | undefined;
  if (runner.harnessBuild) {
    const built = await runner.harnessBuild(harnessBuildInput(runner, lookup.interpreter, env));
    // The run builds it again and reports why it fails.
    if (!built.ok) return undefined;
    harnessArtifact = built.artifact;
  }
  const memoryMb = opts.memoryMb ?? DEFAULT_LIMITS.memoryMb;
  const launch = harnessLaunch(runner, lookup.interpreter, env.harnessDir, opts.solutionPath, { ...DEFAULT_LIMITS, memoryMb }, {
    ...(harnessArtifact !== undefined ? { harnessArtifact } : {}),
    ...(artifact !== undefined ? { artifact } : {}),
  });
  const harness0 = startHarness(launch, runner);
  const child = harness0.child;
  // Until a run takes it, it is this process's to kill on a signal.
  const unregister = registerCleanup(() => killHarness(harness0));
  let state: 'waiting' | 'taken' | 'disposed' = 'waiting';
  let ended = false;
  child.on('error', () => (ended = true));
  child.on('exit', () => (ended = true));
  child.stdin.on('error', () => {
    // Killed before it was given a job.
  });
  // While it waits it must not keep the caller alive; left behind, it reads end-of-file on stdin and exits.
  holdEventLoop(child, false);
  const harness: PrestartedHarness = {
    language: opts.language,
    memoryMb,
    pid: child.pid,
    ready: harness0.ready,
    dispose() {
      if (state !== 'waiting') return;
      state = 'disposed';
      unregister();
      killHarness(harness0);
      child.stdin.destroy();
      child.stdout.destroy();
      child.stderr.destroy();
      (child.stdio[READY_FD] as Readable | null | undefined)?.destroy();
    },
  };
  takeFromPrestarted.set(harness, (wanted) => {
    if (state !== 'waiting') return undefined;
    // A process started with another memory limit (or interpreter, or folder) must never run the cases.
    if (ended || launchKey(wanted) !== launchKey(launch)) {
      harness.dispose();
      return undefined;
    }
    state = 'taken';
    unregister();
    holdEventLoop(child, true);
    return harness0;
  });
  return harness;
}

/**
 * The program a build of the solution as it is now left in the cache (C++, Go), found without building: a drill opened
 * on a file that was built before starts its program ahead of the first run. Undefined without the problem (the
 * signature is part of the build), or when that build is not in the cache.
 */
async function cachedProgram(runner: LanguageModule, opts: { language: Language; solutionPath: string; problem?: Problem }, toolchain: Interpreter, env: RunnerEnv): Promise<string | undefined> {
  if (!opts.problem || !runner.cached) return undefined;
  const spec = harnessSpecFor(opts.problem, opts.language);
  if ('message' in spec) return undefined;
  return runner.cached({ ...harnessBuildInput(runner, toolchain, env), solutionPath: opts.solutionPath, spec, problem: opts.problem }).catch(() => undefined);
}

/** Runs a solution against a problem's hidden cases in one process (a fresh one after a kill or crash). */
export async function runSolution(opts: RunOptions, env: RunnerEnv): Promise<RunResult> {
  try {
    return await runCases(opts, env);
  } finally {
    // Unused (the run ended before starting a process): it must not outlive the run.
    opts.prestarted?.dispose();
  }
}

async function runCases(opts: RunOptions, env: RunnerEnv): Promise<RunResult> {
  const { language, solutionPath } = opts;
  let problem = opts.problem;
  const started = env.now();
  const runner = languageById(language);
  const indexes = opts.only ? [...new Set(opts.only)] : problem.cases.map((_, i) => i);
  for (const i of indexes) {
    if (!Number.isInteger(i) || i < 0 || i >= problem.cases.length) throw new RangeError(`Case index ${i} is out of range for ${problem.id} (${problem.cases.length} cases).`);
    // The loader refuses these; the harness compares repeated ops exactly and only on class instances.
    if (problem.cases[i].repeat && (problem.compare.kind !== 'exact' || !problem.class)) {
      throw new RangeError(`Case ${i} of ${problem.id} has a repeat block, which needs a class problem with exact compare.`);
    }
  }
  const results = new Map<number, CaseResult>();
  const awaitingChecker = new Map<number, CaseResult>();
  let runError: RunError | undefined;

  const baseResult = (index: number): Pick<CaseResult, 'index' | 'name' | 'tags' | 'expected' | 'durationMs' | 'output'> => {
    const c = problem.cases[index];
    const expected = expectedWithRepeat(c);
    return { index, name: c.name, tags: c.tags, ...(expected !== undefined ? { expected } : {}), durationMs: 0, output: '' };
  };
  const finish = (result: CaseResult): void => {
    if (results.has(result.index)) return;
    results.set(result.index, result);
    opts.onCase?.(result);
  };
  const finishRest = (verdict: Verdict, message: string, extra: Partial<CaseResult> = {}): void => {
    for (const i of indexes) if (!results.has(i) && !awaitingChecker.has(i)) finish({ ...baseResult(i), verdict, message, ...extra });
  };
  const done = (): RunResult => {
    const cases = indexes.map((i) => results.get(i)!);
    const passed = cases.filter((c) => c.verdict === 'passed').length;
    return { problemId: problem.id, language, solutionPath, cases, passed, failed: cases.length - passed, ...(runError ? { error: runError } : {}), durationMs: env.now() - started };
  };

  // Cases with errors were left out by the loader: the run would pass without them.
  if (problem.testsErrors?.length) {
    runError = testsBrokenError(problem);
    finishRest('notRun', runError.message);
    return done();
  }
  const spec = harnessSpecFor(problem, language);
  if ('message' in spec) {
    runError = spec;
    finishRest('notRun', spec.message);
    return done();
  }
  // The checker is read now, before any of the solution's code runs: a solution cannot change its own judge.
  let checker: CheckerScript | undefined;
  if (problem.compare.kind === 'checker') {
    const loaded = loadChecker(path.resolve(problem.dir, problem.compare.script), problem.packDir ?? problem.dir);
    if (typeof loaded === 'string') {
      runError = { kind: 'harness', message: loaded };
      finishRest('error', loaded);
      return done();
    }
    checker = loaded;
  }
  const interpreterLookup = await env.interpreters.resolve(runner.toolchain.id);
  if (!interpreterLookup.ok) {
    runError = { kind: 'interpreter-missing', message: interpreterLookup.message };
    finishRest('notRun', interpreterLookup.message);
    return done();
  }
  const interpreter = interpreterLookup.interpreter;
  // Generated inputs are made here, in Node, whatever the solution's language: every harness gets plain arguments.
  const generated = await casesWithInputs(problem, indexes, env, opts.signal);
  if (typeof generated === 'string') {
    runError = { kind: 'tests-broken', message: generated };
    finishRest('notRun', generated);
    return done();
  }
  problem = generated;
  const tmpDir = env.tmpDir ?? os.tmpdir();
  const prepared = runner.prepare ? await runner.prepare(solutionPath, tmpDir) : { ok: true as const, codePath: solutionPath };
  if (!prepared.ok) {
    runError = prepared.error;
    finishRest('error', prepared.error.message, prepared.error.location ? { location: prepared.error.location } : {});
    return done();
  }
  let artifact: string | undefined;
  let harnessArtifact: string | undefined;
  let built: Record<string, string> | undefined;
  if (runner.build) {
    const buildInput = harnessBuildInput(runner, interpreter, env, opts.signal);
    const harnessBuilt = runner.harnessBuild ? await runner.harnessBuild(buildInput) : undefined;
    const solutionBuilt =
      harnessBuilt && !harnessBuilt.ok
        ? harnessBuilt
        : await runner.build({
            ...buildInput,
            solutionPath,
            spec,
            problem,
            tmpDir,
            ...(harnessBuilt?.ok ? { harnessArtifact: harnessBuilt.artifact } : {}),
            ...(opts.compiler ? { compiler: opts.compiler } : {}),
          });
    if (!solutionBuilt.ok) {
      prepared.cleanup?.();
      runError = solutionBuilt.error;
      finishRest('error', solutionBuilt.error.message, solutionBuilt.error.location ? { location: solutionBuilt.error.location } : {});
      return done();
    }
    artifact = solutionBuilt.artifact;
    if (!startsBeforeBuild(runner)) opts.onArtifact?.(artifact);
    if (harnessBuilt?.ok) {
      harnessArtifact = harnessBuilt.artifact;
      built = runner.builtJob?.(artifact);
    }
  }

  /** The longest a harness of this run took from its start to the solution loaded. */
  let startupMs = 0;
  /** Set when a case times out: the run ends then (see AFTER_TIMEOUT_FACTOR). */
  let runDeadline: { at: number; caseIndex: number } | undefined;
  const deadlineMessage = (): string =>
    `Not run: case ${runDeadline?.caseIndex} timed out, and the cases after a time-out share one time limit (${AFTER_TIMEOUT_FACTOR * problem.limits.timeMs} ms) of wall time, plus the interpreter's start-up.`;
  const endedBefore = timesEnded();
  try {
    let remaining = indexes;
    while (remaining.length > 0) {
      if (opts.signal?.aborted || timesEnded() !== endedBefore) break;
      if (runDeadline && env.now() >= runDeadline.at) {
        finishRest('notRun', deadlineMessage());
        break;
      }
      const outcome = await runSession(remaining);
      if (outcome.kind === 'aborted') break;
      if (outcome.kind === 'deadline') {
        finishRest('notRun', deadlineMessage());
        break;
      }
      if (outcome.kind === 'protocol-error') {
        runError = { kind: 'harness', message: outcome.message };
        finishRest('error', outcome.message);
        break;
      }
      if (outcome.kind === 'load-error') {
        runError = outcome.error;
        const { location, stack } = outcome.error;
        finishRest('error', outcome.error.message, { ...(location ? { location } : {}), ...(stack ? { stack } : {}), output: outcome.output });
        break;
      }
      const next = remaining.filter((i) => !results.has(i) && !awaitingChecker.has(i));
      if (next.length > 0 && !outcome.progressed) {
        runError = { kind: 'harness', message: `The test process ended before running any case${outcome.detail ? `: ${outcome.detail}` : '.'}` };
        finishRest('error', runError.message);
        break;
      }
      remaining = next;
    }
    if (opts.signal?.aborted) finishRest('notRun', 'The run was cancelled before this case finished.');
    // Stopped from outside (endAllRuns: the CLI got a signal, the editor is closing): nothing may end up passed.
    finishRest('notRun', 'The run was stopped before this case finished.');
    if (awaitingChecker.size > 0 && checker) await judgeWithChecker(checker);
  } finally {
    prepared.cleanup?.();
  }
  return done();

  /** Turns a harness result into a verdict (comparison happens here, in the parent). */
  function judge(c: TestCase, m: Extract<HarnessMessage, { t: 'result' }>, output: CappedText): CaseResult | undefined {
    const base = { ...baseResult(m.index), durationMs: m.ms, ...(m.cpuMs !== undefined ? { cpuMs: m.cpuMs } : {}), output: output.text, ...(output.truncated ? { outputTruncated: true } : {}) };
    const error = m.error;
    if (error) {
      if (error.kind === 'error') {
        const raised = judgeRaised(c, language, error);
        if (raised?.verdict === 'passed') return { ...base, ...raised };
        if (raised) return { ...base, ...raised, ...(error.stack ? { stack: error.stack } : {}), ...(error.location ? { location: error.location } : {}) };
      }
      switch (error.kind) {
        case 'timeout':
          return { ...base, verdict: 'timeout', message: error.message };
        case 'memory':
          return { ...base, verdict: 'memory', message: `Ran out of memory (limit ${problem.limits.memoryMb} MB): ${error.message}` };
        case 'not-json':
          return { ...base, verdict: 'failed', message: `The solution ${error.message}.` };
        default:
          return { ...base, verdict: 'error', message: error.message, ...(error.stack ? { stack: error.stack } : {}), ...(error.location ? { location: error.location } : {}) };
      }
    }
    const actual = m.value;
    if (c.raises) {
      const wanted = expectedException(c, language);
      return { ...base, actual, verdict: 'failed', message: `Expected ${wanted ? withArticle(wanted) : 'an exception'}, but the solution returned ${preview(actual)}.` };
    }
    const compare = problem.compare;
    if (c.digest) {
      const judged = judgeDigest(actual, c.digest, spec.kind === 'class');
      return judged === true ? { ...base, actual, verdict: 'passed' } : { ...base, actual, verdict: 'failed', message: `${judged}.` };
    }
    if (compare.kind === 'checker') {
      awaitingChecker.set(m.index, { ...base, actual, verdict: 'notRun' });
      return undefined;
    }
    if (spec.kind === 'function') {
      if (compareValues(compare, actual, c.expected)) return { ...base, actual, verdict: 'passed' };
      const mismatch = typeMismatch(actual, spec.returns);
      const typeNote = mismatch ? ` (returned ${mismatch} where ${spec.returns} was expected)` : '';
      const text = mismatchText(compare, c.expected, actual);
      return { ...base, actual, verdict: 'failed', message: `${text[0].toUpperCase()}${text.slice(1)}${typeNote}.` };
    }
    const outputs = Array.isArray(actual) ? actual : [];
    const expected = Array.isArray(c.expected) ? c.expected : [];
    const ops = c.ops ?? [];
    for (let k = 1; k < ops.length; k++) {
      if (!compareValues(compare, outputs[k], expected[k])) {
        const method = spec.kind === 'class' ? spec.methods[ops[k]] : undefined;
        const mismatch = method ? typeMismatch(outputs[k], method.returns) : undefined;
        const typeNote = mismatch ? ` (returned ${mismatch} where ${method?.returns} was expected)` : '';
        return { ...base, actual, verdict: 'failed', message: `Op #${k} (${ops[k]}): ${mismatchText(compare, expected[k], outputs[k])}${typeNote}.` };
      }
    }
    if (!c.repeat) return { ...base, actual, verdict: 'passed' };
    const block = m.repeat;
    if (!block) return { ...base, actual, verdict: 'error', message: 'The test process did not report the repeat block of this case.' };
    const withSummary = [...outputs, { repeat: block }];
    if (block.ok) return { ...base, actual: withSummary, verdict: 'passed' };
    const method = spec.kind === 'class' ? spec.methods[block.name] : undefined;
    const mismatch = method ? typeMismatch(block.actual, method.returns) : undefined;
    const typeNote = mismatch ? ` (returned ${mismatch} where ${method?.returns} was expected)` : '';
    return {
      ...base,
      actual: withSummary,
      verdict: 'failed',
      message: `Op #${block.op} (${block.name}, repeat i = ${block.i}, args ${preview(block.args)}): expected ${preview(block.expected)}, got ${preview(block.actual)}${typeNote}.`,
    };
  }

  async function judgeWithChecker(script: CheckerScript): Promise<void> {
    const node = await env.interpreters.resolve(NODE_TOOLCHAIN.id);
    const items: CheckItem[] = [...awaitingChecker.values()].map((r) => {
      const c = problem.cases[r.index];
      return { index: r.index, args: c.ops ? { ops: c.ops, opArgs: c.opArgs } : (c.args ?? []), expected: c.expected, actual: r.actual };
    });
    const verdicts = node.ok
      ? await runChecker(node.interpreter, script, items, CHECKER_TIMEOUT_MS, opts.signal)
      : items.map((it) => ({ index: it.index, ok: false as const, crashed: true, reason: node.message }));
    const byIndex = new Map(verdicts.map((v) => [v.index, v]));
    for (const [index, pending] of awaitingChecker) {
      const v = byIndex.get(index);
      if (v?.ok) finish({ ...pending, verdict: 'passed' });
      else if (v && !v.crashed) finish({ ...pending, verdict: 'failed', message: v.reason });
      else finish({ ...pending, verdict: 'error', message: v?.reason ?? 'The checker gave no verdict for this case.' });
    }
    awaitingChecker.clear();
  }

  /** One harness process over `caseIndexes`, until it finishes, dies, or is killed. */
  function runSession(caseIndexes: number[]): Promise<SessionOutcome> {
    const nonce = env.nonce?.() ?? crypto.randomBytes(16).toString('hex');
    const limits = problem.limits;
    const job: HarnessJob = {
      nonce,
      solutionPath,
      codePath: prepared.ok ? prepared.codePath : solutionPath,
      spec: spec as HarnessSpec,
      ...sharedInputs(problem.cases, caseIndexes),
      outputCapBytes: OUTPUT_CAP,
      memoryMb: limits.memoryMb,
      timeMs: limits.timeMs,
      ...(opts.measuring ? { measuring: true } : {}),
      ...(built ? { built } : {}),
    };
    return new Promise((resolve) => {
      const launch = harnessLaunch(runner, interpreter, env.harnessDir, solutionPath, limits, { ...(artifact !== undefined ? { artifact } : {}), ...(harnessArtifact !== undefined ? { harnessArtifact } : {}) });
      // Only the first process can be a prestarted one: taking it is one-shot.
      const harness = (opts.prestarted && takeFromPrestarted.get(opts.prestarted)?.(launch)) || startHarness(launch, runner);
      const { child, tree } = harness;
      const spawnedAt = env.now() - startCostMs(harness);
      type RunningCase = { index: number; startedAt: number; raw: CappedText; crash?: Extract<HarnessMessage, { t: 'crash' }> };
      let current: RunningCase | undefined;
      /**
       * The case whose tree CPU time at its start is still to be read, and that reading. It is read once the messages
       * that arrived with the case's start are handled (a microtask later), not at once: most cases end in the same
       * chunk of messages and need no reading of /proc, and a case still running has been charged nothing for those
       * microseconds, as it is not for the time its start message took to arrive.
       */
      let baselineDue: { of: RunningCase; cpuAtStart?: number } | undefined;
      /** The running case's CPU time budget, from its baseline, and what ends it once spent. */
      let cpuLimit: { baseline: { of: RunningCase; cpuAtStart?: number }; budget: number; onDeadline: () => void } | undefined;
      const readBaseline = (): void => {
        const due = baselineDue;
        baselineDue = undefined;
        if (due && current === due.of) due.cpuAtStart = tree?.usage(false)?.cpuMs;
      };
      /** Cases whose error is being traced back to the solution's lines: judged once that is done, before the run goes on. */
      const tracing: Promise<void>[] = [];
      const traceContext = { solutionPath, ...(artifact !== undefined ? { artifact } : {}), findTool: env.findTool ?? ((name: string) => findOnPath(name, process.env.PATH)) };
      let casesStarted = 0;
      let progressed = false;
      let loaded = false;
      let killedFor: 'timeout' | 'abort' | 'load-timeout' | 'memory' | 'protocol' | 'deadline' | 'done' | undefined;
      let protocolError: string | undefined;
      let memoryUsedMb = 0;
      let loadError: Extract<HarnessMessage, { t: 'load-error' }> | undefined;
      /** The last of what the process wrote outside messages, on either pipe: a runtime's last words as it died. */
      let rawTail = '';
      let spawnError: Error | undefined;
      let caseTimer: NodeJS.Timeout | undefined;
      let pipeTimer: NodeJS.Timeout | undefined;
      const loose = new CappedText();
      const loadTimeoutMs = env.loadTimeoutMs ?? LOAD_ALLOWANCE_MS + limits.timeMs;

      const killTree = (): void => killHarness(harness);
      const stop = (why: NonNullable<typeof killedFor>): void => {
        if (killedFor === undefined) killedFor = why;
        killTree();
      };
      /** Ends the pipes from this side: whatever still holds them (a process no scan found) is not waited for. */
      const closePipes = (): void => {
        child.stdin.destroy();
        child.stdout.destroy();
        child.stderr.destroy();
      };
      // A signal to this process (the CLI's Ctrl-C, the editor closing) kills the tree before it exits.
      const unregister = registerCleanup(() => {
        stop('abort');
        closePipes();
      });
      const loadTimer = setTimeout(() => stop('load-timeout'), loadTimeoutMs);
      const deadlineTimer = runDeadline ? setTimeout(() => stop('deadline'), Math.max(0, runDeadline.at - env.now())) : undefined;
      const onAbort = (): void => stop('abort');
      opts.signal?.addEventListener('abort', onAbort);

      // Memory is enforced on the whole tree from here, whatever the language does inside: Buffers outside the JS
      // heap, child processes and a raised RLIMIT_AS all show in resident memory.
      const memoryLimitBytes = (limits.memoryMb + runner.runtimeMb) * MB;
      let ticks = 0;
      // The same reading holds the running case to its time limit as soon as the tree's CPU time reaches it: a
      // solution whose processes or threads use several cores gets there before its limit in wall time, when the
      // case's own timer looks next.
      const memoryWatch = tree && HAS_PROC
        ? setInterval(() => {
            if (killedFor !== undefined) return;
            const usage = tree.usage(ticks++ % MEMORY_FULL_SCAN_EVERY === 0);
            if (usage && usage.rssBytes > memoryLimitBytes) {
              memoryUsedMb = Math.round(usage.rssBytes / MB);
              stop('memory');
              return;
            }
            // The run's deadline, once passed, judges the case instead (its timer is due in this same turn when the
            // parent was held up).
            if (runDeadline && env.now() >= runDeadline.at) return;
            const timed = cpuLimit;
            const cpuAtStart = timed?.baseline.cpuAtStart;
            if (usage && timed && current === timed.baseline.of && cpuAtStart !== undefined && usage.cpuMs - cpuAtStart >= timed.budget) timed.onDeadline();
          }, MEMORY_POLL_MS)
        : undefined;

      const endCase = (result: CaseResult): void => {
        clearTimeout(caseTimer);
        current = undefined;
        progressed = true;
        finish(result);
      };
      const bad = (reason: string): void => {
        if (killedFor !== undefined) return;
        protocolError = reason;
        stop('protocol');
      };
      const onRaw = (text: string): void => {
        rawTail = (rawTail + text).slice(-8192);
        (current ? current.raw : loose).add(text);
      };
      const onMessage = (m: HarnessMessage): void => {
        // Once the process is being killed, what it still wrote is not judged. Except after a memory kill: the memory is
        // the case's that the harness had started when it was killed, and on a parent whose event loop was held up,
        // the messages that said so (written before the kill) may still be in the pipe behind the memory reading.
        if (killedFor !== undefined && killedFor !== 'memory') return;
        switch (m.t) {
          case 'loaded':
            loaded = true;
            startupMs = Math.max(startupMs, env.now() - spawnedAt);
            clearTimeout(loadTimer);
            break;
          case 'load-error':
            clearTimeout(loadTimer);
            loadError = m;
            break;
          case 'start': {
            const expected = caseIndexes[casesStarted];
            if (current || m.index !== expected) {
              bad(current ? `case ${m.index} started while case ${current.index} was running` : `case ${m.index} started where case ${expected ?? '(none)'} was next`);
              break;
            }
            const allowance = casesStarted++ === 0 ? FIRST_CASE_ALLOWANCE_MS : 0;
            current = { index: m.index, startedAt: env.now(), raw: new CappedText() };
            const timed = current;
            const budget = limits.timeMs + allowance;
            const baseline: { of: RunningCase; cpuAtStart?: number } = { of: timed };
            if (baselineDue === undefined) queueMicrotask(readBaseline);
            baselineDue = baseline;
            const onDeadline = (): void => {
              // Once the process is being killed for another reason (the run's deadline after a time-out, memory, a
              // cancel), that reason judges the case: on a parent whose event loop was held up, both timers can be due
              // in one turn, the run's deadline first.
              if (current !== timed || killedFor !== undefined) return;
              // The limit is on the CPU time of the whole process tree where the system reports it (children
              // included), so a busy machine does not turn a fast solution into a timeout; wall time is capped anyway.
              const cpuNow = tree?.usage()?.cpuMs;
              const cpuAtStart = baseline.cpuAtStart;
              if (cpuAtStart !== undefined && cpuNow !== undefined) {
                const left = budget - (cpuNow - cpuAtStart);
                const wallLeft = budget * WALL_CLOCK_FACTOR - (env.now() - timed.startedAt);
                if (left > 10 && wallLeft > 10) {
                  caseTimer = setTimeout(onDeadline, Math.min(left, wallLeft));
                  return;
                }
              }
              stop('timeout');
              runDeadline ??= { at: env.now() + AFTER_TIMEOUT_FACTOR * limits.timeMs + startupMs, caseIndex: timed.index };
              const out = timed.raw;
              endCase({
                ...baseResult(timed.index),
                verdict: 'timeout',
                message: `Exceeded the time limit of ${limits.timeMs} ms.`,
                durationMs: env.now() - timed.startedAt,
                output: out.text,
                ...(out.truncated ? { outputTruncated: true } : {}),
              });
            };
            caseTimer = setTimeout(onDeadline, budget);
            cpuLimit = { baseline, budget, onDeadline };
            break;
          }
          case 'result': {
            if (!current || current.index !== m.index) {
              bad(`a result for case ${m.index} while ${current ? `case ${current.index}` : 'no case'} was running`);
              break;
            }
            // The process went over the limit during this case, between two reads of the tree's memory: the case ran
            // out of memory, as if a read had seen it, and the cases after it run in a fresh process. (A peak over the
            // limit before the case, while loading, is not this case's.)
            if (m.peakRss && m.peakRss[0] <= memoryLimitBytes && m.peakRss[1] > memoryLimitBytes) {
              memoryUsedMb = Math.round(m.peakRss[1] / MB);
              stop('memory');
              break;
            }
            const out = new CappedText();
            out.add(m.output);
            out.add(current.raw.text);
            out.truncated ||= m.truncated || current.raw.truncated;
            clearTimeout(caseTimer);
            current = undefined;
            progressed = true;
            const judgeNow = (error = m.error): void => {
              const judged = judge(problem.cases[m.index], error ? { ...m, error } : m, out);
              if (judged) finish(judged);
            };
            const trace = m.error?.trace;
            if (trace?.length && runner.traceError && m.error) {
              const error = m.error;
              tracing.push(
                runner.traceError(trace, traceContext).then(
                  (traced) => judgeNow(traced ? { ...error, ...traced } : error),
                  () => judgeNow(),
                ),
              );
            } else judgeNow();
            break;
          }
          case 'exit': {
            if (!current || current.index !== m.index) {
              bad(`an exit during case ${m.index} while ${current ? `case ${current.index}` : 'no case'} was running`);
              break;
            }
            const out = new CappedText();
            out.add(m.output ?? '');
            out.add(current.raw.text);
            endCase({
              ...baseResult(m.index),
              verdict: 'error',
              message: `The solution exited the process (process.exit(${m.code})) instead of returning.`,
              durationMs: env.now() - current.startedAt,
              output: out.text,
              ...(out.truncated || m.truncated ? { outputTruncated: true } : {}),
            });
            break;
          }
          case 'crash':
            // The process dies by the signal next; this says where. Judged on close.
            if (current) current.crash ??= m;
            break;
          case 'done':
            if (current) {
              bad(`the end of the run was reported while case ${current.index} was running`);
            } else if (casesStarted < caseIndexes.length) {
              bad(`the end of the run was reported after ${casesStarted} of ${caseIndexes.length} cases`);
            } else {
              // Every case is in: the process (and anything the solution left running) goes now, rather than
              // after the interpreter's own shutdown, which the run would otherwise wait for.
              stop('done');
              // The kill returns once every process of the tree is dead: the session's outcome is known now, without
              // waiting for the harness to be reaped and its pipes to close (a JVM's threads take milliseconds to
              // tear down). The close still clears this session's timers and kills again whatever is left.
              void settle(null, null);
            }
            break;
        }
      };
      const reader = new ProtocolReader(
        protocolMarker(nonce),
        (m) => {
          try {
            onMessage(m);
          } catch (e) {
            // A message that passed validation and still broke judging: the run ends with an error, the CLI goes on.
            bad(`a message the runner could not judge (${(e as Error).message})`);
          }
        },
        onRaw,
        bad,
      );
      let exited = false;
      /**
       * After the harness exited, the pipes are closed from this side once nothing came through them for a while:
       * what still holds them then is a process no scan found. The close waits for one more poll of the pipes
       * (setImmediate runs after it), so what the harness wrote before exiting is always read first, however late
       * this process gets to it on a busy machine.
       */
      const armPipeTimer = (): void => {
        clearTimeout(pipeTimer);
        pipeTimer = setTimeout(() => setImmediate(closePipes), PIPE_GRACE_MS);
      };
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        if (exited) armPipeTimer();
        reader.push(d);
      });
      // A harness that says it is ready on stderr wrote that line first (one write, well under a pipe's atomic size).
      let readyLineDue = readyChannel(runner) === 'stderr';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        if (exited) armPipeTimer();
        let d = chunk;
        if (readyLineDue && d.includes(READY_LINE)) {
          readyLineDue = false;
          d = d.replace(READY_LINE, '');
        }
        if (d === '') return;
        onRaw(d);
      });
      child.stdin.on('error', () => {
        // The process died before reading its job: reported on close.
      });
      child.on('error', (e) => (spawnError = e));
      child.on('exit', () => {
        // Whatever the solution started dies with the harness; it would otherwise hold the pipes open.
        killTree();
        exited = true;
        armPipeTimer();
      });
      child.on('close', (code, signal) => {
        reader.end();
        clearTimeout(loadTimer);
        clearTimeout(caseTimer);
        clearTimeout(pipeTimer);
        clearTimeout(deadlineTimer);
        clearInterval(memoryWatch);
        opts.signal?.removeEventListener('abort', onAbort);
        killTree();
        unregister();
        void settle(code, signal);
      });
      /** After the process closed: the case it died in, and how the process ended, once every case is judged. */
      const settle = async (code: number | null, signal: NodeJS.Signals | null): Promise<void> => {
        await Promise.all(tracing);
        const memoryMessage = (how: string): string => `Ran out of memory (limit ${limits.memoryMb} MB): ${how}.`;
        const treeMemory = `the process and its children used ${memoryUsedMb} MB (${limits.memoryMb} MB + ${runner.runtimeMb} MB for the runtime)`;
        if (current && killedFor !== 'abort') {
          const c = current;
          const base = { ...baseResult(c.index), durationMs: env.now() - c.startedAt, output: c.raw.text, ...(c.raw.truncated ? { outputTruncated: true } : {}) };
          const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
          if (killedFor === 'memory') finish({ ...base, verdict: 'memory', message: memoryMessage(treeMemory) });
          else if (killedFor === 'protocol') finish({ ...base, verdict: 'error', message: `The test process sent a message the runner does not accept (${protocolError}).` });
          else if (killedFor === 'deadline') finish({ ...base, verdict: 'notRun', message: deadlineMessage() });
          // A runtime's out-of-memory words may be further back than the tail (Go prints every goroutine after them).
          else if (runner.outOfMemory(rawTail) || runner.outOfMemory(c.raw.text)) finish({ ...base, verdict: 'memory', message: memoryMessage(`the process ${how}`) });
          else {
            const death = { ...traceContext, signal, code, ...(c.crash ? { crash: c.crash } : {}) };
            const crash = await Promise.resolve(runner.crashError?.(c.raw.text || rawTail, solutionPath, death)).catch(() => undefined);
            // Only a kill the runner sent is a verdict of its own: any other SIGKILL came from the solution (or the system).
            const hint = signal === 'SIGSEGV' ? ' (an invalid memory access, or a stack overflow from very deep recursion)' : signal === 'SIGKILL' ? ' (not by the judge)' : '';
            if (crash) finish({ ...base, verdict: 'error', message: crash.message, ...(crash.stack ? { stack: crash.stack } : {}), ...(crash.location ? { location: crash.location } : {}) });
            else finish({ ...base, verdict: 'error', message: `The solution exited the process (it ${how}${hint}) instead of returning.` });
          }
          current = undefined;
          progressed = true;
        }
        if (spawnError) {
          resolve({ kind: 'load-error', error: { kind: 'interpreter-missing', message: `Could not start ${interpreter.command}: ${spawnError.message}` }, output: '' });
        } else if (killedFor === 'protocol') {
          resolve({ kind: 'protocol-error', message: `The test process sent a message the runner does not accept (${protocolError}): the run was stopped.` });
        } else if (loadError) {
          const { kind, message, stack, location } = loadError;
          resolve({ kind: 'load-error', error: { kind, message, ...(stack ? { stack } : {}), ...(location ? { location } : {}) }, output: loose.text });
        } else if (killedFor === 'memory' && !loaded) {
          resolve({ kind: 'load-error', error: { kind: 'load-failed', message: `The solution ran out of memory while loading: ${treeMemory}.` }, output: loose.text });
        } else if (killedFor === 'load-timeout') {
          const message = `The solution did not finish loading within ${loadTimeoutMs} ms (does its top-level code loop forever?).`;
          resolve({ kind: 'load-error', error: { kind: 'load-failed', message }, output: loose.text });
        } else if (killedFor === 'abort') {
          resolve({ kind: 'aborted' });
        } else if (killedFor === 'deadline') {
          resolve({ kind: 'deadline' });
        } else if (killedFor === 'done') {
          resolve({ kind: 'ended', progressed, detail: '' });
        } else {
          const detail = killedFor === 'memory' ? treeMemory : signal ? `it was killed by ${signal}` : code ? `it exited with code ${code}` : '';
          resolve({ kind: 'ended', progressed, detail: [detail, rawTail.trim().slice(-2000)].filter(Boolean).join('\n') });
        }
      };
      child.stdin.end(stringifyJsonExact(job));
    });
  }
}

/**
 * How an expected and an actual value differ, for a failure message: both whole when they are short, else where
 * they first differ with both sides around it (a long list's first 200 characters rarely show the fault).
 */
function mismatchText(compare: Exclude<Problem['compare'], { kind: 'checker' }>, expected: unknown, actual: unknown): string {
  const e = preview(expected);
  const a = preview(actual);
  // Unordered results have no "first" difference to point at.
  if ((e.length <= 80 && a.length <= 80) || compare.kind === 'unordered') return `expected ${e}, got ${a}`;
  const equal = compare.kind === 'float' ? (x: unknown, y: unknown) => floatEqual(y, x, compare.tolerance) : undefined;
  return describeDifference(expected, actual, equal) ?? `expected ${e}, got ${a}`;
}

/** The run's error for a problem whose hidden tests have errors: each error at its place, relative to the problem. */
function testsBrokenError(problem: Problem): RunError {
  const errors = problem.testsErrors ?? [];
  const shown = errors.slice(0, 5).map((d) => `${path.relative(problem.dir, d.file) || d.file}:${d.line}:${d.column}: ${d.message}`);
  const more = errors.length > shown.length ? `\n… and ${errors.length - shown.length} more` : '';
  const message = `The hidden tests of ${problem.id} have ${errors.length} error${errors.length === 1 ? '' : 's'}, so the run would leave cases out; fix ${errors.length === 1 ? 'it' : 'them'} first:\n${shown.join('\n')}${more}`;
  return { kind: 'tests-broken', message, diagnostics: errors };
}

/** The problem with the generated inputs of the cases to run in place, or why they could not be made. */
async function casesWithInputs(problem: Problem, indexes: number[], env: RunnerEnv, signal?: AbortSignal): Promise<Problem | string> {
  if (!indexes.some((i) => problem.cases[i].generate)) return problem;
  const node = await env.interpreters.resolve('node');
  if (!node.ok) return `Generated cases need Node to make their inputs: ${node.message}`;
  const made = await withGeneratedCases(problem, indexes, node.interpreter, signal);
  return made.ok ? made.problem : made.message;
}

/**
 * The job's cases, and the inputs several of them share sent once (`HarnessJob.inputs`): a measurement calls the
 * solution again and again on one generated input of 100,000 nodes or more, and a copy of it per call made the
 * job (and the harness's reading of it) many times larger than the input. Shared means the same array, not an
 * equal one: only cases made from one input share it.
 */
export function sharedInputs(all: readonly TestCase[], indexes: readonly number[]): { inputs?: HarnessInput[]; cases: HarnessCase[] } {
  const cases = indexes.map((i) => all[i]);
  const uses = new Map<unknown[], number>();
  const key = (c: TestCase): unknown[] | undefined => (c.repeat ? undefined : c.ops ? c.opArgs : c.args);
  for (const c of cases) {
    const k = key(c);
    if (k) uses.set(k, (uses.get(k) ?? 0) + 1);
  }
  const inputs: HarnessInput[] = [];
  const slots = new Map<unknown[], number>();
  const harnessCases = cases.map((c, i): HarnessCase => {
    const index = indexes[i];
    const k = key(c);
    if (k && uses.get(k)! > 1) {
      let slot = slots.get(k);
      if (slot === undefined) {
        slot = inputs.push(c.ops ? { ops: c.ops, opArgs: c.opArgs ?? [] } : { args: c.args ?? [] }) - 1;
        slots.set(k, slot);
      }
      return { index, input: slot };
    }
    if (!c.ops) return { index, args: c.args ?? [] };
    const listed = { index, ops: c.ops, opArgs: c.opArgs ?? [] };
    return c.repeat ? { ...listed, expected: Array.isArray(c.expected) ? c.expected : [], repeat: c.repeat } : listed;
  });
  return inputs.length > 0 ? { inputs, cases: harnessCases } : { cases: harnessCases };
}
