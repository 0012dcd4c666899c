import * as vscode from 'vscode';
import * as path from 'node:path';
import { Commands, ContextKeys, Views } from './constants';
import { clearContext, setContext } from './context';
import { createLog } from './log';
import { DrillsTree } from './drillsTree';

/** What `activate` hands back: read by the integration tests through `extension.exports`. */
export interface DrillsApi {
  /** Every message logged at error level since activation, oldest first. */
  logErrors(): readonly string[];
}

/** Composes the adapter modules; each returns what it needs disposed. */
export async function activate(context: vscode.ExtensionContext): Promise<DrillsApi> {
  const errors: string[] = [];
  const log = recordErrors(createLog(), errors);
  context.subscriptions.push(log);
  const builtInPack = path.join(context.extensionPath, 'problems');
  const tree = new DrillsTree(builtInPack, log);
  context.subscriptions.push(
    tree,
    vscode.window.createTreeView(Views.problems, { treeDataProvider: tree, showCollapseAll: true }),
    ...registerCommands({ tree, log }),
  );
  await tree.reload();
  await setContext(ContextKeys.loaded, true);
  log.info(`Drills activated (${context.extension.packageJSON.version as string})`);
  return { logErrors: () => [...errors] };
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
  await clearContext();
}

interface Services {
  tree: DrillsTree;
  log: vscode.LogOutputChannel;
}

/** One table of command handlers. */
function registerCommands(s: Services): vscode.Disposable[] {
  const handlers: Record<string, (...args: unknown[]) => unknown> = {
    [Commands.refresh]: () => s.tree.reload(),
    [Commands.showOutput]: () => s.log.show(),
    [Commands.newPack]: () => createPackHere(s),
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
  await s.tree.reload();
}
