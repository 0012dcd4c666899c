import * as path from 'node:path';
import * as vscode from 'vscode';
import { openKindHistory, type KindHistory, type KindHistoryEntry } from '../core/kinds/history';
import { DesignDrills, KINDS_SCHEME } from './designDrill';
import type { KindCommandId } from './constants';
import { clearKindContext, editorUi, KindCommands, KINDS_VIEW, type KindsUi } from './kindsConstants';
import { KindsStatusBar } from './kindsStatusBar';
import { DesignIndex, KindsTree, type KindNode } from './kindsTree';
import { StoryBank } from './storyBank';
import { StoryRehearsals } from './storyRehearsal';

/** Read-only Markdown documents (the model outline, a story's headings), by path. */
class ReadOnlyDocs implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly docs = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.docs.get(uri.path) ?? '';
  }

  /** Publishes `markdown` as `drills-kinds:/<name>` and returns its URI. */
  publish(name: string, markdown: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: KINDS_SCHEME, path: `/${name}` });
    this.docs.set(uri.path, markdown);
    this.changed.fire(uri);
    return uri;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** The design and story drills in the editor, as the integration tests reach them through the extension's API. */
export interface KindsApi {
  designs: DesignIndex;
  readonly design: DesignDrills;
  bank: StoryBank;
  rehearsals: StoryRehearsals;
  tree: KindsTree;
  history: KindHistory;
  /** Fires after a design drill or a rehearsal was saved to history (the dashboard and reviews follow it). */
  onDidSave: vscode.Event<KindHistoryEntry>;
  status: KindsStatusBar;
  /** The pickers and messages; replaced by tests that answer them. */
  ui: KindsUi;
  /** Re-creates the design drill from its saved state, as a window reload does. */
  reloadDesign(): Promise<DesignDrills>;
}

/** The design and story drills composed: the API, the handlers of their commands, and what to dispose. */
export interface Kinds {
  api: KindsApi;
  commands: Record<KindCommandId, (...args: unknown[]) => unknown>;
  disposables: vscode.Disposable[];
}

/**
 * Composes the design and story drills: their view in the Drills container, the handlers of their commands
 * (the extension's command table calls them), the read-only documents, the status bar item; restores a design
 * drill left open.
 */
export async function createKinds(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): Promise<Kinds> {
  const problemsDir = path.join(context.extensionPath, 'problems');
  const saved = new vscode.EventEmitter<KindHistoryEntry>();
  const stored = await openKindHistory(context.globalStorageUri.fsPath);
  const history: KindHistory = {
    dir: stored.dir,
    list: () => stored.list(),
    activeDesign: () => stored.activeDesign(),
    async save(entry) {
      await stored.save(entry);
      saved.fire(entry);
    },
  };
  const status = new KindsStatusBar();
  const docs = new ReadOnlyDocs();
  const designs = new DesignIndex(problemsDir);
  const bank = new StoryBank(path.join(problemsDir, 'stories'), log);
  const tree = new KindsTree(designs, bank);
  const showReadOnly = async (name: string, markdown: string) => docs.publish(name, markdown);
  const refreshTree = async () => tree.refresh((await history.list()).entries);
  const makeDesign = () => {
    const drill = new DesignDrills({ history, status, ui: () => api.ui, problem: (packId, id) => designs.find(packId, id), showReadOnly, log });
    drill.onDidChange(() => void refreshTree());
    return drill;
  };
  let design = makeDesign();
  const rehearsals = new StoryRehearsals({ bank, history, status, ui: () => api.ui, showReadOnly, log, onDidEnd: () => void design.refreshStatus().then(refreshTree) });
  const api: KindsApi = {
    designs,
    get design() {
      return design;
    },
    bank,
    rehearsals,
    tree,
    history,
    onDidSave: saved.event,
    status,
    ui: editorUi,
    async reloadDesign() {
      design.dispose();
      design = makeDesign();
      await design.restore();
      return design;
    },
  };

  const designOf = (node: unknown) => (isDesignNode(node) ? node.problem : undefined);
  const pickDesign = async (node: unknown) => {
    const given = designOf(node);
    if (given) return given;
    const picked = await api.ui.pick(designs.all.map((d) => ({ label: d.problem.title, description: d.problem.packId, problem: d.problem })), { title: 'Start a design drill', placeHolder: 'Pick a design prompt' });
    return picked?.problem;
  };
  const handlers: Record<KindCommandId, (...args: unknown[]) => unknown> = {
    [KindCommands.startDesign]: async (node?: unknown) => {
      const problem = await pickDesign(node);
      return problem ? design.start(problem) : undefined;
    },
    [KindCommands.openDesignPrompt]: async (node?: unknown) => {
      const problem = designOf(node);
      // Locked, as a drill's statement: it stays the prompt while DESIGN.md is edited.
      if (problem) await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.file(problem.statementPath), undefined, { locked: true });
    },
    [KindCommands.checkDesign]: () => design.check(),
    [KindCommands.submitDesign]: () => design.submit(),
    [KindCommands.nextProbe]: () => design.nextProbe(),
    [KindCommands.scoreDesign]: () => design.score(),
    [KindCommands.abandonDesign]: () => design.abandon(),
    [KindCommands.designAction]: () => design.statusAction(),
    [KindCommands.createStoryBank]: () => bank.create(),
    [KindCommands.rehearse]: () => rehearsals.start(),
    [KindCommands.stopRehearsal]: () => rehearsals.stop(),
    [KindCommands.refreshKinds]: async () => {
      await Promise.all([designs.reload(), bank.reload()]);
      await refreshTree();
    },
  };
  const watcher = vscode.workspace.createFileSystemWatcher('**/{problem.yaml,story-pack.yaml,story-bank.yaml,statement.md}');
  const reindex = () => void designs.reload().then(refreshTree);
  const disposables: vscode.Disposable[] = [
    saved,
    status,
    docs,
    designs,
    bank,
    tree,
    rehearsals,
    { dispose: () => design.dispose() },
    { dispose: () => void clearKindContext() },
    vscode.workspace.registerTextDocumentContentProvider(KINDS_SCHEME, docs),
    vscode.window.createTreeView(KINDS_VIEW, { treeDataProvider: tree, showCollapseAll: true }),
    watcher,
    watcher.onDidCreate(reindex),
    watcher.onDidChange(reindex),
    watcher.onDidDelete(reindex),
    bank.onDidChange(() => void refreshTree()),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void handlers[KindCommands.refreshKinds]()),
  ];
  try {
    await designs.reload();
    await bank.checkBank();
    await design.restore();
    await refreshTree();
  } catch (e) {
    log.error(`Design and story drills did not load: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }
  return { api, commands: handlers, disposables };
}

function isDesignNode(node: unknown): node is Extract<KindNode, { kind: 'design' }> {
  return typeof node === 'object' && node !== null && (node as { kind?: unknown }).kind === 'design' && 'problem' in node;
}
