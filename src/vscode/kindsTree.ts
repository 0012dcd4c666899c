import * as path from 'node:path';
import * as vscode from 'vscode';
import { findDesignPacks, type DesignProblem } from '../core/kinds/design/index';
import type { KindHistoryEntry } from '../core/kinds/history';
import type { Diagnostic } from '../core/pack/types';
import { KindCommands } from './kindsConstants';
import type { BankStory, StoryBank } from './storyBank';

/** A row of the Design & Stories view. */
export type KindNode =
  | { kind: 'group'; group: 'design' | 'stories' }
  | { kind: 'design'; problem: DesignProblem; builtIn: boolean }
  | { kind: 'story'; story: BankStory };

/** The design problems of the built-in pack and of the workspace packs, re-read on demand. */
export class DesignIndex implements vscode.Disposable {
  private problems: { problem: DesignProblem; builtIn: boolean }[] = [];
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('drills-design-packs');

  constructor(private readonly builtInDir: string) {}

  /** Every design problem found, built-in first. */
  get all(): readonly { problem: DesignProblem; builtIn: boolean }[] {
    return this.problems;
  }

  /** The problem with this pack and id. */
  find(packId: string, problemId: string): DesignProblem | undefined {
    return this.problems.find((p) => p.problem.packId === packId && p.problem.id === problemId)?.problem;
  }

  /** Finds the design problems again; loader findings go to the Problems panel. */
  async reload(): Promise<void> {
    const builtIn = await findDesignPacks([this.builtInDir]);
    const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath);
    const workspace = folders.length > 0 ? await findDesignPacks(folders) : [];
    const seen = new Set<string>();
    const problems: { problem: DesignProblem; builtIn: boolean }[] = [];
    for (const [packs, isBuiltIn] of [[builtIn, true], [workspace, false]] as const) {
      for (const problem of packs.flatMap((p) => p.problems)) {
        if (seen.has(problem.dir)) continue;
        seen.add(problem.dir);
        problems.push({ problem, builtIn: isBuiltIn });
      }
    }
    this.problems = problems;
    const byFile = new Map<string, Diagnostic[]>();
    for (const d of [...builtIn, ...workspace].flatMap((p) => p.diagnostics)) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
    this.diagnostics.clear();
    for (const [file, list] of byFile) {
      this.diagnostics.set(vscode.Uri.file(file), list.map((d) => {
        const at = new vscode.Position(Math.max(0, d.line - 1), Math.max(0, d.column - 1));
        const diagnostic = new vscode.Diagnostic(new vscode.Range(at, at.translate(0, 1)), d.message, d.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
        diagnostic.source = 'drills';
        return diagnostic;
      }));
    }
  }

  dispose(): void {
    this.diagnostics.dispose();
  }
}

const clock = (seconds: number): string => `${Math.floor(seconds / 60)}:${String(Math.round(seconds) % 60).padStart(2, '0')}`;

/**
 * The "Design & Stories" view: the design prompts (built-in and from workspace packs) with their last score, and
 * the story bank (six stories and the optional pitch) with each story's check state.
 */
