import type { Difficulty, ProblemSummary } from '../pack/types';
import { DIFFICULTIES } from '../pack/types';
import { coverageReport, type CoverageReport } from '../plan';
import { formatDuration, type TimerMode } from '../timer';
import { attemptDurationMs, type Attempt, type AttemptStatus } from './attempt';
import type { ProblemState } from './progress';

/**
 * Self-mock interviews: a few problems under one time budget, each solved as a strict attempt, and a
 * report at the end. Picking is random through the injected `random()`, so tests fix the order.
 */

export interface MockFilters {
  /** How many problems; with `difficulty`, the mix decides and `count` only tops it up. */
  count: number;
  /** How many of each difficulty, e.g. `{ easy: 1, medium: 2 }`. */
  difficulty?: Partial<Record<Difficulty, number>>;
  /** Keep problems with at least one of these topics (case-insensitive). */
  topics?: string[];
  /** Problems never solved come first: new, then failed or in progress, then solved late, then solved. */
  unsolvedFirst?: boolean;
}

export interface MockPick {
  problems: ProblemSummary[];
  /** Why fewer (or other) problems than asked were picked, for the user. */
  note?: string;
}

const UNSOLVED_RANK: Record<ProblemState, number> = { new: 0, failed: 1, 'in-progress': 1, 'solved-late': 2, solved: 3 };

/** Fisher–Yates with the injected randomness. */
function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.min(i, Math.floor(random() * (i + 1)));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Picks the problems of a mock: filter by topic, shuffle, unsolved first, then the difficulty mix; easiest first. */
export function pickMockProblems(
  candidates: readonly ProblemSummary[],
  filters: MockFilters,
  stateOf: (problem: ProblemSummary) => ProblemState,
  random: () => number,
): MockPick {
  const topics = filters.topics?.map((t) => t.toLowerCase()).filter((t) => t !== '');
  let pool = candidates.filter((p) => !topics || topics.length === 0 || p.topics.some((t) => topics.includes(t.toLowerCase())));
  pool = shuffled(pool, random);
  // A stable sort keeps the shuffled order within each rank.
  if (filters.unsolvedFirst) pool = pool.map((p, i) => ({ p, i, r: UNSOLVED_RANK[stateOf(p)] })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.p);

  const picked: ProblemSummary[] = [];
  const notes: string[] = [];
  if (filters.difficulty) {
    for (const d of DIFFICULTIES) {
      const want = Math.max(0, Math.floor(filters.difficulty[d] ?? 0));
      const got = pool.filter((p) => p.difficulty === d).slice(0, want);
      picked.push(...got);
      if (got.length < want) notes.push(`only ${got.length} ${d} problem${got.length === 1 ? '' : 's'} available (asked for ${want})`);
    }
  }
  const wanted = Math.max(picked.length, Math.floor(filters.count));
  for (const p of pool) {
    if (picked.length >= wanted) break;
    if (!picked.includes(p)) picked.push(p);
  }
  if (picked.length < wanted) notes.push(`only ${picked.length} problem${picked.length === 1 ? '' : 's'} match (asked for ${wanted})`);
  picked.sort((a, b) => DIFFICULTIES.indexOf(a.difficulty) - DIFFICULTIES.indexOf(b.difficulty));
  const pick: MockPick = { problems: picked };
  if (notes.length > 0) pick.note = `${notes.join('; ')}.`;
  return pick;
}

export interface MockProblem {
  packId: string;
  problemId: string;
  title: string;
  difficulty: Difficulty;
  /** This problem's share of the budget. */
  minutes: number;
  attemptId?: string;
  /** The candidate chose to skip this problem rather than start it. */
  skipped?: boolean;
}

export interface MockSession {
  id: string;
  startedAt: number;
  totalMinutes: number;
  mode: TimerMode;
  problems: MockProblem[];
}

/**
 * A new session. Without `totalMinutes` the budget is the sum of the problems' minutes; with it,
 * each problem's share is its minutes scaled to the budget (whole minutes, the longest absorbs the rounding).
 */
