import type { PhaseName } from '../pack/types';
import { type PhasePlan, totalMinutesOf } from './phases';

/**
 * The interview timer. Everything is computed from stored timestamps and the clock passed in, never
 * from a running counter: after a window reload or a crash, the same stored state and the current
 * time give the right time left. Elapsed time excludes pauses.
 */

/** `strict` is an interview: no pauses, expiry closes the attempt. `practice` may pause and run over. */
export type TimerMode = 'strict' | 'practice';

/** One pause; `resumedAt` is absent while the pause lasts. */
export interface Pause {
  at: number;
  resumedAt?: number;
}

/** The candidate moved on to a phase before its scheduled start (e.g. by submitting the plan). */
export interface PhaseAdvance {
  phase: PhaseName;
  at: number;
}

/** The stored timer: plain JSON, part of an attempt. */
export interface TimerData {
  startedAt: number;
  mode: TimerMode;
  phases: PhasePlan[];
  pauses: Pause[];
  advances: PhaseAdvance[];
  /** Set when the attempt closes: the timer reads as of this moment forever after. */
  stoppedAt?: number;
}

/** What the status bar and the adapter need to know at a given moment. */
export interface TimerState {
  elapsedMs: number;
  totalMs: number;
  /** Never negative: 0 once the time is up. */
  remainingMs: number;
  phase: PhaseName;
  phaseIndex: number;
  /** Until the scheduled end of the current phase (0 once past it). */
  phaseRemainingMs: number;
  overtimeMs: number;
  expired: boolean;
  paused: boolean;
  stopped: boolean;
}

/** A refused timer operation, as a value. */
export interface TimerError {
  error: string;
}

/** How long before the end the warning fires. */
export const WARNING_BEFORE_MS = 5 * 60_000;

const MINUTE = 60_000;

/** A fresh running timer. */
export function startTimer(phases: PhasePlan[], mode: TimerMode, now: number): TimerData {
  if (phases.length === 0) throw new Error('startTimer: a schedule needs at least one phase');
  return { startedAt: now, mode, phases: phases.map((p) => ({ ...p })), pauses: [], advances: [] };
}

/** True when a value is a refused operation rather than a new timer. */
export function isTimerError(value: unknown): value is TimerError {
  return typeof value === 'object' && value !== null && typeof (value as TimerError).error === 'string';
}

/** Total scheduled time in milliseconds. */
export function totalMsOf(timer: TimerData): number {
  return Math.round(totalMinutesOf(timer.phases) * MINUTE);
}

/** Running time between `startedAt` and `now` (or `stoppedAt`), pauses excluded; never negative. */
export function elapsedMsAt(timer: TimerData, now: number): number {
  const end = Math.max(timer.startedAt, timer.stoppedAt !== undefined ? Math.min(now, timer.stoppedAt) : now);
  let paused = 0;
  for (const p of timer.pauses) {
    const from = Math.max(p.at, timer.startedAt);
    const to = Math.min(p.resumedAt ?? end, end);
    if (to > from) paused += to - from;
  }
  return Math.max(0, end - timer.startedAt - paused);
}

/** Elapsed-time offsets at which each phase is scheduled to end (the last one is the total). */
export function phaseEndsMs(timer: TimerData): number[] {
  const ends: number[] = [];
  let at = 0;
  for (const p of timer.phases) {
    at += Math.round(p.minutes * MINUTE);
    ends.push(at);
  }
  return ends;
}

/** The phase by the schedule at an elapsed offset; zero-length phases are skipped over. */
function scheduledPhaseIndex(ends: number[], elapsedMs: number): number {
  for (let i = 0; i < ends.length; i++) if (elapsedMs < ends[i]) return i;
  return ends.length - 1;
}

/** The highest phase the candidate advanced to at or before `now`. */
function advancedPhaseIndex(timer: TimerData, now: number): number {
  let best = -1;
  for (const a of timer.advances) {
    if (a.at <= now) best = Math.max(best, timer.phases.findIndex((p) => p.name === a.phase));
  }
  return best;
}

/** The timer as of `now`. The current phase is the later of the scheduled one and the one advanced to. */
export function timerState(timer: TimerData, now: number): TimerState {
  const elapsedMs = elapsedMsAt(timer, now);
  const totalMs = totalMsOf(timer);
  const ends = phaseEndsMs(timer);
  const phaseIndex = Math.max(scheduledPhaseIndex(ends, elapsedMs), advancedPhaseIndex(timer, now));
  const stopped = timer.stoppedAt !== undefined && now >= timer.stoppedAt;
  const last = timer.pauses[timer.pauses.length - 1];
  return {
    elapsedMs,
    totalMs,
    remainingMs: Math.max(0, totalMs - elapsedMs),
    phase: timer.phases[phaseIndex].name,
    phaseIndex,
    phaseRemainingMs: Math.max(0, ends[phaseIndex] - elapsedMs),
    overtimeMs: Math.max(0, elapsedMs - totalMs),
    expired: elapsedMs >= totalMs,
    paused: !stopped && last !== undefined && last.resumedAt === undefined && last.at <= now,
    stopped,
  };
}