export class KindsTree implements vscode.TreeDataProvider<KindNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<KindNode | KindNode[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private stories: BankStory[] = [];
  private history: readonly KindHistoryEntry[] = [];
  /**
   * The two group rows, one object each for the view's life: a redraw names them instead of the whole tree, since a
   * whole-tree redraw drops every row's handle and a request for a group's children still on its way then fails
   * ("No tree item with id 'kinds:design' found").
   */
  private readonly groups: readonly KindNode[] = [{ kind: 'group', group: 'design' }, { kind: 'group', group: 'stories' }];
  /** What the rows showed at the last redraw. */
  private shown = '';

  constructor(
    private readonly designs: DesignIndex,
    private readonly bank: StoryBank,
  ) {}

  /** Re-reads the bank's stories and the history, then redraws. */
  async refresh(history: readonly KindHistoryEntry[]): Promise<void> {
    this.stories = await this.bank.stories();
    this.history = history;
    const look = this.look();
    if (look === this.shown) return;
    this.shown = look;
    this.changed.fire([...this.groups]);
  }

  /** Every row as it would be drawn now: a redraw is due only when this changes. */
  private look(): string {
    const rows = this.groups.flatMap((group) => [group, ...this.getChildren(group)]).map((node) => {
      const item = this.getTreeItem(node);
      const tooltip = item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : item.tooltip;
      const icon = item.iconPath instanceof vscode.ThemeIcon ? `${item.iconPath.id}/${item.iconPath.color?.id ?? ''}` : '';
      return [item.id, item.label, item.description, tooltip, icon, item.contextValue];
    });
    return JSON.stringify(rows);
  }

  getChildren(node?: KindNode): KindNode[] {
    if (!node) return [...this.groups];
    if (node.kind !== 'group') return [];
    if (node.group === 'design') return this.designs.all.map((d) => ({ kind: 'design', problem: d.problem, builtIn: d.builtIn }));
    return this.stories.map((story) => ({ kind: 'story', story }));
  }

  getTreeItem(node: KindNode): vscode.TreeItem {
    if (node.kind === 'group') {
      const design = node.group === 'design';
      const item = new vscode.TreeItem(design ? 'System design' : 'Story bank', vscode.TreeItemCollapsibleState.Expanded);
      item.id = `kinds:${node.group}`;
      item.contextValue = design ? 'designGroup' : this.stories.some((s) => s.file) ? 'storyBank' : 'storyBankMissing';
      item.iconPath = new vscode.ThemeIcon(design ? 'server-environment' : 'comment-discussion');
      if (!design) {
        const written = this.stories.filter((s) => s.file && !s.optional).length;
        item.description = `${written}/${this.stories.filter((s) => !s.optional).length} stories`;
      }
      return item;
    }
    if (node.kind === 'design') {
      const p = node.problem;
      const item = new vscode.TreeItem(p.title, vscode.TreeItemCollapsibleState.None);
      item.id = `kinds:design:${p.packId}/${p.id}`;
      item.contextValue = 'designProblem';
      const mine = this.history.filter((e) => e.kind === 'design' && e.state.packId === p.packId && e.state.problemId === p.id);
      const open = mine.find((e) => e.kind === 'design' && ['writing', 'probing', 'rating'].includes(e.state.stage));
      const best = Math.max(-1, ...mine.filter((e) => e.record.kind === 'design' && e.record.status === 'rated').map((e) => e.record.score));
      item.description = [node.builtIn ? p.difficulty : `${p.packId} · ${p.difficulty}`, open ? 'in progress' : best >= 0 ? `best ${best}/${mine[0].record.max}` : ''].filter(Boolean).join(' · ');
      item.iconPath = new vscode.ThemeIcon(open ? 'debug-pause' : best >= 0 ? 'pass' : 'circle-outline');
      item.tooltip = new vscode.MarkdownString(`**${p.title}** (${p.packId})\n\n${p.minutes} min in six phases, ${p.probes.length} probes.`);
      item.command = { command: KindCommands.openDesignPrompt, title: 'Open the prompt', arguments: [node] };
      return item;
    }
    const s = node.story;
    const item = new vscode.TreeItem(s.title, vscode.TreeItemCollapsibleState.None);
    item.id = `kinds:story:${s.type}`;
    item.contextValue = s.file ? 'story' : 'storyMissing';
    if (!s.file) {
      item.description = s.optional ? 'optional, not written' : 'not written';
      item.iconPath = new vscode.ThemeIcon('circle-outline');
      return item;
    }
    item.resourceUri = vscode.Uri.file(s.file);
    item.command = { command: 'vscode.open', title: 'Open the story', arguments: [vscode.Uri.file(s.file)] };
    const check = s.check;
    if (!check) {
      item.description = path.basename(s.file);
      item.iconPath = new vscode.ThemeIcon('circle-outline');
      return item;
    }
    const errors = check.findings.filter((f) => f.severity === 'error').length;
    const warnings = check.findings.filter((f) => f.severity === 'warning').length;
    const m = check.metrics;
    item.description = [
      `${clock(m.spokenSeconds)}/${clock(m.targetSeconds)}`,
      errors > 0 ? `${errors} error${errors === 1 ? '' : 's'}` : '',
      warnings > 0 ? `${warnings} warning${warnings === 1 ? '' : 's'}` : '',
      check.ok ? 'ready' : '',
    ].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon(errors > 0 ? 'error' : warnings > 0 ? 'warning' : 'pass');
    item.tooltip = new vscode.MarkdownString(check.findings.length === 0 ? 'Every check passes.' : check.findings.map((f) => `- line ${f.line}: ${f.message}`).join('\n'));
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
