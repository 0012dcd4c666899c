import * as vscode from 'vscode';
import { Commands, ContextKeys, Views } from './constants';
import { setContext } from './context';
import type { PacksService } from './packs';
import {
  ALL_NEW,
  DRILL_STATES,
  NO_FILTER,
  countDiagnostics,
  describeFilter,
  filterProblems,
  isFilterEmpty,
  stateLabel,
  topicsOf,
  type DrillFilter,
  type DrillState,
  type DrillStateProvider,
  type PackSource,
} from '../core/drill/index';
import { DIFFICULTIES, type Difficulty, type ProblemSummary } from '../core/pack/types';
import { REVIEW_TOPIC, type ReviewGroup, type ReviewGroupNode, type ReviewKindNode } from './dashboardReviewGroup';

/** A row of the Drills view. */
export type DrillNode =
  | { kind: 'pack'; source: PackSource; problems: ProblemSummary[] }
  | { kind: 'difficulty'; source: PackSource; difficulty: Difficulty; problems: ProblemSummary[] }
  /** `review`: the row in the "Due for review" group rather than in its pack. */
  | { kind: 'problem'; source: PackSource; problem: ProblemSummary; review?: true }
  | ReviewGroupNode
  | ReviewKindNode;

/** How each difficulty shows: a label, and a filled circle in a colour readable at any width. */
const DIFFICULTY_LOOK: Record<Difficulty, { label: string; color: string }> = {
  easy: { label: 'Easy', color: 'charts.green' },
  medium: { label: 'Medium', color: 'charts.yellow' },
  hard: { label: 'Hard', color: 'charts.red' },
};

/** The icon of each state: ThemeIcons coloured by the theme's test colours. */
const STATE_ICONS: Record<DrillState, [string, string | undefined]> = {
  new: ['circle-outline', undefined],
  'in-progress': ['debug-pause', 'charts.blue'],
  solved: ['pass-filled', 'testing.iconPassed'],
  'solved-late': ['pass', 'charts.yellow'],
  failed: ['error', 'testing.iconFailed'],
};

/** "Restricted Mode" explained once, for tooltips and messages. */
export const RESTRICTED_REASON = 'This workspace is in Restricted Mode: problems from workspace packs are listed, but their code and tests do not run until you trust the workspace.';

/**
 * The Drills view: packs → difficulties → problems, from the packs service's index (never YAML). Each problem is
 * listed once, its topics as its description (and as a filter). Ids are stable across re-indexing, and the view is
 * told to redraw only when a row really changed: a redraw while the view is still expanding a row makes VS Code look
 * up that row under a handle it has just dropped ("No tree item with id … found"), leaving the row empty.
 */
