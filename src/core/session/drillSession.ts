import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import {
  abandon,
  finish,
  isAttemptError,
  isOpen,
  newAttemptId,
  pauseAttempt,
  recordComplexity,
  recordRun,
  resumeAttempt,
  revealHint,
  startAttempt,
  submitPlan,
  type Attempt,
  type AttemptError,
  type ComplexityRecord,
  type RunInput,
} from '../attempt/attempt';
import { isInside } from '../fs/paths';
import type { HistoryIssue, HistoryStore } from '../history/index';
import { codingKind, codingPhasePlan, type CodingSubject } from '../kinds/coding/index';
import type { ScaffoldFile } from '../kinds/types';
import type { Language, PackSummary, Phases, Problem, ProblemSummary } from '../pack/types';
import type { TimerMode } from '../timer/timer';
import { advanceAttemptPhase } from './session';

/**
 * The drill session's state machine, without the editor: it creates an attempt when a drill starts (or picks
 * up the open one of its folder), writes what the kind scaffolds, persists every change through the history
 * store, keeps the open attempts and the active one, and restores them from history after a reload. Every
 * change goes through {@link DrillSessionCore.update}, one at a time per attempt. The clock, the store, the
 * problems and the settings are injected, so it runs in plain Node.
 */

/** What the core needs of a clock: now, in epoch ms. */
export interface Clock {
  readonly now: () => number;
}

/** The wall clock. */
export const systemClock: Clock = { now: () => Date.now() };

/** Something to release; the editor's `Disposable` has this shape. */
export interface Disposable {
  dispose(): void;
}

/** A subscription point: the editor's `Event` called with one listener has this shape. */
export type Event<T> = (listener: (value: T) => unknown) => Disposable;

/**
 * Fires values to its listeners, in the order they subscribed. A listener that throws does not stop the others:
 * its error goes to `onListenerError`, or is thrown once every listener ran when there is none.
 */
export class Emitter<T> implements Disposable {
  private listeners: ((value: T) => unknown)[] = [];

  constructor(private readonly onListenerError?: (error: unknown) => void) {}

  /** Subscribes a listener until the returned value is disposed. */
  readonly event: Event<T> = (listener) => {
    this.listeners.push(listener);
    return { dispose: () => void (this.listeners = this.listeners.filter((l) => l !== listener)) };
  };

  /** Calls every listener with `value`; a listener that throws does not stop the others. */
  fire(value: T): void {
    const errors: unknown[] = [];
    for (const listener of [...this.listeners]) {
      try {
        listener(value);
      } catch (e) {
        errors.push(e);
      }
    }
    if (errors.length === 0) return;
    if (!this.onListenerError) throw errors[0];
    for (const e of errors) this.onListenerError(e);
  }

  dispose(): void {
    this.listeners = [];
  }
}

/** An attempt the session keeps open, with the problem it is about (absent when the pack is gone). */
export interface OpenDrill {
  attempt: Attempt;
  problem?: Problem;
  pack?: PackSummary;
  /** The problem's title, even when the problem could not be loaded. */
  title: string;
}

/** Where the session finds the problem of an attempt: loaded with its pack, or only a title when no pack holds it. */
export interface ProblemSource {
  describe(ref: { packId: string; problemId: string }): Promise<Omit<OpenDrill, 'attempt'>>;
}

/** The user's settings a new attempt reads. */
export interface SessionSettings {
  mode: TimerMode;
  phases?: Phases;
}

/** A drill being started: the problem, its pack's default phases, the language and where the attempt lives. */
export interface DrillStartInput {
  problem: Pick<ProblemSummary, 'id' | 'packId' | 'title' | 'minutes' | 'phases'>;
  packPhases?: Phases;
  language: Language;
  solutionPath: string;
  attemptDir: string;
}

/** What a start under a mock asks for: a share of the budget, strict mode, and the attempt when it exists. */
interface ExpectedStart {
  packId: string;
  problemId: string;
  totalMinutes?: number;
  mode?: TimerMode;
  resolve(attempt: Attempt): void;
}

export interface SessionDeps {
  /** Opens the history (called once, by `restore`). */
  openStore: () => Promise<HistoryStore>;
  clock: Clock;
  problems: ProblemSource;
  settings: () => SessionSettings;
  random?: () => number;
  log?: { info(message: string): void; error?(message: string): void };
}

