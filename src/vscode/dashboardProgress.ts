import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Attempt, MockSession } from '../core/attempt/index';
import type { KindHistoryEntry } from '../core/kinds/history';
import { STORY_TYPES } from '../core/kinds/story/format';
import { writeFileAtomic } from '../core/fs/atomicWrite';
import {
  addDays,
  dashboardModel,
  dayOf,
  dueItems,
  exportCsv,
  exportJson,
  importCsv,
  importJson,
  ITEM_KINDS,
  type BankStoryState,
  type ItemKind,
  mockView,
  openReviews,
  startOfDay,
  type DashboardModel,
  type Day,
  type ReviewRating,
  type ReviewState,
  type ReviewStore,
} from '../core/progress/index';
import type { Config } from './config';
import type { PacksService } from './packs';
import type { DrillSession } from './session';
import type { KindsApi } from './kinds';
import type { MockPayload } from '../webview/protocol';

/** Finished mocks, one file each: `<storage>/mocks/<id>.json`, `{ "version": 1, "session": {...} }`. */
const MOCKS_DIR = 'mocks';

/** What an import added and left out, for the user. */
export interface ImportSummary {
  added: number;
  duplicates: number;
  open: number;
  issues: string[];
}

/**
 * Progress for the editor: the review schedule kept in step with the history (core `openReviews`), the
 * finished mocks, and the dashboard model built from them. Refreshes after every attempt change, when the
 * interview date changes, and at midnight (what is due depends on the day).
 */
