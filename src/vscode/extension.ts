import * as vscode from 'vscode';
import * as path from 'node:path';
import { Commands, ContextKeys, KindCommands, SESSION_COMMANDS, type CommandId, type KindCommandId, type SessionCommandId } from './constants';
import { clearContext, getContext, setContext } from './context';
import { createLog } from './log';
import { DrillsTree, filterTopics, pickFilter } from './drillsTree';
import { Config } from './config';
import { PacksService } from './packs';
import { DrillStarter } from './startDrill';
import { NO_FILTER, pickRandomUnsolved } from '../core/drill/index';
import { endAllRuns } from '../core/runner/index';
import { LANGUAGES } from '../core/languages/registry';
import { systemClock } from '../core/session/index';
import { registerCommandTable, whenAvailable, type CommandHandler, type CommandTable } from './commands';
import { askInterviewDate } from './dashboard';
import { checkToolchains, ToolchainLookup } from './toolchains';
import { createKinds, type Kinds } from './kinds';
import { MockLoop } from './mockLoop';
import { startSession, type SessionInputs, type SessionServices } from './sessionServices';
import { ShiftedClock, type DrillsApi } from './testApi';

export type { DrillsApi } from './testApi';
export type { SessionServices } from './sessionServices';

/**
 * Composes the adapter modules; each returns what it needs disposed. Every command is registered first, from
 * one table, so whatever fails to restore afterwards (history, a design drill) leaves no command missing.
 * Under the extension's tests, returns the test API.
 */
