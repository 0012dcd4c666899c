import { attemptDurationMs, type Attempt, type AttemptError, type AttemptStatus } from '../attempt';
import type { Difficulty, Phases, Problem } from '../pack/types';
import { PHASE_NAMES } from '../pack/types';
import { showValue } from '../runner/difference';
import { advanceToPhase, formatDuration, isTimerError, phaseTimesMs, resolvePhases, timerState, type PhasePlan, type TimerEvent, type TimerMode } from '../timer';

/**
 * What the editor's drill session decides without the editor: the timer mode from the setting, the
 * schedule, which due events to show after a reload, the words of notifications, tooltips, failure
 * messages and history rows. The adapter only displays what these return.
 */

/** The `drills.mode` setting as a timer mode: an interview is strict, practice is practice. */
export function timerModeOf(setting: 'interview' | 'practice'): TimerMode {
  return setting === 'practice' ? 'practice' : 'strict';
}

/**
 * An attempt's schedule: phases from the problem, then the pack's defaults, then the user's settings;
 * the total is the problem's minutes, or `totalMinutes` when a mock gives the problem a share of its budget.
 */
export function attemptPhases(
  problem: { phases?: Phases; minutes: number },
  packPhases: Phases | undefined,
  settingsPhases: Phases | undefined,
  totalMinutes?: number,
): PhasePlan[] {
  return resolvePhases(problem.phases, packPhases, settingsPhases, totalMinutes ?? problem.minutes);
}

/**
 * Reads the `drills.phases` setting: an object of minutes per phase. Unknown keys and values that are
 * not finite numbers ≥ 0 are dropped and reported; undefined when the value is not an object at all.
 */
export function parsePhasesSetting(raw: unknown): { phases: Phases; problems: string[] } | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const phases: Phases = {};
  const problems: string[] = [];
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (!(PHASE_NAMES as readonly string[]).includes(key)) {
      problems.push(`"${key}" is not a phase (use ${PHASE_NAMES.join(', ')})`);
      continue;
    }
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      problems.push(`${key}: ${JSON.stringify(value)} is not a number of minutes ≥ 0`);
      continue;
    }
    phases[key as keyof Phases] = value;
  }
  return { phases, problems };
}

/**
 * Of the events due while the window was closed, the ones worth showing: only the latest of each
 * kind (three phase ends missed in a row read as one message), in order. Every due key is still
 * acknowledged by the caller.
 */
export function latestPerKind(events: readonly TimerEvent[]): TimerEvent[] {
  const latest = new Map<TimerEvent['kind'], TimerEvent>();
  for (const e of events) {
    const seen = latest.get(e.kind);
    if (!seen || e.atElapsedMs >= seen.atElapsedMs) latest.set(e.kind, e);
  }
  return [...latest.values()].sort((a, b) => a.atElapsedMs - b.atElapsedMs);
}

/** A notification for a timer event: phase ends inform, the last minutes and the end warn. */
export interface EventNotice {
  severity: 'info' | 'warning';
  text: string;
}

/** The words of a timer event for a problem, as the candidate reads them. */
export function eventNotice(event: TimerEvent, mode: TimerMode, title: string): EventNotice {
  switch (event.kind) {
    case 'phase-end': {
      const left = event.remainingMs > 0 ? ` ${formatDuration(event.remainingMs)} left in total.` : '';
      return { severity: 'info', text: `${title}: the ${event.phase} phase is over. Next: ${event.nextPhase}.${left}` };
    }
    case 'warning':
      return { severity: 'warning', text: `${title}: ${Math.round(event.remainingMs / 60_000)} minutes left.` };
    case 'expired':
      return mode === 'strict'
        ? { severity: 'warning', text: `${title}: time is up. The attempt is closed and the solution is read-only; you have one final run of the hidden tests.` }
        : { severity: 'warning', text: `${title}: time is up. You are in overtime; the attempt stays open and the overtime is recorded.` };
  }
}

