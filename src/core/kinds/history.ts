import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { isTempFileName, writeFileAtomic } from '../fs/atomicWrite';
import type { DesignAttemptRecord } from './design/index';
import type { DesignDrillState } from './design/drill';
import { REHEARSAL_RUBRIC, type StoryRehearsalRecord } from './story/rehearsal';

/**
 * History of the drill kinds beside coding: one JSON file per attempt, `<dir>/kind-attempts/<id>.json`, holding
 * `{ "version": 1, "entry": {...} }`. The coding history (`<dir>/attempts/`) is left as it is: its files, and the
 * shape they are checked against, do not change when design and story attempts are kept. A design drill in
 * progress is kept here too, with its state, so a reload resumes it where it was.
 */

export const KIND_HISTORY_VERSION = 1;
export const KIND_HISTORY_FOLDER = 'kind-attempts';

/** A design drill: its state (what the drill needs to resume) and where its document is. */
export interface DesignHistoryEntry {
  id: string;
  kind: 'design';
  attemptDir: string;
  documentPath: string;
  state: DesignDrillState;
  record: DesignAttemptRecord;
}

/** A finished story rehearsal. */
export interface StoryHistoryEntry {
  id: string;
  kind: 'story';
  record: StoryRehearsalRecord;
}

export type KindHistoryEntry = DesignHistoryEntry | StoryHistoryEntry;

/** A kind history file that could not be read. */
export interface KindHistoryIssue {
  file: string;
  message: string;
}

export interface KindHistory {
  readonly dir: string;
  /** Writes (or replaces) the entry's file atomically; a malformed entry is a programming error and throws. */
  save(entry: KindHistoryEntry): Promise<void>;
  /** Every readable entry, oldest first; unreadable files come back as issues and are left in place. */
  list(): Promise<{ entries: KindHistoryEntry[]; issues: KindHistoryIssue[] }>;
  /** The latest design drill still in progress, if any. */
  activeDesign(): Promise<DesignHistoryEntry | undefined>;
}

const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** A new entry id from the kind, the subject and the moment: sortable, a safe file name. */
export function kindEntryId(kind: 'design' | 'story', subject: string, at: number): string {
  const stamp = new Date(at).toISOString().replace(/[-:]/g, '').replace('.', '');
  return `${kind}-${subject.replace(/[^A-Za-z0-9._-]+/g, '-')}-${stamp}`;
}

function startOf(entry: KindHistoryEntry): number {
  return entry.kind === 'design' ? entry.record.startedAt : entry.record.askedAt;
}

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v);

/** The first problem with a stored entry's shape, as a sentence naming the field; undefined when it is right. */
export function kindEntryProblem(value: unknown): string | undefined {
  if (!isObject(value)) return 'entry is not an object';
  if (typeof value.id !== 'string' || !SAFE_ID.test(value.id)) return 'entry.id is missing or not a safe file name';
  const record = value.record;
  if (!isObject(record)) return 'entry.record is missing or not an object';
  if (record.kind !== value.kind) return `entry.record.kind must be ${JSON.stringify(value.kind)}`;
  if (!isNum(record.score) || !isNum(record.max)) return 'entry.record.score and max must be numbers';
  if (value.kind === 'design') {
    if (typeof value.attemptDir !== 'string' || typeof value.documentPath !== 'string') return 'entry.attemptDir and entry.documentPath must be strings';
    const state = value.state;
    if (!isObject(state)) return 'entry.state is missing or not an object';
    if (typeof state.problemId !== 'string' || typeof state.packId !== 'string') return 'entry.state.problemId and packId must be strings';
    if (!['writing', 'probing', 'rating', 'done', 'abandoned'].includes(state.stage as string)) return `entry.state.stage is not a stage (found ${JSON.stringify(state.stage)})`;
    if (!isNum(state.startedAt)) return 'entry.state.startedAt is not a number';
    if (!Array.isArray(state.probes) || !Array.isArray(state.revealed)) return 'entry.state.probes and revealed must be lists';
    return undefined;
  }
  if (value.kind === 'story') {
    if (typeof record.questionId !== 'string' || !isNum(record.askedAt)) return 'entry.record.questionId and askedAt are required';
    if (!Array.isArray(record.rating) || record.rating.some((r) => !isObject(r) || !REHEARSAL_RUBRIC.some((c) => c.id === r.id) || !isNum(r.score))) return 'entry.record.rating is not a list of criterion scores';
    return undefined;
  }
  return `entry.kind must be design or story (found ${JSON.stringify(value.kind)})`;
}

