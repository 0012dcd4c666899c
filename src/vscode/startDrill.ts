import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Config } from './config';
import type { DrillNode } from './drillsTree';
import { RESTRICTED_REASON } from './drillsTree';
import type { PacksService } from './packs';
import {
  chooseLanguage,
  findAttempts,
  latestAttempt,
  nextAttemptDir,
  resolveAttemptFolder,
  writeEditorSupport,
  writeStarter,
  type ExistingAttempt,
} from '../core/drill/index';
import { STARTER_FILES, STATEMENT_FILE } from '../core/pack/index';
import { isInside } from '../core/fs/paths';
import type { Language, PackSummary, ProblemSummary } from '../core/pack/types';
import { LANGUAGE_IDS, languageById } from '../core/languages/registry';

/** What starting a drill scaffolded: handed to `onDidStartDrill` listeners and returned by `start`. */
export interface DrillStart {
  problem: ProblemSummary;
  language: Language;
  /** Absolute path of the attempt folder. */
  attemptDir: string;
  /** Absolute path of the solution file in it. */
  solutionPath: string;
  /** Absolute path of the statement, in the pack (never copied into the workspace). */
  statementPath: string;
  /** True when the user chose to resume an attempt already on disk (nothing was written). */
  resumed: boolean;
  /** True when the starter was copied; false when the solution file was already there. */
  starterWritten: boolean;
}

/** Everything starting a drill asks the user: the VS Code dialogs by default, replaceable in tests. */
export interface DrillPrompts {
  /** Chooses a problem when the command was run without one. */
  pickProblem(problems: readonly { problem: ProblemSummary; pack: PackSummary; runs: boolean }[]): Thenable<ProblemSummary | undefined>;
  /**
   * Chooses the language, `order[0]` pre-selected; `note` says why the setting was not used. `unavailable` holds,
   * for each language whose toolchain was not found, what to install: those stay listed, marked.
   */
  pickLanguage(problem: ProblemSummary, order: readonly Language[], note?: string, unavailable?: ReadonlyMap<Language, string>): Thenable<Language | undefined>;
  /** An attempt exists: resume it, or start a new one beside it. */
  resumeOrNew(problem: ProblemSummary, existing: ExistingAttempt): Thenable<'resume' | 'new' | undefined>;
  /** No folder is open: choose one for the attempt. */
  pickFolder(): Thenable<vscode.Uri | undefined>;
  /** The pack is a workspace pack and the workspace is not trusted. */
  explainRestricted(pack: PackSummary): Thenable<void>;
  /** Something the user can fix went wrong (a bad setting, a missing starter). */
  showError(message: string): Thenable<void>;
}

/** The prompts as VS Code dialogs. */
export const vscodePrompts: DrillPrompts = {
  async pickProblem(problems) {
    const items = problems.map(({ problem, pack, runs }) => ({
      label: `${runs ? '' : '$(lock) '}${problem.title}`,
      description: `${problem.difficulty} · ${pack.name}`,
      detail: `${problem.topics.join(', ')} · ${problem.minutes} min`,
      problem,
    }));
    const picked = await vscode.window.showQuickPick(items, { title: 'Start Drill', placeHolder: 'Choose a problem', matchOnDescription: true, matchOnDetail: true });
    return picked?.problem;
  },
  async pickLanguage(problem, order, note, unavailable) {
    const items = order.map((language) => {
      const missing = unavailable?.get(language);
      const description = missing ? `${STARTER_FILES[language]} · $(warning) ${languageById(language).toolchain.name} not found` : STARTER_FILES[language];
      return { label: languageById(language).label, description, ...(missing ? { detail: missing } : {}), language };
    });
    const picked = await vscode.window.showQuickPick(items, {
      title: `Start ${problem.title}`,
      placeHolder: note ? `${note} Choose a language` : 'Choose a language (set drills.defaultLanguage to skip this question)',
    });
    return picked?.language;
  },
  async resumeOrNew(problem, existing) {
    const choice = await vscode.window.showInformationMessage(
      `${problem.title} already has an attempt in ${vscode.workspace.asRelativePath(existing.dir)} (${languageById(existing.language).label}).`,
      { modal: true, detail: 'Resume it, or start a new attempt in a new folder beside it. Nothing you wrote is overwritten.' },
      'Resume',
      'Start New',
    );
    return choice === 'Resume' ? 'resume' : choice === 'Start New' ? 'new' : undefined;
  },
  async pickFolder() {
    const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Use for Drills', title: 'Choose a folder for your attempts' });
    return picked?.[0];
  },
  async explainRestricted(pack) {
    const manage = 'Manage Workspace Trust';
    const choice = await vscode.window.showWarningMessage(`${pack.name} cannot be started. ${RESTRICTED_REASON}`, manage);
    if (choice === manage) await vscode.commands.executeCommand('workbench.trust.manage');
  },
  async showError(message) {
    await vscode.window.showErrorMessage(message);
  },
};

