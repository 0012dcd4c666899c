import * as vscode from 'vscode';
import { previewReport, writeReport } from './reportFile';
import {
  finish,
  isOpen,
  linkMockAttempt,
  mockAttemptMinutes,
  mockReport,
  mockSessionState,
  pickMockProblems,
  skipMockProblem,
  startMockSession,
  type MockFilters,
  type MockReport,
  type MockSession,
} from '../core/attempt/index';
import type { DrillStateProvider } from '../core/drill/index';
import type { Difficulty } from '../core/pack/types';
import { mockMixes } from '../core/session/index';
import { formatDuration } from '../core/timer/index';
import { ContextKeys } from './constants';
import { setContext } from './context';
import type { PacksService } from './packs';
import type { DrillSession, OpenDrill } from './session';
import { vscodePrompts, type DrillPrompts, type DrillStarter } from './startDrill';

/** globalState key of the mock under way. */
export const MOCK_STATE_KEY = 'drills.mockSession';

/** The stored mock: the core session and which problem is being solved. */
interface StoredMock {
  session: MockSession;
  current: number;
}

/** What starting a mock needs; asked with QuickPicks when not given. */
export interface MockChoices {
  count: number;
  difficulty?: Partial<Record<Difficulty, number>>;
  totalMinutes?: number;
}

/**
 * Self-mock interviews: a few problems picked by the core, each started in turn as a strict attempt
 * with its share of one time budget; when the last closes, the budget runs out or the user finishes,
 * the report opens as Markdown. The mock lives in globalState, so a reload keeps it.
 */