/** Opens (creating if needed) the kind history under `dir`, the same folder the coding history lives in. */
export async function openKindHistory(dir: string): Promise<KindHistory> {
  const folder = path.join(dir, KIND_HISTORY_FOLDER);
  await fsp.mkdir(folder, { recursive: true });

  async function list(): Promise<{ entries: KindHistoryEntry[]; issues: KindHistoryIssue[] }> {
    const names = (await fsp.readdir(folder)).filter((n) => n.endsWith('.json') && !isTempFileName(n));
    const entries: KindHistoryEntry[] = [];
    const issues: KindHistoryIssue[] = [];
    for (const name of names) {
      const file = path.join(folder, name);
      const text = await fsp.readFile(file, 'utf8').catch(() => undefined);
      if (text === undefined) continue;
      let doc: unknown;
      try {
        doc = JSON.parse(text);
      } catch (e) {
        issues.push({ file, message: `${name}: not valid JSON (${(e as Error).message}).` });
        continue;
      }
      if (!isObject(doc) || doc.version !== KIND_HISTORY_VERSION) {
        issues.push({ file, message: `${name}: not a version ${KIND_HISTORY_VERSION} kind history document; it is left as it is.` });
        continue;
      }
      const problem = kindEntryProblem(doc.entry);
      if (problem) issues.push({ file, message: `${name}: wrong shape: ${problem}.` });
      else if (`${(doc.entry as KindHistoryEntry).id}.json` !== name) issues.push({ file, message: `${name}: the entry's id does not match the file name.` });
      else entries.push(doc.entry as KindHistoryEntry);
    }
    entries.sort((a, b) => startOf(a) - startOf(b) || a.id.localeCompare(b.id));
    return { entries, issues };
  }

  return {
    dir: folder,
    async save(entry) {
      const problem = kindEntryProblem(entry);
      if (problem) throw new Error(`kind history: refusing to save a malformed entry: ${problem}`);
      await writeFileAtomic(path.join(folder, `${entry.id}.json`), `${JSON.stringify({ version: KIND_HISTORY_VERSION, entry }, null, 2)}\n`);
    },
    list,
    async activeDesign() {
      const { entries } = await list();
      const open = entries.filter((e): e is DesignHistoryEntry => e.kind === 'design' && ['writing', 'probing', 'rating'].includes(e.state.stage));
      return open[open.length - 1];
    },
  };
}

/** Where the design round's clock is while the candidate writes: the phase the elapsed time falls in. */
export interface DesignPhaseClock {
  /** 0-based index of the current phase (the last one once time is up). */
  index: number;
  id: string;
  title: string;
  /** Milliseconds left in the current phase (in overtime: of the round, negative). */
  remainingMs: number;
  /** The whole round is over its minutes. */
  overtime: boolean;
}

/** The phase `now` falls in, for a round started at `startedAt` with these phases. */
export function designPhaseAt(phases: readonly { id: string; title: string; minutes: number }[], startedAt: number, now: number): DesignPhaseClock {
  if (phases.length === 0) throw new Error('designPhaseAt: a design round has phases');
  let end = startedAt;
  for (let i = 0; i < phases.length; i++) {
    end += Math.round(phases[i].minutes * 60_000);
    if (now < end) return { index: i, id: phases[i].id, title: phases[i].title, remainingMs: end - now, overtime: false };
  }
  const last = phases.length - 1;
  return { index: last, id: phases[last].id, title: phases[last].title, remainingMs: end - now, overtime: true };
}