/** globalState key of the language last chosen. */
export const LAST_LANGUAGE_KEY = 'drills.lastLanguage';
/** globalState key of a drill scaffolded just before its folder was added (the window may restart). */
const PENDING_KEY = 'drills.pendingStart';
/** A pending start older than this is stale (the window never came back): dropped. */
const PENDING_MAX_AGE_MS = 5 * 60_000;

interface PendingStart {
  packId: string;
  problemId: string;
  language: Language;
  attemptDir: string;
  solutionPath: string;
  resumed: boolean;
  starterWritten: boolean;
  at: number;
}

/** Starts drills: scaffolds the attempt folder with the starter only and opens the statement beside it. */
export class DrillStarter implements vscode.Disposable {
  private readonly started = new vscode.EventEmitter<DrillStart>();
  /** Fires after a drill's files are in place and open; the session creates the attempt and the timer. */
  readonly onDidStartDrill = this.started.event;

  constructor(
    private readonly deps: {
      packs: PacksService;
      config: Config;
      /** Where the last language is remembered (the extension's globalState). */
      state: vscode.Memento;
      /** Where a start handed to the reopened window is kept (a file in the extension's global storage). */
      pendingFile?: string;
      log: vscode.LogOutputChannel;
      prompts?: DrillPrompts;
      now?: () => number;
      /** What to install for each of these languages whose toolchain is not found (none: every one is). */
      missingToolchains?: (languages: readonly Language[]) => Promise<ReadonlyMap<Language, string>>;
    },
  ) {}

  /**
   * Starts a drill on a problem (a tree node, a problem, or none: the user picks one). Resolves with what
   * was scaffolded, or undefined when the user cancelled or the drill cannot start (they were told why).
   */
  async start(target?: DrillNode | ProblemSummary, prompts: DrillPrompts = this.deps.prompts ?? vscodePrompts): Promise<DrillStart | undefined> {
    const { packs, config, state, log } = this.deps;
    const chosen = target ? problemOf(target) : await prompts.pickProblem(this.choices());
    if (!chosen) return undefined;
    // The index may have been rebuilt since the node was drawn: use the current entry.
    const problem = packs.findProblem(chosen.packId, chosen.id) ?? chosen;
    const pack = packs.packOf(problem);
    if (!pack) {
      await prompts.showError(`${problem.title} is no longer in any pack: the packs were re-indexed. Try again from the Drills view.`);
      return undefined;
    }
    if (!packs.canRun(pack)) {
      await prompts.explainRestricted(pack);
      return undefined;
    }

    let root = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file')?.uri;
    const addFolder = !root;
    if (!root) {
      root = await prompts.pickFolder();
      if (!root) return undefined;
    }

    const template = config.get('attemptFolder', root);
    const bases = new Map<Language, string>();
    for (const language of problem.languages) {
      const resolved = resolveAttemptFolder(template, { problemId: problem.id, packId: pack.id, language }, root.fsPath);
      if ('error' in resolved) {
        await prompts.showError(resolved.error);
        return undefined;
      }
      bases.set(language, resolved.dir);
    }

    const configured = config.get('defaultLanguage');
    const lastUsed = state.get<Language>(LAST_LANGUAGE_KEY);
    const preferred = [configured, lastUsed].filter((l): l is Language => !!l && LANGUAGE_IDS.includes(l));
    const latest = latestAttempt(await findAttempts(bases), preferred);
    let start: Omit<DrillStart, 'problem' | 'statementPath'> | undefined;
    if (latest) {
      const choice = await prompts.resumeOrNew(problem, latest);
      if (!choice) return undefined;
      if (choice === 'resume') {
        start = { language: latest.language, attemptDir: latest.dir, solutionPath: latest.solutionPath, resumed: true, starterWritten: false };
      }
    }
    if (!start) {
      const choice = chooseLanguage(problem.languages, { configured, lastUsed });
      if (choice.kind === 'none') {
        await prompts.showError(`${problem.title}: ${choice.message}`);
        return undefined;
      }
      const unavailable = choice.kind === 'chosen' ? undefined : await this.missingToolchains(choice.order);
      const language = choice.kind === 'chosen' ? choice.language : await prompts.pickLanguage(problem, choice.order, choice.note, unavailable);
      if (!language) return undefined;
      const missing = unavailable?.get(language);
      // The drill starts all the same: the solution can be written while the toolchain is installed.
      if (missing) log.warn(`${problem.id}: started in ${language} without its toolchain: ${missing}`);
      const base = bases.get(language)!;
      // With an attempt on disk, a new one goes in a numbered sibling; otherwise in the base folder itself.
      const attemptDir = latest ? nextAttemptDir(base, await namesIn(path.dirname(base))) : base;
      const solutionPath = path.join(attemptDir, STARTER_FILES[language]);
      try {
        const written = await writeStarter(path.join(problem.dir, 'starter', STARTER_FILES[language]), solutionPath);
        start = { language, attemptDir, solutionPath, resumed: false, starterWritten: written.written };
      } catch (e) {
        await prompts.showError(e instanceof Error ? e.message : String(e));
        return undefined;
      }
    }
    try {
      // TreeNode and ListNode declared for the editor, so a correct solution shows no "Cannot find name".
      await writeEditorSupport(start.attemptDir, start.language, path.basename(start.solutionPath));
    } catch (e) {
      log.warn(`Could not write the editor's declarations in ${start.attemptDir}: ${e instanceof Error ? e.message : String(e)}`);
    }
    await state.update(LAST_LANGUAGE_KEY, start.language);
    const result: DrillStart = { problem, statementPath: path.join(problem.dir, STATEMENT_FILE), ...start };
    log.info(`${result.resumed ? 'Resumed' : 'Started'} ${problem.packId}/${problem.id} in ${result.language}: ${result.solutionPath}`);

    if (addFolder) {
      // The window reopens on the chosen folder and the drill is finished there (finishPendingStart, on activation).
      // Nothing is opened or timed here: this extension host is about to stop. Adding the folder to this window
      // instead (updateWorkspaceFolders) turns it into an untitled workspace, and on a busy machine the window
      // could come back as that workspace without the folder while the timer of a drill started here ran on.
      const pending: PendingStart = { packId: problem.packId, problemId: problem.id, language: result.language, attemptDir: result.attemptDir, solutionPath: result.solutionPath, resumed: result.resumed, starterWritten: result.starterWritten, at: this.now() };
      await this.savePending(pending);
      log.info(`Opening ${root.fsPath} to start the drill there.`);
      await vscode.commands.executeCommand('vscode.openFolder', root, { forceReuseWindow: true });
      return result;
    }
    await this.openDrill(result);
    this.started.fire(result);
    return result;
  }

