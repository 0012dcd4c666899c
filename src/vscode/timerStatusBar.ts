import * as vscode from 'vscode';
import { abandon, acknowledgeEvents, attemptDurationMs, expire, finish, isAttemptError, isOpen, pauseAttempt, resumeAttempt, type Attempt, type AttemptError } from '../core/attempt/index';
import { advanceAttemptPhase, eventNotice, latestPerKind, timerTooltipMarkdown } from '../core/session/index';
import { dueEvents, formatDuration, formatStatus, nextEvents, timerState, WARNING_BEFORE_MS, type TimerEvent } from '../core/timer/index';
import { Commands } from './constants';
import type { DrillSession, OpenDrill } from './session';

/** How long "solved in mm:ss" stays where the timer was, unless another drill starts first. */
export const SOLVED_SHOWN_MS = 2 * 60_000;

/** setTimeout's longest delay (about 24.8 days); a later event is re-aimed when this fires. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/**
 * The interview timer in the status bar. The text is re-rendered each second while a drill is open
 * and the window has focus; notifications come from ONE timeout aimed at the next core event of any
 * open attempt. Events due while the window was closed are shown on activation (the latest of each
 * kind) and acknowledged in history, so a reload never shows them twice. Everything is computed
 * from the attempt's stored timestamps and the session clock.
 */
