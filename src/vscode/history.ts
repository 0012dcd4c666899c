import * as vscode from 'vscode';
import { problemProgress, type Attempt } from '../core/attempt/index';
import type { DrillStateInfo, DrillStateProvider } from '../core/drill/index';
import { historyRow } from '../core/session/index';
import type { DrillsTree } from './drillsTree';
import type { PacksService } from './packs';
import type { DrillSession } from './session';

/**
 * History in the editor: the Drills view's problem states (core `problemProgress` over every attempt),
 * refreshed after each attempt change, and the "Show History" list of past attempts.
 */
export class HistoryView implements vscode.Disposable {
  private states = new Map<string, DrillStateInfo>();
  private readonly disposables: vscode.Disposable[] = [];
  private refreshing: Promise<void> = Promise.resolve();

  constructor(
    private readonly session: DrillSession,
    private readonly tree: DrillsTree,
    private readonly packs: PacksService,
    private readonly log: Pick<vscode.LogOutputChannel, 'warn'>,
  ) {
    this.disposables.push(session.onDidChangeAttempt(() => void this.refresh().catch((e: unknown) => this.log.warn(`Could not refresh the problem states from history: ${e instanceof Error ? e.message : String(e)}`))));
    tree.setStateProvider(this.stateOf);
  }

  /** Problem states from history, as the tree's state-provider hook wants them. */
  readonly stateOf: DrillStateProvider = (packId, problemId) => this.states.get(`${packId}/${problemId}`) ?? { state: 'new' };

  /**
   * Re-reads the history and redraws the tree (calls are serialised: the last one wins). A failed read rejects this
   * call only: the next one reads again.
   */
  refresh(): Promise<void> {
    const next = this.refreshing.catch(() => undefined).then(async () => {
      const { attempts } = await this.session.history.listAttempts();
      const byProblem = new Map<string, Attempt[]>();
      for (const a of attempts) {
        const key = `${a.packId}/${a.problemId}`;
        byProblem.set(key, [...(byProblem.get(key) ?? []), a]);
      }
      const states = new Map<string, DrillStateInfo>();
      for (const [key, list] of byProblem) {
        const progress = problemProgress(list);
        states.set(key, progress.bestTimeMs !== undefined ? { state: progress.state, bestMs: progress.bestTimeMs } : { state: progress.state });
      }
      this.states = states;
      // Redraw only: the provider was handed over once, so a provider set later (a test's) stays in place.
      this.tree.refresh();
    });
    this.refreshing = next;
    return next;
  }

  /** The past attempts as QuickPick rows, newest first. */
  async items(): Promise<(vscode.QuickPickItem & { attempt: Attempt })[]> {
    const { attempts } = await this.session.history.listAttempts();
    const now = this.session.clock.now();
    return [...attempts].reverse().map((attempt) => {
      const title = this.packs.findProblem(attempt.packId, attempt.problemId)?.title ?? attempt.problemId;
      return { ...historyRow(attempt, title, now), attempt };
    });
  }

  /** The "Show History" command: pick a past attempt to open its folder and solution. */
  async show(): Promise<Attempt | undefined> {
    const items = await this.items();
    if (items.length === 0) {
      void vscode.window.showInformationMessage('No attempt yet: start a drill from the Drills view.');
      return undefined;
    }
    const picked = await vscode.window.showQuickPick(items, { title: 'Drills: past attempts', placeHolder: 'Open an attempt’s folder', matchOnDescription: true, matchOnDetail: true });
    if (!picked) return undefined;
    const folder = vscode.Uri.file(picked.attempt.attemptDir);
    try {
      await vscode.window.showTextDocument(vscode.Uri.file(picked.attempt.solutionPath), { preview: false });
      await vscode.commands.executeCommand('revealInExplorer', folder);
    } catch {
      void vscode.window.showWarningMessage(`The attempt's folder is gone: ${picked.attempt.attemptDir}`);
    }
    return picked.attempt;
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