export class MockService implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private endTimer: NodeJS.Timeout | undefined;
  private busy = false;
  /** The questions this mock asks (a test's script replaces them for the mock it starts). */
  private prompts: MockPrompts = defaultMockPrompts;

  constructor(
    private readonly deps: {
      session: DrillSession;
      drills: DrillStarter;
      packs: PacksService;
      state: vscode.Memento;
      stateOf: DrillStateProvider;
      log: vscode.LogOutputChannel;
      random?: () => number;
      /** Shows the finished mock's report (the dashboard); without it, the Markdown report opens in a preview. */
      showReport?: (session: MockSession, report: MockReport) => Promise<void>;
    },
  ) {
    this.disposables.push(deps.session.onDidChangeAttempt((a) => void this.onAttemptChanged(a.id, isOpen(a))));
  }

  /** The mock under way, if any. */
  get current(): MockSession | undefined {
    return this.stored()?.session;
  }

  /** Where an attempt stands in the mock under way: `problem 1 of 2, mock 52:10 left`; undefined when not in it. */
  describe(attemptId: string): string | undefined {
    const stored = this.stored();
    const index = stored ? stored.session.problems.findIndex((p) => p.attemptId === attemptId) : -1;
    if (!stored || index < 0) return undefined;
    const left = mockSessionState(stored.session, this.deps.session.clock.now()).remainingMs;
    return `problem ${index + 1} of ${stored.session.problems.length}, mock ${formatDuration(Math.ceil(left / 1000) * 1000)} left`;
  }

  /**
   * Finish Drill on a mock's problem with no passing run: asks first, since the mock then moves on for good. True
   * when the drill may finish (not in a mock, or confirmed).
   */
  async confirmFinish(drill: OpenDrill): Promise<boolean> {
    const stored = this.stored();
    const index = stored ? stored.session.problems.findIndex((p) => p.attemptId === drill.attempt.id) : -1;
    if (!stored || index < 0 || !isOpen(drill.attempt)) return true;
    if (drill.attempt.runs.some((r) => r.total > 0 && r.passed === r.total)) return true;
    return this.prompts.confirmFinish(drill.title, index, stored.session.problems.length);
  }

  /** After activation: re-arms the end of a stored mock, or reports it if it ended while the window was closed. */
  async restore(): Promise<void> {
    const stored = this.stored();
    await setContext(ContextKeys.mockActive, stored !== undefined);
    if (!stored) return;
    if (mockSessionState(stored.session, this.deps.session.clock.now()).expired) await this.finishMock();
    else this.armEnd(stored.session);
  }

  /** The "Start Mock Interview" command; `prompts` answers the questions of this mock (default: VS Code's dialogs). */
  async start(choices?: MockChoices, prompts: MockPrompts = defaultMockPrompts): Promise<MockSession | undefined> {
    this.prompts = prompts;
    if (this.stored()) {
      const choice = await vscode.window.showWarningMessage('A mock interview is already under way.', 'Finish It and Show the Report');
      if (choice) await this.finishMock();
      return undefined;
    }
    const picked = choices ?? (await askChoices());
    if (!picked) return undefined;
    const candidates = this.deps.packs.packs.filter((p) => this.deps.packs.canRun(p)).flatMap((p) => p.problems.filter((q) => q.languages.length > 0));
    const filters: MockFilters = { count: picked.count, unsolvedFirst: true, ...(picked.difficulty ? { difficulty: picked.difficulty } : {}) };
    const pick = pickMockProblems(candidates, filters, (p) => this.deps.stateOf(p.packId, p.id).state, this.deps.random ?? Math.random);
    if (pick.problems.length === 0) {
      void vscode.window.showWarningMessage(`No problem fits this mock${pick.note ? `: ${pick.note}` : '.'}`);
      return undefined;
    }
    if (pick.note) void vscode.window.showInformationMessage(`Mock interview: ${pick.note}`);
    const now = this.deps.session.clock.now();
    const session = startMockSession({ id: `mock-${now}`, problems: pick.problems, mode: 'strict', ...(picked.totalMinutes ? { totalMinutes: picked.totalMinutes } : {}) }, now);
    await this.save({ session, current: 0 });
    this.armEnd(session);
    this.deps.log.info(`Mock ${session.id}: ${session.problems.map((p) => p.problemId).join(', ')} in ${session.totalMinutes} min.`);
    await this.startProblem(0);
    return this.current;
  }

  /** The "Finish Mock Interview" command: closes the open attempt of the mock and opens the report. */
  async finishMock(): Promise<MockReport | undefined> {
    const stored = this.stored();
    if (!stored) {
      void vscode.window.showInformationMessage('No mock interview is under way.');
      return undefined;
    }
    this.busy = true;
    try {
      for (const p of stored.session.problems) {
        if (p.attemptId && this.deps.session.find(p.attemptId)) await this.deps.session.update(p.attemptId, finish);
      }
    } finally {
      this.busy = false;
    }
    if (this.endTimer) clearTimeout(this.endTimer);
    this.endTimer = undefined;
    await this.save(undefined);
    // The complexity measured after the run that solved the last problem comes after its verdicts: the report waits
    // for it, so that it lists every problem's.
    await this.deps.session.measured(stored.session.problems.flatMap((p) => (p.attemptId ? [p.attemptId] : [])));
    const { attempts } = await this.deps.session.history.listAttempts();
    const report = mockReport(stored.session, attempts, this.deps.session.clock.now());
    await this.openReport(report, stored.session);
    return report;
  }

  private async startProblem(index: number): Promise<void> {
    const stored = this.stored();
    if (!stored) return;
    const problem = stored.session.problems[index];
    const minutes = problem ? mockAttemptMinutes(stored.session, index, this.deps.session.clock.now()) : 0;
    const summary = problem ? this.deps.packs.findProblem(problem.packId, problem.problemId) : undefined;
    if (!problem || minutes <= 0 || !summary) {
      await this.finishMock();
      return;
    }
    await this.save({ ...stored, current: index });
    const expected = this.deps.session.expectStart(summary, { totalMinutes: minutes, mode: 'strict' });
    const count = stored.session.problems.length;
    void vscode.window.showInformationMessage(`Mock interview, problem ${index + 1} of ${count}: ${summary.title} (${Math.round(minutes)} min).`);
    // A question dismissed inside a mock (Escape, a click elsewhere) must not leave it under way with nothing open:
    // ask again, or skip the problem, as the candidate chooses.
    while (!(await this.deps.drills.start(summary, this.prompts))) {
      const choice = await this.prompts.afterCancel(summary.title, index, count);
      if (choice === 'again') continue;
      this.deps.session.cancelExpectedStart(summary);
      await this.skip(index);
      return;
    }
    const attempt = await expected;
    const latest = this.stored();
    if (latest) await this.save({ session: linkMockAttempt(latest.session, index, attempt.id), current: index });
  }

  /** Skips problem `index`: recorded as skipped, then on to the next problem (or the report after the last). */
  private async skip(index: number): Promise<void> {
    const stored = this.stored();
    if (!stored) return;
    await this.save({ session: skipMockProblem(stored.session, index), current: index });
    this.deps.log.info(`Mock ${stored.session.id}: problem ${index + 1} skipped.`);
    if (index + 1 < stored.session.problems.length) await this.startProblem(index + 1);
    else await this.finishMock();
  }

  /** The mock's current attempt closed: on to the next problem, or the report after the last. */
  private async onAttemptChanged(attemptId: string, open: boolean): Promise<void> {
    const stored = this.stored();
    if (!stored || open || this.busy) return;
    const index = stored.session.problems.findIndex((p) => p.attemptId === attemptId);
    if (index < 0 || index !== stored.current) return;
    if (index + 1 < stored.session.problems.length) await this.startProblem(index + 1);
    else await this.finishMock();
  }

  private armEnd(session: MockSession): void {
    if (this.endTimer) clearTimeout(this.endTimer);
    const left = mockSessionState(session, this.deps.session.clock.now()).remainingMs;
    this.endTimer = setTimeout(() => void this.finishMock(), Math.min(left, 2 ** 31 - 1));
  }

  /** Writes the report to `drills/mock-<date>.md` in the workspace (untitled without one) and previews it. */
  private async openReport(report: MockReport, session: MockSession): Promise<void> {
    const uri = await writeReport('mock', report.markdown, report.startedAt);
    this.lastReportUri = uri;
    if (this.deps.showReport) {
      await this.deps.showReport(session, report);
      return;
    }
    await previewReport(uri);
  }

  /** Where the last report was written. */
  lastReportUri: vscode.Uri | undefined;

  private stored(): StoredMock | undefined {
    return this.deps.state.get<StoredMock>(MOCK_STATE_KEY);
  }

  private async save(value: StoredMock | undefined): Promise<void> {
    await this.deps.state.update(MOCK_STATE_KEY, value);
    await setContext(ContextKeys.mockActive, value !== undefined);
  }

  dispose(): void {
    if (this.endTimer) clearTimeout(this.endTimer);
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

/** What a mock asks: the questions of Start Drill, and what to do when one of them was dismissed. */
export interface MockPrompts extends DrillPrompts {
  /** A question about problem `index` (0-based) of `count` was dismissed: ask it again, or skip the problem. */
  afterCancel(title: string, index: number, count: number): Thenable<'again' | 'skip'>;
  /** Finish problem `index` of `count` although no run passed? */
  confirmFinish(title: string, index: number, count: number): Thenable<boolean>;
}

/** A mock always starts fresh attempts (an older attempt of the same problem is left as it is). */
export const defaultMockPrompts: MockPrompts = {
  ...vscodePrompts,
  resumeOrNew: () => Promise.resolve('new'),
  async afterCancel(title, index, count) {
    const again: vscode.MessageItem = { title: 'Choose Again' };
    const skip: vscode.MessageItem = { title: 'Skip This Problem', isCloseAffordance: true };
    const choice = await vscode.window.showWarningMessage(
      `Mock interview: problem ${index + 1} of ${count}, ${title}, has not started.`,
      { modal: true, detail: 'Choose its language again, or skip it: a skipped problem is reported as skipped and the mock goes on to the next one.' },
      again,
      skip,
    );
    return choice === again ? 'again' : 'skip';
  },
  async confirmFinish(title, index, count) {
    const finishIt = 'Finish Without a Passing Run';
    const next = index + 1 < count ? `the mock moves on to problem ${index + 2} of ${count}` : 'the mock ends with its report';
    const choice = await vscode.window.showWarningMessage(`${title}: no run has passed yet. Finish it anyway?`, { modal: true, detail: `It counts as failed, and ${next}.` }, finishIt);
    return choice === finishIt;
  },
};

/** Asks how many problems, which difficulty mix and how many minutes in total. */
async function askChoices(): Promise<MockChoices | undefined> {
  const counts = [1, 2, 3].map((n) => ({ label: `${n} problem${n === 1 ? '' : 's'}`, n }));
  const count = await vscode.window.showQuickPick(counts, { title: 'Mock interview (1/3)', placeHolder: 'How many problems?' });
  if (!count) return undefined;
  const mix = await vscode.window.showQuickPick(mockMixes(count.n), { title: 'Mock interview (2/3)', placeHolder: 'Which difficulty mix?' });
  if (!mix) return undefined;
  const minutes = await vscode.window.showInputBox({
    title: 'Mock interview (3/3)',
    prompt: 'Total minutes for the whole mock (empty: the problems’ own minutes)',
    placeHolder: String(45 * count.n),
    validateInput: (v) => (v.trim() === '' || (/^\d+$/.test(v.trim()) && Number(v) > 0 && Number(v) <= 600) ? undefined : 'A whole number of minutes, 1 to 600'),
  });
  if (minutes === undefined) return undefined;
  return { count: count.n, ...(mix.difficulty ? { difficulty: mix.difficulty } : {}), ...(minutes.trim() ? { totalMinutes: Number(minutes) } : {}) };
}
