import * as vscode from 'vscode';
import type { PackSource } from '../core/drill/index';
import type { DrillNode } from './drillsTree';
import type { PacksService } from './packs';
import type { ProgressService } from './dashboardProgress';

/** The topic name the due problems are listed under (their rows are ordinary problem rows). */
export const REVIEW_TOPIC = 'Due for review';

/** The group row itself. */
export type ReviewGroupNode = { kind: 'reviewGroup'; count: number };

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
    const count = this.rows().length;
    this.view.badge = count > 0 ? { value: count, tooltip: `${count} problem${count === 1 ? '' : 's'} due for review` } : undefined;
    this.changed.fire();
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
    const count = this.rows().length;
    return count > 0 ? [{ kind: 'reviewGroup', count }] : [];
  }

  /** The group's rows: problem rows of the due problems, most overdue first. */
  children(): DrillNode[] {
    return this.rows().map(({ source, problem }) => ({ kind: 'problem', source, problem, review: true }));
  }

  treeItem(node: ReviewGroupNode): vscode.TreeItem {
    const item = new vscode.TreeItem(REVIEW_TOPIC, vscode.TreeItemCollapsibleState.Expanded);
    item.id = 'review:due';
    item.description = String(node.count);
    item.iconPath = new vscode.ThemeIcon('history', new vscode.ThemeColor('charts.orange'));
    item.tooltip = 'Problems whose review (spaced repetition from your past attempts) falls due today or earlier. Solve one again to review it.';
    item.contextValue = 'reviewGroup';
    return item;
  }

  dispose(): void {
    this.view.badge = undefined;
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