  /** Finishes a drill scaffolded just before the window restarted to add its folder (called on activation). */
  async finishPendingStart(): Promise<DrillStart | undefined> {
    const pending = await this.loadPending();
    if (!pending) return undefined;
    const stale = this.now() - pending.at > PENDING_MAX_AGE_MS;
    // The state is shared by every window: only the window holding the attempt's folder finishes it.
    const here = (vscode.workspace.workspaceFolders ?? []).some((f) => f.uri.scheme === 'file' && isInside(f.uri.fsPath, pending.attemptDir));
    if (!stale && !here) return undefined;
    await this.savePending(undefined);
    if (stale) return undefined;
    const problem = this.deps.packs.findProblem(pending.packId, pending.problemId);
    if (!problem) return undefined;
    const { language, attemptDir, solutionPath, resumed, starterWritten } = pending;
    const result: DrillStart = { problem, statementPath: path.join(problem.dir, STATEMENT_FILE), language, attemptDir, solutionPath, resumed, starterWritten };
    await this.openDrill(result);
    this.started.fire(result);
    return result;
  }

  /**
   * Opens a problem's statement from its pack in the Markdown preview, beside the editor. A locked preview: an
   * unlocked one follows the active Markdown editor, and would turn into PLAN.md while the plan is written.
   */
  async openStatement(target: DrillNode | ProblemSummary): Promise<void> {
    const problem = problemOf(target);
    if (problem) await this.showStatement(problem, false);
  }