export class DrillSessionCore implements Disposable {
  private readonly changed: Emitter<Attempt>;
  /** Fires after an attempt was saved (started, changed, closed). */
  readonly onDidChangeAttempt: Event<Attempt>;
  private readonly activeChanged: Emitter<OpenDrill | undefined>;
  /** Fires when the active drill changes (another attempt, or none). */
  readonly onDidChangeActive: Event<OpenDrill | undefined>;

  private store: HistoryStore | undefined;
  private readonly drills = new Map<string, OpenDrill>();
  private activeId: string | undefined;
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly expected: ExpectedStart[] = [];

  constructor(private readonly core: SessionDeps) {
    // A listener's error (a view that failed to redraw) must not turn a saved change into a failed one.
    const log = core.log;
    const onError = log?.error ? (e: unknown) => log.error?.(`A listener of the drill session failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`) : undefined;
    this.changed = new Emitter(onError);
    this.onDidChangeAttempt = this.changed.event;
    this.activeChanged = new Emitter(onError);
    this.onDidChangeActive = this.activeChanged.event;
  }

  /** The history store; opened by `restore`. */
  get history(): HistoryStore {
    if (!this.store) throw new Error('DrillSession: restore() has not run');
    return this.store;
  }

  /** The clock attempts are timed by. */
  get clock(): Clock {
    return this.core.clock;
  }

  /** The drill the user is working on, if any. */
  get active(): OpenDrill | undefined {
    return this.activeId !== undefined ? this.drills.get(this.activeId) : undefined;
  }

  /** Every open drill, oldest first. */
  get open(): OpenDrill[] {
    return [...this.drills.values()].sort((a, b) => a.attempt.timer.startedAt - b.attempt.timer.startedAt);
  }

  /** An open drill by attempt id. */
  find(attemptId: string): OpenDrill | undefined {
    return this.drills.get(attemptId);
  }

  /** The open drill whose attempt folder holds `file` (PLAN.md, the solution…). */
  drillOfFile(file: string): OpenDrill | undefined {
    const resolved = path.resolve(file);
    return this.open.reverse().find((d) => resolved === path.resolve(d.attempt.solutionPath) || path.dirname(resolved) === path.resolve(d.attempt.attemptDir));
  }

  /**
   * Opens the history and restores the open attempts, so a reload resumes them; the active one is the most
   * recently started, preferring one inside `workspaceFolders`. Damaged history files are set aside by the
   * store and returned as issues; the readable attempts are restored all the same.
   */
  async restore(workspaceFolders: readonly string[] = []): Promise<HistoryIssue[]> {
    this.store ??= await this.core.openStore();
    const { attempts, issues } = await this.store.listAttempts();
    this.drills.clear();
    for (const attempt of attempts.filter(isOpen)) this.drills.set(attempt.id, { attempt, ...(await this.core.problems.describe(attempt)) });
    this.setActive(mostRecentDrill(this.open, workspaceFolders)?.attempt.id);
    if (this.drills.size > 0) this.core.log?.info(`Restored ${this.drills.size} open attempt(s) from history.`);
    return issues;
  }

  /**
   * A drill started (or resumed): picks up the open attempt of that folder and language, or starts a new one
   * with the coding kind's phases (problem → pack → settings, or a mock's share) and the mode from the
   * settings; writes what the kind scaffolds (PLAN.md), never over a file that is there.
   */
  async start(input: DrillStartInput): Promise<Attempt> {
    const { problem } = input;
    const expectedIndex = this.expected.findIndex((e) => e.packId === problem.packId && e.problemId === problem.id);
    const expected = expectedIndex >= 0 ? this.expected.splice(expectedIndex, 1)[0] : undefined;
    const existing = expected ? undefined : this.open.find((d) => path.resolve(d.attempt.attemptDir) === path.resolve(input.attemptDir) && d.attempt.language === input.language);
    const settings = this.core.settings();
    const subject: CodingSubject = { problem, packPhases: input.packPhases, settingsPhases: settings.phases, totalMinutes: expected?.totalMinutes };
    let attempt: Attempt;
    if (existing) {
      attempt = existing.attempt;
      this.core.log?.info(`Resumed attempt ${attempt.id} of ${problem.id}.`);
    } else {
      const now = this.core.clock.now();
      attempt = startAttempt(
        {
          id: newAttemptId(now, this.core.random ?? Math.random),
          packId: problem.packId,
          problemId: problem.id,
          language: input.language,
          solutionPath: input.solutionPath,
          attemptDir: input.attemptDir,
          mode: expected?.mode ?? settings.mode,
          phases: codingPhasePlan(subject),
        },
        now,
      );
      await this.history.saveAttempt(attempt);
      this.drills.set(attempt.id, { attempt, ...(await this.core.problems.describe(attempt)) });
      this.core.log?.info(`Attempt ${attempt.id}: ${problem.packId}/${problem.id} in ${attempt.language}, ${attempt.mode} mode.`);
    }
    await writeScaffold(input.attemptDir, codingKind.scaffold(subject));
    this.setActive(attempt.id);
    this.changed.fire(attempt);
    expected?.resolve(attempt);
    return attempt;
  }

