import * as vscode from 'vscode';
import type { Config } from './config';
import { Dashboard, dashboardCommands, type DashboardCommandId } from './dashboard';
import { ProgressService } from './dashboardProgress';
import { ReviewGroup } from './dashboardReviewGroup';
import type { DrillsTree } from './drillsTree';
import type { HistoryView } from './history';
import { InterviewConditions } from './interviewConditions';
import { ContextKeys } from './constants';
import { setContext } from './context';
import type { PacksService } from './packs';
import type { DrillSession } from './session';
import type { KindsApi } from './kinds';

/** Progress, review and the dashboard, as one unit of the session's services. */
export interface ProgressServices extends vscode.Disposable {
  progress: ProgressService;
  dashboard: Dashboard;
  reviewGroup: ReviewGroup;
  conditions: InterviewConditions;
  /** The handlers of the dashboard's commands. */
  commands: Record<DashboardCommandId, (...args: unknown[]) => unknown>;
}

/**
 * Creates the progress services for a session: the review schedule and dashboard, the "Due for review"
 * group of the Drills view, interview conditions, and their commands. Reads history and applies (or puts
 * back) interview conditions before returning, so a reloaded window starts in the right state.
 */
export async function startProgress(
  context: vscode.ExtensionContext,
  s: { session: DrillSession; packs: PacksService; config: Config; tree: DrillsTree; history: HistoryView; log: vscode.LogOutputChannel; kinds?: KindsApi },
): Promise<ProgressServices> {
  const storageDir = context.globalStorageUri.fsPath;
  const kinds = s.kinds ? { kinds: s.kinds } : {};
  const progress = new ProgressService({ session: s.session, packs: s.packs, config: s.config, storageDir, log: s.log, ...kinds });
  const dashboard = new Dashboard({ extensionUri: context.extensionUri, progress, packs: s.packs, config: s.config, state: context.globalState, log: s.log, ...kinds });
  const reviewGroup = new ReviewGroup(progress, s.packs, s.tree.view);
  const conditions = new InterviewConditions({ session: s.session, config: s.config, storageDir: context.storageUri?.fsPath, log: s.log });
  const commands = dashboardCommands({ dashboard, progress, afterImport: () => s.history.refresh() });
  const disposables: vscode.Disposable[] = [
    s.tree.setReviewGroup(reviewGroup),
    new vscode.Disposable(() => s.tree.setReviewGroup(undefined)),
    // The walkthrough's "run the tests" step completes on a run from the Testing view as well as from the command.
    s.session.onDidChangeAttempt((attempt) => {
      if (attempt.runs.length > 0) void setContext(ContextKeys.testsRan, true);
    }),
  ];
  await progress.refresh();
  if (progress.hasRunTests()) await setContext(ContextKeys.testsRan, true);
  await conditions.reconcile();
  const all = vscode.Disposable.from(...disposables, conditions, reviewGroup, dashboard, progress);
  return { progress, dashboard, reviewGroup, conditions, commands, dispose: () => all.dispose() };
}