/** Pauses a practice timer. Strict timers, stopped timers and paused timers refuse. */
export function pauseTimer(timer: TimerData, now: number): TimerData | TimerError {
  if (timer.mode === 'strict') return { error: 'The timer does not pause in interview mode: an interview does not stop. Set drills.mode to practice for drills you can pause.' };
  if (timer.stoppedAt !== undefined) return { error: 'The attempt is closed; its timer has stopped.' };
  if (timerState(timer, now).paused) return { error: 'The timer is already paused.' };
  return { ...timer, pauses: [...timer.pauses, { at: now }] };
}

/** Resumes a paused practice timer. */
export function resumeTimer(timer: TimerData, now: number): TimerData | TimerError {
  if (timer.mode === 'strict') return { error: 'The timer does not pause or resume in interview mode.' };
  const last = timer.pauses[timer.pauses.length - 1];
  if (last === undefined || last.resumedAt !== undefined) return { error: 'The timer is not paused.' };
  return { ...timer, pauses: [...timer.pauses.slice(0, -1), { at: last.at, resumedAt: Math.max(now, last.at) }] };
}

/** Moves the current phase forward to `phase` now; moving backwards or sideways is refused. */
export function advanceToPhase(timer: TimerData, phase: PhaseName, now: number): TimerData | TimerError {
  const target = timer.phases.findIndex((p) => p.name === phase);
  if (target < 0) return { error: `There is no ${phase} phase in this schedule.` };
  const current = timerState(timer, now).phaseIndex;
  if (target <= current) return { error: `The ${timer.phases[current].name} phase is already under way; phases only move forward.` };
  return { ...timer, advances: [...timer.advances, { phase, at: now }] };
}

/** Stops the timer at `at` (the attempt closed); later readings stay as of that moment. */
export function stopTimer(timer: TimerData, at: number): TimerData {
  if (timer.stoppedAt !== undefined) return timer;
  // A pause still open when the attempt closes ends with it, so the log stays well-formed.
  const pauses = timer.pauses.map((p) => (p.resumedAt === undefined ? { ...p, resumedAt: Math.max(at, p.at) } : p));
  return { ...timer, pauses, stoppedAt: at };
}

/**
 * The wall-clock moment the running time reaches `elapsedMs`, assuming no further pause; undefined
 * while paused or stopped (nothing can become due then).
 */
export function momentOfElapsed(timer: TimerData, elapsedMs: number, now: number): number | undefined {
  const state = timerState(timer, now);
  if (state.paused || state.stopped) return undefined;
  return now + (elapsedMs - state.elapsedMs);
}

/**
 * The wall-clock moment the running time reached (or will reach, if nothing else pauses it)
 * `elapsedMs`, walking over the logged pauses; undefined if a pause still open comes first.
 */
export function wallClockAtElapsed(timer: TimerData, elapsedMs: number): number | undefined {
  let cursor = timer.startedAt;
  let left = Math.max(0, elapsedMs);
  for (const p of [...timer.pauses].sort((a, b) => a.at - b.at)) {
    const run = Math.max(0, p.at - cursor);
    if (left <= run) return cursor + left;
    left -= run;
    if (p.resumedAt === undefined) return undefined;
    cursor = Math.max(cursor, p.resumedAt);
  }
  return cursor + left;
}

/** Time spent in each phase (running time, pauses excluded), following the same rule as {@link timerState}. */
export function phaseTimesMs(timer: TimerData, now: number): Record<PhaseName, number> {
  const times = { clarify: 0, plan: 0, code: 0, test: 0 } as Record<PhaseName, number>;
  const ends = phaseEndsMs(timer);
  const elapsed = elapsedMsAt(timer, now);
  // Breakpoints in running time: scheduled phase ends and manual advances.
  const advances = timer.advances
    .filter((a) => a.at <= now)
    .map((a) => ({ at: elapsedMsAt(timer, a.at), index: timer.phases.findIndex((p) => p.name === a.phase) }))
    .sort((a, b) => a.at - b.at);
  const points = [...new Set([0, ...ends.filter((e) => e < elapsed), ...advances.map((a) => a.at).filter((a) => a < elapsed), elapsed])].sort((a, b) => a - b);
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i];
    const scheduled = scheduledPhaseIndex(ends, from);
    const advanced = advances.filter((a) => a.at <= from).reduce((m, a) => Math.max(m, a.index), -1);
    times[timer.phases[Math.max(scheduled, advanced)].name] += points[i + 1] - from;
  }
  return times;
}

