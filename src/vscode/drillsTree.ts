import * as vscode from 'vscode';
import { ContextKeys } from './constants';
import { setContext } from './context';
import { loadPacks } from '../core/pack/index';
import type { PackSummary, ProblemSummary } from '../core/pack/types';

type Node =
  | { kind: 'pack'; pack: PackSummary }
  | { kind: 'topic'; pack: PackSummary; topic: string }
  | { kind: 'problem'; problem: ProblemSummary };

/** The Drills view: packs → topics → problems. Reads only the index, never YAML. */
export class DrillsTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private packs: PackSummary[] = [];

  constructor(
    private readonly builtInPack: string,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** Re-indexes the built-in pack and every workspace folder. */
  async reload(): Promise<void> {
    const roots = [this.builtInPack, ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath)];
    this.packs = await loadPacks(roots);
    this.log.info(`Indexed ${this.packs.length} pack(s), ${this.packs.reduce((n, p) => n + p.problems.length, 0)} problem(s)`);
    await setContext(ContextKeys.hasPacks, this.packs.length > 0);
    this.changed.fire(undefined);
  }

  getPacks(): readonly PackSummary[] {
    return this.packs;
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.packs.map((pack) => ({ kind: 'pack', pack }));
    if (node.kind === 'pack') {
      const topics = [...new Set(node.pack.problems.flatMap((p) => p.topics))].sort();
      return topics.map((topic) => ({ kind: 'topic', pack: node.pack, topic }));
    }
    if (node.kind === 'topic') {
      return node.pack.problems.filter((p) => p.topics.includes(node.topic)).map((problem) => ({ kind: 'problem', problem }));
    }
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'pack': {
        const item = new vscode.TreeItem(node.pack.name, vscode.TreeItemCollapsibleState.Expanded);
        item.description = `${node.pack.problems.length} problems`;
        item.tooltip = node.pack.description;
        item.iconPath = new vscode.ThemeIcon('package');
        item.contextValue = 'pack';
        return item;
      }
      case 'topic': {
        const item = new vscode.TreeItem(node.topic, vscode.TreeItemCollapsibleState.Collapsed);
        item.iconPath = new vscode.ThemeIcon('symbol-folder');
        item.contextValue = 'topic';
        return item;
      }
      case 'problem': {
        const item = new vscode.TreeItem(node.problem.title, vscode.TreeItemCollapsibleState.None);
        item.description = node.problem.difficulty;
        item.iconPath = new vscode.ThemeIcon('circle-outline');
        item.contextValue = 'problem';
        item.id = `${node.problem.packId}/${node.problem.id}/${node.problem.topics[0] ?? ''}`;
        return item;
      }
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
