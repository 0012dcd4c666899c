/**
 * Calendar days as the candidate lives them: `YYYY-MM-DD` strings in their time zone, given as a fixed
 * offset from UTC in minutes (the adapter passes the editor's; tests pass 0). Plans, the activity strip,
 * "due today" and the cap by the interview date all count in these days, never in 24-hour spans from now.
 */

export const DAY_MS = 86_400_000;

/** A calendar day, `YYYY-MM-DD`. */
export type Day = string;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day `ms` falls on, `offsetMinutes` east of UTC. */
export function dayOf(ms: number, offsetMinutes = 0): Day {
  return new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** The moment a day starts, in epoch ms. */
export function startOfDay(day: Day, offsetMinutes = 0): number {
  const m = DAY_PATTERN.exec(day);
  if (!m) throw new Error(`startOfDay: "${day}" is not a YYYY-MM-DD day`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - offsetMinutes * 60_000;
}

/** `day` moved by `n` days (negative moves back). */
export function addDays(day: Day, n: number): Day {
  return dayOf(startOfDay(day) + n * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Day, to: Day): number {
  return Math.round((startOfDay(to) - startOfDay(from)) / DAY_MS);
}

/**
 * Reads a `YYYY-MM-DD` day as a user typed it; undefined for anything else, including impossible dates
 * such as 2026-02-30.
 */
export function parseDay(text: string): Day | undefined {
  const trimmed = text.trim();
  const m = DAY_PATTERN.exec(trimmed);
  if (!m) return undefined;
  const back = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).toISOString().slice(0, 10);
  return back === trimmed ? trimmed : undefined;
}
