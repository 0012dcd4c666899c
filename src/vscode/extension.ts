import * as vscode from 'vscode';
import * as path from 'node:path';
import { Commands, ContextKeys, type ContextKey } from './constants';
import { clearContext, getContext, setContext } from './context';
import { createLog } from './log';
import { DrillsTree, filterTopics, pickFilter } from './drillsTree';
import { Config } from './config';
import { PacksService } from './packs';
import { DrillStarter } from './startDrill';
import { NO_FILTER, pickRandomUnsolved } from '../core/drill/index';
import { endAllRuns } from '../core/runner/index';
import { DrillSession, SessionClock, restoreHintsPreview, revealNextHint, trackHintsPreview } from './session';
import { TimerStatusBar, timerCommands } from './timerStatusBar';
import { PlanGate } from './planGate';
import { HiddenTests } from './testController';
import { HistoryView } from './history';
import { MockService } from './mock';
import { startProgress, type ProgressServices } from './dashboardServices';
import { createKinds, type KindsApi } from './kinds';

/** What `activate` hands back: read by the integration tests through `extension.exports`. */
export interface DrillsApi {
  /** Every message logged at error level since activation, oldest first. */
  logErrors(): readonly string[];
  /** The indexed packs, their diagnostics and trust. */
  packs: PacksService;
  /** The Drills view's data: `getChildren()` walks packs → topics → problems. */
  tree: DrillsTree;
  /** Starts drills; `onDidStartDrill` fires after each start. */
  drills: DrillStarter;
  /** The typed `drills.*` settings. */
  config: Config;
  /** The drill session and its views; replaced by `reloadSession`. */
  readonly session: SessionServices;
  /** Re-creates the session services from history, as a window reload does. */
  reloadSession(): Promise<SessionServices>;
  /** The value this extension last gave a `when`-clause context key. */
  contextValue(key: ContextKey): unknown;
  /** The design and story drills. */
  kinds: KindsApi;
}

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
}

/** Composes the adapter modules; each returns what it needs disposed. */
export async function activate(context: vscode.ExtensionContext): Promise<DrillsApi> {
  const errors: string[] = [];
  const log = recordErrors(createLog(), errors);
  context.subscriptions.push(log);
  const builtInPack = path.join(context.extensionPath, 'problems');
  const config = new Config((message) => log.warn(message));
  const packs = new PacksService(builtInPack, log);
  const tree = new DrillsTree(packs);
  const drills = new DrillStarter({ packs, config, state: context.globalState, pendingFile: path.join(context.globalStorageUri.fsPath, 'pending-start.json'), log });
  context.subscriptions.push(config, packs, tree, drills, ...registerCommands({ packs, tree, drills, log }));
  await packs.reload();
  const kinds = await createKinds(context, log);
  context.subscriptions.push(...kinds.disposables);
  const clock = new SessionClock();
  let services = await startSession(context, { packs, config, tree, drills, log, clock, kinds: kinds.api });
  context.subscriptions.push(clock, { dispose: () => services.dispose() });
  await setContext(ContextKeys.loaded, true);
  void drills.finishPendingStart();
  log.info(`Drills activated (${context.extension.packageJSON.version as string})`);
  return {
    logErrors: () => [...errors],
    packs,
    tree,
    drills,
    config,
    get session() {
      return services;
    },
    async reloadSession() {
      services.dispose();
      services = await startSession(context, { packs, config, tree, drills, log, clock, kinds: kinds.api });
      return services;
    },
    contextValue: (key) => getContext(key),
    kinds: kinds.api,
  };
}

