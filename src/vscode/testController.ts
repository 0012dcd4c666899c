import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { attemptDurationMs, isAttemptError, isOpen, recordRun, type Attempt } from '../core/attempt/index';
import { coverageReport, type CoverageReport } from '../core/plan/index';
import { WarmRunner, WarmSlot, createInterpreterResolver, runSolution, type CaseResult, type InterpreterResolver, type RunnerEnv, type RunResult } from '../core/runner/index';
import { caseInputText, definitionLineOf, labelledValue, stackFrames, withLastRunCoverage } from '../core/session/index';
import { describeDifference, showValue } from '../core/runner/difference';
import { formatDuration, timerState } from '../core/timer/index';
import type { PackSummary } from '../core/pack/types';
import { LANGUAGES } from '../core/languages/registry';
import { toolchainPaths, type Config } from './config';
import { RESTRICTED_REASON } from './drillsTree';
import { appendMeasuredComplexity } from './complexityOutput';
import { measurable } from '../core/complexity/afterRun';
import { Commands } from './constants';
import type { DrillSession, OpenDrill } from './session';

/** What a test item stands for: a drill (the root) or one of its hidden cases. */
interface ItemData {
  attemptId: string;
  caseIndex?: number;
}

/** The outcome of a run of hidden tests, for the command's caller (and the tests). */
export interface HiddenRunSummary {
  attemptId: string;
  result: RunResult;
  /** The attempt after the run was recorded, or why it was not. */
  attempt?: Attempt;
  recordError?: string;
  coverage?: CoverageReport;
  late: boolean;
  /** What this run reported to the Testing view, item by item: only hidden cases, never the drill's root. */
  reported: { id: string; state: 'passed' | 'failed' | 'errored' | 'skipped' }[];
}

/**
 * The hidden tests in the Testing view. Before a drill's plan is accepted the controller has no item
 * for it at all (nothing to see, nothing to run); afterwards, a root per drill with one item per hidden
 * case: name, tags as description and TestTags, no inputs. A run goes through the core runner; each
 * case reports as it finishes, with expected/actual diffs at the user's line, what the solution
 * printed, and, after the run, the inputs of the failed cases. Every run is recorded on the attempt,
 * with the edge-case coverage of the plan.
 */
export class HiddenTests implements vscode.CodeLensProvider, vscode.Disposable {
  readonly controller: vscode.TestController;
  private readonly data = new WeakMap<vscode.TestItem, ItemData>();
  private resolver: InterpreterResolver;
  private readonly lensesChanged = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.lensesChanged.event;
  private readonly disposables: vscode.Disposable[] = [];
  /** The drills whose roots are shown, by attempt id. */
  private readonly shownDrills = new Map<string, OpenDrill>();
  /** The drill that closed last, shown read-only until another one starts. */
  private closed: OpenDrill | undefined;
  /** The active drill's next test process, started ahead and waiting for its run (`drills.warmRuns`). */
  private readonly warm = new WarmSlot((t) => new WarmRunner({ ...t, env: this.runnerEnv() }));

  constructor(
    private readonly session: DrillSession,
    private readonly deps: {
      harnessDir: string;
      interpreterCacheFile: string;
      config: Config;
      log: vscode.LogOutputChannel;
      /** Whether a pack's tests may run here (workspace packs: only in a trusted workspace). */
      canRun: (pack: PackSummary) => boolean;
    },
  ) {
    this.controller = vscode.tests.createTestController('drillsHiddenTests', 'Drills hidden tests');
    this.controller.createRunProfile('Run hidden tests', vscode.TestRunProfileKind.Run, async (request, token) => {
      await this.runRequest(request, token);
    }, true);
    this.resolver = this.makeResolver();
    this.disposables.push(
      this.controller,
      this.lensesChanged,
      deps.config.watch('pythonPath', () => this.resolverChanged()),
      deps.config.watch('toolchains', () => this.resolverChanged()),
      deps.config.watch('warmRuns', () => this.syncWarm()),
      session.onDidChangeAttempt((attempt) => this.sync(attempt)),
      session.onDidChangeActive(() => this.sync()),
      { dispose: () => this.warm.clear() },
      vscode.languages.registerCodeLensProvider(LANGUAGES.map((l) => ({ scheme: 'file', pattern: `**/${l.solutionFile}` })), this),
    );
    this.sync();
    this.replayLastRuns();
  }