export async function activate(context: vscode.ExtensionContext): Promise<DrillsApi | undefined> {
  const errors: string[] = [];
  const log = recordErrors(createLog(), errors);
  context.subscriptions.push(log);
  const builtInPack = path.join(context.extensionPath, 'problems');
  const config = new Config((message) => log.warn(message));
  const packs = new PacksService(builtInPack, log);
  const tree = new DrillsTree(packs);
  const toolchains = new ToolchainLookup(config, path.join(context.globalStorageUri.fsPath, 'interpreters.json'));
  const drills = new DrillStarter({
    packs,
    config,
    state: context.globalState,
    pendingFile: path.join(context.globalStorageUri.fsPath, 'pending-start.json'),
    log,
    missingToolchains: (languages) => toolchains.missing(languages),
  });
  const underTest = context.extensionMode === vscode.ExtensionMode.Test;
  const clock = underTest ? new ShiftedClock() : systemClock;
  const storageDir = context.globalStorageUri.fsPath;
  let services: SessionServices | undefined;
  let sessionError: string | undefined;
  let kinds: Kinds | undefined;
  const loop = new MockLoop({ state: context.globalState, packs, drills, kinds: () => kinds, services: () => services, log });
  let loopFollowsSession: vscode.Disposable | undefined;
  const table = commandTable({
    packs,
    tree,
    drills,
    config,
    log,
    interpreterCacheFile: path.join(storageDir, 'interpreters.json'),
    services: () => services,
    sessionError: () => sessionError,
    kinds: () => kinds,
    loop,
  });
  context.subscriptions.push(config, packs, tree, drills, ...registerCommandTable(table), { dispose: () => services?.dispose() });
  const inputs: SessionInputs = { context, storageDir, packs, config, tree, drills, log, clock };
  /** (Re)creates the session services; a failure is logged and shown, and leaves no session. */
  const restoreSession = async (from: SessionInputs): Promise<SessionServices> => {
    services?.dispose();
    services = undefined;
    try {
      const started = await startSession(from);
      // Disposed (a window closing, or a test's simulated reload): the commands no longer reach it.
      services = { ...started, dispose: () => {
        if (services?.session === started.session) services = undefined;
        started.dispose();
      } };
      sessionError = undefined;
      loopFollowsSession?.dispose();
      loopFollowsSession = loop.attachSession(services);
      return services;
    } catch (e) {
      sessionError = e instanceof Error ? e.message : String(e);
      log.error(`The drill session could not be restored from history: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      void vscode.window.showErrorMessage(`Drills could not restore your drills from history: ${sessionError}`, 'Show Output').then((choice) => {
        if (choice) log.show();
      });
      throw e;
    }
  };

  await packs.reload();
  try {
    kinds = await createKinds(context, log);
    context.subscriptions.push(...kinds.disposables);
  } catch (e) {
    log.error(`Design and story drills did not start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }
  context.subscriptions.push(loop, { dispose: () => loopFollowsSession?.dispose() });
  inputs.kinds = kinds?.api;
  await restoreSession(inputs).catch(() => undefined);
  await setContext(ContextKeys.solutionFiles, LANGUAGES.map((l) => l.solutionFile));
  await setContext(ContextKeys.loaded, true);
  void drills.finishPendingStart();
  log.info(`Drills activated (${context.extension.packageJSON.version as string})`);
  if (!underTest || !kinds) return undefined;
  const kindsApi = kinds.api;
  const shifted = clock as ShiftedClock;
  return {
    logErrors: () => [...errors],
    packs,
    tree,
    drills,
    config,
    get session() {
      if (!services) throw new Error(`No drill session: ${sessionError ?? 'not restored'}`);
      return services;
    },
    reloadSession: (options) => restoreSession(options?.storageDir ? { ...inputs, storageDir: options.storageDir } : inputs),
    contextValue: (key) => getContext(key),
    kinds: kindsApi,
    loop,
    commandIds: () => Object.keys(table) as CommandId[],
    clock: {
      now: shifted.now,
      async advance(ms) {
        shifted.shift(ms);
        await services?.timer.checkDue();
      },
    },
    timerText() {
      services?.timer.render();
      return services?.timer.item.text ?? '';
    },
  };
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

/** What the command table reaches: the services made in `activate`, and those restored after it. */
interface CommandServices {
  packs: PacksService;
  tree: DrillsTree;
  drills: DrillStarter;
  config: Config;
  log: vscode.LogOutputChannel;
  interpreterCacheFile: string;
  /** The drill session, once restored (undefined while or when restoring failed). */
  services(): SessionServices | undefined;
  sessionError(): string | undefined;
  /** The design and story drills, once started. */
  kinds(): Kinds | undefined;
  /** The mock loop across kinds. */
  loop: MockLoop;
}

/** The one table of command handlers: every command of package.json, registered before anything is restored. */
function commandTable(s: CommandServices): CommandTable {
  const noSession = () =>
    s.sessionError() !== undefined
      ? `Drills could not restore your drills from history (${s.sessionError()}), so this command cannot run. See "Drills: Show Output", then reload the window.`
      : 'Drills is still restoring your drills: try again in a moment.';
  const session = (id: SessionCommandId) => whenAvailable(s.services, noSession, (services, ...args) => services.commands[id](...args));
  const kind = (id: KindCommandId) => whenAvailable(s.kinds, () => 'The design and story drills did not start: see "Drills: Show Output".', (kinds, ...args) => kinds.commands[id](...args));
  const sessionCommands = Object.fromEntries(SESSION_COMMANDS.map((id) => [id, session(id)])) as Record<SessionCommandId, CommandHandler>;
  const kindCommands = Object.fromEntries(Object.values(KindCommands).map((id) => [id, kind(id)])) as Record<KindCommandId, CommandHandler>;
  return {
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
    [Commands.setInterviewDate]: () => askInterviewDate(s.config),
    [Commands.checkToolchains]: () => checkToolchains(s.config, s.interpreterCacheFile),
    [Commands.startLoop]: () => s.loop.start(),
    [Commands.nextLoopRound]: () => s.loop.next(),
    [Commands.finishLoop]: () => s.loop.finish(),
    ...sessionCommands,
    ...kindCommands,
  };
}

async function createPackHere(s: CommandServices): Promise<void> {
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
async function startRandomUnsolved(s: CommandServices, random: () => number = Math.random): Promise<unknown> {
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
