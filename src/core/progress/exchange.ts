import { isOpen, type Attempt } from '../attempt/attempt';
import { attemptShapeProblem } from '../history/shape';
import { jsonErrorPosition } from '../pack/jsonPosition';
import { attemptDurationMs, attemptTotalMs } from '../attempt/attempt';
import { edgeCoverageOf, ratingOfAttempt, REVIEW_RATINGS, type ReviewRating } from './review';

/**
 * History in and out of Drills: a JSON export that round-trips every attempt (and the rating overrides),
 * and a CSV of attempts, one row each, for a spreadsheet. Import reads the JSON export; it never adds an
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