  /** The results shown again after a reload, per attempt: what each case's item was marked with. */
  readonly restored = new Map<string, HiddenRunSummary['reported']>();

  /**
   * After a reload (or activation), each open drill's last recorded run is shown again in the Testing view, from
   * history: the verdicts only (the messages and diffs were not kept), marked as coming from before the reload.
   */
  private replayLastRuns(): void {
    for (const drill of this.session.open) {
      const last = drill.attempt.runs[drill.attempt.runs.length - 1];
      const root = this.controller.items.get(drill.attempt.id);
      if (!last || !root) continue;
      const byName = new Map<string, vscode.TestItem>();
      root.children.forEach((item) => byName.set(item.label, item));
      const run = this.controller.createTestRun(new vscode.TestRunRequest([root]), 'Last run (from history)', false);
      const reported: HiddenRunSummary['reported'] = [];
      const when = new Date(last.at).toLocaleTimeString();
      for (const v of last.verdicts) {
        const item = byName.get(v.name);
        if (!item) continue;
        if (v.verdict === 'passed') run.passed(item);
        else if (v.verdict === 'notRun') run.skipped(item);
        else run.failed(item, new vscode.TestMessage(`${v.verdict} in the last run (${when}). Run the hidden tests again for the details.`));
        reported.push({ id: item.id, state: v.verdict === 'passed' ? 'passed' : v.verdict === 'notRun' ? 'skipped' : 'failed' });
      }
      run.appendOutput(`Last run before the reload (${when}): ${last.passed}/${last.total} hidden cases passed.\r\n`);
      run.end();
      this.restored.set(drill.attempt.id, reported);
    }
  }

  private makeResolver(): InterpreterResolver {
    return createInterpreterResolver({ paths: toolchainPaths(this.deps.config), cacheFile: this.deps.interpreterCacheFile });
  }

  private runnerEnv(): RunnerEnv {
    return { harnessDir: this.deps.harnessDir, interpreters: this.resolver, now: Date.now };
  }

  /** Another interpreter may be configured: a process started with the old one goes. */
  private resolverChanged(): void {
    this.resolver = this.makeResolver();
    this.warm.clear();
    this.syncWarm();
  }

  /**
   * Keeps the active drill's next test process started and waiting once its hidden tests can run (plan accepted,
   * attempt open, pack allowed to run here), unless `drills.warmRuns` is off; any other drill's process goes.
   */
  private syncWarm(): void {
    const drill = this.session.active;
    const runs = this.deps.config.get('warmRuns') && drill?.problem && drill.attempt.plan && isOpen(drill.attempt) && drill.pack && this.deps.canRun(drill.pack);
    this.warm.want(runs ? { key: drill.attempt.id, language: drill.attempt.language, solutionPath: drill.attempt.solutionPath, memoryMb: drill.problem!.limits.memoryMb, problem: drill.problem! } : undefined);
  }

