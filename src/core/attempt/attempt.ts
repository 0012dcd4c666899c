import type { Language, PhaseName, TagSpec } from '../pack/types';
import type { CaseResult, RunError, Verdict } from '../runner/types';
import { edgeCaseLines, mapEdgeCasesToTags, parsePlan, sectionContent, statedTagsOf, validatePlan, type PlanIssue } from '../plan';
import {
  advanceToPhase,
  isTimerError,
  pauseTimer,
  phaseTimesMs,
  resumeTimer,
  startTimer,
  stopTimer,
  timerState,
  totalMsOf,
  type PhasePlan,
  type TimerData,
  type TimerMode,
  wallClockAtElapsed,
} from '../timer';

/**
 * An attempt at a problem and its pure state transitions. Each transition takes the attempt and the
 * moment (`now`, epoch ms) and returns a new attempt, or an {@link AttemptError} value when the
 * candidate asked for something the rules refuse. Nothing here touches the disk or the editor.
 *
 * Outcomes:
 * - solved: a run passed every case before the time was up (the attempt closes on that run);
 * - solved-late: a run passed every case in overtime (practice) or in the one final run strict mode
 *   allows after expiry;
 * - failed: the time ran out (strict) or the candidate finished without a passing run;
 * - abandoned: the candidate gave up.
 */

export type AttemptStatus = 'in-progress' | 'solved' | 'solved-late' | 'failed' | 'abandoned';

/** A case of a run as history keeps it: no output, no values. */
export interface CaseVerdict {
  name: string;
  tags: string[];
  verdict: Verdict;
}

export interface RunRecord {
  at: number;
  /** Made after the time was up: in practice overtime, or strict mode's final run. */
  late: boolean;
  passed: number;
  failed: number;
  total: number;
  /** The run itself failed (missing interpreter, solution does not load). */
  error?: string;
  verdicts: CaseVerdict[];
}

/** What the plan gate accepted. */
export interface PlanRecord {
  /** The edge cases as written, with their lines in PLAN.md. */
  edgeCases: { line: number; text: string; tags: string[] }[];
  /** Tags the edge cases were read as. */
  statedTags: string[];
  invariant: string;
  complexity: string;
}

export interface Attempt {
  id: string;
  packId: string;
  problemId: string;
  language: Language;
  solutionPath: string;
  attemptDir: string;
  mode: TimerMode;
  timer: TimerData;
  /** Running time spent per phase (ms), as of the last transition. */
  phaseTimes: Record<PhaseName, number>;
  plan?: PlanRecord;
  planSubmittedAt?: number;
  runs: RunRecord[];
  hintsRevealed: { index: number; at: number }[];
  /** Keys of timer events already shown (see `dueEvents`), so a reload does not show them again. */
  acknowledgedEvents: string[];
  status: AttemptStatus;
  /** When the time ran out (the wall-clock moment the running time reached the total). */
  expiredAt?: number;
  /** Strict mode after expiry: the one late run is still available. */
  finalRunOpen?: boolean;
  closedAt?: number;
  /** Running time past the total when the attempt closed (or as of the last transition). */
  overtimeMs: number;
  /** The complexity measured after the last passing run that was measured, against the plan's stated one. */
  complexity?: ComplexityRecord;
}

/** A complexity measured after a passing run, as history keeps it. */
export interface ComplexityRecord {
  at: number;
  /** The time complexity the plan stated, as written (`O(n log n)`). */
  stated?: string;
  /** `≈ O(n)`, `between O(n) and O(n log n)`, or why nothing was measured. */
  label: string;
  /** "Complexity: you stated O(n log n); measured ≈ O(n²) — slower than stated." */
  sentence: string;
}

/** The attempt with a complexity measured after one of its runs; measuring follows the verdict, even a solving one. */
export function recordComplexity(attempt: Attempt, record: ComplexityRecord): Attempt {
  return { ...attempt, complexity: record };
}

/** A refused transition, as a value with a message for the candidate (and plan issues when the plan is refused). */
export interface AttemptError {
  error: string;
  issues?: PlanIssue[];
}

/** True when a transition was refused. */
export function isAttemptError(value: unknown): value is AttemptError {
  return typeof value === 'object' && value !== null && typeof (value as AttemptError).error === 'string' && !('id' in value);
}

export interface StartAttemptInput {
  /** Unique and safe as a file name: see {@link newAttemptId}. */
  id: string;
  packId: string;
  problemId: string;
  language: Language;
  solutionPath: string;
  attemptDir: string;
  mode: TimerMode;
  phases: PhasePlan[];
}

/** An attempt id: sortable by start time, unique with the injected randomness (`random()` in [0, 1)). */
export function newAttemptId(now: number, random: () => number): string {
  const suffix = Array.from({ length: 8 }, () => Math.floor(random() * 36).toString(36)).join('');
  return `${new Date(now).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${suffix}`;
}

