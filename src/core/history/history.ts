import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { isOpen, type Attempt } from '../attempt';
import { isTempFileName, writeFileAtomic } from '../fs/atomicWrite';
import { attemptShapeProblem } from './shape';

/**
 * Attempt history on disk: one JSON file per attempt, `<dir>/attempts/<id>.json`, holding
 * `{ "version": 1, "attempt": {...} }`. Writes are atomic (temp file, fsync, rename), so a killed
 * process leaves the old file or the new one. Two windows saving the same attempt: the last writer
 * wins for that attempt's file; attempts never share a file, so windows working on different
 * attempts never lose each other's data.
 *
 * A damaged file (bad JSON, wrong shape) is renamed to `<name>.corrupt-<timestamp>` beside it and
 * reported as an issue: history is never silently emptied, and the bytes stay for inspection.
 */

/** The history format this program writes. */
export const HISTORY_VERSION = 1;

/** Upgrades the stored document of version `n` (the key) to version `n + 1`. */
export type Migration = (document: Record<string, unknown>) => Record<string, unknown>;

/** Built-in migrations; empty while version 1 is the only format. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

/** A history file that could not be read, as a message for the user. */
export interface HistoryIssue {
  /** The file as it was found. */
  file: string;
  /** Where a damaged file was moved to; absent when it was left in place (e.g. a newer format). */
  setAsidePath?: string;
  message: string;
}

export interface HistoryOptions {
  now?: () => number;
  /** Overrides {@link MIGRATIONS} (tests, future formats). */
  migrations?: Readonly<Record<number, Migration>>;
}

/** The result of reading one attempt: found, missing (no attempt), or an issue. */
export interface AttemptLookup {
  attempt?: Attempt;
  issue?: HistoryIssue;
}

export interface HistoryStore {
  /** The folder holding the attempt files. */
  readonly dir: string;
  /** Writes (or replaces) the attempt's file atomically. */
  saveAttempt(attempt: Attempt): Promise<void>;
  /** All readable attempts, oldest first, optionally of one problem; unreadable files come back as issues. */
  listAttempts(filter?: { problemId?: string; packId?: string }): Promise<{ attempts: Attempt[]; issues: HistoryIssue[] }>;
  getAttempt(id: string): Promise<AttemptLookup>;
  /** The most recent open attempt of a problem (in progress, or a strict final run pending). */
  activeAttempt(problemId: string, packId?: string): Promise<{ attempt?: Attempt; issues: HistoryIssue[] }>;
}

/** Temp files older than this are leftovers of a killed process, never a write still under way. */
const STALE_TEMP_MS = 60 * 60_000;

const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

function fileOf(dir: string, id: string): string {
  if (!SAFE_ID.test(id)) throw new Error(`history: attempt id "${id}" is not a safe file name`);
  return path.join(dir, `${id}.json`);
}

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace('.', '');
}

