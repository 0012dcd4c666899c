import { isOpen, type Attempt, type AttemptStatus } from '../attempt/attempt';
import { LANGUAGE_IDS as LANGUAGES, type Language } from '../languages/registry';
import { phaseTimesMs, stopTimer, type TimerData } from '../timer/timer';
import { attemptShapeProblem } from '../history/shape';
import { jsonErrorPosition } from '../pack/jsonPosition';
import { attemptDurationMs, attemptTotalMs } from '../attempt/attempt';
import { edgeCoverageOf, ratingOfAttempt, REVIEW_RATINGS, type ReviewRating } from './review';

/**
 * History in and out of Drills: a JSON export that round-trips every attempt (and the rating overrides),
 * and a CSV of attempts, one row each, for a spreadsheet. Import reads either; it never adds an
 * attempt twice (same id, or the same problem started at the same moment), so importing the same file
 * again, or a file that overlaps the history, adds only what is new.
 */

export const EXPORT_FORMAT = 'drills-history';
export const EXPORT_VERSION = 1;

export interface HistoryExport {
  format: typeof EXPORT_FORMAT;
  version: number;
  exportedAt: string;
  attempts: Attempt[];
  reviewOverrides: Record<string, ReviewRating>;
}

/** The JSON export of a history. */
export function exportJson(attempts: readonly Attempt[], overrides: Readonly<Record<string, ReviewRating>>, now: number): string {
  const doc: HistoryExport = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(now).toISOString(),
    attempts: [...attempts].sort((a, b) => a.timer.startedAt - b.timer.startedAt || a.id.localeCompare(b.id)),
    reviewOverrides: { ...overrides },
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export const CSV_COLUMNS = [
  'id',
  'pack',
  'problem',
  'language',
  'mode',
  'status',
  'started',
  'closed',
  'minutes',
  'limit_minutes',
  'runs',
  'first_run_passed',
  'hints',
  'stated_tags',
  'anticipated_tags',
  'missed_tags',
  'rating',
] as const;

/** Quotes a CSV field when it needs it (RFC 4180), and defuses a leading =, +, - or @ a spreadsheet would run as a formula. */
function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The attempts as CSV, oldest first, with a header row; times in ISO 8601 (UTC), durations in minutes. */
export function exportCsv(attempts: readonly Attempt[], overrides: Readonly<Record<string, ReviewRating>> = {}): string {
  const rows = [...attempts]
    .sort((a, b) => a.timer.startedAt - b.timer.startedAt || a.id.localeCompare(b.id))
    .map((a) => {
      const closedAt = a.closedAt;
      const first = a.runs.find((r) => r.total > 0 || r.error !== undefined);
      const coverage = edgeCoverageOf(a);
      const rating = overrides[a.id] ?? ratingOfAttempt(a)?.rating;
      return [
        a.id,
        a.packId,
        a.problemId,
        a.language,
        a.mode,
        a.status,
        new Date(a.timer.startedAt).toISOString(),
        closedAt !== undefined ? new Date(closedAt).toISOString() : undefined,
        closedAt !== undefined ? Math.round((attemptDurationMs(a, closedAt) / 60_000) * 100) / 100 : undefined,
        attemptTotalMs(a) / 60_000,
        a.runs.length,
        first ? (first.error === undefined && first.total > 0 && first.passed === first.total ? 'yes' : 'no') : undefined,
        a.hintsRevealed.length,
        (a.plan?.statedTags ?? []).join(' '),
        coverage?.anticipated.join(' '),
        coverage?.missed.join(' '),
        rating,
      ]
        .map(csvField)
        .join(',');
    });
  return `${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

/** Something in an import that was not taken, with where it is. */
export interface ImportIssue {
  /** `attempts[3]`, or a line and column for a JSON syntax error. */
  at: string;
  message: string;
}

export interface ImportResult {
  /** Attempts to add to the history. */
  attempts: Attempt[];
  /** Overrides of the added attempts. */
  overrides: Record<string, ReviewRating>;
  duplicates: number;
  /** Attempts still open in the file: imported history is finished history. */
  open: number;
  issues: ImportIssue[];
}

/** The identity of an attempt beyond its id: the same problem started at the same moment is the same attempt. */
function sameAttemptKey(a: Attempt): string {
  return `${a.packId}/${a.problemId}@${a.timer.startedAt}`;
}

/**
 * Reads a JSON export against the history there is. A file that is not a Drills export is one issue
 * and nothing is imported; a malformed attempt is skipped with its index and the rest still come in.
 */
export function importJson(text: string, existing: readonly Attempt[]): ImportResult {
  const result: ImportResult = { attempts: [], overrides: {}, duplicates: 0, open: 0, issues: [] };
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const at = jsonErrorPosition(text);
    result.issues.push({ at: `line ${at.line}, column ${at.column}`, message: `not valid JSON: found ${at.found} (${(e as Error).message})` });
    return result;
  }
  const d = doc as Partial<HistoryExport> | null;
  if (typeof d !== 'object' || d === null || d.format !== EXPORT_FORMAT || !Array.isArray(d.attempts)) {
    result.issues.push({ at: 'the file', message: `not a Drills history export (expected "format": "${EXPORT_FORMAT}" and an "attempts" list)` });
    return result;
  }
  if (typeof d.version !== 'number' || d.version > EXPORT_VERSION) {
    result.issues.push({ at: 'version', message: `export format ${String(d.version)} is not one this version of Drills reads (${EXPORT_VERSION})` });
    return result;
  }
  const ids = new Set(existing.map((a) => a.id));
  const keys = new Set(existing.map(sameAttemptKey));
  const overrides = typeof d.reviewOverrides === 'object' && d.reviewOverrides !== null ? d.reviewOverrides : {};
  d.attempts.forEach((value: unknown, i: number) => {
    const problem = attemptShapeProblem(value);
    if (problem) {
      result.issues.push({ at: `attempts[${i}]`, message: problem });
      return;
    }
    const attempt = value as Attempt;
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(attempt.id)) {
      result.issues.push({ at: `attempts[${i}]`, message: `id "${attempt.id}" is not a safe file name` });
      return;
    }
    if (ids.has(attempt.id) || keys.has(sameAttemptKey(attempt))) {
      result.duplicates++;
      return;
    }
    if (isOpen(attempt) || attempt.status === 'in-progress') {
      result.open++;
      return;
    }
    ids.add(attempt.id);
    keys.add(sameAttemptKey(attempt));
    result.attempts.push(attempt);
    const rating = (overrides as Record<string, unknown>)[attempt.id];
    if (REVIEW_RATINGS.includes(rating as ReviewRating)) result.overrides[attempt.id] = rating as ReviewRating;
  });
  return result;
}

/** A CSV field as read, with the 1-based line and column it starts at. */
export interface CsvField {
  value: string;
  line: number;
  column: number;
}

/** CSV text (RFC 4180: quoted fields may hold commas, quotes doubled, line breaks) as rows of fields with their places. */
export function parseCsv(text: string): { rows: CsvField[][]; error?: ImportIssue } {
  const rows: CsvField[][] = [];
  let row: CsvField[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let lineStart = i;
  const at = (l: number, c: number) => `line ${l}, column ${c}`;
  for (;;) {
    const fieldLine = line;
    const fieldColumn = i - lineStart + 1;
    let value = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) return { rows, error: { at: at(fieldLine, fieldColumn), message: 'a quoted field is never closed' } };
        const c = text[i];
        if (c === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\n') {
          line++;
          lineStart = i + 1;
        }
        value += c;
        i++;
      }
      if (i < text.length && text[i] !== ',' && text[i] !== '\n' && !(text[i] === '\r' && text[i + 1] === '\n')) {
        return { rows, error: { at: at(line, i - lineStart + 1), message: `expected a comma or the end of the line after a quoted field, found ${JSON.stringify(text[i])}` } };
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\n' && !(text[i] === '\r' && text[i + 1] === '\n')) {
        if (text[i] === '"') return { rows, error: { at: at(line, i - lineStart + 1), message: 'a quote inside an unquoted field (quote the whole field and double the quote)' } };
        value += text[i];
        i++;
      }
    }
    row.push({ value, line: fieldLine, column: fieldColumn });
    if (text[i] === ',') {
      i++;
      continue;
    }
    // End of a line or of the text: a row ends (a blank line is no row).
    if (!(row.length === 1 && row[0].value === '')) rows.push(row);
    row = [];
    if (i >= text.length) break;
    i += text[i] === '\r' ? 2 : 1;
    line++;
    lineStart = i;
    if (i >= text.length) break;
  }
  return { rows };
}

/** Undoes the export's defusing of a leading =, +, - or @ (the quote it put in front). */
function undefuse(text: string): string {
  return /^'[=+\-@]/.test(text) ? text.slice(1) : text;
}

const REQUIRED_CSV_COLUMNS = ['id', 'pack', 'problem', 'language', 'mode', 'status', 'started', 'limit_minutes'] as const;

/**
 * Reads a CSV of attempts (as {@link exportCsv} writes it) against the history there is. The CSV is a summary:
 * an imported attempt has its problem, language, mode, outcome, times (a pause stands for time the clock did not
 * run), hints and the tags its plan stated, but not its runs (the CSV has no verdicts). Its rating comes back as an
 * override, so its review schedule is the one exported. A row is never imported twice (same id, or the same
 * problem started at the same moment); a bad value is reported with its line and column and the row skipped.
 */
export function importCsv(text: string, existing: readonly Attempt[]): ImportResult {
  const result: ImportResult = { attempts: [], overrides: {}, duplicates: 0, open: 0, issues: [] };
  const { rows, error } = parseCsv(text);
  if (error) {
    result.issues.push(error);
    return result;
  }
  const [header, ...body] = rows;
  if (!header) {
    result.issues.push({ at: 'line 1, column 1', message: 'the file is empty: expected a header row naming the columns' });
    return result;
  }
  const index = new Map(header.map((f, i) => [f.value.trim(), i]));
  const missing = REQUIRED_CSV_COLUMNS.filter((c) => !index.has(c));
  if (missing.length > 0) {
    result.issues.push({ at: `line ${header[0].line}, column 1`, message: `not a Drills CSV of attempts: no ${missing.join(', ')} column${missing.length === 1 ? '' : 's'} in the header` });
    return result;
  }
  const ids = new Set(existing.map((a) => a.id));
  const keys = new Set(existing.map(sameAttemptKey));
  for (const row of body) {
    const read = csvRowAttempt(row, index, header.length);
    if ('issue' in read) {
      result.issues.push(read.issue);
      continue;
    }
    const { attempt, rating } = read;
    if (ids.has(attempt.id) || keys.has(sameAttemptKey(attempt))) {
      result.duplicates++;
      continue;
    }
    if (attempt.status === 'in-progress') {
      result.open++;
      continue;
    }
    ids.add(attempt.id);
    keys.add(sameAttemptKey(attempt));
    result.attempts.push(attempt);
    if (rating !== undefined && rating !== ratingOfAttempt(attempt)?.rating) result.overrides[attempt.id] = rating;
  }
  return result;
}

const STATUSES = ['in-progress', 'solved', 'solved-late', 'failed', 'abandoned'] as const;

function csvRowAttempt(row: readonly CsvField[], index: ReadonlyMap<string, number>, width: number): { attempt: Attempt; rating?: ReviewRating } | { issue: ImportIssue } {
  const place = (f: CsvField) => `line ${f.line}, column ${f.column}`;
  if (row.length !== width) {
    const last = row[row.length - 1];
    return { issue: { at: `line ${row[0].line}, column ${last.column + last.value.length}`, message: `${row.length} field${row.length === 1 ? '' : 's'} where the header has ${width}` } };
  }
  const field = (name: string): CsvField | undefined => {
    const i = index.get(name);
    return i === undefined ? undefined : { ...row[i], value: undefuse(row[i].value.trim()) };
  };
  const bad = (f: CsvField, message: string) => ({ issue: { at: place(f), message } });
  const id = field('id')!;
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id.value)) return bad(id, `id "${id.value}" is not a safe file name`);
  const pack = field('pack')!;
  const problem = field('problem')!;
  for (const f of [pack, problem]) if (f.value === '') return bad(f, 'empty: the pack and problem ids are required');
  const language = field('language')!;
  if (!LANGUAGES.includes(language.value as Language)) return bad(language, `language must be one of ${LANGUAGES.join(', ')} (found "${language.value}")`);
  const mode = field('mode')!;
  if (mode.value !== 'strict' && mode.value !== 'practice') return bad(mode, `mode must be strict or practice (found "${mode.value}")`);
  const status = field('status')!;
  if (!STATUSES.includes(status.value as AttemptStatus)) return bad(status, `status must be one of ${STATUSES.join(', ')} (found "${status.value}")`);
  const time = (f: CsvField | undefined): number | undefined | { issue: ImportIssue } => {
    if (!f || f.value === '') return undefined;
    const ms = /^\d{4}-\d{2}-\d{2}T/.test(f.value) ? Date.parse(f.value) : NaN;
    return Number.isFinite(ms) ? ms : bad(f, `not an ISO 8601 time such as 2026-11-03T18:20:00.000Z (found "${f.value}")`);
  };
  const number = (f: CsvField | undefined, what: string, integer: boolean): number | undefined | { issue: ImportIssue } => {
    if (!f || f.value === '') return undefined;
    const n = Number(f.value);
    return Number.isFinite(n) && n >= 0 && (!integer || Number.isInteger(n)) ? n : bad(f, `${what} must be a ${integer ? 'whole ' : ''}number of 0 or more (found "${f.value}")`);
  };
  const started = time(field('started'));
  if (typeof started === 'object') return started;
  if (started === undefined) return bad(field('started')!, 'empty: the start time is required');
  const closed = time(field('closed'));
  if (typeof closed === 'object') return closed;
  if (closed !== undefined && closed < started) return bad(field('closed')!, 'closes before it started');
  if (closed === undefined && status.value !== 'in-progress') return bad(field('closed') ?? status, `a ${status.value} attempt needs the time it closed`);
  const limit = number(field('limit_minutes'), 'limit_minutes', false);
  if (typeof limit === 'object') return limit;
  if (limit === undefined || limit === 0) return bad(field('limit_minutes')!, 'limit_minutes must be more than 0');
  const minutes = number(field('minutes'), 'minutes', false);
  if (typeof minutes === 'object') return minutes;
  const hints = number(field('hints'), 'hints', true);
  if (typeof hints === 'object') return hints;
  const ratingField = field('rating');
  const rating = ratingField?.value ? ratingField.value : undefined;
  if (ratingField && rating !== undefined && !REVIEW_RATINGS.includes(rating as ReviewRating)) return bad(ratingField, `rating must be one of ${REVIEW_RATINGS.join(', ')} (found "${rating}")`);
  const running = closed === undefined ? undefined : Math.min(closed - started, minutes === undefined ? closed - started : Math.round(minutes * 60_000));
  let timer: TimerData = { startedAt: started, mode: mode.value, phases: [{ name: 'code', minutes: limit }], pauses: [], advances: [] };
  // Time between the start and the close that the clock did not count (pauses) comes back as one pause.
  if (closed !== undefined && running !== undefined && running < closed - started) timer.pauses.push({ at: started + running, resumedAt: closed });
  if (closed !== undefined) timer = stopTimer(timer, closed);
  const at = closed ?? started;
  const stated = (field('stated_tags')?.value ?? '').split(/\s+/).filter((t) => t !== '');
  const attempt: Attempt = {
    id: id.value,
    packId: pack.value,
    problemId: problem.value,
    language: language.value as Language,
    solutionPath: '',
    attemptDir: '',
    mode: mode.value,
    timer,
    phaseTimes: phaseTimesMs(timer, at),
    runs: [],
    hintsRevealed: Array.from({ length: hints ?? 0 }, (_, i) => ({ index: i, at })),
    acknowledgedEvents: [],
    status: status.value as AttemptStatus,
    overtimeMs: Math.max(0, (running ?? 0) - Math.round(limit * 60_000)),
  };
  if (closed !== undefined) attempt.closedAt = closed;
  if (stated.length > 0) attempt.plan = { edgeCases: [], statedTags: stated, invariant: '', complexity: '' };
  return rating !== undefined ? { attempt, rating: rating as ReviewRating } : { attempt };
}