/** A new attempt, its timer running from `now`. */
export function startAttempt(input: StartAttemptInput, now: number): Attempt {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(input.id)) throw new Error(`startAttempt: attempt id "${input.id}" is not a safe file name`);
  const timer = startTimer(input.phases, input.mode, now);
  return {
    id: input.id,
    packId: input.packId,
    problemId: input.problemId,
    language: input.language,
    solutionPath: input.solutionPath,
    attemptDir: input.attemptDir,
    mode: input.mode,
    timer,
    phaseTimes: phaseTimesMs(timer, now),
    runs: [],
    hintsRevealed: [],
    acknowledgedEvents: [],
    status: 'in-progress',
    overtimeMs: 0,
  };
}

/** True while the attempt accepts runs: in progress, or strict mode's final run still available. */
export function isOpen(attempt: Attempt): boolean {
  return attempt.status === 'in-progress' || attempt.finalRunOpen === true;
}

/** Refreshes the derived fields (phase times, overtime) as of `now`. */
function withTimes(attempt: Attempt, now: number): Attempt {
  return { ...attempt, phaseTimes: phaseTimesMs(attempt.timer, now), overtimeMs: timerState(attempt.timer, now).overtimeMs };
}

/** Closes the attempt at `at` with a status: the timer stops there. */
function close(attempt: Attempt, status: AttemptStatus, at: number): Attempt {
  const timer = stopTimer(attempt.timer, at);
  const closed: Attempt = { ...attempt, timer, status, closedAt: at, finalRunOpen: false };
  return withTimes(closed, at);
}

/** The wall-clock moment the running time reached the total, or undefined if it has not yet. */
function expiryMoment(attempt: Attempt, now: number): number | undefined {
  if (!timerState(attempt.timer, now).expired) return undefined;
  return wallClockAtElapsed(attempt.timer, totalMsOf(attempt.timer));
}

/**
 * Accepts the plan when PLAN.md passes the gate: records the edge cases with their tags and moves
 * the timer on to coding. A refused plan comes back as an error with the issues (line numbers).
 */
export function submitPlan(attempt: Attempt, planMarkdown: string, now: number, knownTags: readonly (string | TagSpec)[] = []): Attempt | AttemptError {
  if (!isOpen(attempt) || attempt.status !== 'in-progress') return { error: 'The attempt is closed: the plan can no longer be submitted.' };
  const parsed = parsePlan(planMarkdown);
  const issues = validatePlan(parsed);
  if (issues.length > 0) return { error: `The plan is not complete yet (${issues.length} issue${issues.length === 1 ? '' : 's'}).`, issues };
  const mapped = mapEdgeCasesToTags(edgeCaseLines(parsed), knownTags);
  const plan: PlanRecord = {
    edgeCases: mapped.map((m) => ({ line: m.line ?? 0, text: m.text, tags: m.tags })),
    statedTags: statedTagsOf(mapped),
    invariant: sectionContent(parsed, 'invariant').map((l) => l.text).join('\n'),
    complexity: sectionContent(parsed, 'complexity').map((l) => l.text).join('\n'),
  };
  let timer = attempt.timer;
  // Submitting the plan ends the plan phase; if the schedule is already past it, nothing moves.
  if (timerState(timer, now).phaseIndex < timer.phases.findIndex((p) => p.name === 'code')) {
    const advanced = advanceToPhase(timer, 'code', now);
    if (!isTimerError(advanced)) timer = advanced;
  }
  return withTimes({ ...attempt, timer, plan, planSubmittedAt: now }, now);
}

/** A run as the runner reports it; only the parts history keeps are read. */
export interface RunInput {
  cases: Pick<CaseResult, 'name' | 'tags' | 'verdict'>[];
  error?: Pick<RunError, 'message'>;
}

/**
 * Records a run. A run that passes every case (and has at least `expectedCases` cases, when given,
 * so a partial run does not count) closes the attempt as solved, or solved-late in overtime. In
 * strict mode, a run after the time is up is the one final run: it is recorded as late and closes
 * the attempt whatever its result; a second one is refused.
 */