/** Opens (creating if needed) the history under `dir`, the extension's global storage folder. */
export async function openHistory(dir: string, options: HistoryOptions = {}): Promise<HistoryStore> {
  const now = options.now ?? Date.now;
  const migrations = options.migrations ?? MIGRATIONS;
  const attemptsDir = path.join(dir, 'attempts');
  await fsp.mkdir(attemptsDir, { recursive: true });
  await removeStaleTemps(attemptsDir, now());

  // Parsed attempts by file, reused while the file's size and mtime are unchanged: listing stays cheap
  // as history grows, and a save from another window (new mtime) is picked up.
  const cache = new Map<string, { mtimeMs: number; size: number; attempt: Attempt }>();

  async function setAside(file: string, message: string): Promise<HistoryIssue> {
    const target = `${file}.corrupt-${stamp(now())}`;
    try {
      await fsp.rename(file, target);
      return { file, setAsidePath: target, message: `${path.basename(file)}: ${message}. The file was moved to ${path.basename(target)}.` };
    } catch {
      // Another window may have set it aside first: still report it.
      return { file, message: `${path.basename(file)}: ${message}.` };
    }
  }

  async function read(file: string): Promise<AttemptLookup> {
    let stat;
    try {
      stat = await fsp.stat(file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw e;
    }
    const cached = cache.get(file);
    // A copy, so a caller that mutates what it got cannot change what later readers see.
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return { attempt: structuredClone(cached.attempt) };
    let text: string;
    try {
      text = await fsp.readFile(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw e;
    }
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      return { issue: await setAside(file, `not valid JSON (${(e as Error).message})`) };
    }
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return { issue: await setAside(file, 'not a history document') };
    let document = doc as Record<string, unknown>;
    const version = document.version;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) return { issue: await setAside(file, 'no valid "version" field') };
    if (version > HISTORY_VERSION) {
      return { issue: { file, message: `${path.basename(file)} was written by a newer version of Drills (history format ${version}); it is left as it is.` } };
    }
    let migrated = false;
    for (let v = version; v < HISTORY_VERSION; v++) {
      const migrate = migrations[v];
      if (!migrate) return { issue: { file, message: `${path.basename(file)}: history format ${version} cannot be upgraded (no migration from ${v}); it is left as it is.` } };
      document = { ...migrate(document), version: v + 1 };
      migrated = true;
    }
    const problem = attemptShapeProblem(document.attempt);
    if (problem) return { issue: await setAside(file, `wrong shape: ${problem}`) };
    const attempt = document.attempt as Attempt;
    if (`${attempt.id}.json` !== path.basename(file)) return { issue: await setAside(file, `wrong shape: attempt.id "${attempt.id}" does not match the file name`) };
    if (migrated) {
      await writeFileAtomic(file, serialise(attempt));
      stat = await fsp.stat(file);
    }
    cache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, attempt: structuredClone(attempt) });
    return { attempt };
  }

  async function listAttempts(filter: { problemId?: string; packId?: string } = {}): Promise<{ attempts: Attempt[]; issues: HistoryIssue[] }> {
    const names = (await fsp.readdir(attemptsDir)).filter((n) => n.endsWith('.json') && !isTempFileName(n));
    const attempts: Attempt[] = [];
    const issues: HistoryIssue[] = [];
    const present = new Set<string>();
    for (const name of names) {
      const file = path.join(attemptsDir, name);
      present.add(file);
      const { attempt, issue } = await read(file);
      if (issue) issues.push(issue);
      if (!attempt) continue;
      if (filter.problemId !== undefined && attempt.problemId !== filter.problemId) continue;
      if (filter.packId !== undefined && attempt.packId !== filter.packId) continue;
      attempts.push(attempt);
    }
    for (const file of cache.keys()) if (!present.has(file)) cache.delete(file);
    attempts.sort((a, b) => a.timer.startedAt - b.timer.startedAt || a.id.localeCompare(b.id));
    return { attempts, issues };
  }

  return {
    dir: attemptsDir,
    async saveAttempt(attempt) {
      const problem = attemptShapeProblem(attempt);
      // Saving a malformed attempt is a bug in the caller, not something the user did.
      if (problem) throw new Error(`history: refusing to save a malformed attempt: ${problem}`);
      const file = fileOf(attemptsDir, attempt.id);
      await writeFileAtomic(file, serialise(attempt));
      cache.delete(file);
    },
    listAttempts,
    async getAttempt(id) {
      return read(fileOf(attemptsDir, id));
    },
    async activeAttempt(problemId, packId) {
      const { attempts, issues } = await listAttempts(packId !== undefined ? { problemId, packId } : { problemId });
      const open = attempts.filter(isOpen);
      const result: { attempt?: Attempt; issues: HistoryIssue[] } = { issues };
      if (open.length > 0) result.attempt = open[open.length - 1];
      return result;
    },
  };
}

function serialise(attempt: Attempt): string {
  return `${JSON.stringify({ version: HISTORY_VERSION, attempt }, null, 2)}\n`;
}

async function removeStaleTemps(dir: string, now: number): Promise<void> {
  for (const name of await fsp.readdir(dir)) {
    if (!isTempFileName(name)) continue;
    const file = path.join(dir, name);
    try {
      const stat = await fsp.stat(file);
      if (now - stat.mtimeMs > STALE_TEMP_MS) await fsp.unlink(file);
    } catch {
      // Gone already (another window cleaned it): nothing to do.
    }
  }
}
