import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { nextAttemptDir } from '../core/drill/attemptFolder';
import {
  abandonDesign, appendProbe, checkDesignGate, designKind, designRecord, DESIGN_RUBRIC, finishProbes, isDesignDrillError, nextProbe, outlineMarkdown,
  probeClock, rateDesign, RUBRIC_MAX, RUBRIC_MIN, startDesignDrill, submitDesign, type DesignDrillState, type DesignGateResult, type DesignProblem,
} from '../core/kinds/design/index';
import { designPhaseAt, kindEntryId, type DesignHistoryEntry, type KindHistory } from '../core/kinds/history';
import type { Finding } from '../core/kinds/types';
import { clockText, KindCommands, KindContextKeys, setKindContext, type KindsUi } from './kindsConstants';
import type { KindsStatusBar } from './kindsStatusBar';

/** Where the read-only documents of the kinds (the model outline, a story's headings) live. */
export const KINDS_SCHEME = 'drills-kinds';

/** What the design drill needs from around it. */
export interface DesignDrillDeps {
  history: KindHistory;
  status: KindsStatusBar;
  ui: () => KindsUi;
  /** The design problem with this pack and id, from the last index. */
  problem(packId: string, problemId: string): DesignProblem | undefined;
  /** Publishes a read-only Markdown document and returns its URI. */
  showReadOnly(name: string, markdown: string): Promise<vscode.Uri>;
  log: vscode.LogOutputChannel;
  now?: () => number;
}

/** What a submission did: the gate's verdict, and the message the candidate saw. */
export interface SubmitOutcome {
  accepted: boolean;
  message: string;
  gate?: DesignGateResult;
}

/** Builds editor diagnostics from a check's findings (1-based lines and columns in, ranges out). */
export function toDiagnostics(findings: readonly Finding[], source: string): vscode.Diagnostic[] {
  const severity = { error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning, info: vscode.DiagnosticSeverity.Information };
  return findings.map((f) => {
    const start = new vscode.Position(f.line - 1, f.column - 1);
    const end = f.endColumn !== undefined ? new vscode.Position(f.line - 1, f.endColumn - 1) : new vscode.Position(f.line - 1, Number.MAX_SAFE_INTEGER);
    const d = new vscode.Diagnostic(new vscode.Range(start, end), f.message, severity[f.severity]);
    d.source = source;
    d.code = f.code;
    return d;
  });
}

/**
 * A system-design drill in the editor: DESIGN.md scaffolded beside the prompt, the round's phase timer, the gate
 * on save and by command (diagnostics, a refusal naming what is missing, the failure-mode coverage), the probes
 * one at a time appended to the document with their own timer, the rubric as quick picks, the model outline last.
 * The drill's state is saved after every step, so a reload comes back to the same place.
 */
export class DesignDrills implements vscode.Disposable {
  private entry: DesignHistoryEntry | undefined;
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('drills-design');
  private readonly disposables: vscode.Disposable[] = [this.diagnostics];
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after every step of a drill (the tree redraws). */
  readonly onDidChange = this.changed.event;
  private readonly now: () => number;
  /** The coverage report of the last accepted gate. */
  lastCoverage: string | undefined;

