import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { bankRules, checkStory, DEFAULT_STORY_RULES, loadStoryPack, storyTemplate, STORY_TYPES, type StoryCheck, type StoryPack, type StoryTypeId } from '../core/kinds/story/index';
import { parseMarkdown } from '../core/kinds/markdown';
import { storyTypeOf } from '../core/kinds/story/checks';
import { toDiagnostics } from './designDrill';

/** The story bank's folder in the first workspace folder. */
export const STORY_BANK_FOLDER = 'stories';

/** One story of the bank as the tree shows it. */
export interface BankStory {
  type: StoryTypeId;
  title: string;
  optional: boolean;
  /** The file, when the bank has one of this type. */
  file?: string;
  check?: StoryCheck;
}

/**
 * The story bank in the workspace: created from the story pack's templates, every story checked when it is opened
 * or saved (diagnostics in the file), and its state per story type for the tree.
 */
export class StoryBank implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('drills-stories');
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when a story's checks change or the bank is created. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.diagnostics, this.changed];
  private readonly checks = new Map<string, StoryCheck>();
  private packLoad: Promise<StoryPack | undefined> | undefined;

  constructor(
    private readonly builtInPackDir: string,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      vscode.workspace.onDidSaveTextDocument((doc) => void this.checkDocument(doc)),
      vscode.workspace.onDidOpenTextDocument((doc) => void this.checkDocument(doc)),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.reload()),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        // Closed and deleted: its findings go with it (a file still on disk keeps them).
        void fs.stat(doc.uri.fsPath).catch(() => {
          this.diagnostics.delete(doc.uri);
          this.checks.delete(doc.uri.fsPath);
          this.changed.fire();
        });
      }),
    );
  }

  /** The bank's folder, or undefined without a workspace folder. */
  get dir(): string | undefined {
    const root = vscode.workspace.workspaceFolders?.[0];
    return root ? path.join(root.uri.fsPath, STORY_BANK_FOLDER) : undefined;
  }

  /** The story pack: the workspace's first story-pack.yaml if it has one that loads, else the built-in one. */
  pack(): Promise<StoryPack | undefined> {
    this.packLoad ??= (async () => {
      // A workspace pack's slogan patterns are regular expressions run on every save: only a trusted one is used.
      const found = vscode.workspace.isTrusted ? await vscode.workspace.findFiles('**/story-pack.yaml', '**/node_modules/**', 1) : [];
      for (const dir of [...found.map((u) => path.dirname(u.fsPath)), this.builtInPackDir]) {
        const { pack, diagnostics } = await loadStoryPack(dir);
        if (pack) return pack;
        this.log.warn(`The story pack in ${dir} does not load: ${diagnostics.map((d) => `${d.file}:${d.line}: ${d.message}`).join('; ')}`);
      }
      return undefined;
    })();
    return this.packLoad;
  }

  /** Forgets the pack and re-checks every story of the bank. */
  async reload(): Promise<void> {
    this.packLoad = undefined;
    await this.checkBank();
  }

  /** Writes the stories the bank lacks from the pack's templates; returns the files written. */
  async create(): Promise<string[]> {
    const dir = this.dir;
    if (!dir) {
      void vscode.window.showWarningMessage('Open a folder first: the story bank is created inside the workspace.');
      return [];
    }
    const pack = await this.pack();
    await fs.mkdir(dir, { recursive: true });
    const present = new Set((await this.stories()).filter((s) => s.file).map((s) => s.type));
    const written: string[] = [];
    for (const type of STORY_TYPES) {
      if (present.has(type.id)) continue;
      const file = path.join(dir, `${type.id}.md`);
      const template = pack?.templates[type.id];
      const text = template ? await fs.readFile(template, 'utf8') : storyTemplate(type.id);
      await fs.writeFile(file, text, { encoding: 'utf8', flag: 'wx' }).then(
        () => written.push(file),
        (e: NodeJS.ErrnoException) => this.log.warn(`Story not written (${e.code ?? e.message}): ${file}`),
      );
    }
    await this.checkBank();
    if (written.length > 0) await vscode.window.showTextDocument(vscode.Uri.file(written[0]), { preview: false });
    return written;
  }

  /** The bank's stories by type, in bank order, with the files present and their last checks. */
  async stories(): Promise<BankStory[]> {
    const files = await this.storyFiles();
    return STORY_TYPES.map((t) => {
      const file = files.get(t.id);
      const story: BankStory = { type: t.id, title: t.title, optional: t.optional === true };
      if (file) {
        story.file = file;
        const check = this.checks.get(file);
        if (check) story.check = check;
      }
      return story;
    });
  }

  /** Checks every story file of the bank (on creation, reload and activation). */
  async checkBank(): Promise<void> {
    for (const file of (await this.storyFiles()).values()) {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === file);
      const text = open ? open.getText() : await fs.readFile(file, 'utf8').catch(() => undefined);
      if (text !== undefined) await this.checkText(file, text, false);
    }
    this.changed.fire();
  }

  /** The bank's Markdown files by story type (the first file of each type, by name). */
  private async storyFiles(): Promise<Map<StoryTypeId, string>> {
    const dir = this.dir;
    const byType = new Map<StoryTypeId, string>();
    if (!dir) return byType;
    const names = (await fs.readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.md') && !/^readme\.md$/i.test(n)).sort();
    for (const name of names) {
      const file = path.join(dir, name);
      const text = await fs.readFile(file, 'utf8').catch(() => '');
      const type = storyTypeOf(parseMarkdown(text), file);
      if (type && !byType.has(type)) byType.set(type, file);
    }
    return byType;
  }

  /** True for a Markdown file in the bank's folder. */
  isStory(uri: vscode.Uri): boolean {
    const dir = this.dir;
    return dir !== undefined && uri.scheme === 'file' && uri.fsPath.endsWith('.md') && path.dirname(uri.fsPath) === dir && !/^readme\.md$/i.test(path.basename(uri.fsPath));
  }

  private async checkDocument(doc: vscode.TextDocument): Promise<void> {
    if (!this.isStory(doc.uri)) return;
    await this.checkText(doc.uri.fsPath, doc.getText(), true);
  }

  /** Runs the story checks with the pack's rules and the bank's story-bank.yaml over them. */
  private async checkText(file: string, text: string, notify: boolean): Promise<StoryCheck> {
    const pack = await this.pack();
    const base = pack?.rules ?? DEFAULT_STORY_RULES;
    const bank = (await bankRules(path.dirname(file), base)).rules;
    // In Restricted Mode the bank's own slogans count as phrases only, never as patterns.
    const rules = vscode.workspace.isTrusted ? bank : { ...bank, slogans: [...base.slogans, ...bank.slogans.slice(base.slogans.length).filter((x) => x.pattern === undefined)] };
    const check = checkStory(text, rules, file);
    this.checks.set(file, check);
    this.diagnostics.set(vscode.Uri.file(file), toDiagnostics(check.findings, 'drills story'));
    if (notify) this.changed.fire();
    return check;
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
