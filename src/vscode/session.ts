import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { isAttemptError, isOpen, newAttemptId, revealHint, startAttempt, type Attempt, type AttemptError } from '../core/attempt/index';
import { isInside } from '../core/fs/paths';
import { openHistory, type HistoryIssue, type HistoryStore } from '../core/history/index';
import { loadProblem } from '../core/pack/index';
import type { PackSummary, Problem, ProblemSummary } from '../core/pack/types';
import { planTemplate } from '../core/plan/index';
import { attemptPhases, hintsMarkdown, timerModeOf } from '../core/session/index';
import type { TimerMode } from '../core/timer/index';
import type { Config } from './config';
import { ContextKeys } from './constants';
import { setContext } from './context';
import type { PacksService } from './packs';
import type { DrillStart } from './startDrill';

/** PLAN.md, scaffolded in every attempt folder. */
export const PLAN_FILE = 'PLAN.md';

/**
 * The clock attempts are timed by: the wall clock, plus an offset tests may move forward (`advance`)
 * to let a timer run out without waiting. Listeners re-read the time when it jumps.
 */
export class SessionClock implements vscode.Disposable {
  private offsetMs = 0;
  private readonly jumped = new vscode.EventEmitter<void>();
  /** Fires after `advance`. */
  readonly onDidJump = this.jumped.event;

  constructor(private readonly wall: () => number = Date.now) {}

  /** Now, in epoch ms. */
  readonly now = (): number => this.wall() + this.offsetMs;

  /** Moves the clock forward by `ms` (a test's way to skip time). */
  advance(ms: number): void {
    this.offsetMs += ms;
    this.jumped.fire();
  }

