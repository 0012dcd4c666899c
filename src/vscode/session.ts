import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { isAttemptError, type Attempt } from '../core/attempt/index';
import { openHistory } from '../core/history/index';
import { loadProblem } from '../core/pack/index';
import { DrillSessionCore, hintsMarkdown, timerModeOf, type Clock, type OpenDrill } from '../core/session/index';
import type { Config } from './config';
import { ContextKeys } from './constants';
import { setContext } from './context';
import type { PacksService } from './packs';
import type { DrillStart } from './startDrill';

/** PLAN.md, scaffolded in every attempt folder. */
export { PLAN_FILE } from '../core/kinds/coding/index';
export type { OpenDrill } from '../core/session/index';

/**
 * The drill session in the editor: the core's state machine (src/core/session/drillSession.ts) with the
 * editor's glue: problems come from the indexed packs, settings from `drills.*`, context keys follow the
 * active drill, the editor's active file makes its drill active, and damaged history files are reported.
 */
export class DrillSession extends DrillSessionCore implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly deps: {
      /** The extension's global storage folder: history goes in `<dir>/attempts`. */
      storageDir: string;
      packs: PacksService;
      config: Config;
      log: vscode.LogOutputChannel;
      clock: Clock;
      random?: () => number;
    },
  ) {
    super({
      openStore: async () => {
        await fsp.mkdir(deps.storageDir, { recursive: true });
        return openHistory(deps.storageDir, { now: deps.clock.now });
      },
      clock: deps.clock,
      problems: { describe: (ref) => describeProblem(deps.packs, deps.log, ref) },
      settings: () => ({ mode: timerModeOf(deps.config.get('mode')), phases: deps.config.get('phases') }),
      ...(deps.random ? { random: deps.random } : {}),
      log: deps.log,
    });
    this.disposables.push(
      this.onDidChangeActive(() => this.updateContext()),
      this.onDidChangeAttempt(() => this.updateContext()),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        const drill = editor ? this.drillOfFile(editor.document.uri.fsPath) : undefined;
        if (drill && drill.attempt.id !== this.active?.attempt.id) this.setActive(drill.attempt.id);
      }),
    );
  }

  /**
   * Restores the open attempts from history, so a window reload resumes them; damaged history files are
   * reported with where they were set aside.
   */
  async restoreFromHistory(): Promise<void> {
    const issues = await this.restore((vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath));
    for (const issue of issues) {
      this.deps.log.warn(issue.message);
      const where = issue.setAsidePath ? ` (set aside: ${issue.setAsidePath})` : '';
      void vscode.window.showWarningMessage(`Drills history: ${issue.message}${where}`);
    }
  }

  /** A drill started in the editor: starts or resumes its attempt with the pack's default phases. */
  startFor(start: DrillStart): Promise<Attempt> {
    const packPhases = this.deps.packs.packOf(start.problem)?.defaults.phases;
    return this.start({ problem: start.problem, language: start.language, solutionPath: start.solutionPath, attemptDir: start.attemptDir, ...(packPhases ? { packPhases } : {}) });
  }

  private updateContext(): void {
    const active = this.active;
    void setContext(ContextKeys.activeDrill, active !== undefined);
    void setContext(ContextKeys.testsRevealed, active?.attempt.plan !== undefined);
    void setContext(ContextKeys.drillPausable, active?.attempt.mode === 'practice' && active.attempt.status === 'in-progress');
  }

  override dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
    super.dispose();
  }
}

/** The problem of an attempt from the indexed packs, loaded; its diagnostics go to the log and the Problems panel. */
async function describeProblem(packs: PacksService, log: vscode.LogOutputChannel, ref: { packId: string; problemId: string }): Promise<Omit<OpenDrill, 'attempt'>> {
  const summary = packs.findProblem(ref.packId, ref.problemId);
  if (!summary) {
    log.warn(`Problem ${ref.packId}/${ref.problemId} is not in any pack now; the hidden tests of its attempts cannot run.`);
    return { title: ref.problemId };
  }
  const { problem, diagnostics } = await loadProblem(summary);
  for (const d of diagnostics) log.warn(`${d.file}:${d.line}:${d.column}: ${d.message}`);
  if (problem?.testsErrors) packs.showTestsDiagnostics(problem.testsErrors);
  const pack = packs.packOf(summary);
  return { title: summary.title, ...(problem ? { problem } : {}), ...(pack ? { pack } : {}) };
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
  const result = await session.revealHint(drill.attempt.id);
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
