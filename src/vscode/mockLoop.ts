import * as vscode from 'vscode';
import { isOpen } from '../core/attempt/index';
import { kindEntryId, type KindHistoryEntry } from '../core/kinds/history';
import {
  codingRoundOutcome, designRoundOutcome, endLoopRound, finishLoop, isLoopError, loopReport, loopReportMarkdown, loopState, planLoop, skipLoopRound, startLoopRound,
  storyRoundOutcome, type LoopError, type LoopRoundOutcome, type LoopRoundPlan, type LoopSession,
} from '../core/kinds/loop';
import { storyType } from '../core/kinds/story/index';
import type { ProblemSummary } from '../core/pack/types';
import { formatDuration } from '../core/timer/index';
import { ContextKeys } from './constants';
import { previewReport, writeReport } from './reportFile';
import { setContext } from './context';
import type { Kinds } from './kinds';
import type { PacksService } from './packs';
import type { SessionServices } from './sessionServices';
import type { DrillPrompts, DrillStarter } from './startDrill';

/** The globalState key of the loop under way (a reload keeps it). */
const LOOP_KEY = 'drills.mockLoop';
/** The globalState key of the last finished loop's report, in Markdown. */
const LAST_REPORT_KEY = 'drills.mockLoopReport';

/** The questions a loop asks the candidate: the editor's dialogs by default, scripted by the integration tests. */
export interface LoopPrompts {
  /** After a round, during the break: true starts the next round now. */
  nextRound(message: string): Promise<boolean>;
  /** At the end: the questions the candidate asked the interviewer (none: an empty list; undefined: not finished yet). */
  questionsAsked(): Promise<string[] | undefined>;
  /** The round under way: true skips it. */
  confirmSkip(title: string): Promise<boolean>;
  /** What starting the coding round asks (language, folder); the Start Drill dialogs when absent. */
  drill?: DrillPrompts;
}

const defaultLoopPrompts: LoopPrompts = {
  async nextRound(message) {
    return (await vscode.window.showInformationMessage(message, 'Start Next Round')) !== undefined;
  },
  async questionsAsked() {
    const answer = await vscode.window.showInputBox({
      title: 'Questions you asked the interviewer',
      prompt: 'The questions you asked at the end, separated by ";" (leave empty if you asked none).',
      ignoreFocusOut: true,
    });
    return answer === undefined ? undefined : answer.split(';');
  },
  async confirmSkip(title) {
    return (await vscode.window.showWarningMessage(`"${title}" is under way. Skip it and move to the next round?`, { modal: true }, 'Skip Round')) !== undefined;
  },
};

/**
 * The mock loop in the editor: one coding problem, one design prompt and one behavioural question under one
 * schedule (the core's `planLoop`), each round run by its own drill (the coding session, the design drill, a
 * rehearsal), with breaks between them; the report opens at the end. A round ends when its drill records an
 * outcome, read back from the drill's history, so a reload in the middle loses nothing.
 */
export class MockLoop implements vscode.Disposable {
  private prompts: LoopPrompts = defaultLoopPrompts;
  private breakTimer: NodeJS.Timeout | undefined;
  private busy: Promise<void> = Promise.resolve();
  /** The design drill the loop follows (the kinds may replace it). */
  private designFollowed: vscode.Disposable | undefined;

  constructor(
    private readonly deps: {
      state: vscode.Memento;
      packs: PacksService;
      drills: DrillStarter;
      kinds: () => Kinds | undefined;
      services: () => SessionServices | undefined;
      log: vscode.LogOutputChannel;
      now?: () => number;
      random?: () => number;
    },
  ) {
    void setContext(ContextKeys.loopActive, this.current !== undefined);
  }

  /** The loop under way, if any. */
  get current(): LoopSession | undefined {
    return this.deps.state.get<LoopSession>(LOOP_KEY);
  }

  /** The last finished loop's report, in Markdown. */
  get lastReport(): string | undefined {
    return this.deps.state.get<string>(LAST_REPORT_KEY);
  }

  private now(): number {
    return this.deps.services()?.session.clock.now() ?? (this.deps.now ?? Date.now)();
  }