export class DrillsTree implements vscode.TreeDataProvider<DrillNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<DrillNode | DrillNode[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** The view showing this tree. */
  readonly view: vscode.TreeView<DrillNode>;
  private stateOfProblem: DrillStateProvider;
  private currentFilter: DrillFilter = NO_FILTER;
  /** The children the view last asked for, by the key of their parent ('' for the top level). */
  private readonly served = new Map<string, string[]>();
  /** What each row showed at the last refresh. */
  private looks = new Map<string, string>();
  private readonly nodes = new Map<string, DrillNode>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly packs: PacksService,
    options: { stateOf?: DrillStateProvider } = {},
  ) {
    this.stateOfProblem = options.stateOf ?? ALL_NEW;
    this.view = vscode.window.createTreeView(Views.problems, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(this.view, this.changed, packs.onDidChange(() => this.refresh()));
  }

  private reviewGroup: ReviewGroup | undefined;

  /** Shows the "Due for review" group first (see dashboardReviewGroup.ts); redraws when it changes. */
  setReviewGroup(group: ReviewGroup | undefined): vscode.Disposable {
    this.reviewGroup = group;
    this.refresh();
    return group ? group.onDidChange(() => this.refresh()) : new vscode.Disposable(() => undefined);
  }

  /** Replaces the source of problem states (the history's), and redraws. */
  setStateProvider(stateOf: DrillStateProvider): void {
    this.stateOfProblem = stateOf;
    this.refresh();
  }

  /** A problem's state as the tree shows it (from the injected provider). */
  readonly stateOf: DrillStateProvider = (packId, problemId) => this.stateOfProblem(packId, problemId);

  /**
   * Redraws what changed (after re-indexing, or the history changed), judged against the rows the view last asked
   * for: nothing when none changed; only the changed rows when the view's rows are the same ones (state icons,
   * tooltips); the whole tree only when rows it shows came or went. A whole-tree redraw drops every row's handle,
   * and a request for a row's children still on its way then fails ("No tree item with id … found").
   */
  refresh(): void {
    void setContext(ContextKeys.hasPacks, this.packs.packs.length > 0);
    this.updateMessage();
    const rows = this.rows();
    const childrenNow = (parent: string) => [...rows].filter(([, r]) => r.parent === parent).map(([key]) => key);
    const moved = [...this.served].some(([parent, keys]) => (parent === '' || rows.has(parent)) && JSON.stringify(childrenNow(parent)) !== JSON.stringify(keys));
    const looks = this.looks;
    this.looks = new Map([...rows].map(([key, r]) => [key, r.look]));
    if (moved) {
      this.served.clear();
      this.changed.fire(undefined);
      return;
    }
    const seen = new Set([...this.served.values()].flat());
    const changed = [...rows].filter(([key, r]) => seen.has(key) && looks.get(key) !== r.look).map(([, r]) => r.node);
    if (changed.length > 0) this.changed.fire(changed);
  }

  /** Every row as drawn now, depth first: its node, its parent's key and what it shows. */
  private rows(): Map<string, { node: DrillNode; parent: string; look: string }> {
    const rows = new Map<string, { node: DrillNode; parent: string; look: string }>();
    const walk = (nodes: DrillNode[], parent: string) => {
      for (const node of nodes) {
        const item = this.getTreeItem(node);
        const tooltip = item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : item.tooltip;
        const icon = item.iconPath instanceof vscode.ThemeIcon ? `${item.iconPath.id}/${item.iconPath.color?.id ?? ''}` : '';
        const key = keyOf(node);
        rows.set(key, { node, parent, look: JSON.stringify([item.label, item.description, tooltip, icon, item.contextValue, item.collapsibleState]) });
        walk(this.childrenOf(node), key);
      }
    };
    walk(this.childrenOf(), '');
    return rows;
  }

  /**
   * The one node object of a row: VS Code finds the rows to redraw by object, so a row keeps its object (brought up
   * to date) for as long as it is shown.
   */
  private intern<T extends DrillNode>(node: T): T {
    const key = keyOf(node);
    const existing = this.nodes.get(key) as T | undefined;
    if (!existing) {
      this.nodes.set(key, node);
      return node;
    }
    Object.assign(existing, node);
    return existing;
  }

  /** The active filter. */
  get filter(): DrillFilter {
    return this.currentFilter;
  }

  /** Narrows the view; the filter is shown in the view's description. */
  setFilter(filter: DrillFilter): void {
    this.currentFilter = filter;
    void setContext(ContextKeys.filtered, !isFilterEmpty(filter));
    this.refresh();
  }

  /** Problems shown under the filter, each once, built-in pack first. */
  visibleProblems(): ProblemSummary[] {
    return this.packs.index.sources.flatMap((s) => filterProblems(s.pack.problems, this.stateOfProblem, this.currentFilter));
  }

  /** Every problem indexed, whatever the filter: the choices of the filter's topics. */
  allProblems(): ProblemSummary[] {
    return this.packs.packs.flatMap((p) => p.problems);
  }

  getChildren(node?: DrillNode): DrillNode[] {
    const children = this.childrenOf(node);
    this.served.set(node ? keyOf(node) : '', children.map(keyOf));
    return children;
  }

  private childrenOf(node?: DrillNode): DrillNode[] {
    if (!node) {
      const filtering = !isFilterEmpty(this.currentFilter);
      const first: DrillNode[] = (this.reviewGroup?.roots() ?? []).map((n) => this.intern(n));
      return first.concat(this.packs.index.sources
        .map((source) => ({ kind: 'pack' as const, source, problems: filterProblems(source.pack.problems, this.stateOfProblem, this.currentFilter) }))
        // A filter hides packs with nothing to show; without one, even an empty or broken pack is listed.
        .filter((n) => !filtering || n.problems.length > 0)
        .map((n) => this.intern(n)));
    }
    if (node.kind === 'reviewGroup') return (this.reviewGroup?.children() ?? []).map((n) => this.intern(n));
    if (node.kind === 'pack') return difficultyGroups(node.source, node.problems).map((n) => this.intern(n));
    if (node.kind === 'difficulty') return node.problems.map((problem) => this.intern({ kind: 'problem' as const, source: node.source, problem }));
    return [];
  }

  getTreeItem(node: DrillNode): vscode.TreeItem {
    switch (node.kind) {
      case 'pack':
        return this.packItem(node);
      case 'difficulty': {
        const look = DIFFICULTY_LOOK[node.difficulty];
        const item = new vscode.TreeItem(look.label, vscode.TreeItemCollapsibleState.Expanded);
        item.id = keyOf(node);
        item.description = `${node.problems.length} problem${node.problems.length === 1 ? '' : 's'}`;
        item.iconPath = new vscode.ThemeIcon('circle-filled', new vscode.ThemeColor(look.color));
        item.contextValue = 'difficulty';
        return item;
      }
      case 'problem':
        return this.problemItem(node);
      case 'reviewGroup':
        return this.reviewGroup?.treeItem(node) ?? new vscode.TreeItem(REVIEW_TOPIC);
      case 'reviewItem':
        return this.reviewGroup?.kindItem(node) ?? new vscode.TreeItem(node.title);
    }
  }

  getParent(node: DrillNode): DrillNode | undefined {
    if (node.kind === 'pack' || node.kind === 'reviewGroup') return undefined;
    if ((node.kind === 'problem' && node.review) || node.kind === 'reviewItem') {
      const group = this.reviewGroup?.roots()[0];
      return group ? this.intern(group) : undefined;
    }
    const problems = filterProblems(node.source.pack.problems, this.stateOfProblem, this.currentFilter);
    const pack = this.intern<DrillNode>({ kind: 'pack', source: node.source, problems });
    if (node.kind === 'difficulty') return pack;
    const group = difficultyGroups(node.source, problems).find((g) => g.kind === 'difficulty' && g.difficulty === node.problem.difficulty);
    return group ? this.intern(group) : pack;
  }

  private packItem(node: Extract<DrillNode, { kind: 'pack' }>): vscode.TreeItem {
    const { pack, builtIn } = node.source;
    const item = new vscode.TreeItem(pack.name, vscode.TreeItemCollapsibleState.Expanded);
    item.id = keyOf(node);
    const { errors, warnings } = countDiagnostics(pack.diagnostics);
    const count = isFilterEmpty(this.currentFilter) ? `${pack.problems.length}` : `${node.problems.length} of ${pack.problems.length}`;
    const parts = [`${count} problem${pack.problems.length === 1 ? '' : 's'}`];
    if (errors > 0) parts.push(`${errors} error${errors === 1 ? '' : 's'}`);
    if (warnings > 0 && errors === 0) parts.push(`${warnings} warning${warnings === 1 ? '' : 's'}`);
    item.description = parts.join(' · ');
    const runs = this.packs.canRun(pack);
    item.iconPath = !runs
      ? new vscode.ThemeIcon('lock', new vscode.ThemeColor('disabledForeground'))
      : errors > 0
        ? new vscode.ThemeIcon('package', new vscode.ThemeColor('list.errorForeground'))
        : new vscode.ThemeIcon(builtIn ? 'package' : 'folder-library');
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(`**${escape(pack.name)}**${builtIn ? ' (built-in)' : ''}\n\n`);
    if (pack.description) tooltip.appendMarkdown(`${escape(pack.description)}\n\n`);
    tooltip.appendMarkdown(`\`${escape(pack.dir)}\`\n\n`);
    if (errors + warnings > 0) tooltip.appendMarkdown(`$(warning) ${errors} error(s), ${warnings} warning(s): see the Problems panel.\n\n`);
    if (!runs) tooltip.appendMarkdown(`$(lock) ${RESTRICTED_REASON}`);
    item.tooltip = tooltip;
    item.contextValue = runs ? 'pack' : 'pack.restricted';
    if (pack.manifestPath) item.resourceUri = vscode.Uri.file(pack.manifestPath);
    return item;
  }

  private problemItem(node: Extract<DrillNode, { kind: 'problem' }>): vscode.TreeItem {
    const { problem } = node;
    const info = this.stateOfProblem(problem.packId, problem.id);
    const item = new vscode.TreeItem(problem.title, vscode.TreeItemCollapsibleState.None);
    item.id = keyOf(node);
    item.description = problem.topics.join(', ');
    const [icon, color] = STATE_ICONS[info.state];
    item.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
    const runs = this.packs.canRun(node.source.pack);
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(`**${escape(problem.title)}**\n\n`);
    tooltip.appendMarkdown(`| | |\n|---|---|\n`);
    tooltip.appendMarkdown(`| Difficulty | ${problem.difficulty} |\n`);
    tooltip.appendMarkdown(`| Topics | ${escape(problem.topics.join(', ') || '—')} |\n`);
    tooltip.appendMarkdown(`| Time | ${problem.minutes} min |\n`);
    tooltip.appendMarkdown(`| Languages | ${problem.languages.join(', ') || 'none'} |\n`);
    tooltip.appendMarkdown(`| State | ${stateLabel(info.state)} |\n`);
    tooltip.appendMarkdown(`| Best time | ${info.bestMs === undefined ? '—' : formatMinutes(info.bestMs)} |\n`);
    if (!runs) tooltip.appendMarkdown(`\n$(lock) ${RESTRICTED_REASON}`);
    item.tooltip = tooltip;
    item.contextValue = runs ? 'problem' : 'problem.restricted';
    item.accessibilityInformation = { label: `${problem.title}, ${problem.difficulty}, ${problem.topics.join(', ')}, ${stateLabel(info.state)}` };
    // A click reads the statement; starting (which writes files and starts a timer) is a deliberate action.
    item.command = { command: Commands.openStatement, title: 'Open Statement', arguments: [node] };
    return item;
  }

  private updateMessage(): void {
    const summary = describeFilter(this.currentFilter);
    this.view.description = summary ? `Filter: ${summary}` : undefined;
    if (!summary) {
      this.view.message = undefined;
      return;
    }
    const shown = new Set(this.visibleProblems().map((p) => `${p.packId}/${p.id}`)).size;
    const total = this.allProblems().length;
    this.view.message = shown === 0 ? `No problem matches the filter (${summary}).` : `Showing ${shown} of ${total} problems.`;
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

/** The row's key: the same as its TreeItem id. */
function keyOf(node: DrillNode): string {
  if (node.kind === 'reviewGroup') return 'review:due';
  if (node.kind === 'reviewItem') return `review-${node.itemKind}:${node.packId}/${node.id}`;
  const dir = node.source.pack.dir;
  return node.kind === 'pack' ? `pack:${dir}` : node.kind === 'difficulty' ? `difficulty:${dir}#${node.difficulty}` : `${node.review ? 'review-problem' : 'problem'}:${dir}#${node.problem.id}`;
}

/** A pack's problems by difficulty, easiest first; difficulties with no problem are left out. */
function difficultyGroups(source: PackSource, problems: readonly ProblemSummary[]): DrillNode[] {
  return DIFFICULTIES.map((difficulty) => ({ kind: 'difficulty' as const, source, difficulty, problems: problems.filter((p) => p.difficulty === difficulty) })).filter((g) => g.problems.length > 0);
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

function formatMinutes(ms: number): string {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

type FilterPick = vscode.QuickPickItem & { apply?: (f: DrillFilter) => void };

/** Asks for a filter with one multi-select list (difficulties, states, topics); undefined when dismissed. */
export async function pickFilter(current: DrillFilter, topics: readonly string[]): Promise<DrillFilter | undefined> {
  const separator = (label: string): FilterPick => ({ label, kind: vscode.QuickPickItemKind.Separator });
  const items: FilterPick[] = [
    separator('Difficulty'),
    ...DIFFICULTIES.map((d) => ({ label: d, picked: current.difficulties.includes(d), apply: (f: DrillFilter) => f.difficulties.push(d) })),
    separator('State'),
    ...DRILL_STATES.map((s) => ({ label: stateLabel(s), picked: current.states.includes(s), apply: (f: DrillFilter) => f.states.push(s) })),
    separator('Topic'),
    ...topics.map((t) => ({ label: t, picked: current.topics.includes(t), apply: (f: DrillFilter) => f.topics.push(t) })),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    canPickMany: true,
    title: 'Filter Problems',
    placeHolder: 'Show problems matching every group you tick (any choice within a group); none ticked shows all',
  });
  if (!picked) return undefined;
  const filter: DrillFilter = { difficulties: [], topics: [], states: [] };
  for (const item of picked) item.apply?.(filter);
  return filter;
}

/** The filter choices offered: every topic of every indexed problem. */
export function filterTopics(tree: DrillsTree): string[] {
  return topicsOf(tree.allProblems());
}
