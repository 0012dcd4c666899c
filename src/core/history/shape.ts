import { PHASE_NAMES } from '../pack/types';
import { LANGUAGE_IDS } from '../languages/registry';

/**
 * A hand-written shape check for stored attempts: history files are ours, but a disk, a sync tool
 * or a person may damage them, and a damaged attempt must be reported, not half-loaded.
 * Returns the first problem as a sentence naming the field, or undefined when the shape is right.
 */
export function attemptShapeProblem(value: unknown): string | undefined {
  if (!isObject(value)) return 'attempt is not an object';
  const a = value;
  return (
    str(a, 'attempt', 'id') ??
    str(a, 'attempt', 'packId') ??
    str(a, 'attempt', 'problemId') ??
    oneOf(a, 'attempt', 'language', LANGUAGE_IDS) ??
    str(a, 'attempt', 'solutionPath') ??
    str(a, 'attempt', 'attemptDir') ??
    oneOf(a, 'attempt', 'mode', ['strict', 'practice']) ??
    timerProblem(a.timer) ??
    phaseTimesProblem(a.phaseTimes) ??
    arrayOf(a, 'attempt', 'runs', runProblem) ??
    arrayOf(a, 'attempt', 'hintsRevealed', (h, at) => (isObject(h) ? (num(h, at, 'index') ?? num(h, at, 'at')) : `${at} is not an object`)) ??
    arrayOf(a, 'attempt', 'acknowledgedEvents', (e, at) => (typeof e === 'string' ? undefined : `${at} is not a string`)) ??
    oneOf(a, 'attempt', 'status', ['in-progress', 'solved', 'solved-late', 'failed', 'abandoned']) ??
    num(a, 'attempt', 'overtimeMs') ??
    optNum(a, 'attempt', 'planSubmittedAt') ??
    optNum(a, 'attempt', 'expiredAt') ??
    optNum(a, 'attempt', 'closedAt') ??
    (a.finalRunOpen !== undefined && typeof a.finalRunOpen !== 'boolean' ? 'attempt.finalRunOpen is not a boolean' : undefined) ??
    planProblem(a.plan)
  );
}

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(o: Obj, at: string, key: string): string | undefined {
  return typeof o[key] === 'string' ? undefined : `${at}.${key} is missing or not a string`;
}

function num(o: Obj, at: string, key: string): string | undefined {
  return typeof o[key] === 'number' && Number.isFinite(o[key]) ? undefined : `${at}.${key} is missing or not a number`;
}

function optNum(o: Obj, at: string, key: string): string | undefined {
  return o[key] === undefined ? undefined : num(o, at, key);
}

function oneOf(o: Obj, at: string, key: string, allowed: readonly string[]): string | undefined {
  return allowed.includes(o[key] as string) ? undefined : `${at}.${key} must be one of ${allowed.join(', ')} (found ${JSON.stringify(o[key])})`;
}

function arrayOf(o: Obj, at: string, key: string, item: (v: unknown, at: string) => string | undefined): string | undefined {
  const list = o[key];
  if (!Array.isArray(list)) return `${at}.${key} is missing or not a list`;
  for (let i = 0; i < list.length; i++) {
    const problem = item(list[i], `${at}.${key}[${i}]`);
    if (problem) return problem;
  }
  return undefined;
}

function timerProblem(t: unknown): string | undefined {
  if (!isObject(t)) return 'attempt.timer is missing or not an object';
  return (
    num(t, 'attempt.timer', 'startedAt') ??
    oneOf(t, 'attempt.timer', 'mode', ['strict', 'practice']) ??
    optNum(t, 'attempt.timer', 'stoppedAt') ??
    arrayOf(t, 'attempt.timer', 'phases', (p, at) => (isObject(p) ? (oneOf(p, at, 'name', PHASE_NAMES) ?? num(p, at, 'minutes')) : `${at} is not an object`)) ??
    (Array.isArray(t.phases) && t.phases.length === 0 ? 'attempt.timer.phases is empty' : undefined) ??
    arrayOf(t, 'attempt.timer', 'pauses', (p, at) => (isObject(p) ? (num(p, at, 'at') ?? optNum(p, at, 'resumedAt')) : `${at} is not an object`)) ??
    arrayOf(t, 'attempt.timer', 'advances', (p, at) => (isObject(p) ? (oneOf(p, at, 'phase', PHASE_NAMES) ?? num(p, at, 'at')) : `${at} is not an object`))
  );
}

function phaseTimesProblem(p: unknown): string | undefined {
  if (!isObject(p)) return 'attempt.phaseTimes is missing or not an object';
  for (const name of PHASE_NAMES) {
    const problem = num(p, 'attempt.phaseTimes', name);
    if (problem) return problem;
  }
  return undefined;
}

function runProblem(r: unknown, at: string): string | undefined {
  if (!isObject(r)) return `${at} is not an object`;
  return (
    num(r, at, 'at') ??
    (typeof r.late === 'boolean' ? undefined : `${at}.late is missing or not a boolean`) ??
    num(r, at, 'passed') ??
    num(r, at, 'failed') ??
    num(r, at, 'total') ??
    (r.error === undefined || typeof r.error === 'string' ? undefined : `${at}.error is not a string`) ??
    arrayOf(r, at, 'verdicts', (v, vat) =>
      isObject(v) ? (str(v, vat, 'name') ?? str(v, vat, 'verdict') ?? (Array.isArray(v.tags) ? undefined : `${vat}.tags is not a list`)) : `${vat} is not an object`,
    )
  );
}

function planProblem(p: unknown): string | undefined {
  if (p === undefined) return undefined;
  if (!isObject(p)) return 'attempt.plan is not an object';
  return (
    str(p, 'attempt.plan', 'invariant') ??
    str(p, 'attempt.plan', 'complexity') ??
    arrayOf(p, 'attempt.plan', 'statedTags', (t, at) => (typeof t === 'string' ? undefined : `${at} is not a string`)) ??
    arrayOf(p, 'attempt.plan', 'edgeCases', (e, at) => (isObject(e) ? (str(e, at, 'text') ?? num(e, at, 'line')) : `${at} is not an object`))
  );
}