export function startMockSession(input: { id: string; problems: readonly ProblemSummary[]; totalMinutes?: number; mode?: TimerMode }, now: number): MockSession {
  if (input.problems.length === 0) throw new Error('startMockSession: a mock needs at least one problem');
  const own = input.problems.map((p) => Math.max(1, p.minutes));
  const sum = own.reduce((a, b) => a + b, 0);
  const total = input.totalMinutes !== undefined && input.totalMinutes > 0 ? Math.round(input.totalMinutes) : sum;
  const shares = own.map((m) => Math.max(1, Math.round((m * total) / sum)));
  const longest = shares.indexOf(Math.max(...shares));
  shares[longest] = Math.max(1, shares[longest] + total - shares.reduce((a, b) => a + b, 0));
  return {
    id: input.id,
    startedAt: now,
    totalMinutes: total,
    mode: input.mode ?? 'strict',
    problems: input.problems.map((p, i) => ({ packId: p.packId, problemId: p.id, title: p.title, difficulty: p.difficulty, minutes: shares[i] })),
  };
}

/** Time used and left of the whole session (wall clock: a mock does not pause). */
export function mockSessionState(session: MockSession, now: number): { elapsedMs: number; remainingMs: number; expired: boolean } {
  const elapsedMs = Math.max(0, now - session.startedAt);
  const totalMs = session.totalMinutes * 60_000;
  return { elapsedMs, remainingMs: Math.max(0, totalMs - elapsedMs), expired: elapsedMs >= totalMs };
}

/** Minutes for the attempt at problem `index` started now: its share, but never past the session's end. 0 when the session is over. */
export function mockAttemptMinutes(session: MockSession, index: number, now: number): number {
  const problem = session.problems[index];
  if (!problem) throw new Error(`mockAttemptMinutes: no problem at index ${index}`);
  const left = mockSessionState(session, now).remainingMs / 60_000;
  return Math.max(0, Math.min(problem.minutes, Math.floor(left * 60) / 60));
}

/** The session with the attempt started for problem `index` linked to it. */
export function linkMockAttempt(session: MockSession, index: number, attemptId: string): MockSession {
  if (!session.problems[index]) throw new Error(`linkMockAttempt: no problem at index ${index}`);
  return { ...session, problems: session.problems.map((p, i) => (i === index ? { ...p, attemptId } : p)) };
}

/** The session with problem `index` skipped: it is reported as such, and the mock goes on to the next one. */
export function skipMockProblem(session: MockSession, index: number): MockSession {
  if (!session.problems[index]) throw new Error(`skipMockProblem: no problem at index ${index}`);
  return { ...session, problems: session.problems.map((p, i) => (i === index ? { ...p, skipped: true } : p)) };
}

export interface MockProblemReport {
  problemId: string;
  title: string;
  difficulty: Difficulty;
  outcome: AttemptStatus | 'not-started' | 'skipped';
  timeSpentMs: number;
  allocatedMs: number;
  runs: number;
  hints: number;
  /** From the plan's stated tags and the last run's cases; absent without a run. */
  coverage?: CoverageReport;
  /** The complexity measured after a passing run, against the stated one; absent when none was measured. */
  complexity?: string;
  /** 0–100, see {@link mockReport}. */
  score: number;
}

export interface MockReport {
  sessionId: string;
  startedAt: number;
  problems: MockProblemReport[];
  solved: number;
  /** Mean of the problem scores, 0–100. */
  score: number;
  timeSpentMs: number;
  totalMs: number;
  markdown: string;
}

const BASE_SCORE: Record<MockProblemReport['outcome'], number> = {
  solved: 100,
  'solved-late': 50,
  'in-progress': 0,
  failed: 0,
  abandoned: 0,
  'not-started': 0,
  skipped: 0,
};

/** Each hint revealed before the attempt closed costs this share of the problem's score… */
export const HINT_PENALTY = 0.15;
/** …down to this floor, so a solution found with every hint still counts. */
export const HINT_FLOOR = 0.4;

/**
 * The end-of-mock report. A problem scores 100 when solved in time, 50 when solved late, 0 otherwise;
 * each hint revealed before closing takes 15% off (never below 40% of the base). The session's score
 * is the mean over its problems, not-started ones included.
 */