export class ProgressService implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after the history, reviews or date changed and everything was re-read. */
  readonly onDidChange = this.changed.event;
  private readonly reviews: ReviewStore;
  private attempts: Attempt[] = [];
  private kindEntries: KindHistoryEntry[] = [];
  private stories: BankStoryState[] = [];
  private state: ReviewState = { overrides: {}, items: {} };
  private mocks: MockSession[] = [];
  private queue: Promise<void> = Promise.resolve();
  private midnight: NodeJS.Timeout | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly deps: {
      session: DrillSession;
      packs: PacksService;
      config: Config;
      storageDir: string;
      log: vscode.LogOutputChannel;
      /** The design and story drills: their history is reviewed and planned too. */
      kinds?: KindsApi;
    },
  ) {
    this.reviews = openReviews(deps.storageDir, { now: deps.session.clock.now });
    this.disposables.push(
      this.changed,
      deps.session.onDidChangeAttempt(() => void this.refresh()),
      ...(deps.kinds ? [deps.kinds.onDidSave(() => void this.refresh()), deps.kinds.bank.onDidChange(() => void this.refresh())] : []),
      deps.config.watch('interviewDate', () => void this.refresh()),
      deps.packs.onDidChange(() => this.changed.fire()),
    );
  }

  /** Minutes east of UTC of the user's days, now. */
  offsetMinutes(): number {
    return -new Date(this.deps.session.clock.now()).getTimezoneOffset();
  }

  /** The session's clock (the tests' clock in tests). */
  readonly now = (): number => this.deps.session.clock.now();

    /** Today, in the user's time zone. */
  today(): Day {
    return dayOf(this.deps.session.clock.now(), this.offsetMinutes());
  }

  /** The interview date setting, if set. */
  interviewDate(): Day | undefined {
    return this.deps.config.get('interviewDate') ?? undefined;
  }

  private scheduleOptions() {
    const date = this.interviewDate();
    return { offsetMinutes: this.offsetMinutes(), ...(date ? { interviewDate: date } : {}) };
  }

  /** Re-reads history and mocks and brings the review file in step (calls run one after another). */
  refresh(): Promise<void> {
    this.queue = this.queue.then(async () => {
      try {
        const { attempts } = await this.deps.session.history.listAttempts();
        this.attempts = attempts;
        this.kindEntries = await this.readKindEntries();
        this.stories = await this.readStories();
        const { state, issues } = await this.reviews.sync(attempts, this.scheduleOptions(), this.kindEntries);
        this.state = state;
        for (const issue of issues) {
          this.deps.log.warn(issue.message);
          void vscode.window.showWarningMessage(`Drills review: ${issue.message}`);
        }
        this.mocks = await this.readMocks();
      } catch (e) {
        this.deps.log.error(`Reading progress failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      }
      this.armMidnight();
      this.changed.fire();
    });
    return this.queue;
  }

  private async readKindEntries(): Promise<KindHistoryEntry[]> {
    if (!this.deps.kinds) return [];
    const { entries, issues } = await this.deps.kinds.history.list();
    for (const issue of issues) this.deps.log.warn(`Kind history: ${issue.message}`);
    return entries;
  }

  /** The story bank by type: written once its file is there and its checks find no error. */
  private async readStories(): Promise<BankStoryState[]> {
    if (!this.deps.kinds) return [];
    return (await this.deps.kinds.bank.stories())
      .filter((s) => s.file !== undefined)
      .map((s) => ({ type: s.type, written: s.check !== undefined && !s.check.findings.some((f) => f.severity === 'error') }));
  }

  /** The design prompts of the packs. */
  private designs(): { packId: string; id: string; title: string }[] {
    return (this.deps.kinds?.designs.all ?? []).map((d) => ({ packId: d.problem.packId, id: d.problem.id, title: d.problem.title }));
  }

  private armMidnight(): void {
    if (this.midnight) clearTimeout(this.midnight);
    const next = startOfDay(addDays(this.today(), 1), this.offsetMinutes());
    this.midnight = setTimeout(() => void this.refresh(), Math.min(2 ** 31 - 1, Math.max(1000, next - this.deps.session.clock.now() + 1000)));
  }

  /** The dashboard model as of now. */
  model(): DashboardModel {
    const date = this.interviewDate();
    return dashboardModel({
      attempts: this.attempts,
      problems: this.deps.packs.packs.flatMap((p) => p.problems),
      reviews: this.state,
      kindEntries: this.kindEntries,
      designs: this.designs(),
      stories: this.stories,
      mocks: this.mocks,
      now: this.deps.session.clock.now(),
      offsetMinutes: this.offsetMinutes(),
      ...(date ? { interviewDate: date } : {}),
    });
  }

  /** Problems, design prompts and stories due for review today, most overdue first, with their titles. */
  due(): { kind: ItemKind; packId: string; problemId: string; title: string; dueDay: Day }[] {
    const titleOf = (kind: ItemKind, packId: string, id: string) =>
      kind === 'story'
        ? (STORY_TYPES.find((t) => t.id === id)?.title ?? id)
        : kind === 'design'
          ? (this.deps.kinds?.designs.find(packId, id)?.title ?? id)
          : (this.deps.packs.findProblem(packId, id)?.title ?? id);
    return dueItems(this.state, this.today(), this.offsetMinutes())
      .filter((i) => ITEM_KINDS[i.kind].available)
      .map((i) => ({
        kind: i.kind,
        packId: i.packId,
        problemId: i.id,
        title: titleOf(i.kind, i.packId, i.id),
        dueDay: dayOf(i.card.due, this.offsetMinutes()),
      }));
  }

  /** True once any attempt in the history has run its hidden tests. */
  hasRunTests(): boolean {
    return this.attempts.some((a) => a.runs.length > 0);
  }

  /** True when a design prompt with this pack and id is indexed. */
  hasDesign(packId: string, problemId: string): boolean {
    return this.findDesign(packId, problemId) !== undefined;
  }

  /** The design prompt with this pack and id, from the design index. */
  findDesign(packId: string, problemId: string) {
    return this.deps.kinds?.designs.find(packId, problemId);
  }

  /** The review state (schedule and overrides) as last synced. */
  get reviewState(): ReviewState {
    return this.state;
  }

  /** A finished mock's report and plots. */
  mockPayload(id: string): MockPayload | undefined {
    const session = this.mocks.find((m) => m.id === id);
    if (!session) return undefined;
    const now = this.deps.session.clock.now();
    const view = mockView(session, this.attempts, this.deps.packs.packs.flatMap((p) => p.problems), now, this.offsetMinutes());
    return { id, title: `Mock interview, ${new Date(session.startedAt).toLocaleString()}`, ...view };
  }

  /** Overrides an attempt's review rating (null goes back to the rating from the outcome). */
  async setRating(attemptId: string, rating: ReviewRating | null): Promise<void> {
    await this.queue;
    const { attempts } = await this.deps.session.history.listAttempts();
    await this.reviews.setOverride(attemptId, rating ?? undefined, attempts, this.scheduleOptions(), await this.readKindEntries());
    await this.refresh();
  }

  /** Keeps a finished mock so its report can open again from the dashboard. */
  async recordMock(session: MockSession): Promise<void> {
    const dir = path.join(this.deps.storageDir, MOCKS_DIR);
    await fsp.mkdir(dir, { recursive: true });
    const safe = session.id.replace(/[^A-Za-z0-9._-]/g, '_');
    await writeFileAtomic(path.join(dir, `${safe}.json`), `${JSON.stringify({ version: 1, session }, null, 2)}\n`);
    await this.refresh();
  }

  private async readMocks(): Promise<MockSession[]> {
    const dir = path.join(this.deps.storageDir, MOCKS_DIR);
    let names: string[];
    try {
      names = (await fsp.readdir(dir)).filter((n) => n.endsWith('.json') && !n.startsWith('.'));
    } catch {
      return [];
    }
    const out: MockSession[] = [];
    for (const name of names) {
      try {
        const doc = JSON.parse(await fsp.readFile(path.join(dir, name), 'utf8')) as { version?: number; session?: MockSession };
        if (doc.version === 1 && doc.session && Array.isArray(doc.session.problems)) out.push(doc.session);
        else this.deps.log.warn(`Mock record ${name} is not one this version of Drills reads; skipped.`);
      } catch (e) {
        this.deps.log.warn(`Mock record ${name} could not be read: ${(e as Error).message}`);
      }
    }
    return out;
  }

  /** The history as JSON (attempts and rating overrides) or CSV (one row per attempt). */
  async exportText(format: 'json' | 'csv'): Promise<string> {
    await this.refresh();
    return format === 'json' ? exportJson(this.attempts, this.state.overrides, this.deps.session.clock.now()) : exportCsv(this.attempts, this.state.overrides);
  }

  /** Adds the attempts of a JSON export or a CSV of attempts that the history does not have yet. */
  async importText(text: string, format: 'json' | 'csv' = 'json'): Promise<ImportSummary> {
    await this.queue;
    const { attempts } = await this.deps.session.history.listAttempts();
    const result = format === 'csv' ? importCsv(text, attempts) : importJson(text, attempts);
    for (const attempt of result.attempts) await this.deps.session.history.saveAttempt(attempt);
    const kinds = await this.readKindEntries();
    for (const [id, rating] of Object.entries(result.overrides)) {
      await this.reviews.setOverride(id, rating, [...attempts, ...result.attempts], this.scheduleOptions(), kinds);
    }
    await this.refresh();
    return { added: result.attempts.length, duplicates: result.duplicates, open: result.open, issues: result.issues.map((i) => `${i.at}: ${i.message}`) };
  }

  dispose(): void {
    if (this.midnight) clearTimeout(this.midnight);
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
