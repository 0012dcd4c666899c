import * as path from 'node:path';
import * as vscode from 'vscode';
import { diagnosticsByFile, mergePacks, type PackSource } from '../core/drill/packSet';
import { loadPacks } from '../core/pack/index';
import type { Diagnostic, PackSummary, ProblemSummary } from '../core/pack/types';

/** Files whose change can change the index. tests.yaml is not indexed, but runs read it: a change re-checks. */
const WATCHED = ['**/{drills-pack.yaml,problem.yaml,tests.yaml,statement.md}', '**/starter/**'];
/** Folders the loader never looks into: creating them (an npm install) does not re-index. */
const IGNORED_SEGMENT = /[\\/](node_modules|\.git|out|\.vscode-test|__pycache__)([\\/]|$)/;
/** Saving many files at once (a git checkout) re-indexes once. */
const DEBOUNCE_MS = 200;

/** One indexing pass: every pack listed, with where it came from. */
export interface PackIndex {
  readonly sources: readonly PackSource[];
}

/**
 * The packs: the built-in one and every pack in the workspace folders, re-indexed when pack files or
 * workspace folders change. Loader diagnostics go to the Problems panel. Workspace packs run only in a
 * trusted workspace; the built-in pack always does.
 */
export class PacksService implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<PackIndex>();
  /** Fires after every indexing pass, and when workspace trust is granted. */
  readonly onDidChange = this.changed.event;
  private current: PackIndex = { sources: [] };
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('drills');
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private generation = 0;
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly builtInDir: string,
    private readonly log: vscode.LogOutputChannel,
    private readonly debounceMs = DEBOUNCE_MS,
  ) {
    for (const pattern of WATCHED) {
      const watcher = vscode.workspace.createFileSystemWatcher(pattern);
      const schedule = (uri: vscode.Uri) => {
        this.log.trace(`Pack file changed: ${uri.fsPath}`);
        this.scheduleReload();
      };
      this.disposables.push(watcher, watcher.onDidCreate(schedule), watcher.onDidChange(schedule), watcher.onDidDelete(schedule));
    }
    // A folder created or deleted in one go (a copied pack, a removed problem) is reported as the folder
    // alone, without events for the files in it: the patterns above never see those.
    const folders = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
    folders.onDidCreate((uri) => void this.onCreated(uri), undefined, this.disposables);
    folders.onDidDelete((uri) => this.onDeleted(uri), undefined, this.disposables);
    this.disposables.push(
      folders,
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.scheduleReload()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        this.log.info('Workspace trusted: workspace packs can run.');
        this.changed.fire(this.current);
      }),
    );
  }

  /** The packs of the last indexing pass, built-in first. */
  get packs(): readonly PackSummary[] {
    return this.current.sources.map((s) => s.pack);
  }

  /** The last indexing pass. */
  get index(): PackIndex {
    return this.current;
  }

  /** True for the pack shipped with the extension. */
  isBuiltIn(pack: PackSummary): boolean {
    return this.sourceOf(pack)?.builtIn ?? false;
  }

  /** Whether code and tests of the pack may run: the built-in pack always, workspace packs in a trusted workspace. */
  canRun(pack: PackSummary): boolean {
    return this.isBuiltIn(pack) || vscode.workspace.isTrusted;
  }

  /** The pack a problem belongs to. */
  packOf(problem: ProblemSummary): PackSummary | undefined {
    return this.packs.find((p) => p.id === problem.packId);
  }

  /** Finds an indexed problem by its ids. */
  findProblem(packId: string, problemId: string): ProblemSummary | undefined {
    return this.packs.find((p) => p.id === packId)?.problems.find((p) => p.id === problemId);
  }

  private async onCreated(uri: vscode.Uri): Promise<void> {
    // Only the part inside the workspace counts: the workspace itself may sit below an ignored folder name.
    if (uri.scheme !== 'file' || IGNORED_SEGMENT.test('/' + vscode.workspace.asRelativePath(uri, false))) return;
    try {
      if ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) this.scheduleReload();
    } catch {
      // Gone again already: nothing to index.
    }
  }

  private onDeleted(uri: vscode.Uri): void {
    // Only deletions that take indexed folders with them matter; files are covered by the patterns.
    const gone = uri.fsPath + path.sep;
    const indexed = this.packs.flatMap((p) => [p.dir, ...p.problems.map((q) => q.dir)]);
    if (indexed.some((dir) => dir === uri.fsPath || dir.startsWith(gone))) this.scheduleReload();
  }

  /** Re-indexes after a quiet period; changes arriving meanwhile restart the wait. */
  scheduleReload(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.reload();
    }, this.debounceMs);
  }

  /** Re-indexes now. Passes run one after another; a pass overtaken by a newer one publishes nothing. */
  reload(): Promise<void> {
    const generation = ++this.generation;
    this.pending = this.pending.then(() => (generation === this.generation ? this.indexOnce(generation) : undefined));
    return this.pending;
  }

  private async indexOnce(generation: number): Promise<void> {
    const started = Date.now();
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
    let builtIn: PackSummary[];
    let workspace: PackSummary[];
    try {
      [builtIn, workspace] = await Promise.all([loadPacks([this.builtInDir]), loadPacks(folders)]);
    } catch (e) {
      this.log.error(`Indexing the packs failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return;
    }
    if (generation !== this.generation) return;
    const { sources, diagnostics } = mergePacks(builtIn, workspace);
    const all = [...builtIn, ...workspace].flatMap((p) => p.diagnostics).concat(diagnostics);
    this.publish(all);
    this.current = { sources };
    const problems = sources.reduce((n, s) => n + s.pack.problems.length, 0);
    this.log.info(`Indexed ${sources.length} pack(s), ${problems} problem(s), ${all.length} diagnostic(s) in ${Date.now() - started} ms`);
    this.changed.fire(this.current);
  }

  private publish(all: readonly Diagnostic[]): void {
    this.diagnostics.clear();
    for (const [file, list] of diagnosticsByFile(all)) {
      this.diagnostics.set(vscode.Uri.file(file), list.map(toVscodeDiagnostic));
    }
  }

  /** Adds what loading a problem whole found in its hidden tests (the index never reads them); the next pass clears it. */
  showTestsDiagnostics(found: readonly Diagnostic[]): void {
    for (const [file, list] of diagnosticsByFile(found)) this.diagnostics.set(vscode.Uri.file(file), list.map(toVscodeDiagnostic));
  }

  private sourceOf(pack: PackSummary): PackSource | undefined {
    return this.current.sources.find((s) => s.pack === pack || s.pack.dir === pack.dir);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.generation++;
    vscode.Disposable.from(...this.disposables, this.diagnostics, this.changed).dispose();
  }
}

/** The loader's 1-based position as a range to the end of the line (VS Code clamps the end to the line's length). */
function toVscodeDiagnostic(d: Diagnostic): vscode.Diagnostic {
  const line = Math.max(0, d.line - 1);
  const column = Math.max(0, d.column - 1);
  const range = new vscode.Range(line, column, line, Number.MAX_SAFE_INTEGER);
  const severity = d.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning;
  const diagnostic = new vscode.Diagnostic(range, d.message, severity);
  diagnostic.source = 'drills';
  return diagnostic;
}
