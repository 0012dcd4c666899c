import type { Language, Problem } from '../pack/types';
import { timesEnded } from './cleanup';
import type { WarmCompiler } from '../languages/types';
import { prestartHarness, runSolution, startWarmCompiler } from './run';
import type { PrestartedHarness, RunOptions, RunResult, RunnerEnv } from './types';

/** How long a warm process may wait for a run before it is ended (5 minutes). */
export const DEFAULT_WARM_IDLE_MS = 5 * 60_000;

/** The timers a warm runner uses, injected so tests end an idle process without waiting. */
export interface WarmTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const systemTimers: WarmTimers = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    // An idle timer must not keep the CLI or a test process alive on its own.
    handle.unref();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** What a warm runner keeps a process ready for: one solution of one language (the active drill's). */
export interface WarmRunnerOptions {
  language: Language;
  /** The solution file; its folder is the working folder of the process, as in a cold run. */
  solutionPath: string;
  /** The memory limit the process starts with (the problem's); a run with another limit starts a cold process. */
  memoryMb?: number;
  /**
   * The problem (C++, Go): its signature is part of the build, so with it a program built before for the file as it
   * is now is found in the cache and started when the drill opens, before any run.
   */
  problem?: Problem;
  env: RunnerEnv;
  /** How long a waiting process may stay unused before it is ended (default 5 minutes). */
  idleMs?: number;
  timers?: WarmTimers;
}

/** Every warm runner not disposed: their waiting processes die with this process. */
const liveRunners = new Set<WarmRunner>();
let exitHookInstalled = false;

/**
 * Keeps the next harness process of one solution started and waiting, so a run after an edit costs loading the
 * solution and its cases, not starting the interpreter. The process is started exactly as a cold run starts it (same
 * arguments, limits, environment, process-tree marker) and waits before loading anything; a run takes it and gives
 * it the solution and the cases as a cold run does, so verdicts and limits are those of a cold run, and the CPU time
 * it spent waiting is not counted (the limit is measured per case). Each run gets a fresh process: the next one is
 * started once the run ended, never reused. An unused process is ended after `idleMs` and on `dispose`; until then
 * `endAllRuns` (a signal, the editor closing) and this process's exit kill it too.
 *
 * Java's process is the JVM running the harness alone (the solution's classes are named in the job), so it waits warm
 * like an interpreter. C++'s and Go's process is the build's artifact: the next one is started from the program the
 * last run built, and a run takes it only when its own build is that program (the file unchanged since); after an
 * edit the run builds and starts its program cold, and warms the next one from it.
 */
export class WarmRunner {
  private readonly idleMs: number;
  private readonly timers: WarmTimers;
  private memoryMb: number | undefined;
  /** The process waiting for the next run, while it is being started or waits. */
  private waiting: Promise<PrestartedHarness | undefined> | undefined;
  /** That process once started: what a synchronous dispose (on exit) kills. */
  private started: PrestartedHarness | undefined;
  /** Processes a run took while they were still starting: theirs to use, not to end. */
  private readonly handedOver = new WeakSet<Promise<PrestartedHarness | undefined>>();
  private idleTimer: unknown;
  /** The language's compiler kept running between runs (Java's javac), started with the first process. */
  private compiler: Promise<WarmCompiler | undefined> | undefined;
  private disposed = false;
  /** Set from the end of a run until the next process is being started (warmAfterRun). */
  private warmDue: Promise<void> | undefined;
  /** The program the last run built (C++, Go), which the next process is started from. */
  private artifact: string | undefined;
  /** `timesEnded()` when this runner was made: once every run was ended (a signal, the editor closing), it warms no more. */
  private readonly endedBefore = timesEnded();

  constructor(private readonly options: WarmRunnerOptions) {
    this.idleMs = options.idleMs ?? DEFAULT_WARM_IDLE_MS;
    this.timers = options.timers ?? systemTimers;
    this.memoryMb = options.memoryMb;
    liveRunners.add(this);
    if (!exitHookInstalled) {
      exitHookInstalled = true;
      // A process that exits without disposing (an uncaught error) leaves no waiting harness behind.
      process.on('exit', () => [...liveRunners].forEach((r) => r.dispose()));
    }
  }

  get language(): Language {
    return this.options.language;
  }

  get solutionPath(): string {
    return this.options.solutionPath;
  }

  /**
   * Starts the next process unless one is already started or waiting (when a drill opens, and after each run).
   * Nothing is started when the toolchain cannot be found, nor for C++ or Go while the file as it is has no program
   * (from the last run, or in the build cache for `problem`): runs are then cold.
   */
  warm(): void {
    if (timesEnded() !== this.endedBefore) this.dispose();
    if (this.disposed) return;
    if (this.waiting) {
      // Asked again (the drill became active again): the waiting process is in use, not idle.
      this.restartIdleTimer();
      return;
    }
    this.warmCompiler();
    const started = prestartHarness(
      {
        language: this.options.language,
        solutionPath: this.options.solutionPath,
        ...(this.memoryMb !== undefined ? { memoryMb: this.memoryMb } : {}),
        ...(this.artifact !== undefined ? { artifact: this.artifact } : {}),
        ...(this.options.problem ? { problem: this.options.problem } : {}),
      },
      this.options.env,
    ).catch(() => undefined);
    this.waiting = started;
    void started.then((harness) => {
      if (this.waiting === started) this.started = harness;
      // Disposed (or idle) while it started; a run that took it meanwhile uses it and ends it itself.
      else if (!this.handedOver.has(started)) harness?.dispose();
    });
    this.restartIdleTimer();
  }

  /**
   * The id of the process waiting for the next run, once it is up and waiting (and the compiler waiting beside it,
   * if any, has warmed up); undefined when there is none. While it is awaited it keeps this process alive, which a
   * waiting process alone does not.
   */
  async ready(): Promise<number | undefined> {
    const hold = setInterval(() => undefined, 60_000);
    try {
      await this.warmDue;
      const harness = await this.waiting;
      if (!harness || !(await harness.ready)) return undefined;
      await (await this.compiler)?.warmedUp;
      return harness.pid;
    } finally {
      clearInterval(hold);
    }
  }

  /**
   * Runs the solution in the waiting process (a cold one when none waits, or when it was started differently from
   * what this run needs), then starts the next one.
   */
  async run(opts: Omit<RunOptions, 'prestarted'>): Promise<RunResult> {
    // A run right after another takes the process that one started.
    await this.warmDue;
    this.memoryMb = opts.problem.limits.memoryMb;
    const taken = this.waiting;
    if (taken) this.handedOver.add(taken);
    this.waiting = undefined;
    this.started = undefined;
    this.clearIdleTimer();
    const prestarted = await taken;
    const compiler = await this.compiler;
    try {
      const onArtifact = (artifact: string): void => {
        this.artifact = artifact;
        opts.onArtifact?.(artifact);
      };
      return await runSolution({ ...opts, ...(prestarted ? { prestarted } : {}), ...(compiler?.alive ? { compiler } : {}), onArtifact }, this.options.env);
    } finally {
      this.warmAfterRun();
    }
  }

  /**
   * Starts the next process once the caller had the result: spawning it takes a millisecond or two of this thread,
   * which the verdicts need not wait for. `ready` waits for it.
   */
  private warmAfterRun(): void {
    const due = new Promise<void>((resolve) =>
      setImmediate(() => {
        if (this.warmDue === due) this.warmDue = undefined;
        this.warm();
        resolve();
      }),
    );
    this.warmDue = due;
  }

  /** Ends the waiting process (if any) and starts no other one; safe to call more than once. */
  dispose(): void {
    this.disposed = true;
    liveRunners.delete(this);
    this.endWaiting();
  }

  /** Disposes, and resolves once a process still starting was ended too. */
  async close(): Promise<void> {
    const waiting = this.waiting;
    const compiler = this.compiler;
    this.dispose();
    await waiting?.then((harness) => harness?.dispose());
    await compiler?.then((c) => c?.dispose());
  }

  /** Starts the compiler that waits between runs, unless it runs already. */
  private warmCompiler(): void {
    const current = this.compiler;
    if (current) {
      // Started already: started again only once it died (a compile that was cancelled ends it).
      void current.then((c) => {
        if (this.compiler === current && c && !c.alive && !this.disposed) {
          this.compiler = undefined;
          this.warmCompiler();
        }
      });
      return;
    }
    const started = startWarmCompiler(this.options.language, this.options.env).catch(() => undefined);
    this.compiler = started;
    void started.then((c) => {
      // Ended (disposed, or idle) while it started.
      if (this.compiler !== started) c?.dispose();
    });
  }

  private endWaiting(): void {
    this.clearIdleTimer();
    const compiler = this.compiler;
    this.compiler = undefined;
    void compiler?.then((c) => c?.dispose());
    const waiting = this.waiting;
    this.waiting = undefined;
    // Synchronous when the process is there (a dispose on exit has no later turn), else once it started.
    this.started?.dispose();
    this.started = undefined;
    void waiting?.then((harness) => harness?.dispose());
  }

  private restartIdleTimer(): void {
    this.clearIdleTimer();
    this.idleTimer = this.timers.setTimeout(() => {
      this.idleTimer = undefined;
      // Idle: the process goes; the next run starts cold and warms the one after it.
      this.endWaiting();
    }, this.idleMs);
  }

  private clearIdleTimer(): void {
    if (this.idleTimer !== undefined) this.timers.clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }
}

/** The solution a `WarmSlot` keeps a process for: the active drill's. */
export interface WarmTarget {
  /** What the solution belongs to (an attempt id): another key is another solution. */
  key: string;
  language: Language;
  solutionPath: string;
  memoryMb: number;
  /** See WarmRunnerOptions.problem. */
  problem?: Problem;
}

/**
 * One warm runner at most, for whichever solution is wanted now (the editor's active drill): wanting another one
 * ends the first one's process and starts the other's; wanting none ends it.
 */
export class WarmSlot {
  private current: { target: WarmTarget; runner: WarmRunner } | undefined;

  constructor(private readonly make: (target: WarmTarget) => WarmRunner) {}

  /** Keeps a process started and waiting for `target` (its idle time starts again when it already waits). */
  want(target: WarmTarget | undefined): void {
    if (this.current && (!target || !sameSolution(this.current.target, target))) this.clear();
    if (!target) return;
    if (!this.current) this.current = { target, runner: this.make(target) };
    this.current.runner.warm();
  }

  /** The runner for a solution, when the slot holds that one. */
  runnerFor(target: Omit<WarmTarget, 'memoryMb'>): WarmRunner | undefined {
    return this.current && sameSolution(this.current.target, target) ? this.current.runner : undefined;
  }

  /** Ends the process, whatever solution it was for. */
  clear(): void {
    this.current?.runner.dispose();
    this.current = undefined;
  }
}

function sameSolution(a: Omit<WarmTarget, 'memoryMb'>, b: Omit<WarmTarget, 'memoryMb'>): boolean {
  return a.key === b.key && a.language === b.language && a.solutionPath === b.solutionPath;
}