export function mockReport(session: MockSession, attempts: readonly Attempt[], now: number): MockReport {
  const byId = new Map(attempts.map((a) => [a.id, a]));
  const problems = session.problems.map((p): MockProblemReport => {
    const attempt = p.attemptId !== undefined ? byId.get(p.attemptId) : undefined;
    const allocatedMs = p.minutes * 60_000;
    if (!attempt) return { problemId: p.problemId, title: p.title, difficulty: p.difficulty, outcome: p.skipped ? 'skipped' : 'not-started', timeSpentMs: 0, allocatedMs, runs: 0, hints: 0, score: 0 };
    const closedAt = attempt.closedAt ?? now;
    const hints = attempt.hintsRevealed.filter((h) => h.at <= closedAt).length;
    const base = BASE_SCORE[attempt.status];
    const score = base === 0 ? 0 : Math.round(base * Math.max(HINT_FLOOR, 1 - HINT_PENALTY * hints));
    const report: MockProblemReport = {
      problemId: p.problemId,
      title: p.title,
      difficulty: p.difficulty,
      outcome: attempt.status,
      timeSpentMs: attemptDurationMs(attempt, now),
      allocatedMs,
      runs: attempt.runs.length,
      hints,
      score,
    };
    const lastRun = attempt.runs[attempt.runs.length - 1];
    if (lastRun && lastRun.verdicts.length > 0) report.coverage = coverageReport(lastRun.verdicts, attempt.plan?.statedTags ?? []);
    if (attempt.complexity) report.complexity = attempt.complexity.sentence;
    return report;
  });
  const score = Math.round(problems.reduce((s, p) => s + p.score, 0) / problems.length);
  const solved = problems.filter((p) => p.outcome === 'solved' || p.outcome === 'solved-late').length;
  const timeSpentMs = problems.reduce((s, p) => s + p.timeSpentMs, 0);
  const base = { sessionId: session.id, startedAt: session.startedAt, problems, solved, score, timeSpentMs, totalMs: session.totalMinutes * 60_000 };
  return { ...base, markdown: renderMockReport(base) };
}

const OUTCOME_TEXT: Record<MockProblemReport['outcome'], string> = {
  solved: '✅ solved',
  'solved-late': '🟡 solved late',
  'in-progress': '⏳ unfinished',
  failed: '❌ failed',
  abandoned: '⏹ abandoned',
  'not-started': '— not started',
  skipped: '⏭ skipped',
};

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** The report as Markdown: a summary line, a table, then coverage per problem. */
export function renderMockReport(report: Omit<MockReport, 'markdown'>): string {
  const when = new Date(report.startedAt).toISOString().slice(0, 16).replace('T', ' ');
  const lines = [
    `# Mock interview, ${when} UTC`,
    '',
    `**Score: ${report.score} / 100** · solved ${report.solved} of ${report.problems.length} · time used ${formatDuration(report.timeSpentMs)} of ${formatDuration(report.totalMs)}`,
    '',
    '| # | Problem | Difficulty | Outcome | Time | Runs | Hints | Score |',
    '|---|---|---|---|---|---|---|---|',
    ...report.problems.map(
      (p, i) =>
        `| ${i + 1} | ${cell(p.title)} | ${p.difficulty} | ${OUTCOME_TEXT[p.outcome]} | ${formatDuration(p.timeSpentMs)} / ${formatDuration(p.allocatedMs)} | ${p.runs} | ${p.hints} | ${p.score} |`,
    ),
    '',
    '## Edge-case coverage',
    '',
    ...report.problems.map((p, i) => `${i + 1}. **${cell(p.title)}**: ${p.coverage ? p.coverage.text : 'no run, so no coverage.'}`),
    '',
    ...(report.problems.some((p) => p.complexity)
      ? ['## Complexity', '', ...report.problems.flatMap((p, i) => (p.complexity ? [`${i + 1}. **${cell(p.title)}**: ${cell(p.complexity.replace(/^Complexity: /, ''))}`] : [])), '']
      : []),
    `Scoring: solved in time 100, solved late 50, otherwise 0; each hint takes ${HINT_PENALTY * 100}% off (down to ${HINT_FLOOR * 100}%).`,
    '',
  ];
  return lines.join('\n');
}