  /**
   * One root per open drill whose plan was accepted; none before. A drill that just closed keeps its root, read-only
   * with its last results, until another drill starts: the candidate can still read what passed and what failed.
   */
  sync(changed?: Attempt): void {
    const open = this.session.open.filter((d) => d.attempt.plan !== undefined && d.problem !== undefined);
    const openIds = new Set(open.map((d) => d.attempt.id));
    // A shown drill no longer open has just closed (the session may say so before the closed attempt arrives).
    for (const [id, shown] of this.shownDrills) if (!openIds.has(id) && this.closed?.attempt.id !== id) this.closed = shown;
    if (changed && this.closed?.attempt.id === changed.id) this.closed = { ...this.closed, attempt: changed };
    else if (changed && this.closed && changed.timer.startedAt >= (this.closed.attempt.closedAt ?? Infinity)) {
      // Another drill started: the closed one's cases go.
      this.closed = undefined;
    }
    const wanted = this.closed && !openIds.has(this.closed.attempt.id) ? [...open, this.closed] : open;
    const ids = new Set(wanted.map((d) => d.attempt.id));
    this.controller.items.forEach((item) => {
      if (!ids.has(item.id)) this.controller.items.delete(item.id);
    });
    for (const id of [...this.shownDrills.keys()]) if (!ids.has(id)) this.shownDrills.delete(id);
    for (const drill of wanted) {
      this.shownDrills.set(drill.attempt.id, drill);
      const existing = this.controller.items.get(drill.attempt.id);
      if (existing) existing.description = rootDescription(drill);
      else this.controller.items.add(this.rootFor(drill));
    }
    this.lensesChanged.fire();
    this.syncWarm();
  }

  /** The drill whose cases stay shown read-only after it closed, if any. */
  get closedDrill(): OpenDrill | undefined {
    return this.closed;
  }

  private rootFor(drill: OpenDrill): vscode.TestItem {
    const problem = drill.problem!;
    const uri = vscode.Uri.file(drill.attempt.solutionPath);
    const root = this.controller.createTestItem(drill.attempt.id, problem.title, uri);
    root.description = rootDescription(drill);
    this.data.set(root, { attemptId: drill.attempt.id });
    problem.cases.forEach((c, index) => {
      // No uri: a case has no place in the user's file until it fails, and its inputs stay hidden until then.
      const item = this.controller.createTestItem(`${drill.attempt.id}/${index}`, c.name);
      item.description = c.tags.join(', ');
      item.tags = c.tags.map((t) => new vscode.TestTag(t));
      item.sortText = String(index).padStart(5, '0');
      this.data.set(item, { attemptId: drill.attempt.id, caseIndex: index });
      root.children.add(item);
    });
    return root;
  }