  constructor(private readonly deps: DesignDrillDeps) {
    this.now = deps.now ?? Date.now;
    this.disposables.push(
      this.changed,
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (this.entry && doc.uri.fsPath === this.entry.documentPath) this.checkText(doc.getText());
      }),
    );
  }

  /** The drill in progress (or the one just finished), with its state. */
  get current(): DesignHistoryEntry | undefined {
    return this.entry;
  }

  /** Comes back to the drill a previous window left open. */
  async restore(): Promise<void> {
    this.entry = await this.deps.history.activeDesign();
    if (!this.entry) return;
    const text = await fs.readFile(this.entry.documentPath, 'utf8').catch(() => undefined);
    if (text !== undefined && this.entry.state.stage === 'writing') this.checkText(text);
    await this.refreshStatus();
    this.deps.log.info(`Design drill restored: ${this.entry.state.problemId} (${this.entry.state.stage}).`);
  }

  /** Starts a drill: DESIGN.md in a new attempt folder, opened beside the prompt. */
  async start(problem: DesignProblem): Promise<DesignHistoryEntry | undefined> {
    const ui = this.deps.ui();
    if (this.entry && isOpen(this.entry.state)) {
      ui.warn(`A design drill is open (${this.entry.state.problemId}): submit, score or abandon it before starting another.`);
      await this.openDocument();
      return undefined;
    }
    const root = vscode.workspace.workspaceFolders?.[0];
    if (!root) {
      ui.warn('Open a folder first: the design document is written inside the workspace.');
      return undefined;
    }
    const base = path.join(root.uri.fsPath, 'drills', 'design', problem.id);
    const siblings = await fs.readdir(path.dirname(base)).catch(() => [] as string[]);
    const attemptDir = nextAttemptDir(base, siblings);
    await fs.mkdir(attemptDir, { recursive: true });
    const [scaffold] = designKind.scaffold(problem);
    const documentPath = path.join(attemptDir, scaffold.path);
    await fs.writeFile(documentPath, scaffold.content, 'utf8');
    const state = startDesignDrill(problem, this.now());
    this.entry = { id: kindEntryId('design', problem.id, state.startedAt), kind: 'design', attemptDir, documentPath, state, record: designRecord(state) };
    await this.persist();
    await this.openDocument();
    try {
      await vscode.commands.executeCommand('markdown.showLockedPreviewToSide', vscode.Uri.file(problem.statementPath));
    } catch (e) {
      this.deps.log.warn(`The prompt's preview did not open: ${String(e)}`);
    }
    await this.refreshStatus();
    return this.entry;
  }

  /** The gate's verdict on the document as it is now, shown as diagnostics. */
  async check(): Promise<DesignGateResult | undefined> {
    if (!this.entry) return undefined;
    return this.checkText(await this.documentText());
  }

  /** Submits DESIGN.md: refused with what is missing, or accepted with the coverage report and the first probe. */
  async submit(): Promise<SubmitOutcome> {
    const ui = this.deps.ui();
    const entry = this.entry;
    if (!entry || entry.state.stage !== 'writing') {
      const message = entry ? `The design was already accepted: the drill is at the ${entry.state.stage} stage.` : 'No design drill is open: start one from the Design & Stories view.';
      ui.info(message);
      return { accepted: false, message };
    }
    const gate = this.checkText(await this.documentText());
    const submitted = submitDesign(entry.state, gate, this.now());
    if ('error' in submitted) throw new Error(submitted.message);
    await this.update(submitted.state);
    if (!submitted.accepted) {
      const missing = gate.findings.filter((f) => f.severity === 'error');
      const message = `The gate is closed: ${missing.length} thing${missing.length === 1 ? '' : 's'} to fix before the probes. ${missing.slice(0, 3).map((f) => `Line ${f.line}: ${f.message}`).join(' ')}${missing.length > 3 ? ' See the Problems panel for the rest.' : ''}`;
      ui.warn(message);
      return { accepted: false, message, gate };
    }
    this.lastCoverage = `Failure modes: ${gate.coverage.text}`;
    await this.appendCurrentProbe();
    const message = `Design accepted. ${this.lastCoverage} Probe 1 of ${submitted.state.probes.length} is at the end of the document.`;
    ui.info(message);
    return { accepted: true, message, gate };
  }

  /** Reveals the next probe; after the last one, moves to the rubric. */
  async nextProbe(): Promise<DesignDrillState | undefined> {
    const entry = this.entry;
    if (!entry || entry.state.stage !== 'probing') {
      this.deps.ui().info(entry?.state.stage === 'rating' ? 'Every probe has been asked: score yourself.' : 'No probe to reveal: submit the design first.');
      return entry?.state;
    }
    if (entry.state.revealed.length >= entry.state.probes.length) {
      await this.score();
      return this.entry?.state;
    }
    const next = nextProbe(entry.state, this.now());
    if (isDesignDrillError(next)) throw new Error(next.message);
    await this.update(next);
    await this.appendCurrentProbe();
    return next;
  }

  /**
   * Scores the rubric, one quick pick per criterion. Cancelling leaves the drill at the rubric (the status bar
   * offers it again); the scores are saved only when every criterion has one. The model outline opens last.
   */
  async score(): Promise<DesignDrillState | undefined> {
    const entry = this.entry;
    if (!entry) return undefined;
    if (entry.state.stage === 'probing') {
      const rating = finishProbes(entry.state, this.now());
      if (isDesignDrillError(rating)) throw new Error(rating.message);
      await this.update(rating);
    }
    if (this.entry!.state.stage !== 'rating') {
      this.deps.ui().info('The rubric comes after the probes.');
      return this.entry!.state;
    }
    const scores: Record<string, number> = {};
    for (const [i, criterion] of DESIGN_RUBRIC.entries()) {
      const items = criterion.levels.map((level, l) => ({ label: `${l + RUBRIC_MIN}`, description: level, score: l + RUBRIC_MIN }));
      const picked = await this.deps.ui().pick(items, { title: `Rubric ${i + 1}/${DESIGN_RUBRIC.length}: ${criterion.title}`, placeHolder: `Score yourself ${RUBRIC_MIN}–${RUBRIC_MAX}`, ignoreFocusOut: true });
      if (!picked) {
        this.deps.ui().info('Scoring paused: the drill waits at the rubric (click the status bar to score).');
        return this.entry!.state;
      }
      scores[criterion.id] = picked.score;
    }
    const done = rateDesign(this.entry!.state, scores, this.now());
    if (isDesignDrillError(done)) throw new Error(done.message);
    await this.update(done);
    await this.showOutline();
    return done;
  }

  /** Gives up the drill; it is kept in history as abandoned, with the outline shown. */
  async abandon(): Promise<void> {
    if (!this.entry || !isOpen(this.entry.state)) return;
    const abandoned = abandonDesign(this.entry.state, this.now());
    if (isDesignDrillError(abandoned)) throw new Error(abandoned.message);
    await this.update(abandoned);
    await this.showOutline();
  }

  /** The status bar's click: the next step of the drill. */
  async statusAction(): Promise<unknown> {
    switch (this.entry?.state.stage) {
      case 'writing':
        return this.submit();
      case 'probing':
        return this.nextProbe();
      case 'rating':
        return this.score();
      default:
        return undefined;
    }
  }

  /** The model outline, as a read-only Markdown preview. */
  private async showOutline(): Promise<void> {
    const problem = this.entry && this.deps.problem(this.entry.state.packId, this.entry.state.problemId);
    if (!problem) return;
    const uri = await this.deps.showReadOnly(`outline-${problem.id}.md`, outlineMarkdown(problem));
    await vscode.workspace.openTextDocument(uri);
    try {
      // Locked: an unlocked preview follows the active Markdown editor, and would turn into DESIGN.md as soon as the
      // candidate goes back to it to compare.
      await vscode.commands.executeCommand('markdown.showLockedPreviewToSide', uri);
    } catch (e) {
      this.deps.log.warn(`The outline's preview did not open (${String(e)}): showing its text.`);
      await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    }
  }

  private checkText(text: string): DesignGateResult {
    const entry = this.entry!;
    const problem = this.deps.problem(entry.state.packId, entry.state.problemId);
    const gate = checkDesignGate(problem ?? { title: entry.state.problemId }, text);
    this.diagnostics.set(vscode.Uri.file(entry.documentPath), toDiagnostics(gate.findings, 'drills design'));
    return gate;
  }

  private async documentText(): Promise<string> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === this.entry!.documentPath);
    if (open) {
      if (open.isDirty) await open.save();
      return open.getText();
    }
    return fs.readFile(this.entry!.documentPath, 'utf8');
  }

  /** Appends the probe just revealed under the document's probes heading, saves, and puts the cursor there. */
  private async appendCurrentProbe(): Promise<void> {
    const state = this.entry!.state;
    const probe = state.revealed[state.revealed.length - 1];
    if (!probe) return;
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(this.entry!.documentPath));
    const text = appendProbe(doc.getText(), probe, state.revealed.length);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
    await vscode.workspace.applyEdit(edit);
    await doc.save();
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preview: false });
    const end = doc.positionAt(doc.getText().length);
    editor.selection = new vscode.Selection(end, end);
    editor.revealRange(new vscode.Range(end, end));
  }

  private async openDocument(): Promise<void> {
    if (!this.entry) return;
    await vscode.window.showTextDocument(vscode.Uri.file(this.entry.documentPath), { viewColumn: vscode.ViewColumn.One, preview: false });
  }

  private async update(state: DesignDrillState): Promise<void> {
    this.entry = { ...this.entry!, state, record: designRecord(state) };
    await this.persist();
    await this.refreshStatus();
  }

  private async persist(): Promise<void> {
    await this.deps.history.save(this.entry!);
    this.changed.fire();
  }

  /** The status bar and the `when`-clause stage for the drill's stage. */
  async refreshStatus(): Promise<void> {
    const entry = this.entry;
    const stage = entry && isOpen(entry.state) ? entry.state.stage : undefined;
    await setKindContext(KindContextKeys.designStage, stage);
    if (!entry || !stage) {
      this.deps.status.clear();
      return;
    }
    this.deps.status.show(() => (this.entry === entry || this.entry?.id === entry.id ? this.statusOf(this.entry.state) : undefined));
  }

  /** What the status bar says at this moment. */
  statusOf(state: DesignDrillState): { text: string; tooltip: string; command: string; warning: boolean } | undefined {
    const now = this.now();
    if (state.stage === 'writing') {
      const problem = this.deps.problem(state.packId, state.problemId);
      const phases = problem?.phases ?? [];
      if (phases.length === 0) return { text: '$(notebook) Design', tooltip: 'Submit the design for the gate', command: KindCommands.designAction, warning: false };
      const clock = designPhaseAt(phases, state.startedAt, now);
      return {
        text: `$(notebook) ${clock.index + 1}/${phases.length} ${clock.title} ${clockText(clock.remainingMs)}`,
        tooltip: `Design round: ${clock.title}${clock.overtime ? ' (the round is over its time)' : ''}. Click to submit DESIGN.md for the gate.`,
        command: KindCommands.designAction,
        warning: clock.overtime,
      };
    }
    if (state.stage === 'probing') {
      const clock = probeClock(state, now);
      return {
        text: `$(question) Probe ${clock.number}/${clock.total} ${clockText(clock.remainingMs)}`,
        tooltip: `${clock.probe?.question ?? ''}\nClick for the ${clock.number < clock.total ? 'next probe' : 'rubric'}.`,
        command: KindCommands.designAction,
        warning: clock.overtime,
      };
    }
    if (state.stage === 'rating') return { text: '$(star-empty) Score the design', tooltip: 'Score yourself against the rubric, 1 to 4 per criterion.', command: KindCommands.designAction, warning: false };
    return undefined;
  }

  dispose(): void {
    void setKindContext(KindContextKeys.designStage, undefined);
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

function isOpen(state: DesignDrillState): boolean {
  return state.stage === 'writing' || state.stage === 'probing' || state.stage === 'rating';
}
