import type { Attempt, AttemptStatus } from '../attempt/attempt';
import { coverageReport } from '../plan/coverage';
import { formatDuration } from '../timer/timer';
import { codingKind, type CodingSubject } from './coding/index';
import { DECISIONS_REQUIRED, DESIGN_RUBRIC, RUBRIC_MAX } from './design/format';
import type { DesignAttemptRecord } from './design/index';
import { REHEARSAL_RUBRIC, type StoryRehearsalRecord } from './story/rehearsal';
import type { Judgement } from './types';

/**
 * The mock loop: rounds of mixed kinds (a coding problem, a design prompt, a behavioural question…) with
 * breaks between them, under one schedule, and a report at the end: each round's outcome, time, coverage,
 * decision log and rubric, and the questions the candidate asked the interviewer. Pure: the moments come in
 * as `now`, the rounds' results as the records each kind keeps.
 */

/** The kinds a round of the loop can be. */
export type LoopRoundKind = 'coding' | 'design' | 'story';

/** A round as planned: what it is about and its length. */
export interface LoopRoundPlan {
  kind: LoopRoundKind;
  /** The problem id (coding, design) or the question id (story). */
  subjectId: string;
  packId?: string;
  /** The problem's title, or the question as asked. */
  title: string;
  minutes: number;
}

/** Coverage of what a strong answer names: edge-case tags (coding) or failure modes (design). */
export interface LoopCoverage {
  anticipated: string[];
  missed: string[];
}

/** What a round came to, from the record its kind keeps. */
export type LoopRoundOutcome =
  | { kind: 'coding'; status: AttemptStatus; judgement: Judgement; coverage?: LoopCoverage }
  | { kind: 'design'; status: DesignAttemptRecord['status']; judgement: Judgement; coverage?: LoopCoverage; decisions?: number }
  | { kind: 'story'; judgement: Judgement; storyMatches: boolean; overtime: boolean };

/** A round of a loop under way: the plan, when it started and ended, and its outcome. */
export interface LoopRound extends LoopRoundPlan {
  startedAt?: number;
  endedAt?: number;
  /** The candidate moved on without doing the round. */
  skipped?: boolean;
  outcome?: LoopRoundOutcome;
  /** The attempt or history entry the round's drill saved, to find it again after a reload. */
  ref?: string;
}

export interface LoopSession {
  id: string;
  startedAt: number;
  /** Minutes between two rounds. */
  breakMinutes: number;
  rounds: LoopRound[];
  /** The questions the candidate asked the interviewer, written at the end (empty: none written). */
  questionsAsked?: string[];
  finishedAt?: number;
}

/** A refused step, with a message for the candidate. */
export interface LoopError {
  error: string;
}

/** True when a step was refused. */
export function isLoopError(value: unknown): value is LoopError {
  return typeof value === 'object' && value !== null && typeof (value as LoopError).error === 'string' && !('rounds' in value);
}

/** A break between rounds when nobody says otherwise. */
export const DEFAULT_BREAK_MINUTES = 10;

/** A new loop: the rounds in order, a break after each but the last. */
export function planLoop(input: { id: string; rounds: readonly LoopRoundPlan[]; breakMinutes?: number }, now: number): LoopSession {
  if (input.rounds.length === 0) throw new Error('planLoop: a loop needs at least one round');
  for (const r of input.rounds) if (!(r.minutes > 0)) throw new Error(`planLoop: round "${r.title}" has ${r.minutes} minutes`);
  const breakMinutes = input.breakMinutes ?? DEFAULT_BREAK_MINUTES;
  if (!(breakMinutes >= 0)) throw new Error(`planLoop: a break of ${breakMinutes} minutes`);
  return { id: input.id, startedAt: now, breakMinutes, rounds: input.rounds.map((r) => ({ ...r })) };
}

/** One slot of the planned schedule, in ms from the loop's start. */
export interface LoopSlot {
  kind: 'round' | 'break';
  /** The round, or for a break the round it follows. */
  round: number;
  startMs: number;
  endMs: number;
}

/** The planned schedule: round, break, round, …, round. */
export function loopSchedule(session: LoopSession): LoopSlot[] {
  const slots: LoopSlot[] = [];
  let at = 0;
  session.rounds.forEach((r, i) => {
    slots.push({ kind: 'round', round: i, startMs: at, endMs: (at += r.minutes * 60_000) });
    if (i < session.rounds.length - 1 && session.breakMinutes > 0) slots.push({ kind: 'break', round: i, startMs: at, endMs: (at += session.breakMinutes * 60_000) });
  });
  return slots;
}

/** Where the loop stands: in a round, on a break, ready for the next round, asking for the questions, or done. */
export type LoopStage = 'round' | 'break' | 'ready' | 'questions' | 'done';

export interface LoopState {
  stage: LoopStage;
  /** The round under way, or the next one (break, ready). */
  round?: number;
  /** Time left of the round or the break; negative in a round's overtime. */
  remainingMs?: number;
  /** Since the loop started. */
  elapsedMs: number;
  /** The planned length of the whole loop. */
  plannedMs: number;
}

