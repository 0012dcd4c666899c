import type { Attempt } from '../../attempt/attempt';
import type { Phases, PhaseName, Problem } from '../../pack/types';
import { coverageReport, parsePlan, planTemplate, validatePlan } from '../../plan/index';
import { resolvePhases, type PhasePlan } from '../../timer/phases';
import { formatDuration, timerState } from '../../timer/timer';
import type { DrillKind, Finding, GateResult, Judgement, KindPhase, ScaffoldFile } from '../types';

/**
 * The coding kind: a problem with hidden tests. Its phases are clarify → plan → code → test; starting a drill
 * writes PLAN.md (the starter solution is the language's, copied by the editor's start); the gate is the plan
 * gate (four sections, three edge cases, a complexity statement); an attempt is judged by its last run, the
 * edge cases the plan anticipated and whether it was solved in time; history keeps the attempt itself.
 */

/** PLAN.md, scaffolded in every coding attempt folder: the document the plan gate reads. */
export const PLAN_FILE = 'PLAN.md';

/** What a coding drill is about: the problem, and where its schedule comes from. */
export interface CodingSubject {
  problem: Pick<Problem, 'title' | 'minutes' | 'phases'> & { cases?: readonly { tags: readonly string[] }[] };
  /** The pack's default phases. */
  packPhases?: Phases;
  /** The user's `drills.phases` setting. */
  settingsPhases?: Phases;
  /** A mock's share of its budget, in place of the problem's minutes. */
  totalMinutes?: number;
}

const PHASE_TITLES: Readonly<Record<PhaseName, string>> = { clarify: 'Clarify', plan: 'Plan', code: 'Code', test: 'Test' };

/** The schedule of a coding drill as the timer takes it. */
export function codingPhasePlan(subject: CodingSubject): PhasePlan[] {
  return resolvePhases(subject.problem.phases, subject.packPhases, subject.settingsPhases, subject.totalMinutes ?? subject.problem.minutes);
}

/** The plan gate as findings: each issue of PLAN.md at its line, an error. */
export function codingGate(text: string): GateResult {
  const findings: Finding[] = validatePlan(parsePlan(text)).map((issue) => ({
    line: Math.max(1, issue.line),
    column: 1,
    severity: 'error',
    code: issue.section ? `plan-${issue.section}` : 'plan',
    message: issue.message,
  }));
  return { passed: findings.length === 0, findings };
}

/** Scores a coding attempt: tests passed by the last run, edge cases anticipated, solved in time. */
export function judgeCoding(subject: CodingSubject, attempt: Attempt): Judgement {
  const last = attempt.runs[attempt.runs.length - 1];
  const tests = { id: 'tests', title: 'Hidden tests passed (last run)', score: last && !last.error ? last.passed : 0, max: last?.total ?? subject.problem.cases?.length ?? 0 };
  const caseTags = last && last.verdicts.length > 0 ? last.verdicts.map((v) => v.tags) : (subject.problem.cases ?? []).map((c) => [...c.tags]);
  const coverage = coverageReport(caseTags, attempt.plan?.statedTags ?? []);
  const tagCount = coverage.anticipated.length + coverage.missed.length;
  const edges = { id: 'edge-cases', title: 'Edge cases anticipated in the plan', score: coverage.anticipated.length, max: tagCount };
  const inTime = { id: 'in-time', title: 'Solved within the time', score: attempt.status === 'solved' ? 1 : 0, max: 1 };
  const criteria = [tests, edges, inTime];
  const took = formatDuration(timerState(attempt.timer, attempt.closedAt ?? attempt.timer.startedAt).elapsedMs);
  const outcome = attempt.status === 'solved' ? `Solved in ${took}` : attempt.status === 'solved-late' ? `Solved late, in ${took}` : attempt.status === 'in-progress' ? 'Not finished' : `Not solved (${attempt.status})`;
  const runs = last ? `${last.passed}/${last.total} cases on the last of ${attempt.runs.length} run(s)` : 'no run';
  const edgeText = tagCount > 0 ? `; ${coverage.anticipated.length} of ${tagCount} edge-case tags anticipated` : '';
  return {
    score: criteria.reduce((s, c) => s + c.score, 0),
    max: criteria.reduce((s, c) => s + c.max, 0),
    criteria,
    summary: `${outcome}: ${runs}${edgeText}.`,
  };
}

/** The coding kind, in the registry beside design and story. */
export const codingKind: DrillKind<CodingSubject, Attempt, Attempt> = {
  id: 'coding',
  title: 'Coding',
  phases: (subject): KindPhase[] => codingPhasePlan(subject).map((p) => ({ id: p.name, title: PHASE_TITLES[p.name], minutes: p.minutes })),
  scaffold: (subject): ScaffoldFile[] => [{ path: PLAN_FILE, content: planTemplate(subject.problem.title) }],
  gate: (_subject, text) => codingGate(text),
  judge: judgeCoding,
  // History keeps the attempt itself: its runs, plan, hints, phases and outcome.
  record: (_subject, attempt) => attempt,
};

