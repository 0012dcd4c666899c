import { attemptDurationMs, isOpen, type Attempt } from './attempt';

/** A problem's state in the tree, from all its attempts. */
export type ProblemState = 'new' | 'in-progress' | 'solved' | 'solved-late' | 'failed';

export interface ProblemProgress {
  state: ProblemState;
  attempts: number;
  /** Fastest running time of an attempt solved in time (late solutions do not count). */
  bestTimeMs?: number;
  /** Start of the most recent attempt. */
  lastAttemptAt?: number;
  /** The open attempt (in progress, or strict mode's final run still available), if any. */
  activeAttemptId?: string;
}

/**
 * Aggregates a problem's attempts. The state is the best that happened, with an open attempt first:
 * in progress > solved > solved late > failed (failed and abandoned attempts) > new (no attempt).
 */
export function problemProgress(attempts: readonly Attempt[]): ProblemProgress {
  if (attempts.length === 0) return { state: 'new', attempts: 0 };
  const sorted = [...attempts].sort((a, b) => a.timer.startedAt - b.timer.startedAt);
  const open = sorted.filter(isOpen);
  const solvedTimes = sorted.filter((a) => a.status === 'solved').map((a) => attemptDurationMs(a, a.closedAt ?? a.timer.startedAt));
  let state: ProblemState;
  if (open.length > 0) state = 'in-progress';
  else if (solvedTimes.length > 0) state = 'solved';
  else if (sorted.some((a) => a.status === 'solved-late')) state = 'solved-late';
  else state = 'failed';
  const progress: ProblemProgress = { state, attempts: sorted.length, lastAttemptAt: sorted[sorted.length - 1].timer.startedAt };
  if (solvedTimes.length > 0) progress.bestTimeMs = Math.min(...solvedTimes);
  if (open.length > 0) progress.activeAttemptId = open[open.length - 1].id;
  return progress;
}
