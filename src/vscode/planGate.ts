import * as path from 'node:path';
import * as vscode from 'vscode';
import { isAttemptError, type Attempt, type AttemptError } from '../core/attempt/index';
import { Commands } from './constants';
import { PLAN_FILE, type DrillSession, type OpenDrill } from './session';

/** What submitting a plan did: the attempt with the plan recorded, or the refusal with its issues. */
export type PlanSubmission = { attempt: Attempt } | AttemptError;

/**
 * The plan gate: PLAN.md carries a "Submit plan" CodeLens until the plan is accepted. Submitting
 * validates with the core; issues become diagnostics at their lines of PLAN.md. Acceptance records
 * the plan, moves the timer on to coding and reveals the hidden tests (the session sets the
 * `drills.testsRevealed` context key that every run command's `when` clause reads).
 */
export class PlanGate implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly lensesChanged = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.lensesChanged.event;
  /** Diagnostics of refused plans, on PLAN.md. */
  readonly diagnostics = vscode.languages.createDiagnosticCollection('drills-plan');
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly session: DrillSession,
    /** Shows an accepted drill's hidden cases and puts the focus in its solution. */
    private readonly revealCases?: (drill: OpenDrill) => Promise<void>,
  ) {
    this.disposables.push(
      this.lensesChanged,
      this.diagnostics,
      vscode.languages.registerCodeLensProvider({ scheme: 'file', pattern: `**/${PLAN_FILE}` }, this),
      session.onDidChangeAttempt(() => this.lensesChanged.fire()),
    );
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const drill = this.session.drillOfFile(document.uri.fsPath);
    if (!drill || drill.attempt.plan || drill.attempt.status !== 'in-progress') return [];
    return [new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), { title: '$(checklist) Submit plan', tooltip: 'Check the plan and, once it passes, reveal the hidden tests', command: Commands.submitPlan, arguments: [document.uri] })];
  }

  /** Opens the drill's PLAN.md in the editor, where the drill starts. */
  async openPlan(drill: OpenDrill): Promise<void> {
    await vscode.window.showTextDocument(vscode.Uri.file(path.join(drill.attempt.attemptDir, PLAN_FILE)), { viewColumn: vscode.ViewColumn.One, preview: false });
  }

  /** Submits the PLAN.md at `uri` (default: the active drill's), as the editor holds it (saved first). */
  async submit(uri?: vscode.Uri): Promise<PlanSubmission | undefined> {
    const drill = uri ? this.session.drillOfFile(uri.fsPath) : this.session.active;
    if (!drill) {
      void vscode.window.showInformationMessage('No drill is open for this plan: start a drill first.');
      return undefined;
    }
    const planUri = vscode.Uri.file(path.join(drill.attempt.attemptDir, PLAN_FILE));
    let document: vscode.TextDocument;
    try {
      document = await vscode.workspace.openTextDocument(planUri);
    } catch {
      void vscode.window.showErrorMessage(`${PLAN_FILE} is missing in ${drill.attempt.attemptDir}. Restart the drill to scaffold it again.`);
      return undefined;
    }
    if (document.isDirty) await document.save();
    const result = await this.session.submitPlan(drill.attempt.id, document.getText());
    if (isAttemptError(result)) {
      const issues = result.issues ?? [];
      this.diagnostics.set(
        planUri,
        issues.map((issue) => {
          const line = Math.max(0, Math.min(issue.line - 1, document.lineCount - 1));
          const d = new vscode.Diagnostic(document.lineAt(line).range, issue.message, vscode.DiagnosticSeverity.Error);
          d.source = 'drills plan';
          return d;
        }),
      );
      void vscode.window.showWarningMessage(refusalText(result.error, issues.map((i) => i.message)));
      return result;
    }
    this.diagnostics.delete(planUri);
    const accepted = this.session.find(result.id);
    if (accepted && this.revealCases) await this.revealCases(accepted);
    const stated = result.plan?.statedTags ?? [];
    void vscode.window.showInformationMessage(
      `Plan accepted: the hidden tests are in the Testing view. ${stated.length > 0 ? `Your edge cases read as: ${stated.join(', ')}.` : 'None of your edge cases matched a known tag.'}`,
    );
    return { attempt: result };
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

/** The refusal as a notification: what is missing, each issue in its own words (they are also marked in PLAN.md). */
export function refusalText(error: string, issues: readonly string[]): string {
  if (issues.length === 0) return error;
  return `Plan not accepted, ${issues.length} to fix: ${issues.map((m, i) => `(${i + 1}) ${m}`).join(' ')} Each is marked in PLAN.md.`;
}