  /** Follows a (re)created drill session and the kinds' drills: their outcomes end the rounds. */
  attachSession(services: SessionServices): vscode.Disposable {
    const kinds = this.deps.kinds()?.api;
    const subscriptions = [services.session.onDidChangeAttempt(() => this.reconcile()), ...(kinds ? [kinds.rehearsals.onDidEndRehearsal(() => this.reconcile())] : [])];
    this.followDesign();
    this.reconcile();
    return vscode.Disposable.from(...subscriptions);
  }

  /** The "Start Mock Loop" command: picks one round of each kind and starts the first. */
  async start(prompts: LoopPrompts = defaultLoopPrompts): Promise<LoopSession | undefined> {
    if (this.current) {
      void vscode.window.showInformationMessage('A mock loop is under way: finish it first ("Drills: Finish Mock Loop").');
      return undefined;
    }
    const rounds = await this.pickRounds();
    if (typeof rounds === 'string') {
      void vscode.window.showWarningMessage(rounds);
      return undefined;
    }
    this.prompts = prompts;
    const now = this.now();
    const loop = planLoop({ id: `loop-${new Date(now).toISOString().replace(/[-:.]/g, '')}`, rounds }, now);
    await this.save(loop);
    this.deps.log.info(`Mock loop ${loop.id}: ${rounds.map((r) => `${r.kind} ${r.subjectId}`).join(', ')}.`);
    await this.runRound(0);
    return this.current;
  }

  /** The "Next Loop Round" command: starts the next round (cutting a break short), or skips the one under way. */
  async next(): Promise<LoopSession | undefined> {
    const loop = this.current;
    if (!loop) return undefined;
    const state = loopState(loop, this.now());
    if (state.stage === 'questions') return this.finish();
    if (state.round === undefined) return loop;
    if (state.stage === 'round') {
      // The round's drill never started (a pick dismissed, a refusal): start it now; skipping is offered when it
      // still does not.
      if (loop.rounds[state.round].ref === undefined && (await this.runRound(state.round))) return this.current;
      if (!(await this.prompts.confirmSkip(loop.rounds[state.round].title))) return this.current;
      const skipped = skipLoopRound(this.current ?? loop, state.round, this.now());
      if (isLoopError(skipped)) return this.refuse(skipped);
      await this.save(skipped);
      return this.afterRound(state.round);
    }
    await this.runRound(state.round);
    return this.current;
  }

  /** Where the last report was written (`drills/mock-loop-<date>.md`, untitled without a folder). */
  lastReportUri: vscode.Uri | undefined;

  /** The "Finish Mock Loop" command: asks for the questions the candidate asked, ends the loop and opens the report. */
  async finish(): Promise<LoopSession | undefined> {
    const loop = this.current;
    if (!loop) return undefined;
    const questions = await this.prompts.questionsAsked();
    if (questions === undefined) return loop;
    const finished = finishLoop(loop, questions, this.now());
    if (isLoopError(finished)) return this.refuse(finished);
    const pack = await this.deps.kinds()?.api.bank.pack();
    const markdown = loopReportMarkdown(loopReport(finished, pack?.askTheInterviewer ?? [], this.now()));
    await this.deps.state.update(LAST_REPORT_KEY, markdown);
    await this.save(undefined);
    this.lastReportUri = await writeReport('mock-loop', markdown, finished.startedAt);
    await previewReport(this.lastReportUri);
    return finished;
  }

  /** One round of each kind: a runnable coding problem, a design prompt, a question of the story pack. */
  private async pickRounds(): Promise<LoopRoundPlan[] | string> {
    const random = this.deps.random ?? Math.random;
    const pick = <T>(items: readonly T[]): T | undefined => items[Math.min(items.length - 1, Math.floor(random() * items.length))];
    const kinds = this.deps.kinds();
    if (!kinds) return 'The design and story drills did not start, so a mock loop cannot: see "Drills: Show Output".';
    if (!this.deps.services()) return 'The drill session is not available, so a mock loop cannot start: see "Drills: Show Output".';
    const coding = pick(this.deps.packs.packs.filter((p) => this.deps.packs.canRun(p)).flatMap((p) => p.problems));
    const design = pick(kinds.api.designs.all.map((d) => d.problem));
    const question = pick((await kinds.api.bank.pack())?.questions ?? []);
    if (!coding || !design || !question) return `A mock loop needs a coding problem, a design prompt and a behavioural question; missing: ${[!coding && 'a coding problem that can run here', !design && 'a design prompt', !question && 'a story pack question'].filter(Boolean).join(', ')}.`;
    const storyMinutes = storyType(question.stories[0]).targetMinutes;
    return [
      { kind: 'coding', subjectId: coding.id, packId: coding.packId, title: coding.title, minutes: coding.minutes },
      { kind: 'design', subjectId: design.id, packId: design.packId, title: design.title, minutes: design.minutes },
      { kind: 'story', subjectId: question.id, title: question.text, minutes: storyMinutes },
    ];
  }