/** The loop's state at `now`. */
export function loopState(session: LoopSession, now: number): LoopState {
  const slots = loopSchedule(session);
  const base = { elapsedMs: Math.max(0, (session.finishedAt ?? now) - session.startedAt), plannedMs: slots[slots.length - 1].endMs };
  if (session.finishedAt !== undefined) return { stage: 'done', ...base };
  const current = session.rounds.findIndex((r) => r.endedAt === undefined);
  if (current < 0) return { stage: 'questions', ...base };
  const round = session.rounds[current];
  if (round.startedAt !== undefined) return { stage: 'round', round: current, remainingMs: round.startedAt + round.minutes * 60_000 - now, ...base };
  const previous = session.rounds[current - 1];
  if (previous?.endedAt !== undefined) {
    const breakLeft = previous.endedAt + session.breakMinutes * 60_000 - now;
    if (breakLeft > 0) return { stage: 'break', round: current, remainingMs: breakLeft, ...base };
  }
  return { stage: 'ready', round: current, ...base };
}

/** Starts round `index`: the rounds before it are over, and a break can be cut short. */
export function startLoopRound(session: LoopSession, index: number, now: number, ref?: string): LoopSession | LoopError {
  const state = loopState(session, now);
  if (state.stage === 'done' || state.stage === 'questions') return { error: 'Every round is over.' };
  if (state.round !== index) return { error: `Round ${index + 1} is not next: round ${(state.round ?? 0) + 1} is.` };
  if (state.stage === 'round') return { error: `Round ${index + 1} has started already.` };
  return withRound(session, index, { startedAt: now, ...(ref !== undefined ? { ref } : {}) });
}

/** Ends the round under way with its outcome. */
export function endLoopRound(session: LoopSession, index: number, outcome: LoopRoundOutcome, now: number): LoopSession | LoopError {
  const round = session.rounds[index];
  if (!round || round.startedAt === undefined || round.endedAt !== undefined) return { error: `Round ${index + 1} is not under way.` };
  if (outcome.kind !== round.kind) return { error: `Round ${index + 1} is a ${round.kind} round, not ${outcome.kind}.` };
  return withRound(session, index, { endedAt: now, outcome });
}

/** Skips the next round (or the one under way): it ends now with no outcome. */
export function skipLoopRound(session: LoopSession, index: number, now: number): LoopSession | LoopError {
  const state = loopState(session, now);
  if (state.round !== index) return { error: `Round ${index + 1} is not the current one.` };
  return withRound(session, index, { skipped: true, startedAt: session.rounds[index].startedAt ?? now, endedAt: now });
}

/** Ends the loop with the questions the candidate asked the interviewer (blank lines dropped). */
export function finishLoop(session: LoopSession, questions: readonly string[], now: number): LoopSession | LoopError {
  if (session.finishedAt !== undefined) return { error: 'The loop is already over.' };
  const asked = questions.map((q) => q.trim()).filter((q) => q !== '');
  // Rounds not done when the candidate stops count as skipped.
  const rounds = session.rounds.map((r) => (r.endedAt === undefined ? { ...r, skipped: true, startedAt: r.startedAt ?? now, endedAt: now } : r));
  return { ...session, rounds, questionsAsked: asked, finishedAt: now };
}

function withRound(session: LoopSession, index: number, change: Partial<LoopRound>): LoopSession {
  return { ...session, rounds: session.rounds.map((r, i) => (i === index ? { ...r, ...change } : r)) };
}

/** A coding round's outcome: the coding kind's judgement and the edge-case coverage of the last run. */
export function codingRoundOutcome(subject: CodingSubject, attempt: Attempt): LoopRoundOutcome {
  const last = attempt.runs[attempt.runs.length - 1];
  const outcome: LoopRoundOutcome = { kind: 'coding', status: attempt.status, judgement: codingKind.judge(subject, attempt) };
  const cases = last && last.verdicts.length > 0 ? last.verdicts : (subject.problem.cases ?? []).map((c) => [...c.tags]);
  if (attempt.plan && cases.length > 0) {
    const report = coverageReport(cases, attempt.plan.statedTags);
    outcome.coverage = { anticipated: report.anticipated.map((t) => t.tag), missed: report.missed.map((t) => t.tag) };
  }
  return outcome;
}

/** A design round's outcome from the record history keeps: the rubric, the failure modes and the decision log. */
export function designRoundOutcome(record: DesignAttemptRecord): LoopRoundOutcome {
  const outcome: LoopRoundOutcome = {
    kind: 'design',
    status: record.status,
    judgement: { score: record.score, max: record.max, criteria: record.rubric.map((r) => ({ id: r.id, title: DESIGN_RUBRIC.find((c) => c.id === r.id)?.title ?? r.id, score: r.score, max: RUBRIC_MAX })), summary: record.status === 'rated' ? `${record.score}/${record.max}` : 'Not scored.' },
  };
  if (record.gate) {
    outcome.coverage = { anticipated: [...record.gate.anticipated], missed: [...record.gate.missed] };
    outcome.decisions = record.gate.decisions;
  }
  return outcome;
}

