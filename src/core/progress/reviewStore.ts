import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import type { Attempt } from '../attempt/attempt';
import type { KindHistoryEntry } from '../kinds/history';
import { writeFileAtomic } from '../fs/atomicWrite';
import { REVIEW_RATINGS, scheduleReviews, type ReviewRating, type ReviewSchedule, type ScheduleOptions } from './review';

/**
 * The review file beside the history: `<dir>/reviews.json`, `{ "version": 1, "overrides": {...},
 * "items": {...} }`, written atomically. The overrides (ratings the candidate changed) are the only thing
 * in it the attempts cannot give back; the items are the schedule replayed from the attempts (coding attempts,
 * design drills and story rehearsals), kept so
 * other tools can read it. A missing file, or one damaged (set aside as `.corrupt-<time>`), is rebuilt
 * from the attempts; a file from a newer Drills is left alone and not overwritten.
 */

export const REVIEWS_FILE = 'reviews.json';
export const REVIEWS_VERSION = 1;

/** Upgrades the stored document of version `n` (the key) to `n + 1`. */
export type ReviewMigration = (document: Record<string, unknown>) => Record<string, unknown>;
/** Built-in migrations; empty while version 1 is the only format. */
export const REVIEW_MIGRATIONS: Readonly<Record<number, ReviewMigration>> = {};

export interface ReviewState extends ReviewSchedule {
  overrides: Record<string, ReviewRating>;
}

/** What reading the file found, for the user when it was not a clean read. */
export interface ReviewIssue {
  message: string;
  setAsidePath?: string;
}

export interface ReviewStoreOptions {
  now?: () => number;
  migrations?: Readonly<Record<number, ReviewMigration>>;
}

export interface ReviewStore {
  readonly file: string;
  /** Reads the overrides, replays the attempts, and writes the file when it changed (or was missing or damaged). */
  sync(attempts: readonly Attempt[], options?: ScheduleOptions, kinds?: readonly KindHistoryEntry[]): Promise<{ state: ReviewState; issues: ReviewIssue[] }>;
  /** Sets (or with undefined, clears) the rating override of an attempt, then syncs. */
  setOverride(attemptId: string, rating: ReviewRating | undefined, attempts: readonly Attempt[], options?: ScheduleOptions, kinds?: readonly KindHistoryEntry[]): Promise<{ state: ReviewState; issues: ReviewIssue[] }>;
}

type Read = { overrides: Record<string, ReviewRating>; text?: string; issue?: ReviewIssue; readOnly?: boolean };

/** Opens the review file in `dir` (the history's storage folder). */
export function openReviews(dir: string, options: ReviewStoreOptions = {}): ReviewStore {
  const file = path.join(dir, REVIEWS_FILE);
  const now = options.now ?? Date.now;
  const migrations = options.migrations ?? REVIEW_MIGRATIONS;

  async function setAside(message: string): Promise<ReviewIssue> {
    const target = `${file}.corrupt-${new Date(now()).toISOString().replace(/[-:.]/g, '')}`;
    try {
      await fsp.rename(file, target);
      return { message: `${REVIEWS_FILE}: ${message}. It was moved to ${path.basename(target)} and the review schedule rebuilt from the attempts.`, setAsidePath: target };
    } catch {
      return { message: `${REVIEWS_FILE}: ${message}. The review schedule was rebuilt from the attempts.` };
    }
  }

  async function read(): Promise<Read> {
    let text: string;
    try {
      text = await fsp.readFile(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { overrides: {} };
      throw e;
    }
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      return { overrides: {}, issue: await setAside(`not valid JSON (${(e as Error).message})`) };
    }
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return { overrides: {}, issue: await setAside('not a review document') };
    let document = doc as Record<string, unknown>;
    const version = document.version;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) return { overrides: {}, issue: await setAside('no valid "version" field') };
    if (version > REVIEWS_VERSION) {
      return { overrides: {}, readOnly: true, issue: { message: `${REVIEWS_FILE} was written by a newer version of Drills (format ${version}); it is left as it is and the schedule shown is rebuilt from the attempts.` } };
    }
    for (let v = version; v < REVIEWS_VERSION; v++) {
      const migrate = migrations[v];
      if (!migrate) return { overrides: {}, readOnly: true, issue: { message: `${REVIEWS_FILE}: format ${version} cannot be upgraded (no migration from ${v}); it is left as it is.` } };
      document = { ...migrate(document), version: v + 1 };
    }
    const overrides = document.overrides;
    if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) return { overrides: {}, issue: await setAside('"overrides" is missing or not an object') };
    for (const [id, rating] of Object.entries(overrides)) {
      if (!REVIEW_RATINGS.includes(rating as ReviewRating)) return { overrides: {}, issue: await setAside(`overrides.${id} must be one of ${REVIEW_RATINGS.join(', ')}`) };
    }
    if (typeof document.items !== 'object' || document.items === null) return { overrides: {}, issue: await setAside('"items" is missing or not an object') };
    return { overrides: overrides as Record<string, ReviewRating>, text };
  }

  async function write(read: Read, attempts: readonly Attempt[], overrides: Record<string, ReviewRating>, scheduleOptions: ScheduleOptions, kinds: readonly KindHistoryEntry[]) {
    // Overrides of attempts (and design or story entries) no longer in the history are dropped with them.
    const known = new Set([...attempts.map((a) => a.id), ...kinds.map((k) => k.id)]);
    const kept = Object.fromEntries(Object.entries(overrides).filter(([id]) => known.has(id)));
    const schedule = scheduleReviews(attempts, kept, scheduleOptions, kinds);
    const state: ReviewState = { overrides: kept, items: schedule.items };
    const text = `${JSON.stringify({ version: REVIEWS_VERSION, ...state }, null, 2)}\n`;
    if (!read.readOnly && text !== read.text) {
      await fsp.mkdir(dir, { recursive: true });
      await writeFileAtomic(file, text);
    }
    return { state, issues: read.issue ? [read.issue] : [] };
  }

  return {
    file,
    async sync(attempts, scheduleOptions = {}, kinds = []) {
      const found = await read();
      return write(found, attempts, found.overrides, scheduleOptions, kinds);
    },
    async setOverride(attemptId, rating, attempts, scheduleOptions = {}, kinds = []) {
      const found = await read();
      if (found.readOnly) throw new Error(`${REVIEWS_FILE} belongs to a newer version of Drills: ratings cannot be changed here.`);
      const overrides = { ...found.overrides };
      if (rating === undefined) delete overrides[attemptId];
      else overrides[attemptId] = rating;
      return write(found, attempts, overrides, scheduleOptions, kinds);
    },
  };
}