/** Something the adapter must react to at a point of running time. */
export interface TimerEvent {
  /** Stable identity, used to acknowledge an event so it is shown once: `phase-end:plan`, `warning`, `expired`. */
  key: string;
  kind: 'phase-end' | 'warning' | 'expired';
  /** For `phase-end`: the phase that ends. */
  phase?: PhaseName;
  /** For `phase-end`: the phase that starts. */
  nextPhase?: PhaseName;
  /** Running time at which the event is due. */
  atElapsedMs: number;
  /** Time left in the interview at that moment: a phase end that falls on the warning can say it. */
  remainingMs: number;
  /** Running time still to go (≤ 0 when due). */
  dueInMs: number;
  /** Wall-clock moment it falls due if the timer keeps running; undefined while paused or stopped. */
  dueAt?: number;
}

/** Every event of the schedule, in order; phase ends the candidate already moved past by hand are left out. */
export function allEvents(timer: TimerData, now: number): TimerEvent[] {
  const state = timerState(timer, now);
  const ends = phaseEndsMs(timer);
  const totalMs = state.totalMs;
  const events: Omit<TimerEvent, 'dueInMs' | 'dueAt' | 'remainingMs'>[] = [];
  for (let i = 0; i < ends.length - 1; i++) {
    // A zero-length phase, or one that ends with the whole interview, has no end of its own to announce.
    if (ends[i] >= totalMs || (i > 0 && ends[i] === ends[i - 1])) continue;
    // Submitting the plan early makes "plan time is over" noise: skip ends of phases already left by hand.
    if (leftEarly(timer, i, ends[i], now)) continue;
    const next = timer.phases.slice(i + 1).find((p) => p.minutes > 0) ?? timer.phases[i + 1];
    events.push({ key: `phase-end:${timer.phases[i].name}`, kind: 'phase-end', phase: timer.phases[i].name, nextPhase: next.name, atElapsedMs: ends[i] });
  }
  if (totalMs > WARNING_BEFORE_MS) events.push({ key: 'warning', kind: 'warning', atElapsedMs: totalMs - WARNING_BEFORE_MS });
  events.push({ key: 'expired', kind: 'expired', atElapsedMs: totalMs });
  return events
    .map((e) => {
      const dueInMs = e.atElapsedMs - state.elapsedMs;
      const dueAt = state.paused || state.stopped ? undefined : now + dueInMs;
      return { ...e, remainingMs: Math.max(0, totalMs - e.atElapsedMs), dueInMs, ...(dueAt !== undefined ? { dueAt } : {}) };
    })
    .sort((a, b) => a.atElapsedMs - b.atElapsedMs || (a.kind === 'expired' ? 1 : 0) - (b.kind === 'expired' ? 1 : 0));
}

/** True when the candidate advanced past phase `i` before its scheduled end (in running time). */
function leftEarly(timer: TimerData, i: number, endElapsed: number, now: number): boolean {
  return timer.advances.some((a) => a.at <= now && timer.phases.findIndex((p) => p.name === a.phase) > i && elapsedMsAt(timer, a.at) < endElapsed);
}

/**
 * The events still to come, soonest first. The adapter sets one timeout to the first one's `dueAt`
 * and asks again when it fires (or after pause/resume): no polling. Empty once stopped.
 */
export function nextEvents(timer: TimerData, now: number): TimerEvent[] {
  if (timer.stoppedAt !== undefined && now >= timer.stoppedAt) return [];
  return allEvents(timer, now).filter((e) => e.dueInMs > 0);
}

/**
 * Events that are due and not yet acknowledged, oldest first. After a reload, events shown before
 * (their keys are in `acknowledged`) are not shown again; those that fell due while the window was
 * closed are. The caller shows them and stores their keys as acknowledged.
 */
export function dueEvents(timer: TimerData, acknowledged: readonly string[], now: number): TimerEvent[] {
  const seen = new Set(acknowledged);
  return allEvents(timer, now).filter((e) => e.dueInMs <= 0 && !seen.has(e.key));
}

/** `mm:ss`, or `h:mm:ss` from one hour. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number): string => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}

/** The marks in front of the status text: plain characters by default, icon syntax in an editor. */
export interface StatusIcons {
  running: string;
  paused: string;
}

const PLAIN_ICONS: StatusIcons = { running: '⏱', paused: '⏸' };

/**
 * Status bar text: the phase and its time left, then the total left: `⏱ code 18:41 · 23:41`; in the last phase the
 * two are one (`⏱ test 04:10`); `⏱ overtime +02:10`; `⏸ clarify 04:00 · 44:00 (paused)`.
 * Times left round up, so the display reads 00:00 only when the time is really up.
 */
export function formatStatus(state: TimerState, icons: StatusIcons = PLAIN_ICONS): string {
  const icon = state.paused ? icons.paused : icons.running;
  const paused = state.paused ? ' (paused)' : '';
  if (state.expired) return `${icon} overtime +${formatDuration(state.overtimeMs)}${paused}`;
  const up = (ms: number): string => formatDuration(Math.ceil(ms / 1000) * 1000);
  const total = up(state.remainingMs);
  const phase = up(state.phaseRemainingMs);
  return `${icon} ${state.phase} ${phase}${phase === total ? '' : ` · ${total}`}${paused}`;
}