/** A behavioural round's outcome from the rehearsal's record: the self-rating, the story chosen, the time. */
export function storyRoundOutcome(record: StoryRehearsalRecord): LoopRoundOutcome {
  return {
    kind: 'story',
    judgement: { score: record.score, max: record.max, criteria: record.rating.map((r) => ({ id: r.id, title: REHEARSAL_RUBRIC.find((c) => c.id === r.id)?.title ?? r.id, score: r.score, max: RUBRIC_MAX })), summary: `${record.score}/${record.max}` },
    storyMatches: record.storyMatches,
    overtime: record.overtime,
  };
}

/** One round as the report shows it. */
export interface LoopReportRound {
  kind: LoopRoundKind;
  title: string;
  outcome: string;
  usedMs: number;
  plannedMs: number;
  /** Edge cases (coding) or failure modes (design): `3 of 5 anticipated; missed: …`. */
  coverage?: string;
  /** Design: decisions logged with an alternative, of those required. */
  decisionLog?: string;
  /** The rubric or the coding judgement, `score/max`. */
  score?: string;
}

export interface LoopReport {
  rounds: LoopReportRound[];
  /** From the loop's start to its end. */
  totalMs: number;
  plannedMs: number;
  /** The questions the candidate asked; the pack's suggestions when they wrote none. */
  questions: { asked: string[]; suggestions: string[] };
}

const KIND_TITLE: Record<LoopRoundKind, string> = { coding: 'Coding', design: 'System design', story: 'Behavioural' };

/** The report of a loop at `now`; `suggestions` are the pack's questions to ask an interviewer. */
export function loopReport(session: LoopSession, suggestions: readonly string[], now: number): LoopReport {
  const state = loopState(session, now);
  const rounds = session.rounds.map((r): LoopReportRound => {
    const end = r.endedAt ?? (r.startedAt !== undefined ? now : undefined);
    const row: LoopReportRound = { kind: r.kind, title: r.title, outcome: roundOutcomeText(r), usedMs: r.startedAt !== undefined && end !== undefined ? Math.max(0, end - r.startedAt) : 0, plannedMs: r.minutes * 60_000 };
    const o = r.outcome;
    if (o && (o.kind === 'coding' || o.kind === 'design') && o.coverage) row.coverage = coverageText(o.coverage, o.kind === 'coding' ? 'edge-case tags' : 'failure modes');
    if (o?.kind === 'design' && o.decisions !== undefined) row.decisionLog = `${o.decisions} of ${DECISIONS_REQUIRED} decisions with an alternative`;
    if (o && o.judgement.max > 0) row.score = `${o.judgement.score}/${o.judgement.max}`;
    return row;
  });
  const asked = session.questionsAsked ?? [];
  return { rounds, totalMs: state.elapsedMs, plannedMs: state.plannedMs, questions: { asked, suggestions: asked.length === 0 ? [...suggestions] : [] } };
}

function roundOutcomeText(r: LoopRound): string {
  if (r.skipped) return 'skipped';
  const o = r.outcome;
  if (!o) return r.startedAt !== undefined ? 'under way' : 'not started';
  switch (o.kind) {
    case 'coding':
      return o.status === 'solved-late' ? 'solved late' : o.status;
    case 'design':
      return o.status === 'rated' ? 'rated' : o.status;
    case 'story':
      return `${o.storyMatches ? 'a story that answers the question' : 'a story that does not answer the question'}${o.overtime ? ', over time' : ''}`;
  }
}

function coverageText(c: LoopCoverage, what: string): string {
  const total = c.anticipated.length + c.missed.length;
  return `${c.anticipated.length} of ${total} ${what} anticipated${c.missed.length > 0 ? `; missed: ${c.missed.join(', ')}` : ''}`;
}

/** The report as Markdown: a table of rounds, then the questions asked (or the pack's suggestions). */
export function loopReportMarkdown(report: LoopReport): string {
  const cell = (s: string | undefined) => (s ?? '—').replace(/\|/g, '\\|');
  const lines = [
    '# Mock loop report',
    '',
    `Total ${formatDuration(report.totalMs)} of ${formatDuration(report.plannedMs)} planned.`,
    '',
    '| Round | Kind | Outcome | Time | Coverage | Decision log | Score |',
    '|---|---|---|---|---|---|---|',
    ...report.rounds.map((r, i) => `| ${i + 1}. ${cell(r.title)} | ${KIND_TITLE[r.kind]} | ${cell(r.outcome)} | ${formatDuration(r.usedMs)} / ${formatDuration(r.plannedMs)} | ${cell(r.coverage)} | ${cell(r.decisionLog)} | ${cell(r.score)} |`),
    '',
    '## Questions you asked the interviewer',
    '',
  ];
  if (report.questions.asked.length > 0) lines.push(...report.questions.asked.map((q) => `- ${q}`));
  else {
    lines.push('_You wrote none. Questions worth asking:_', '');
    lines.push(...(report.questions.suggestions.length > 0 ? report.questions.suggestions.map((q) => `- ${q}`) : ['- (the pack suggests none)']));
  }
  lines.push('');
  return lines.join('\n');
}
