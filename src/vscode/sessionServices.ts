import * as path from 'node:path';
import * as vscode from 'vscode';
import type { KindsApi } from './kinds';
import type { Clock } from '../core/session/index';
import type { Config } from './config';
import { Commands, type SessionCommandId } from './constants';
import type { CommandHandler } from './commands';
import { startProgress, type ProgressServices } from './dashboardServices';
import type { DrillsTree } from './drillsTree';
import { HistoryView } from './history';
import { MockService } from './mock';
import type { PacksService } from './packs';
import { PlanGate } from './planGate';
import { DrillSession, restoreHintsPreview, revealNextHint, trackHintsPreview } from './session';
import type { DrillStarter } from './startDrill';
import { HiddenTests } from './testController';
import { TimerStatusBar, timerCommands } from './timerStatusBar';

/** The drill session with the modules that show it: timer, plan gate, hidden tests, history, mocks. */
export interface SessionServices extends vscode.Disposable {
  session: DrillSession;
  timer: TimerStatusBar;
  plan: PlanGate;
  tests: HiddenTests;
  history: HistoryView;
  mock: MockService;
  /** Review schedule, dashboard, the "Due for review" group and interview conditions. */
  progress: ProgressServices;
  /** The handlers of the session's commands (the extension's command table calls them). */
  commands: Record<SessionCommandId, CommandHandler>;
}

/** What the session services are made from. */
export interface SessionInputs {
  context: vscode.ExtensionContext;
  /** Where history lives: the extension's global storage folder. */
  storageDir: string;
  packs: PacksService;
  config: Config;
  tree: DrillsTree;
  drills: DrillStarter;
  log: vscode.LogOutputChannel;
  clock: Clock;
  /** The design and story drills, when they started: the dashboard plans and reviews them too. */
  kinds?: KindsApi;
}

/**
 * Creates the session from history and the modules around it; restores open attempts, due timer events, the
 * mock under way and the hints preview. When any of it fails, what was made is disposed and the error thrown.
 */
export async function startSession(s: SessionInputs): Promise<SessionServices> {
  const { context, storageDir } = s;
  const made: vscode.Disposable[] = [];
  const keep = <T extends vscode.Disposable>(d: T): T => {
    made.push(d);
    return d;
  };
  try {
    const session = keep(new DrillSession({ storageDir, packs: s.packs, config: s.config, log: s.log, clock: s.clock }));
    await session.restoreFromHistory();
    const timer = keep(new TimerStatusBar(session, s.log));
    const tests = keep(new HiddenTests(session, { harnessDir: path.join(context.extensionPath, 'out', 'harness'), interpreterCacheFile: path.join(storageDir, 'interpreters.json'), config: s.config, log: s.log, canRun: (pack) => s.packs.canRun(pack) }));
    const plan = keep(new PlanGate(session, (drill) => tests.reveal(drill)));
    const history = keep(new HistoryView(session, s.tree, s.packs, s.log));
    const progress = keep(await startProgress(context, { session, packs: s.packs, config: s.config, tree: s.tree, history, log: s.log, ...(s.kinds ? { kinds: s.kinds } : {}) }));
    const mock = keep(new MockService({ session, drills: s.drills, packs: s.packs, state: context.globalState, stateOf: history.stateOf, log: s.log, showReport: (m, r) => progress.dashboard.showMock(m, r) }));
    timer.describeMock = (attemptId) => mock.describe(attemptId);
    const asUri = (arg: unknown) => (arg instanceof vscode.Uri ? arg : undefined);
    const commands: Record<SessionCommandId, CommandHandler> = {
      ...timerCommands(session, (drill) => mock.confirmFinish(drill)),
      ...progress.commands,
      [Commands.submitPlan]: (uri?: unknown) => plan.submit(asUri(uri)),
      [Commands.runHiddenTests]: (uri?: unknown) => tests.runActive(asUri(uri)),
      [Commands.revealHint]: () => revealNextHint(session, context.workspaceState),
      [Commands.showHistory]: () => history.show(),
      [Commands.startMock]: () => mock.start(),
      [Commands.finishMock]: () => mock.finishMock(),
    };
    keep(trackHintsPreview(context.workspaceState));
    keep(
      s.drills.onDidStartDrill((start) => {
        void session.startFor(start).then(
          async (attempt) => {
            const drill = session.find(attempt.id);
            // The editor may refuse to open PLAN.md (another drill started meanwhile, the window is closing): the
            // attempt stands, and the plan opens from its folder.
            if (drill && !drill.attempt.plan) await plan.openPlan(drill).catch((e: unknown) => s.log.warn(`Could not open the plan of ${drill.title}: ${e instanceof Error ? e.message : String(e)}`));
          },
          (e: unknown) => s.log.error(`Starting the attempt failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`),
        );
      }),
    );
    await history.refresh();
    await timer.checkDue();
    await mock.restore();
    await restoreHintsPreview(session, context.workspaceState);
    // Disposed once however often it is asked (a simulated reload disposes before re-creating), newest first.
    let disposed = false;
    const dispose = () => {
      if (!disposed) vscode.Disposable.from(...made.reverse()).dispose();
      disposed = true;
    };
    return { session, timer, plan, tests, history, mock, progress, commands, dispose };
  } catch (e) {
    vscode.Disposable.from(...made.reverse()).dispose();
    throw e;
  }
}