  /** Resolves with the attempt of the next start of that problem, created with these options (a mock's share). */
  expectStart(problem: Pick<ProblemSummary, 'id' | 'packId'>, options: { totalMinutes?: number; mode?: TimerMode }): Promise<Attempt> {
    return new Promise((resolve) => this.expected.push({ packId: problem.packId, problemId: problem.id, ...options, resolve }));
  }

  /** Forgets a start that was expected but did not happen (the user cancelled it). */
  cancelExpectedStart(problem: Pick<ProblemSummary, 'id' | 'packId'>): void {
    const i = this.expected.findIndex((e) => e.packId === problem.packId && e.problemId === problem.id);
    if (i >= 0) this.expected.splice(i, 1);
  }

  /**
   * Applies a transition to an open attempt and saves it. Transitions of one attempt run one after
   * another on its latest state. A refused transition is returned as is and nothing is saved.
   */
  update(attemptId: string, transition: (attempt: Attempt, now: number) => Attempt | AttemptError): Promise<Attempt | AttemptError> {
    return this.enqueue(attemptId, async () => {
      const drill = this.drills.get(attemptId);
      if (!drill) return { error: 'This attempt is not open any more.' } satisfies AttemptError;
      const result = transition(drill.attempt, this.core.clock.now());
      if (isAttemptError(result)) return result;
      if (result === drill.attempt) return result;
      await this.history.saveAttempt(result);
      drill.attempt = result;
      if (!isOpen(result)) {
        this.drills.delete(attemptId);
        // A solve leaves no drill active, so "solved in mm:ss" shows where its timer was; another open drill becomes
        // active when one of its files gets the focus. Any other close hands over to the latest open drill.
        if (this.activeId === attemptId) this.setActive(result.status === 'solved' || result.status === 'solved-late' ? undefined : this.open[this.open.length - 1]?.attempt.id);
      }
      this.changed.fire(result);
      return result;
    });
  }

  /**
   * Records the complexity measured after a passing run, whether the attempt is still open or not: the run that
   * solves an attempt closes it before the measurement, which comes after the verdicts, has ended. Queued behind the
   * attempt's other changes; a closed attempt is read from history and saved back.
   */
  recordMeasurement(attemptId: string, record: ComplexityRecord): Promise<Attempt | AttemptError> {
    return this.enqueue(attemptId, async () => {
      const drill = this.drills.get(attemptId);
      const { attempt, issue } = drill ? { attempt: drill.attempt, issue: undefined } : await this.history.getAttempt(attemptId);
      if (!attempt) return { error: issue ? `The attempt could not be read from history: ${issue.message}` : 'This attempt is not in the history.' } satisfies AttemptError;
      const result = recordComplexity(attempt, record);
      await this.history.saveAttempt(result);
      if (drill) drill.attempt = result;
      this.changed.fire(result);
      return result;
    });
  }

  /** Measurements under way, by attempt: each one's end (recorded or not). */
  private readonly measuring = new Map<string, Set<Promise<unknown>>>();