  /**
   * Starts round `index` with its own drill, or starts the drill of the round under way when it never started.
   * When the drill does not start (a pick dismissed), the round waits for it and the candidate is told how to go on.
   * Resolves with whether the drill started.
   */
  private async runRound(index: number): Promise<boolean> {
    const loop = this.current;
    const round = loop?.rounds[index];
    if (!loop || !round) return false;
    this.clearBreak();
    const state = loopState(loop, this.now());
    const waiting = state.stage === 'round' && state.round === index && round.ref === undefined;
    if (!waiting) {
      const started = startLoopRound(loop, index, this.now());
      if (isLoopError(started)) return this.refused(started.error);
      await this.save(started);
    }
    const started = await this.startRoundDrill(index, round);
    if (!started && !waiting) {
      void vscode.window.showInformationMessage(
        `Mock loop: round ${index + 1} (${round.title}) is waiting for its drill to start. Run "Drills: Next Mock Loop Round" to start it (or skip the round), or "Drills: Finish Mock Loop" to end the loop.`,
      );
    }
    this.reconcile();
    return started;
  }

  /** Starts the drill of a round and records it on the round; false when it did not start. */
  private async startRoundDrill(index: number, round: LoopRoundPlan): Promise<boolean> {
    const kinds = this.deps.kinds();
    const services = this.deps.services();
    if (round.kind === 'coding') {
      const problem = round.packId ? this.deps.packs.findProblem(round.packId, round.subjectId) : undefined;
      if (!problem || !services) return this.refused(`The coding problem ${round.subjectId} is not available now.`);
      const attempt = services.session.expectStart(problem, { totalMinutes: round.minutes, mode: 'strict' });
      if (!(await this.deps.drills.start(problem as ProblemSummary, this.prompts.drill))) {
        services.session.cancelExpectedStart(problem);
        return false;
      }
      await this.setRef(index, (await attempt).id);
      return true;
    }
    if (round.kind === 'design') {
      const problem = round.packId ? kinds?.api.designs.find(round.packId, round.subjectId) : undefined;
      if (!problem || !kinds) return this.refused(`The design prompt ${round.subjectId} is not available now.`);
      this.followDesign();
      const entry = await kinds.api.design.start(problem);
      if (entry) await this.setRef(index, entry.id);
      return entry !== undefined;
    }
    const question = (await kinds?.api.bank.pack())?.questions.find((q) => q.id === round.subjectId);
    if (!question || !kinds) return this.refused(`The question ${round.subjectId} is not in the story pack now.`);
    const outcome = await kinds.api.rehearsals.start(question);
    if ('started' in outcome) await this.setRef(index, kindEntryId('story', question.id, outcome.started.askedAt));
    return 'started' in outcome;
  }

  /** Follows the design drill the kinds hold now: its steps may end a design round. */
  private followDesign(): void {
    this.designFollowed?.dispose();
    this.designFollowed = this.deps.kinds()?.api.design.onDidChange(() => this.reconcile());
  }

  private async setRef(index: number, ref: string): Promise<void> {
    const loop = this.current;
    if (!loop) return;
    await this.save({ ...loop, rounds: loop.rounds.map((r, i) => (i === index ? { ...r, ref } : r)) });
  }