/** The status bar tooltip: the attempt, its phase plan with the current phase marked, and the time. */
export function timerTooltipMarkdown(attempt: Attempt, title: string, now: number): string {
  const state = timerState(attempt.timer, now);
  const rows = attempt.timer.phases.map((p, i) => {
    const mark = i === state.phaseIndex && !state.stopped ? '▶' : i < state.phaseIndex ? '✓' : '·';
    return `| ${mark} | ${p.name} | ${formatDuration(p.minutes * 60_000)} |`;
  });
  const status = attempt.status === 'in-progress' ? (state.paused ? 'paused' : 'in progress') : STATUS_TEXT[attempt.status];
  return [
    `**${title}** · ${attempt.language} · ${attempt.mode === 'strict' ? 'interview' : 'practice'} mode`,
    '',
    `Status: ${status}${attempt.finalRunOpen ? ' (one final run left)' : ''} · elapsed ${formatDuration(state.elapsedMs)} of ${formatDuration(state.totalMs)}${state.overtimeMs > 0 ? ` · overtime +${formatDuration(state.overtimeMs)}` : ''}`,
    '',
    '| | Phase | Length |',
    '|---|---|---|',
    ...rows,
    '',
    `Plan ${attempt.plan ? 'submitted' : 'not submitted yet'} · ${attempt.runs.length} run(s) · ${attempt.hintsRevealed.length} hint(s)`,
  ].join('\n');
}

const STATUS_TEXT: Record<AttemptStatus, string> = {
  'in-progress': 'in progress',
  solved: 'solved',
  'solved-late': 'solved late',
  failed: 'failed',
  abandoned: 'abandoned',
};

/** A value after its label: on the same line when it fits, pretty-printed and indented below it when not. */
export function labelledValue(label: string, value: unknown, width = 80): string {
  const shown = showValue(value, width);
  return shown.includes('\n') ? `${label}\n${shown.replace(/^/gm, '  ')}` : `${label} ${shown}`;
}

/**
 * The inputs of a hidden case, one `name = value` each, compact when it fits in `width` columns and
 * pretty-printed when not (long values are cut); empty for a case that does not exist.
 */
export function caseInputText(problem: Pick<Problem, 'function' | 'class' | 'cases'>, index: number, width = 80): string {
  const c = problem.cases[index];
  if (!c) return '';
  if (c.ops) return [labelledValue('ops =', c.ops, width), labelledValue('args =', c.opArgs ?? [], width)].join('\n');
  const params = problem.function?.params ?? [];
  return (c.args ?? []).map((value, i) => labelledValue(`${params[i]?.name ?? `arg${i + 1}`} =`, value, width)).join('\n');
}

/** A past attempt as a row of the history list. */
export interface HistoryRow {
  label: string;
  description: string;
  detail: string;
}

const OUTCOME_ICON: Record<AttemptStatus, string> = {
  'in-progress': '$(debug-pause)',
  solved: '$(pass-filled)',
  'solved-late': '$(pass)',
  failed: '$(error)',
  abandoned: '$(circle-slash)',
};

/**
 * A history row: the problem, then language · outcome · duration, then when and how it went, with the complexity
 * measured after its passing run against the stated one.
 */
export function historyRow(attempt: Attempt, title: string, now: number): HistoryRow {
  const outcome = attempt.status === 'in-progress' || attempt.finalRunOpen ? (attempt.finalRunOpen ? 'final run pending' : 'in progress') : STATUS_TEXT[attempt.status];
  const when = new Date(attempt.timer.startedAt).toISOString().slice(0, 16).replace('T', ' ');
  const lastRun = attempt.runs[attempt.runs.length - 1];
  const runs = lastRun ? `${attempt.runs.length} run(s), last ${lastRun.passed}/${lastRun.total} passed` : 'no run';
  // The measured class on the first line, where the list has room for it; the whole sentence (stated, measured,
  // slower or faster) ends the second.
  const complexity = attempt.complexity;
  const measured = !complexity ? '' : complexity.label.startsWith('not measured') ? ' · complexity not measured' : ` · measured ${complexity.label}`;
  return {
    label: `${OUTCOME_ICON[attempt.status]} ${title}`,
    description: `${attempt.language} · ${outcome} · ${formatDuration(attemptDurationMs(attempt, now))}${measured}`,
    detail: `${when} UTC · ${attempt.mode === 'strict' ? 'interview' : 'practice'} · ${runs} · ${attempt.hintsRevealed.length} hint(s)${complexity ? ` · ${complexity.sentence.replace(/^Complexity: /, '').replace(/\.$/, '')}` : ''}`,
  };
}