  /**
   * Shows a drill's cases in the Testing view (opened, the root expanded), then puts the focus back in its solution:
   * what the candidate sees once the plan is accepted.
   */
  async reveal(drill: OpenDrill): Promise<void> {
    this.sync();
    let first: vscode.TestItem | undefined;
    this.controller.items.get(drill.attempt.id)?.children.forEach((item) => (first ??= item));
    try {
      if (first) await vscode.commands.executeCommand('vscode.revealTestInExplorer', first);
    } catch (e) {
      this.deps.log.warn(`Could not reveal the hidden cases: ${e instanceof Error ? e.message : String(e)}`);
    }
    await vscode.window.showTextDocument(vscode.Uri.file(drill.attempt.solutionPath), { viewColumn: vscode.ViewColumn.One, preview: false, preserveFocus: false });
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const drill = this.session.drillOfFile(document.uri.fsPath);
    if (!drill || !drill.attempt.plan || path.resolve(document.uri.fsPath) !== path.resolve(drill.attempt.solutionPath) || !isOpen(drill.attempt)) return [];
    const title = drill.attempt.finalRunOpen ? '$(beaker) Final run of the hidden tests' : '$(beaker) Run hidden tests';
    return [new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), { title, command: Commands.runHiddenTests, arguments: [document.uri] })];
  }

  /** The command: runs every hidden case of the drill of `uri` (default: the active drill), shown in the Testing view. */
  async runActive(uri?: vscode.Uri): Promise<HiddenRunSummary | undefined> {
    const drill = uri ? this.session.drillOfFile(uri.fsPath) : this.session.active;
    const root = drill ? this.controller.items.get(drill.attempt.id) : undefined;
    if (!drill || !root) {
      void vscode.window.showInformationMessage(drill ? 'Submit your plan first: the hidden tests appear once it is accepted.' : 'No drill is open: start one from the Drills view.');
      return undefined;
    }
    const source = new vscode.CancellationTokenSource();
    try {
      const summaries = await this.runRequest(new vscode.TestRunRequest([root]), source.token);
      return summaries[0];
    } finally {
      source.dispose();
    }
  }

  /** The run profile's handler: groups the requested items by drill and runs each drill once. */
  async runRequest(request: vscode.TestRunRequest, token: vscode.CancellationToken): Promise<HiddenRunSummary[]> {
    const selected = new Map<string, Set<number> | 'all'>();
    const add = (item: vscode.TestItem) => {
      const d = this.data.get(item);
      if (!d) return;
      if (d.caseIndex === undefined) selected.set(d.attemptId, 'all');
      else {
        const current = selected.get(d.attemptId);
        if (current === 'all') return;
        selected.set(d.attemptId, (current ?? new Set<number>()).add(d.caseIndex));
      }
    };
    if (request.include) request.include.forEach(add);
    else this.controller.items.forEach(add);
    const excluded = new Set((request.exclude ?? []).map((i) => i.id));

    const run = this.controller.createTestRun(request, 'Hidden tests', false);
    // Two ways to stop: the caller's token (the run profile's), and the run's own, which the Testing view's Stop
    // button cancels, also for a run started from the command or the CodeLens.
    const stop = anyOf(token, run.token);
    const summaries: HiddenRunSummary[] = [];
    try {
      for (const [attemptId, which] of selected) {
        if (stop.token.isCancellationRequested) break;
        const drill = this.session.find(attemptId);
        const root = this.controller.items.get(attemptId);
        if (!drill?.problem || !root) continue;
        let only = which === 'all' ? drill.problem.cases.map((_, i) => i) : [...which].sort((a, b) => a - b);
        only = only.filter((i) => !excluded.has(`${attemptId}/${i}`));
        const summary = await this.runDrill(drill, root, only, run, stop.token);
        if (summary) summaries.push(summary);
      }
    } finally {
      stop.dispose();
      run.end();
    }
    return summaries;
  }

  private async runDrill(drill: OpenDrill, root: vscode.TestItem, only: number[], run: vscode.TestRun, token: vscode.CancellationToken): Promise<HiddenRunSummary | undefined> {
    const problem = drill.problem!;
    const attempt = drill.attempt;
    if (!isOpen(attempt)) {
      void vscode.window.showWarningMessage('This attempt is closed: its hidden tests no longer run.');
      return undefined;
    }
    // An attempt begun while the workspace was trusted, reopened in Restricted Mode: its pack's tests (and checker) stay put.
    if (!drill.pack || !this.deps.canRun(drill.pack)) {
      void vscode.window.showWarningMessage(`${drill.title}: the hidden tests do not run. ${RESTRICTED_REASON}`);
      return undefined;
    }
    const now = this.session.clock.now();
    const late = attempt.finalRunOpen === true || (attempt.mode === 'strict' && timerState(attempt.timer, now).expired);
    if (late && attempt.mode === 'strict') void vscode.window.showWarningMessage(`${drill.title}: time is up. This is your one final run; it is recorded as late.`);
    // The run judges what the editor shows; after a strict expiry, only what was saved in time counts.
    const open = vscode.workspace.textDocuments.find((d) => path.resolve(d.uri.fsPath) === path.resolve(attempt.solutionPath));
    if (open?.isDirty && !late) await open.save();
    const items = new Map<number, vscode.TestItem>();
    root.children.forEach((item) => {
      const d = this.data.get(item);
      if (d?.caseIndex !== undefined && only.includes(d.caseIndex)) items.set(d.caseIndex, item);
    });
    const reported: HiddenRunSummary['reported'] = [];
    for (const item of items.values()) run.enqueued(item);
    const abort = new AbortController();
    const cancel = token.onCancellationRequested(() => abort.abort());
    if (token.isCancellationRequested) abort.abort();
    const source = await fsp.readFile(attempt.solutionPath, 'utf8').catch(() => '');
    const functionName = problem.function?.names?.[attempt.language] ?? problem.function?.name ?? problem.class?.names?.[attempt.language] ?? problem.class?.name ?? '';
    const fallbackLine = definitionLineOf(source, functionName, attempt.language);
    const solutionUri = vscode.Uri.file(attempt.solutionPath);
    let result: RunResult;
    try {
      const options = {
        problem,
        language: attempt.language,
        solutionPath: attempt.solutionPath,
        only,
        signal: abort.signal,
        onCase: (c: CaseResult) => {
          const item = items.get(c.index);
          if (item) reported.push({ id: item.id, state: this.report(run, item, c, problem, solutionUri, fallbackLine) });
        },
      };
      // In the process started ahead for the active drill (which starts the next one after the run), else a fresh one.
      const warm = this.warm.runnerFor({ key: attempt.id, language: attempt.language, solutionPath: attempt.solutionPath });
      result = warm ? await warm.run(options) : await runSolution(options, this.runnerEnv());
    } finally {
      cancel.dispose();
    }
    // The root gets no result of its own: the Testing view would count it as one more test (4/22 for 21 cases).
    // A run that failed as a whole (no interpreter, a solution that does not load) errors every case it left.
    if (result.error) {
      const done = new Set(reported.map((r) => r.id));
      for (const item of items.values()) {
        if (done.has(item.id)) continue;
        run.errored(item, new vscode.TestMessage(result.error.message));
        reported.push({ id: item.id, state: 'errored' });
      }
      this.reportRunError(result);
    }
    run.appendOutput(`${result.passed}/${result.cases.length} hidden cases passed.\r\n`);

    const summary: HiddenRunSummary = { attemptId: attempt.id, result, late, reported };
    if (abort.signal.aborted) {
      run.appendOutput('Run cancelled: it is not recorded.\r\n');
      return summary;
    }
    // A run that earns a measurement may close the attempt: what the close sets off waits for the measurement.
    let measurementEnded = (): void => undefined;
    if (measurable(problem, result)) this.session.measuringUntil(attempt.id, new Promise<void>((resolve) => (measurementEnded = resolve)));
    try {
      return await this.recordAndMeasure(run, token, drill, problem, result, summary);
    } finally {
      measurementEnded();
    }
  }

  /** Records the run with its coverage, says how it went, and measures the complexity after a passing one. */
  private async recordAndMeasure(
    run: vscode.TestRun,
    token: vscode.CancellationToken,
    drill: OpenDrill,
    problem: NonNullable<OpenDrill['problem']>,
    result: RunResult,
    summary: HiddenRunSummary,
  ): Promise<HiddenRunSummary> {
    const attempt = drill.attempt;
    const recorded = await this.session.update(attempt.id, (a, at) => {
      const next = recordRun(a, result, at, problem.cases.length);
      if (isAttemptError(next) || !a.plan) return next;
      return withLastRunCoverage(next, coverageReport(result.cases, a.plan.statedTags));
    });
    if (isAttemptError(recorded)) {
      summary.recordError = recorded.error;
      void vscode.window.showWarningMessage(`The run was not recorded: ${recorded.error}`);
    } else {
      summary.attempt = recorded;
      if (recorded.plan && result.cases.length > 0) {
        summary.coverage = coverageReport(result.cases, recorded.plan.statedTags);
        run.appendOutput(`\r\n${wrapWords(`Edge-case coverage: ${summary.coverage.text}`).replace(/\n/g, '\r\n')}\r\n`);
        void vscode.window.showInformationMessage(`${result.passed}/${result.cases.length} hidden cases passed. ${summary.coverage.text}`);
      }
      if (recorded.status === 'solved' || recorded.status === 'solved-late') {
        const took = formatDuration(attemptDurationMs(recorded, this.session.clock.now()));
        void vscode.window.showInformationMessage(`${drill.title}: solved in ${took}${recorded.status === 'solved-late' ? ', late' : ''}. The attempt is closed; its cases stay in the Testing view until you start another drill.`);
      }
    }
    await appendMeasuredComplexity({ drill, result, run, token, session: this.session, env: this.runnerEnv() });
    return summary;
  }

  /** One case's verdict in the Testing view; the inputs of a failed case are shown once it ran. */
  private report(run: vscode.TestRun, item: vscode.TestItem, c: CaseResult, problem: NonNullable<OpenDrill['problem']>, solutionUri: vscode.Uri, fallbackLine: number): 'passed' | 'failed' | 'skipped' {
    const location = caseLocation(c, solutionUri, fallbackLine);
    if (c.output) run.appendOutput(c.output.replace(/\r?\n/g, '\r\n') + (c.outputTruncated ? '\r\n[output truncated]\r\n' : ''), location, item);
    if (c.verdict === 'passed') {
      run.passed(item, c.durationMs);
      return 'passed';
    }
    if (c.verdict === 'notRun') {
      run.skipped(item);
      return 'skipped';
    }
    run.failed(item, failureMessages(c, problem, location), c.durationMs);
    return 'failed';
  }

  private reportRunError(result: RunResult): void {
    const error = result.error!;
    this.deps.log.warn(`Hidden tests could not run: ${error.message}`);
    if (error.kind === 'interpreter-missing') {
      const action = 'Open Settings';
      void vscode.window.showErrorMessage(error.message, action).then((picked) => {
        if (picked === action) void vscode.commands.executeCommand('workbench.action.openSettings', 'drills.toolchains');
      });
    } else {
      void vscode.window.showErrorMessage(`Hidden tests: ${error.message}`);
    }
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

/** A token cancelled as soon as any of `tokens` is; dispose it to stop listening. */
function anyOf(...tokens: vscode.CancellationToken[]): { token: vscode.CancellationToken; dispose(): void } {
  const source = new vscode.CancellationTokenSource();
  const subscriptions = tokens.map((t) => t.onCancellationRequested(() => source.cancel()));
  if (tokens.some((t) => t.isCancellationRequested)) source.cancel();
  return {
    token: source.token,
    dispose: () => {
      for (const s of subscriptions) s.dispose();
      source.dispose();
    },
  };
}

/** The root's description: language and case count, and once the drill closed, how it ended. */
function rootDescription(drill: OpenDrill): string {
  const base = `${drill.attempt.language} · ${drill.problem?.cases.length ?? 0} hidden cases`;
  return isOpen(drill.attempt) ? base : `${base} · ${drill.attempt.status}, read-only`;
}

/** Where a case's failure shows: where the solution raised, else the definition of the tested function. */
function caseLocation(c: CaseResult, solutionUri: vscode.Uri, fallbackLine: number): vscode.Location {
  return c.location && c.location.file
    ? new vscode.Location(vscode.Uri.file(c.location.file), new vscode.Position(Math.max(0, c.location.line - 1), Math.max(0, (c.location.column ?? 1) - 1)))
    : new vscode.Location(solutionUri, new vscode.Position(Math.max(0, fallbackLine - 1), 0));
}

/** A leaf comparison as the problem's `compare` makes it (a float tolerance), for naming the first difference. */
function leafEqual(problem: NonNullable<OpenDrill['problem']>): ((e: unknown, a: unknown) => boolean) | undefined {
  const compare = problem.compare;
  if (compare.kind !== 'float') return undefined;
  return (e, a) => (typeof e === 'number' && typeof a === 'number' ? Math.abs(e - a) <= compare.tolerance : e === a);
}

/**
 * What a failed case says: a short, complete first line (shown inline on the solution line) and the full text, with
 * the input beside expected and actual and, for a wrong answer, the first place where they differ.
 */
export function failureText(c: CaseResult, problem: NonNullable<OpenDrill['problem']>): { headline: string; text: string } {
  const limits = problem.limits;
  let headline: string;
  if (c.verdict === 'failed' && c.expected !== undefined) {
    const difference =
      problem.compare.kind === 'unordered'
        ? `expected ${showValue(c.expected, 60)}, got ${showValue(c.actual, 60)} (in any order)`
        : describeDifference(c.expected, c.actual, leafEqual(problem), 60);
    // A single value differs as a whole: "expected 3, got 2" says it; "(root)" would only be noise.
    headline = `Wrong answer: ${(difference ?? c.message ?? 'the values differ').replace(/^differs at \(root\): /, '')}`;
  } else if (c.verdict === 'timeout') headline = `Time limit exceeded${limits ? ` (${limits.timeMs} ms)` : ''}`;
  else if (c.verdict === 'memory') headline = `Memory limit exceeded${limits ? ` (${limits.memoryMb} MB)` : ''}`;
  else headline = (c.message ?? (c.verdict === 'error' ? 'The solution raised an error.' : 'Wrong answer.')).split('\n')[0];
  // The inline message is one line: a long difference is cut there and stays whole in the full text.
  const inline = headline.length > 160 ? `${headline.slice(0, 159)}…` : headline;
  const parts = [headline];
  if (c.message && !headline.includes(c.message) && c.verdict !== 'failed') parts.push(c.message);
  const input = caseInputText(problem, c.index);
  if (input) parts.push(`Input:\n${input}`);
  if (c.verdict === 'failed' && c.expected !== undefined) parts.push(`${labelledValue('Expected:', c.expected)}\n${labelledValue('Got:     ', c.actual)}`);
  if (c.verdict === 'error' && c.stack) parts.push(`Stack:\n${c.stack}`);
  return { headline: inline, text: parts.join('\n\n') };
}

/**
 * The Testing view's message for a case that did not pass: expected and actual as a diff for a wrong answer (each
 * compact on one line when it fits, pretty-printed when not), the case's input and the first difference, and the
 * solution's own stack frames (harness frames are already gone) for the call stack view.
 */
export function failureMessage(c: CaseResult, problem: NonNullable<OpenDrill['problem']>, location: vscode.Location): vscode.TestMessage {
  const { text } = failureText(c, problem);
  const message =
    c.verdict === 'failed' && c.expected !== undefined
      ? vscode.TestMessage.diff(text, showValue(c.expected, 80, 100_000), showValue(c.actual, 80, 100_000))
      : new vscode.TestMessage(text);
  message.location = location;
  if (c.stack) {
    message.stackTrace = stackFrames(c.stack).map(
      (f) => new vscode.TestMessageStackFrame(f.label, f.file ? vscode.Uri.file(f.file) : undefined, f.file && f.line ? new vscode.Position(f.line - 1, Math.max(0, (f.column ?? 1) - 1)) : undefined),
    );
  }
  return message;
}

/**
 * The messages of a failed case. A wrong answer has two: the diff, titled with its first difference (what shows on
 * the solution line), and the whole story (input, expected, got), since the Test Results view shows a diff message
 * as the two values alone.
 */
export function failureMessages(c: CaseResult, problem: NonNullable<OpenDrill['problem']>, location: vscode.Location): vscode.TestMessage[] {
  const first = failureMessage(c, problem, location);
  if (first.expectedOutput === undefined) return [first];
  const { headline, text } = failureText(c, problem);
  const input = text.indexOf('Input:');
  return [first, new vscode.TestMessage(`${input >= 0 ? text.slice(input) : text}\n\n${headline}`)];
}

/**
 * Text for the Test Results terminal, broken between words at `width` columns (the terminal breaks inside them); 72
 * fits the panel's terminal at its default size beside the results tree.
 */
export function wrapWords(text: string, width = 72): string {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      if (line && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
  }
  return lines.join('\n');
}