  /**
   * Shows the statement (see openStatement); true when a new preview was asked for: it opens, and takes the focus,
   * after this returns. The source shown instead of a preview leaves the focus where it is when `keepFocus`.
   */
  private async showStatement(problem: ProblemSummary, keepFocus: boolean): Promise<boolean> {
    const uri = vscode.Uri.file(path.join(problem.dir, STATEMENT_FILE));
    // One statement preview at a time: the open one is kept when it is this problem's, else it makes way (a locked
    // preview is never reused by the next one, so they would pile up drill after drill).
    const previews = statementPreviewTabs();
    if (previews.length > 0 && this.statementShown === uri.fsPath) return false;
    if (previews.length > 0) await vscode.window.tabGroups.close(previews, true);
    this.statementShown = uri.fsPath;
    try {
      await vscode.commands.executeCommand('markdown.showLockedPreviewToSide', uri);
      return true;
    } catch (e) {
      // The built-in Markdown extension can be disabled: the source is better than nothing.
      this.deps.log.warn(`Markdown preview unavailable (${e instanceof Error ? e.message : String(e)}): opening the statement as text.`);
      await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: keepFocus });
      return false;
    }
  }

  /** The statement last shown in the preview (the preview's tab does not say which file it shows). */
  private statementShown: string | undefined;

  private async openDrill(start: DrillStart): Promise<void> {
    const solution = vscode.Uri.file(start.solutionPath);
    await this.showSolution(solution);
    // A new Markdown preview opens after its command returns and takes the focus: wait for its tab, then give the
    // focus back to the solution, where the user types. A preview kept open (the same problem again) takes nothing:
    // waiting for it would only run out the timeout.
    if (!(await this.showStatement(start.problem, true))) return;
    await previewActive(PREVIEW_WAIT_MS);
    await this.showSolution(solution);
  }

  /**
   * Opens the solution in the first column. The editor refuses an open that another one overtook ("Could NOT open
   * editor", e.g. the previous drill's PLAN.md opening at that moment): tried once more, then the start goes on
   * without it (the file is in the workspace) and says so in the log.
   */
  private async showSolution(solution: vscode.Uri): Promise<void> {
    const show = () => vscode.window.showTextDocument(solution, { viewColumn: vscode.ViewColumn.One, preview: false, preserveFocus: false });
    try {
      await show();
    } catch {
      await show().then(undefined, (e: unknown) => this.deps.log.warn(`Could not open ${solution.fsPath}: ${e instanceof Error ? e.message : String(e)}`));
    }
  }

  /**
   * Remembers the drill the reopened window must finish: in a file of the extension's storage when there is one (on
   * disk before the window goes, whatever the editor's own state flushing does during the reload), else in `state`.
   */
  private async savePending(pending: PendingStart | undefined): Promise<void> {
    const file = this.deps.pendingFile;
    if (!file) return void (await this.deps.state.update(PENDING_KEY, pending));
    if (!pending) return void (await fs.rm(file, { force: true }));
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, JSON.stringify(pending), 'utf8');
  }

  private async loadPending(): Promise<PendingStart | undefined> {
    const file = this.deps.pendingFile;
    if (!file) return this.deps.state.get<PendingStart>(PENDING_KEY);
    try {
      return JSON.parse(await fs.readFile(file, 'utf8')) as PendingStart;
    } catch {
      return undefined;
    }
  }

  /** Languages whose toolchain is missing, with what to install; a lookup that fails never stops a start. */
  private async missingToolchains(languages: readonly Language[]): Promise<ReadonlyMap<Language, string>> {
    try {
      return (await this.deps.missingToolchains?.(languages)) ?? new Map();
    } catch (e) {
      this.deps.log.warn(`Looking up the toolchains failed: ${e instanceof Error ? e.message : String(e)}`);
      return new Map();
    }
  }

  private choices(): { problem: ProblemSummary; pack: PackSummary; runs: boolean }[] {
    const { packs } = this.deps;
    return packs.packs.flatMap((pack) => pack.problems.map((problem) => ({ problem, pack, runs: packs.canRun(pack) })));
  }

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  dispose(): void {
    this.started.dispose();
  }
}

/** How long to wait for the statement's preview tab before focusing the solution anyway. */
const PREVIEW_WAIT_MS = 3000;

/** The open tabs of statement previews (webviews titled after statement.md), in every group. */
export function statementPreviewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.label.includes(STATEMENT_FILE));
}

/** Resolves once the active tab is a statement's preview (true), or after `timeoutMs` (false). */
function previewActive(timeoutMs: number): Promise<boolean> {
  const active = () => {
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    return !!tab && tab.input instanceof vscode.TabInputWebview && tab.label.includes(STATEMENT_FILE);
  };
  if (active()) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (value: boolean) => {
      clearTimeout(timer);
      listeners.dispose();
      resolve(value);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    const check = () => {
      if (active()) done(true);
    };
    const listeners = vscode.Disposable.from(vscode.window.tabGroups.onDidChangeTabs(check), vscode.window.tabGroups.onDidChangeTabGroups(check));
  });
}

function problemOf(target: DrillNode | ProblemSummary): ProblemSummary | undefined {
  if ('kind' in target) return target.kind === 'problem' ? target.problem : undefined;
  return target;
}

async function namesIn(dir: string): Promise<string[]> {
  try {
    return await fs.readdir(dir);
  } catch {
    return [];
  }
}
