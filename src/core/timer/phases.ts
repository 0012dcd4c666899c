import { PHASE_NAMES, type PhaseName, type Phases } from '../pack/types';

/** One phase of a resolved schedule. `minutes` may be fractional (whole seconds). */
export interface PhasePlan {
  name: PhaseName;
  minutes: number;
}

/** Phase lengths used when nobody says otherwise: a 45-minute interview. */
export const DEFAULT_PHASES: Readonly<Record<PhaseName, number>> = { clarify: 5, plan: 10, code: 25, test: 5 };

/**
 * Resolves the four phase durations, in order clarify, plan, code, test.
 *
 * The rule:
 * 1. Each phase takes the first usable value among the problem's `phases`, the pack's defaults and
 *    the user's settings (a usable value is a finite number ≥ 0; 0 skips the phase).
 * 2. Without `totalMinutes`, phases nobody set take {@link DEFAULT_PHASES}; the total is their sum.
 * 3. With `totalMinutes` (the problem's `minutes`), the schedule always sums to it:
 *    - phases nobody set share what the set ones leave, in the proportions of DEFAULT_PHASES;
 *    - if nothing is left to share (set phases already fill or exceed the total), or every phase is
 *      set, all phases (unset ones at their defaults) are scaled proportionally to the total.
 * 4. Durations are rounded to whole seconds; the longest phase absorbs the rounding so the sum is exact.
 */
export function resolvePhases(problemPhases?: Phases, packDefaults?: Phases, settings?: Phases, totalMinutes?: number): PhasePlan[] {
  const chosen: Partial<Record<PhaseName, number>> = {};
  for (const name of PHASE_NAMES) {
    for (const source of [problemPhases, packDefaults, settings]) {
      const value = source?.[name];
      if (typeof value === 'number' && Number.isFinite(value) && value >= 0) {
        chosen[name] = value;
        break;
      }
    }
  }
  const unset = PHASE_NAMES.filter((n) => chosen[n] === undefined);
  const total = typeof totalMinutes === 'number' && Number.isFinite(totalMinutes) && totalMinutes > 0 ? totalMinutes : undefined;
  const minutes: Record<PhaseName, number> = { ...DEFAULT_PHASES, ...chosen };

  if (total !== undefined) {
    const setSum = PHASE_NAMES.reduce((s, n) => s + (chosen[n] ?? 0), 0);
    const left = total - setSum;
    if (unset.length > 0 && left > 0) {
      const weight = unset.reduce((s, n) => s + DEFAULT_PHASES[n], 0);
      for (const n of unset) minutes[n] = (left * DEFAULT_PHASES[n]) / weight;
    } else {
      const sum = PHASE_NAMES.reduce((s, n) => s + minutes[n], 0);
      for (const n of PHASE_NAMES) minutes[n] = sum > 0 ? (minutes[n] * total) / sum : n === 'code' ? total : 0;
    }
  }

  const seconds = PHASE_NAMES.map((n) => Math.round(minutes[n] * 60));
  const wantSeconds = Math.round((total ?? PHASE_NAMES.reduce((s, n) => s + minutes[n], 0)) * 60);
  // The longest phase absorbs the rounding drift (at most a couple of seconds), so none goes negative.
  const longest = seconds.indexOf(Math.max(...seconds));
  seconds[longest] += wantSeconds - seconds.reduce((a, b) => a + b, 0);
  return PHASE_NAMES.map((name, i) => ({ name, minutes: seconds[i] / 60 }));
}

/** Total minutes of a schedule. */
export function totalMinutesOf(phases: readonly PhasePlan[]): number {
  return phases.reduce((s, p) => s + p.minutes, 0);
}
