import * as vscode from 'vscode';
import type { PackSource } from '../core/drill/index';
import type { DrillNode } from './drillsTree';
import type { PacksService } from './packs';
import type { ProgressService } from './dashboardProgress';
import { KindCommands } from './kindsConstants';

/** The topic name the due problems are listed under (their rows are ordinary problem rows). */
export const REVIEW_TOPIC = 'Due for review';

/** The group row itself. */
export type ReviewGroupNode = { kind: 'reviewGroup'; count: number };

/** A design prompt or a story due for review: a row of the group that starts its drill on click. */
export type ReviewKindNode = { kind: 'reviewItem'; itemKind: 'design' | 'story'; packId: string; id: string; title: string; dueDay: string };

/**
 * The "Due for review" group the Drills view shows first, and the count badge on the view. Its children are
 * the tree's own problem rows (start, statement, state icons all work as elsewhere), marked `review` so their
 * ids stay unique beside the same problem's row in its pack. The tree asks this module for its first rows.
 */
export class ReviewGroup implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when what is due changed. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(
    private readonly progress: ProgressService,
    private readonly packs: PacksService,
    private readonly view: vscode.TreeView<DrillNode>,
  ) {
    this.disposables.push(progress.onDidChange(() => this.update()));
    this.update();
  }

  private update(): void {
    const count = this.rows().length + this.kindRows().length;
    this.view.badge = count > 0 ? { value: count, tooltip: `${count} item${count === 1 ? '' : 's'} due for review` } : undefined;
    this.changed.fire();
  }

  /** The design prompts (still in a pack) and stories due, most overdue first. */
  private kindRows(): ReviewKindNode[] {
    return this.progress
      .due()
      .filter((d): d is typeof d & { kind: 'design' | 'story' } => d.kind === 'design' || d.kind === 'story')
      .filter((d) => d.kind === 'story' || this.progress.hasDesign(d.packId, d.problemId))
      .map((d) => ({ kind: 'reviewItem', itemKind: d.kind, packId: d.packId, id: d.problemId, title: d.title, dueDay: d.dueDay }));
  }

  /** The due problems that are still in a pack, each with its pack's source. */
  private rows(): { source: PackSource; problem: NonNullable<ReturnType<PacksService['findProblem']>> }[] {
    const out = [];
    for (const due of this.progress.due()) {
      const problem = this.packs.findProblem(due.packId, due.problemId);
      const source = problem ? this.packs.index.sources.find((s) => s.pack.id === problem.packId) : undefined;
      if (problem && source) out.push({ source, problem });
    }
    return out;
  }

  /** The tree's first rows: the group, when something is due. */
  roots(): ReviewGroupNode[] {
    const count = this.rows().length + this.kindRows().length;
    return count > 0 ? [{ kind: 'reviewGroup', count }] : [];
  }

  /** The group's rows: problem rows of the due problems, most overdue first, then the design prompts and stories due. */
  children(): DrillNode[] {
    const problems: DrillNode[] = this.rows().map(({ source, problem }) => ({ kind: 'problem', source, problem, review: true }));
    return problems.concat(this.kindRows());
  }

  /** A design prompt's or story's row: one click starts the design drill, or a rehearsal. */
  kindItem(node: ReviewKindNode): vscode.TreeItem {
    const item = new vscode.TreeItem(node.title, vscode.TreeItemCollapsibleState.None);
    item.id = `review-${node.itemKind}:${node.packId}/${node.id}`;
    item.description = node.itemKind === 'design' ? 'design prompt' : 'story';
    item.iconPath = new vscode.ThemeIcon(node.itemKind === 'design' ? 'symbol-structure' : 'mic');
    item.tooltip = `${node.itemKind === 'design' ? 'Design prompt' : 'Story'} due for review since ${node.dueDay}. Click to ${node.itemKind === 'design' ? 'start the design drill' : 'rehearse a story'}.`;
    item.contextValue = `review-${node.itemKind}`;
    item.command =
      node.itemKind === 'design'
        ? { command: KindCommands.startDesign, title: 'Start Design Drill', arguments: [{ kind: 'design', problem: this.progress.findDesign(node.packId, node.id), builtIn: false }] }
        : { command: KindCommands.rehearse, title: 'Rehearse a Story' };
    return item;
  }

  treeItem(node: ReviewGroupNode): vscode.TreeItem {
    const item = new vscode.TreeItem(REVIEW_TOPIC, vscode.TreeItemCollapsibleState.Expanded);
    item.id = 'review:due';
    item.description = String(node.count);
    item.iconPath = new vscode.ThemeIcon('history', new vscode.ThemeColor('charts.orange'));
    item.tooltip = 'Problems, design prompts and stories whose review (spaced repetition from your past attempts) falls due today or earlier. Drill one again to review it.';
    item.contextValue = 'reviewGroup';
    return item;
  }

  dispose(): void {
    this.view.badge = undefined;
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