  /** Ends the round under way when its drill has recorded an outcome; one check at a time. */
  reconcile(): void {
    this.busy = this.busy.then(() => this.endRoundIfDone()).catch((e: unknown) => this.deps.log.error(`Mock loop: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
  }

  /** Waits for the checks asked so far. */
  settled(): Promise<void> {
    return this.busy;
  }

  private async endRoundIfDone(): Promise<void> {
    const loop = this.current;
    if (!loop) return;
    const state = loopState(loop, this.now());
    if (state.stage !== 'round' || state.round === undefined) return;
    const round = loop.rounds[state.round];
    if (!round.ref) return;
    const outcome = await this.outcomeOf(round.kind, round.ref);
    if (!outcome) return;
    const ended = endLoopRound(loop, state.round, outcome, this.now());
    if (isLoopError(ended)) return void this.refuse(ended);
    await this.save(ended);
    this.afterRound(state.round);
  }

  /** The outcome of a round's drill when it has ended, read from that drill's history. */
  private async outcomeOf(kind: LoopRoundPlan['kind'], ref: string): Promise<LoopRoundOutcome | undefined> {
    if (kind === 'coding') {
      const services = this.deps.services();
      if (!services) return undefined;
      const attempt = services.session.find(ref)?.attempt ?? (await services.session.history.getAttempt(ref)).attempt;
      if (!attempt || isOpen(attempt)) return undefined;
      const problem = this.deps.packs.findProblem(attempt.packId, attempt.problemId);
      const cases = services.session.find(ref)?.problem?.cases;
      return codingRoundOutcome({ problem: { title: problem?.title ?? attempt.problemId, minutes: problem?.minutes ?? 0, ...(cases ? { cases } : {}) } }, attempt);
    }
    const kinds = this.deps.kinds();
    if (!kinds) return undefined;
    const current = kinds.api.design.current;
    const entry: KindHistoryEntry | undefined = current?.id === ref ? current : (await kinds.api.history.list()).entries.find((e) => e.id === ref);
    if (!entry) return undefined;
    if (entry.kind === 'design') return entry.state.stage === 'done' || entry.state.stage === 'abandoned' ? designRoundOutcome(entry.record) : undefined;
    return storyRoundOutcome(entry.record);
  }

  /**
   * After a round: the break, then the next round when the candidate asks; after the last, the end. The questions
   * are not awaited: a notification left unanswered must not hold up the checks of later rounds.
   */
  private afterRound(index: number): LoopSession | undefined {
    const loop = this.current;
    if (!loop) return undefined;
    const round = loop.rounds[index];
    const outcome = round.skipped ? 'skipped' : (round.outcome && 'status' in round.outcome ? round.outcome.status : 'recorded');
    const nextRound = loop.rounds[index + 1];
    if (!nextRound) {
      void vscode.window.showInformationMessage(`Mock loop: the last round is over (${outcome}). Write the questions you asked the interviewer to see the report.`);
      void this.finish();
      return loop;
    }
    const breakMs = loop.breakMinutes * 60_000;
    const message = `Mock loop: round ${index + 1} is over (${outcome}). ${breakMs > 0 ? `Take a ${formatDuration(breakMs)} break; ` : ''}next: ${nextRound.title} (${nextRound.kind}, ${nextRound.minutes} min).`;
    this.clearBreak();
    if (breakMs > 0) {
      this.breakTimer = setTimeout(() => void this.prompts.nextRound(`Mock loop: the break is over. Next: ${nextRound.title}.`).then((go) => (go ? this.runRound(index + 1) : undefined)), breakMs);
    }
    void this.prompts.nextRound(message).then(async (go) => {
      const now = this.current;
      const state = now ? loopState(now, this.now()) : undefined;
      if (go && state?.round === index + 1 && state.stage !== 'round') await this.runRound(index + 1);
    });
    return loop;
  }

  private clearBreak(): void {
    if (this.breakTimer) clearTimeout(this.breakTimer);
    this.breakTimer = undefined;
  }

  private refused(error: string): false {
    this.refuse({ error });
    return false;
  }

  private refuse(e: LoopError): LoopSession | undefined {
    void vscode.window.showWarningMessage(`Mock loop: ${e.error}`);
    return this.current;
  }

  private async save(loop: LoopSession | undefined): Promise<void> {
    // The context key first: whoever sees the saved loop (or its end) sees the menus that go with it.
    const context = setContext(ContextKeys.loopActive, loop !== undefined);
    await this.deps.state.update(LOOP_KEY, loop);
    await context;
  }

  dispose(): void {
    this.clearBreak();
    this.designFollowed?.dispose();
  }
}