  dispose(): void {
    this.jumped.dispose();
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

/** What a start under a mock asks for: a share of the budget, strict mode, and the attempt when it exists. */
interface ExpectedStart {
  packId: string;
  problemId: string;
  totalMinutes?: number;
  mode?: TimerMode;
  resolve(attempt: Attempt): void;
}

/**
 * The drill session: creates an attempt when a drill starts (or picks up the one in its folder),
 * persists every change through the history store (atomic writes), keeps the open attempts and the
 * active one, and restores them from history when the window reloads. Every change goes through
 * {@link DrillSession.update}, one at a time per attempt.
 */
export class DrillSession implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Attempt>();
  /** Fires after an attempt was saved (started, changed, closed). */
  readonly onDidChangeAttempt = this.changed.event;
  private readonly activeChanged = new vscode.EventEmitter<OpenDrill | undefined>();
  /** Fires when the active drill changes (another attempt, or none). */
  readonly onDidChangeActive = this.activeChanged.event;

  private store: HistoryStore | undefined;
  private readonly drills = new Map<string, OpenDrill>();
  private activeId: string | undefined;
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly expected: ExpectedStart[] = [];
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly deps: {
      /** The extension's global storage folder: history goes in `<dir>/attempts`. */
      storageDir: string;
      packs: PacksService;
      config: Config;
      log: vscode.LogOutputChannel;
      clock: SessionClock;
      random?: () => number;
    },
  ) {
    this.disposables.push(
      this.changed,
      this.activeChanged,
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        const drill = editor ? this.drillOfFile(editor.document.uri.fsPath) : undefined;
        if (drill && drill.attempt.id !== this.activeId) this.setActive(drill.attempt.id);
      }),
    );
  }

  /** The history store; opened by `restore`. */
  get history(): HistoryStore {
    if (!this.store) throw new Error('DrillSession: restore() has not run');
    return this.store;
  }

  /** The clock attempts are timed by. */
  get clock(): SessionClock {
    return this.deps.clock;
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
   * Opens the history (creating the storage folder) and restores the open attempts, so a window reload
   * resumes them. Damaged history files are reported with where they were set aside.
   */
  async restore(): Promise<void> {
    await fsp.mkdir(this.deps.storageDir, { recursive: true });
    this.store = await openHistory(this.deps.storageDir, { now: this.deps.clock.now });
    const { attempts, issues } = await this.store.listAttempts();
    this.reportIssues(issues);
    this.drills.clear();
    for (const attempt of attempts.filter(isOpen)) this.drills.set(attempt.id, await this.withProblem(attempt));
    this.setActive(mostRecentDrill(this.open, (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath))?.attempt.id);
    if (this.drills.size > 0) this.deps.log.info(`Restored ${this.drills.size} open attempt(s) from history.`);
  }

  /**
   * A drill started (or resumed): picks up the open attempt of that folder, or starts a new one with
   * phases from the problem → pack → settings and the mode from the settings; scaffolds PLAN.md.
   */
  async startFor(start: DrillStart): Promise<Attempt> {
    const { problem } = start;
    const expectedIndex = this.expected.findIndex((e) => e.packId === problem.packId && e.problemId === problem.id);
    const expected = expectedIndex >= 0 ? this.expected.splice(expectedIndex, 1)[0] : undefined;
    const existing = expected ? undefined : this.open.find((d) => path.resolve(d.attempt.attemptDir) === path.resolve(start.attemptDir) && d.attempt.language === start.language);
    let attempt: Attempt;
    if (existing) {
      attempt = existing.attempt;
      this.deps.log.info(`Resumed attempt ${attempt.id} of ${problem.id}.`);
    } else {
      const pack = this.deps.packs.packOf(problem);
      const now = this.deps.clock.now();
      attempt = startAttempt(
        {
          id: newAttemptId(now, this.deps.random ?? Math.random),
          packId: problem.packId,
          problemId: problem.id,
          language: start.language,
          solutionPath: start.solutionPath,
          attemptDir: start.attemptDir,
          mode: expected?.mode ?? timerModeOf(this.deps.config.get('mode')),
          phases: attemptPhases(problem, pack?.defaults.phases, this.deps.config.get('phases'), expected?.totalMinutes),
        },
        now,
      );
      await this.history.saveAttempt(attempt);
      this.drills.set(attempt.id, await this.withProblem(attempt));
      this.deps.log.info(`Attempt ${attempt.id}: ${problem.packId}/${problem.id} in ${attempt.language}, ${attempt.mode} mode.`);
    }
    await this.scaffoldPlan(start.attemptDir, problem);
    this.setActive(attempt.id);
    this.changed.fire(attempt);
    expected?.resolve(attempt);
    return attempt;
  }

  /** Resolves with the attempt of the next start of that problem, created with these options (a mock's share). */
  expectStart(problem: ProblemSummary, options: { totalMinutes?: number; mode?: TimerMode }): Promise<Attempt> {
    return new Promise((resolve) => this.expected.push({ packId: problem.packId, problemId: problem.id, ...options, resolve }));
  }

  /** Forgets a start that was expected but did not happen (the user cancelled it). */
  cancelExpectedStart(problem: ProblemSummary): void {
    const i = this.expected.findIndex((e) => e.packId === problem.packId && e.problemId === problem.id);
    if (i >= 0) this.expected.splice(i, 1);
  }

  /**
   * Applies a transition to an open attempt and saves it. Transitions of one attempt run one after
   * another on its latest state. A refused transition is returned as is and nothing is saved.
   */
  update(attemptId: string, transition: (attempt: Attempt, now: number) => Attempt | AttemptError): Promise<Attempt | AttemptError> {
    const previous = this.queues.get(attemptId) ?? Promise.resolve();
    const next = previous.then(async () => {
      const drill = this.drills.get(attemptId);
      if (!drill) return { error: 'This attempt is not open any more.' } satisfies AttemptError;
      const result = transition(drill.attempt, this.deps.clock.now());
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
      this.updateContext();
      this.changed.fire(result);
      return result;
    });
    this.queues.set(
      attemptId,
      next.catch(() => undefined),
    );
    return next;
  }

  /** Makes an open attempt the active one (or none). */
  setActive(attemptId: string | undefined): void {
    this.activeId = attemptId !== undefined && this.drills.has(attemptId) ? attemptId : undefined;
    this.updateContext();
    this.activeChanged.fire(this.active);
  }

  private updateContext(): void {
    const active = this.active;
    void setContext(ContextKeys.activeDrill, active !== undefined);
    void setContext(ContextKeys.testsRevealed, active?.attempt.plan !== undefined);
    void setContext(ContextKeys.drillPausable, active?.attempt.mode === 'practice' && active.attempt.status === 'in-progress');
  }

  private async withProblem(attempt: Attempt): Promise<OpenDrill> {
    const summary = this.deps.packs.findProblem(attempt.packId, attempt.problemId);
    if (!summary) {
      this.deps.log.warn(`Attempt ${attempt.id}: problem ${attempt.packId}/${attempt.problemId} is not in any pack now; its hidden tests cannot run.`);
      return { attempt, title: attempt.problemId };
    }
    const { problem, diagnostics } = await loadProblem(summary);
    for (const d of diagnostics) this.deps.log.warn(`${d.file}:${d.line}:${d.column}: ${d.message}`);
    if (problem?.testsErrors) this.deps.packs.showTestsDiagnostics(problem.testsErrors);
    const drill: OpenDrill = { attempt, title: summary.title };
    if (problem) drill.problem = problem;
    const pack = this.deps.packs.packOf(summary);
    if (pack) drill.pack = pack;
    return drill;
  }

  /** Writes PLAN.md from the template unless the file is there (never overwritten). */
  private async scaffoldPlan(dir: string, problem: ProblemSummary): Promise<void> {
    try {
      await fsp.mkdir(dir, { recursive: true });
      await fsp.writeFile(path.join(dir, PLAN_FILE), planTemplate(problem.title), { flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }

  private reportIssues(issues: readonly HistoryIssue[]): void {
    for (const issue of issues) {
      this.deps.log.warn(issue.message);
      const where = issue.setAsidePath ? ` (set aside: ${issue.setAsidePath})` : '';
      void vscode.window.showWarningMessage(`Drills history: ${issue.message}${where}`);
    }
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

/** HINTS.md, written in the attempt folder as hints are revealed. */
export const HINTS_FILE = 'HINTS.md';

/** The workspace state key naming the attempt whose hints preview is open, so a reload shows it again. */
const HINTS_OPEN_KEY = 'drills.hintsOpenFor';

async function showHints(file: vscode.Uri): Promise<void> {
  try {
    // Locked, as the statement: it stays the hints while PLAN.md or other Markdown is edited.
    await vscode.commands.executeCommand('markdown.showLockedPreviewToSide', file);
  } catch {
    // The built-in Markdown extension can be disabled: the source is as readable.
    await vscode.window.showTextDocument(file, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }
}

/** A tab showing HINTS.md: its Markdown preview ("[Preview] HINTS.md") or the file itself. */
function isHintsTab(tab: vscode.Tab): boolean {
  return tab.input instanceof vscode.TabInputText ? path.basename(tab.input.uri.fsPath) === HINTS_FILE : tab.label.includes(HINTS_FILE);
}

/**
 * Remembers in `state` whether the hints are open: forgotten when the last hints tab is closed, and shown
 * again for the active drill when the window reloads.
 */
export function trackHintsPreview(state: vscode.Memento): vscode.Disposable {
  return vscode.window.tabGroups.onDidChangeTabs((e) => {
    if (e.closed.some(isHintsTab) && !vscode.window.tabGroups.all.some((g) => g.tabs.some(isHintsTab))) void state.update(HINTS_OPEN_KEY, undefined);
  });
}

/** Shows the active drill's hints again after a reload when they were open before it. */
export async function restoreHintsPreview(session: DrillSession, state: vscode.Memento): Promise<void> {
  const drill = session.active;
  const openFor = state.get<string>(HINTS_OPEN_KEY);
  if (!openFor || drill?.attempt.id !== openFor) return;
  const file = vscode.Uri.file(path.join(drill.attempt.attemptDir, HINTS_FILE));
  if (!fs.existsSync(file.fsPath) || vscode.window.tabGroups.all.some((g) => g.tabs.some(isHintsTab))) return;
  await showHints(file);
}

/**
 * Reveals the active drill's next hint: recorded on the attempt (core `revealHint`), written to
 * HINTS.md in the attempt folder with the earlier ones, and shown in the Markdown preview; `state`
 * remembers it is open.
 */
export async function revealNextHint(session: DrillSession, state?: vscode.Memento): Promise<{ index: number; text: string } | undefined> {
  const drill = session.active;
  if (!drill?.problem) {
    void vscode.window.showInformationMessage(drill ? 'The problem of this drill cannot be loaded, so its hints are not available.' : 'No drill is open: start one first.');
    return undefined;
  }
  const hints = drill.problem.hints;
  const result = await session.update(drill.attempt.id, (a, now) => revealHint(a, hints.length, now));
  if (isAttemptError(result)) {
    void vscode.window.showInformationMessage(result.error);
    return undefined;
  }
  const revealed = result.hintsRevealed.length;
  const file = vscode.Uri.file(path.join(result.attemptDir, HINTS_FILE));
  await fsp.writeFile(file.fsPath, hintsMarkdown(drill.title, hints, revealed), 'utf8');
  await showHints(file);
  await state?.update(HINTS_OPEN_KEY, drill.attempt.id);
  return { index: revealed - 1, text: hints[revealed - 1] };
}

/**
 * The drill a reloaded window makes active: the most recently started open attempt, preferring one
 * whose folder lies in this workspace (history is shared by every window and workspace).
 */
function mostRecentDrill(open: readonly OpenDrill[], workspaceFolders: readonly string[]): OpenDrill | undefined {
  const inside = (dir: string) => workspaceFolders.some((f) => isInside(f, dir));
  const here = open.filter((d) => inside(d.attempt.attemptDir));
  return [...(here.length > 0 ? here : open)].sort((a, b) => a.attempt.timer.startedAt - b.attempt.timer.startedAt).pop();
}