/** Creates the session from history and the modules around it; restores open attempts and due timer events. */
async function startSession(
  context: vscode.ExtensionContext,
  s: { packs: PacksService; config: Config; tree: DrillsTree; drills: DrillStarter; log: vscode.LogOutputChannel; clock: SessionClock; kinds: KindsApi },
): Promise<SessionServices> {
  const storageDir = context.globalStorageUri.fsPath;
  const session = new DrillSession({ storageDir, packs: s.packs, config: s.config, log: s.log, clock: s.clock });
  await session.restore();
  const timer = new TimerStatusBar(session, s.log);
  const tests = new HiddenTests(session, { harnessDir: path.join(context.extensionPath, 'out', 'harness'), interpreterCacheFile: path.join(storageDir, 'interpreters.json'), config: s.config, log: s.log, canRun: (pack) => s.packs.canRun(pack) });
  const plan = new PlanGate(session, (drill) => tests.reveal(drill));
  const history = new HistoryView(session, s.tree, s.packs);
  const progress = await startProgress(context, { session, packs: s.packs, config: s.config, tree: s.tree, history, log: s.log, kinds: s.kinds });
  const mock = new MockService({ session, drills: s.drills, packs: s.packs, state: context.globalState, stateOf: history.stateOf, log: s.log, showReport: (m, r) => progress.dashboard.showMock(m, r) });
  timer.describeMock = (attemptId) => mock.describe(attemptId);
  const handlers: Record<string, (...args: unknown[]) => unknown> = {
    ...timerCommands(session, (drill) => mock.confirmFinish(drill)),
    [Commands.revealHint]: () => revealNextHint(session, context.workspaceState),
    [Commands.showHistory]: () => history.show(),
    [Commands.startMock]: () => mock.start(),
    [Commands.finishMock]: () => mock.finishMock(),
  };
  const disposables: vscode.Disposable[] = [
    trackHintsPreview(context.workspaceState),
    ...Object.entries(handlers).map(([id, fn]) => vscode.commands.registerCommand(id, fn)),
    s.drills.onDidStartDrill((start) => {
      void session.startFor(start).then(
        async (attempt) => {
          const drill = session.find(attempt.id);
          if (drill && !drill.attempt.plan) await plan.openPlan(drill);
        },
        (e: unknown) => s.log.error(`Starting the attempt failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`),
      );
    }),
  ];
  await history.refresh();
  await timer.checkDue();
  await mock.restore();
  await restoreHintsPreview(session, context.workspaceState);
  // Disposed once however often it is asked (a simulated reload disposes before re-creating).
  const all = vscode.Disposable.from(mock, progress, history, tests, plan, timer, ...disposables, session);
  let disposed = false;
  const dispose = () => {
    if (!disposed) all.dispose();
    disposed = true;
  };
  return { session, timer, plan, tests, history, mock, progress, dispose };
}

/** Wraps the log so error lines are also kept; the channel itself cannot be read back. */
function recordErrors(log: vscode.LogOutputChannel, errors: string[]): vscode.LogOutputChannel {
  // An empty target: the API object may be frozen, and a proxy of a frozen object must return its own values.
  return new Proxy({} as vscode.LogOutputChannel, {
    get(_target, key) {
      if (key === 'error') {
        return (message: string | Error, ...args: unknown[]) => {
          errors.push(message instanceof Error ? message.message : message);
          log.error(message, ...args);
        };
      }
      const value: unknown = Reflect.get(log, key, log);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(log) : value;
    },
  });
}

export async function deactivate(): Promise<void> {
  // The window closes or the extension stops: runs in progress end with their processes and temporary files.
  endAllRuns();
  await clearContext();
}

interface Services {
  packs: PacksService;
  tree: DrillsTree;
  drills: DrillStarter;
  log: vscode.LogOutputChannel;
}

/** One table of command handlers. */
function registerCommands(s: Services): vscode.Disposable[] {
  const handlers: Record<string, (...args: unknown[]) => unknown> = {
    [Commands.refresh]: () => s.packs.reload(),
    [Commands.showOutput]: () => s.log.show(),
    [Commands.newPack]: () => createPackHere(s),
    [Commands.startDrill]: (node?: unknown) => s.drills.start(node as Parameters<DrillStarter['start']>[0]),
    [Commands.openStatement]: (node?: unknown) => (node ? s.drills.openStatement(node as Parameters<DrillStarter['openStatement']>[0]) : undefined),
    [Commands.filter]: async () => {
      const filter = await pickFilter(s.tree.filter, filterTopics(s.tree));
      if (filter) s.tree.setFilter(filter);
    },
    [Commands.clearFilter]: () => s.tree.setFilter(NO_FILTER),
    [Commands.randomUnsolved]: () => startRandomUnsolved(s),
  };
  return Object.entries(handlers).map(([id, fn]) => vscode.commands.registerCommand(id, fn));
}

async function createPackHere(s: Services): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showWarningMessage('Open a folder first: a pack is created inside the workspace.');
    return;
  }
  const target = vscode.Uri.joinPath(folder.uri, 'drills-pack.yaml');
  try {
    await vscode.workspace.fs.stat(target);
    void vscode.window.showInformationMessage('This folder already has a drills-pack.yaml.');
  } catch {
    const name = path.basename(folder.uri.fsPath);
    const text = `drills: 1\nid: ${name.toLowerCase().replace(/[^a-z0-9-]+/g, '-')}\nname: ${name}\ndescription: Problems for interview practice.\n`;
    await vscode.workspace.fs.writeFile(target, Buffer.from(text, 'utf8'));
    await vscode.window.showTextDocument(target);
  }
  await s.packs.reload();
}

/** Starts a random problem not yet solved among those the filter shows and that can run. */
async function startRandomUnsolved(s: Services, random: () => number = Math.random): Promise<unknown> {
  const runnable = s.tree.visibleProblems().filter((p) => {
    const pack = s.packs.packOf(p);
    return pack !== undefined && s.packs.canRun(pack);
  });
  const problem = pickRandomUnsolved(runnable, s.tree.stateOf, random);
  if (!problem) {
    void vscode.window.showInformationMessage(runnable.length === 0 ? 'No problem to pick from: clear the filter or trust the workspace.' : 'Every problem shown is solved. Clear the filter for more.');
    return undefined;
  }
  return s.drills.start(problem);
}