export function recordRun(attempt: Attempt, run: RunInput, now: number, expectedCases?: number): Attempt | AttemptError {
  let current = attempt;
  // The window may have been closed when the time ran out: apply the expiry first.
  if (current.status === 'in-progress' && current.mode === 'strict' && timerState(current.timer, now).expired) {
    const expired = expire(current, now);
    if (!isAttemptError(expired)) current = expired;
  }
  if (!isOpen(current)) {
    return { error: current.expiredAt !== undefined && current.mode === 'strict' ? 'The time is up and the final run has been used.' : 'The attempt is closed.' };
  }
  const late = current.finalRunOpen === true || timerState(current.timer, now).expired;
  const verdicts = run.cases.map((c) => ({ name: c.name, tags: [...c.tags], verdict: c.verdict }));
  const passed = verdicts.filter((v) => v.verdict === 'passed').length;
  const record: RunRecord = { at: now, late, passed, failed: verdicts.length - passed, total: verdicts.length, verdicts };
  if (run.error) record.error = run.error.message;
  const allPassed = !run.error && verdicts.length > 0 && passed === verdicts.length && (expectedCases === undefined || verdicts.length >= expectedCases);
  const withRun: Attempt = { ...current, runs: [...current.runs, record] };
  if (current.finalRunOpen) {
    // Strict: the timer stopped at expiry; the late run is judged but keeps the expiry as the end.
    return { ...withRun, status: allPassed ? 'solved-late' : 'failed', finalRunOpen: false };
  }
  if (allPassed) return close(withRun, late ? 'solved-late' : 'solved', now);
  return withTimes(withRun, now);
}

/**
 * Applies the end of the time. Strict: the attempt closes as failed at the moment the time ran out,
 * with one final (late) run still allowed. Practice: the attempt keeps going in overtime. Calling it
 * again, or before the time is up, changes nothing / is refused.
 */
export function expire(attempt: Attempt, now: number): Attempt | AttemptError {
  if (attempt.expiredAt !== undefined) return attempt;
  if (attempt.status !== 'in-progress') return { error: 'The attempt is already closed.' };
  const at = expiryMoment(attempt, now);
  if (at === undefined) return { error: 'The time is not up yet.' };
  if (attempt.mode === 'strict') return { ...close(attempt, 'failed', at), expiredAt: at, finalRunOpen: true };
  return withTimes({ ...attempt, expiredAt: at }, now);
}

/**
 * Reveals the next hint (hints come one at a time, in order). `hintCount` is how many the problem has.
 * Allowed after the attempt closed too (learning from a failed attempt); the mock report only counts
 * hints revealed before closing.
 */
export function revealHint(attempt: Attempt, hintCount: number, now: number): Attempt | AttemptError {
  const index = attempt.hintsRevealed.length;
  if (index >= hintCount) return { error: hintCount === 0 ? 'This problem has no hints.' : `All ${hintCount} hints are already revealed.` };
  return { ...attempt, hintsRevealed: [...attempt.hintsRevealed, { index, at: now }] };
}

/** Pauses the attempt's timer (practice mode only). */
export function pauseAttempt(attempt: Attempt, now: number): Attempt | AttemptError {
  if (attempt.status !== 'in-progress') return { error: 'The attempt is closed.' };
  const timer = pauseTimer(attempt.timer, now);
  return isTimerError(timer) ? { error: timer.error } : withTimes({ ...attempt, timer }, now);
}

/** Resumes the attempt's paused timer. */
export function resumeAttempt(attempt: Attempt, now: number): Attempt | AttemptError {
  if (attempt.status !== 'in-progress') return { error: 'The attempt is closed.' };
  const timer = resumeTimer(attempt.timer, now);
  return isTimerError(timer) ? { error: timer.error } : withTimes({ ...attempt, timer }, now);
}

/** Marks timer events as shown. */
export function acknowledgeEvents(attempt: Attempt, keys: readonly string[]): Attempt {
  const known = new Set(attempt.acknowledgedEvents);
  const added = keys.filter((k) => !known.has(k));
  return added.length === 0 ? attempt : { ...attempt, acknowledgedEvents: [...attempt.acknowledgedEvents, ...added] };
}

/**
 * The candidate says they are done. Without a passing run this is a failure (a passing run already
 * closed the attempt as solved). In strict mode after expiry it gives up the final run.
 */
export function finish(attempt: Attempt, now: number): Attempt | AttemptError {
  if (attempt.finalRunOpen) return { ...attempt, finalRunOpen: false };
  if (attempt.status !== 'in-progress') return { error: 'The attempt is already closed.' };
  return close(attempt, 'failed', now);
}

/** The candidate gives up. After a strict expiry this only gives up the final run: the attempt stays failed. */
export function abandon(attempt: Attempt, now: number): Attempt | AttemptError {
  if (attempt.finalRunOpen) return { ...attempt, finalRunOpen: false };
  if (attempt.status !== 'in-progress') return { error: 'The attempt is already closed.' };
  return close(attempt, 'abandoned', now);
}

/** Running time from start to close (pauses excluded); for an open attempt, as of `now`. */
export function attemptDurationMs(attempt: Attempt, now: number): number {
  return timerState(attempt.timer, attempt.closedAt ?? now).elapsedMs;
}

/** The scheduled total of the attempt, in ms. */
export function attemptTotalMs(attempt: Attempt): number {
  return totalMsOf(attempt.timer);
}