/** HINTS.md: the hints revealed so far, in order, and how many are left. */
export function hintsMarkdown(title: string, hints: readonly string[], revealed: number): string {
  const shown = hints.slice(0, revealed);
  const lines = [`# Hints: ${title}`, ''];
  shown.forEach((h, i) => lines.push(`## Hint ${i + 1} of ${hints.length}`, '', h, ''));
  const left = hints.length - shown.length;
  lines.push(left > 0 ? `_${left} more hint${left === 1 ? '' : 's'}: run "Drills: Reveal Next Hint". Each reveal is recorded with the attempt._` : '_No more hints._', '');
  return lines.join('\n');
}

/** The difficulty mixes offered when a mock starts, for `count` problems. */
export function mockMixes(count: number): { label: string; difficulty?: Partial<Record<Difficulty, number>> }[] {
  const mixes: { label: string; difficulty?: Partial<Record<Difficulty, number>> }[] = [{ label: 'Any difficulty' }];
  if (count === 1) {
    mixes.push({ label: 'Easy', difficulty: { easy: 1 } }, { label: 'Medium', difficulty: { medium: 1 } }, { label: 'Hard', difficulty: { hard: 1 } });
  } else {
    const medium = Math.ceil((count - 1) / 2);
    mixes.push(
      { label: `Warm-up: 1 easy, ${count - 1} medium`, difficulty: { easy: 1, medium: count - 1 } },
      { label: `Onsite: ${count - medium} medium, ${medium} hard`, difficulty: { medium: count - medium, hard: medium } },
      { label: 'All medium', difficulty: { medium: count } },
    );
  }
  return mixes;
}

export { definitionLineOf } from '../languages/registry';

/** The edge-case coverage of a run, as stored with the run in history. */
export interface RunCoverage {
  anticipated: string[];
  missed: string[];
  extra: string[];
  text: string;
}

/** A run as history keeps it, with the coverage it was shown. */
export type RunRecordWithCoverage = Attempt['runs'][number] & { coverage?: RunCoverage };

/** The attempt with its last run annotated with the coverage shown after that run; unchanged without a run. */
export function withLastRunCoverage(attempt: Attempt, coverage: { anticipated: { tag: string }[]; missed: { tag: string }[]; extra: string[]; text: string }): Attempt {
  const last = attempt.runs[attempt.runs.length - 1];
  if (!last) return attempt;
  const annotated: RunRecordWithCoverage = {
    ...last,
    coverage: { anticipated: coverage.anticipated.map((t) => t.tag), missed: coverage.missed.map((t) => t.tag), extra: [...coverage.extra], text: coverage.text },
  };
  return { ...attempt, runs: [...attempt.runs.slice(0, -1), annotated] };
}

/**
 * Moves an open attempt on to the phase after the current one (the candidate is ready early).
 * Refused when the attempt is closed or already in its last phase.
 */
export function advanceAttemptPhase(attempt: Attempt, now: number): Attempt | AttemptError {
  if (attempt.status !== 'in-progress') return { error: 'The attempt is closed.' };
  const state = timerState(attempt.timer, now);
  const next = attempt.timer.phases.slice(state.phaseIndex + 1).find((p) => p.minutes > 0) ?? attempt.timer.phases[state.phaseIndex + 1];
  if (!next) return { error: `The ${state.phase} phase is the last one.` };
  const timer = advanceToPhase(attempt.timer, next.name, now);
  if (isTimerError(timer)) return { error: timer.error };
  return { ...attempt, timer, phaseTimes: phaseTimesMs(timer, now) };
}