  /**
   * Marks a measurement of the attempt as under way until `ended` settles. Marked before the run that earns it is
   * saved: that run may close the attempt, and what the close sets off (a mock's report) waits for the measurement.
   */
  measuringUntil(attemptId: string, ended: Promise<unknown>): void {
    const pending = this.measuring.get(attemptId) ?? new Set();
    this.measuring.set(attemptId, pending);
    pending.add(ended);
    const clear = (): void => {
      pending.delete(ended);
      if (pending.size === 0 && this.measuring.get(attemptId) === pending) this.measuring.delete(attemptId);
    };
    ended.then(clear, clear);
  }

  /** Resolves once no measurement of these attempts is under way (each recorded, refused or stopped). */
  async measured(attemptIds: readonly string[]): Promise<void> {
    for (;;) {
      const pending = attemptIds.flatMap((id) => [...(this.measuring.get(id) ?? [])]);
      if (pending.length === 0) return;
      await Promise.allSettled(pending);
    }
  }

  /** Runs `change` after the attempt's earlier changes have settled, whatever their outcome. */
  private enqueue<T>(attemptId: string, change: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(attemptId) ?? Promise.resolve();
    const next = previous.then(change);
    this.queues.set(
      attemptId,
      next.catch(() => undefined),
    );
    return next;
  }

  /** Submits PLAN.md's text through the plan gate; accepted, the plan is recorded and the timer moves to coding. */
  submitPlan(attemptId: string, planText: string): Promise<Attempt | AttemptError> {
    const knownTags = this.drills.get(attemptId)?.pack?.tags ?? [];
    return this.update(attemptId, (a, now) => submitPlan(a, planText, now, knownTags));
  }

  /** Records a run of the hidden tests; a run passing every case of the problem closes the attempt as solved. */
  recordRun(attemptId: string, run: RunInput): Promise<Attempt | AttemptError> {
    const expectedCases = this.drills.get(attemptId)?.problem?.cases.length;
    return this.update(attemptId, (a, now) => recordRun(a, run, now, expectedCases));
  }

  /** Pauses the timer (practice mode only: an interview's clock never stops). */
  pause(attemptId: string): Promise<Attempt | AttemptError> {
    return this.update(attemptId, pauseAttempt);
  }

  /** Resumes a paused timer. */
  resume(attemptId: string): Promise<Attempt | AttemptError> {
    return this.update(attemptId, resumeAttempt);
  }

  /** Moves the timer on to the next phase. */
  advancePhase(attemptId: string): Promise<Attempt | AttemptError> {
    return this.update(attemptId, advanceAttemptPhase);
  }

  /** Reveals the next of the problem's hints. */
  revealHint(attemptId: string): Promise<Attempt | AttemptError> {
    const count = this.drills.get(attemptId)?.problem?.hints.length ?? 0;
    return this.update(attemptId, (a, now) => revealHint(a, count, now));
  }

  /** The candidate is done: failed without a passing run. */
  finish(attemptId: string): Promise<Attempt | AttemptError> {
    return this.update(attemptId, finish);
  }

  /** The candidate gives up. */
  abandon(attemptId: string): Promise<Attempt | AttemptError> {
    return this.update(attemptId, abandon);
  }

  /** Makes an open attempt the active one (or none). */
  setActive(attemptId: string | undefined): void {
    this.activeId = attemptId !== undefined && this.drills.has(attemptId) ? attemptId : undefined;
    this.activeChanged.fire(this.active);
  }

  dispose(): void {
    this.changed.dispose();
    this.activeChanged.dispose();
  }
}

/** Writes the scaffolded files into `dir`, leaving any that exist as they are (a candidate's work is never overwritten). */
export async function writeScaffold(dir: string, files: readonly ScaffoldFile[]): Promise<void> {
  await fsp.mkdir(dir, { recursive: true });
  for (const file of files) {
    try {
      await fsp.writeFile(path.join(dir, file.path), file.content, { flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}

/**
 * The drill a reload makes active: the most recently started open attempt, preferring one whose folder lies
 * in the workspace (history is shared by every window and workspace).
 */
function mostRecentDrill(open: readonly OpenDrill[], workspaceFolders: readonly string[]): OpenDrill | undefined {
  const inside = (dir: string) => workspaceFolders.some((f) => isInside(f, dir));
  const here = open.filter((d) => inside(d.attempt.attemptDir));
  return [...(here.length > 0 ? here : open)].sort((a, b) => a.attempt.timer.startedAt - b.attempt.timer.startedAt).pop();
}