export class TimerStatusBar implements vscode.Disposable {
  readonly item: vscode.StatusBarItem;
  private ticker: NodeJS.Timeout | undefined;
  private eventTimer: NodeJS.Timeout | undefined;
  /** Solution files made read-only in this window because a strict attempt ran out of time. */
  readonly readOnlyFiles = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];
  private processing: Promise<void> = Promise.resolve();
  /** The titles of the drills shown, kept for the moment one closes (the session has forgotten it by then). */
  private readonly titles = new Map<string, string>();
  /** A drill just solved: its time shows in place of the timer for a while. */
  private solved: { text: string; tooltip: string; until: number } | undefined;
  private solvedTimer: NodeJS.Timeout | undefined;
  /** Where a drill stands in a mock interview (`problem 1 of 2, mock 52:10 left`), when it is part of one. */
  describeMock: ((attemptId: string) => string | undefined) | undefined;

  constructor(
    private readonly session: DrillSession,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.item = vscode.window.createStatusBarItem('drills.timer', vscode.StatusBarAlignment.Left, 100);
    this.item.name = 'Drills Timer';
    this.item.command = Commands.timerActions;
    this.disposables.push(
      this.item,
      session.onDidChangeActive(() => this.refresh()),
      session.onDidChangeAttempt((attempt) => {
        this.noteSolved(attempt);
        this.refresh();
      }),
      vscode.window.onDidChangeWindowState(() => this.refresh()),
    );
  }

  /** Shows the events already due (after activation or a reload), then aims the timeout at the next one. */
  checkDue(): Promise<void> {
    this.processing = this.processing.then(() => this.fireDue()).catch((e) => this.log.error(`Timer events: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
    return this.processing;
  }

  /** Redraws the item, (re)starts the one-second ticker while it is worth it, re-aims the event timeout. */
  private refresh(): void {
    this.render();
    const drill = this.session.active;
    const running = drill !== undefined && !timerState(drill.attempt.timer, this.session.clock.now()).stopped && vscode.window.state.focused;
    if (running && !this.ticker) this.ticker = setInterval(() => this.render(), 1000);
    if (!running && this.ticker) {
      clearInterval(this.ticker);
      this.ticker = undefined;
    }
    this.aim();
  }

  /** A drill was solved: "solved in mm:ss" replaces its timer for SOLVED_SHOWN_MS. */
  private noteSolved(attempt: Attempt): void {
    if (isOpen(attempt) || (attempt.status !== 'solved' && attempt.status !== 'solved-late')) return;
    const title = this.titles.get(attempt.id) ?? attempt.problemId;
    const took = formatDuration(attemptDurationMs(attempt, this.session.clock.now()));
    const late = attempt.status === 'solved-late' ? ', late' : '';
    this.solved = { text: `$(pass) solved in ${took}${late}`, tooltip: `${title}: solved in ${took}${late}.`, until: Date.now() + SOLVED_SHOWN_MS };
    if (this.solvedTimer) clearTimeout(this.solvedTimer);
    this.solvedTimer = setTimeout(() => {
      this.solved = undefined;
      this.render();
    }, SOLVED_SHOWN_MS);
  }

  /** Redraws the item from the session's state as of now: the active drill's timer, a recent solve, or nothing (hidden, no text). */
  render(): void {
    for (const d of this.session.open) this.titles.set(d.attempt.id, d.title);
    const drill = this.session.active;
    if (!drill) {
      if (this.solved && Date.now() < this.solved.until) {
        this.item.text = this.solved.text;
        this.item.tooltip = this.solved.tooltip;
        this.item.backgroundColor = undefined;
        this.item.show();
      } else {
        this.item.hide();
        this.item.text = '';
      }
      return;
    }
    this.solved = undefined;
    const now = this.session.clock.now();
    this.item.text = statusText(drill.attempt, now);
    const tooltip = new vscode.MarkdownString(timerTooltipMarkdown(drill.attempt, drill.title, now));
    tooltip.appendMarkdown('\n\n_Click for timer actions._');
    this.item.tooltip = tooltip;
    const mock = this.describeMock?.(drill.attempt.id);
    if (mock) {
      this.item.text += ` · ${mock}`;
      tooltip.appendMarkdown(`\n\nMock interview: ${mock}.`);
    }
    const colour = timerColour(drill.attempt, now);
    this.item.backgroundColor = colour === 'normal' ? undefined : new vscode.ThemeColor(colour === 'warning' ? 'statusBarItem.warningBackground' : 'statusBarItem.errorBackground');
    this.item.show();
  }

  /** One timeout, to the soonest next event of any open attempt. */
  private aim(): void {
    if (this.eventTimer) clearTimeout(this.eventTimer);
    this.eventTimer = undefined;
    const now = this.session.clock.now();
    const dues = this.session.open.flatMap((d) => nextEvents(d.attempt.timer, now).map((e) => e.dueAt)).filter((t): t is number => t !== undefined);
    if (dues.length === 0) return;
    const delay = Math.min(MAX_DELAY_MS, Math.max(0, Math.min(...dues) - now));
    this.eventTimer = setTimeout(() => {
      this.eventTimer = undefined;
      void this.checkDue();
    }, delay);
  }

  private async fireDue(): Promise<void> {
    const now = this.session.clock.now();
    for (const drill of this.session.open) {
      const due = dueEvents(drill.attempt.timer, drill.attempt.acknowledgedEvents, now);
      if (due.length === 0) continue;
      for (const event of latestPerKind(due)) this.notify(drill, event);
      const keys = due.map((e) => e.key);
      const expired = due.some((e) => e.kind === 'expired');
      const updated = await this.session.update(drill.attempt.id, (a, at) => {
        let next = acknowledgeEvents(a, keys);
        if (expired) {
          const closed = expire(next, at);
          if (!isAttemptError(closed)) next = closed;
        }
        return next;
      });
      if (!isAttemptError(updated) && updated.mode === 'strict' && updated.expiredAt !== undefined) await this.makeReadOnly(updated);
    }
    this.refresh();
  }

  private notify(drill: OpenDrill, event: TimerEvent): void {
    const notice = eventNotice(event, drill.attempt.mode, drill.title);
    this.log.info(notice.text);
    if (notice.severity === 'info') void vscode.window.showInformationMessage(notice.text);
    else void vscode.window.showWarningMessage(notice.text);
  }

  /** Strict expiry: the solution is opened and made read-only for the rest of this window's session. */
  private async makeReadOnly(attempt: Attempt): Promise<void> {
    try {
      await vscode.window.showTextDocument(vscode.Uri.file(attempt.solutionPath), { preview: false, preserveFocus: false });
      await vscode.commands.executeCommand('workbench.action.files.setActiveEditorReadonlyInSession');
      this.readOnlyFiles.add(attempt.solutionPath);
    } catch (e) {
      this.log.warn(`Could not make ${attempt.solutionPath} read-only: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  dispose(): void {
    if (this.ticker) clearInterval(this.ticker);
    if (this.eventTimer) clearTimeout(this.eventTimer);
    if (this.solvedTimer) clearTimeout(this.solvedTimer);
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

/** How the timer is coloured: the last five minutes warn, overtime and a closed strict attempt are errors. */
export function timerColour(attempt: Attempt, now: number): 'normal' | 'warning' | 'error' {
  if (attempt.status !== 'in-progress') return 'error';
  const state = timerState(attempt.timer, now);
  if (state.expired) return 'error';
  return state.remainingMs <= WARNING_BEFORE_MS ? 'warning' : 'normal';
}

/** `$(watch) code 18:41 · 23:41`, `$(watch) overtime +02:10`, or the state of a closed strict attempt. */
export function statusText(attempt: Attempt, now: number): string {
  if (attempt.status !== 'in-progress') return attempt.finalRunOpen ? '$(lock) time up · final run left' : `$(lock) ${attempt.status}`;
  // Codicons render in every VS Code font setup; the emoji in the core's plain text may not.
  return formatStatus(timerState(attempt.timer, now), { running: '$(watch)', paused: '$(debug-pause)' });
}

/** One row of the Timer Actions quick pick. */
export interface TimerAction {
  label: string;
  description?: string;
  command: string;
}

/**
 * What the Timer Actions quick pick offers for a drill: only what works now (no Pause in interview mode, where it is
 * always refused), and a title in plain text (a quick pick's title shows `$(…)` icon syntax as typed).
 */
export function timerActions(drill: OpenDrill, now: number): { title: string; actions: TimerAction[] } {
  const a = drill.attempt;
  const state = timerState(a.timer, now);
  const open = a.status === 'in-progress';
  const actions: TimerAction[] = [];
  if (open && !a.plan) actions.push({ label: '$(checklist) Submit Plan', command: Commands.submitPlan });
  if (a.plan) actions.push({ label: '$(beaker) Run Hidden Tests', ...(a.finalRunOpen ? { description: 'your one final run' } : {}), command: Commands.runHiddenTests });
  if (open && a.mode === 'practice') actions.push(state.paused ? { label: '$(debug-continue) Resume Timer', command: Commands.resumeTimer } : { label: '$(debug-pause) Pause Timer', command: Commands.pauseTimer });
  if (open && state.phaseIndex < a.timer.phases.length - 1) actions.push({ label: '$(arrow-right) Next Phase', description: `now: ${state.phase}`, command: Commands.advancePhase });
  actions.push({ label: '$(lightbulb) Reveal Next Hint', command: Commands.revealHint });
  if (open || a.finalRunOpen) actions.push({ label: '$(check) Finish Drill', command: Commands.finishDrill }, { label: '$(close) Abandon Drill', command: Commands.abandonDrill });
  const mode = a.mode === 'strict' ? 'interview' : 'practice';
  return { title: `${drill.title} · ${statusText(a, now).replace(/\$\([\w-]+\)\s*/g, '')} · ${mode} mode`, actions };
}

/** The ids of the timer's commands. */
export type TimerCommandId =
  | typeof Commands.pauseTimer
  | typeof Commands.resumeTimer
  | typeof Commands.advancePhase
  | typeof Commands.finishDrill
  | typeof Commands.abandonDrill
  | typeof Commands.timerActions;

/** The timer's commands: pause/resume (practice), advance, finish, abandon, and the status bar's quick pick. */
export function timerCommands(session: DrillSession, confirmFinish?: (drill: OpenDrill) => Promise<boolean>): Record<TimerCommandId, (...args: unknown[]) => unknown> {
  const onActive = async (what: string, transition: (a: Attempt, now: number) => Attempt | AttemptError): Promise<Attempt | AttemptError | undefined> => {
    const drill = session.active;
    if (!drill) {
      void vscode.window.showInformationMessage(`No drill is open: start one from the Drills view before you ${what}.`);
      return undefined;
    }
    const result = await session.update(drill.attempt.id, transition);
    if (isAttemptError(result)) void vscode.window.showWarningMessage(`Cannot ${what}: ${result.error}`);
    return result;
  };
  const handlers: Record<TimerCommandId, (...args: unknown[]) => unknown> = {
    [Commands.pauseTimer]: () => onActive('pause the timer', pauseAttempt),
    [Commands.resumeTimer]: () => onActive('resume the timer', resumeAttempt),
    [Commands.advancePhase]: () => onActive('move to the next phase', advanceAttemptPhase),
    [Commands.finishDrill]: async () => {
      const drill = session.active;
      if (drill && confirmFinish && !(await confirmFinish(drill))) return undefined;
      const result = await onActive('finish the drill', finish);
      if (result && !isAttemptError(result)) void vscode.window.showInformationMessage(`Drill finished: ${result.status}.`);
      return result;
    },
    [Commands.abandonDrill]: async () => {
      const result = await onActive('abandon the drill', abandon);
      if (result && !isAttemptError(result)) void vscode.window.showInformationMessage('Drill abandoned. It stays in your history.');
      return result;
    },
    [Commands.timerActions]: async () => {
      const drill = session.active;
      if (!drill) return undefined;
      const { title, actions } = timerActions(drill, session.clock.now());
      const picked = await vscode.window.showQuickPick(actions, { title, placeHolder: 'Timer actions' });
      return picked ? vscode.commands.executeCommand(picked.command) : undefined;
    },
  };
  return handlers;
}
