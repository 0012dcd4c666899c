import * as assert from 'node:assert/strict';
import {
  recordComplexity,
  expire,
  linkMockAttempt,
  mockAttemptMinutes,
  mockReport,
  mockSessionState,
  pickMockProblems,
  recordRun,
  revealHint,
  skipMockProblem,
  startMockSession,
  submitPlan,
  type ProblemState,
} from '../../../src/core/attempt';
import { MIN, PLAN, T0, newAttempt, ok, problem, run } from './fixtures';

/** A fixed sequence standing in for Math.random. */
function seq(...values: number[]): () => number {
  let i = 0;
  return () => values[i++ % values.length];
}

const POOL = [
  problem('e1', 'easy', ['arrays']),
  problem('e2', 'easy', ['strings']),
  problem('m1', 'medium', ['arrays', 'hashing']),
  problem('m2', 'medium', ['graphs']),
  problem('m3', 'medium', ['Arrays']),
  problem('h1', 'hard', ['graphs']),
];

describe('pickMockProblems', () => {
  const never = (): ProblemState => 'new';

  it('follows the difficulty mix and orders easy to hard', () => {
    const pick = pickMockProblems(POOL, { count: 3, difficulty: { hard: 1, easy: 1, medium: 1 } }, never, Math.random);
    assert.deepEqual(pick.problems.map((p) => p.difficulty), ['easy', 'medium', 'hard']);
    assert.equal(pick.note, undefined);
  });

  it('filters by topic without regard to case', () => {
    const pick = pickMockProblems(POOL, { count: 5, topics: ['arrays'] }, never, seq(0.3));
    assert.deepEqual(pick.problems.map((p) => p.id).sort(), ['e1', 'm1', 'm3']);
    assert.match(pick.note ?? '', /only 3 problems match \(asked for 5\)/);
  });

  it('puts unsolved problems first', () => {
    const states: Record<string, ProblemState> = { e1: 'solved', e2: 'solved', m1: 'solved-late', m2: 'new', m3: 'failed', h1: 'solved' };
    const pick = pickMockProblems(POOL, { count: 2, unsolvedFirst: true }, (p) => states[p.id], seq(0.9, 0.1, 0.5));
    assert.deepEqual(pick.problems.map((p) => p.id).sort(), ['m2', 'm3']);
  });

  it('depends only on the injected randomness', () => {
    const a = pickMockProblems(POOL, { count: 3 }, never, seq(0.2, 0.7, 0.4, 0.9, 0.1));
    const b = pickMockProblems(POOL, { count: 3 }, never, seq(0.2, 0.7, 0.4, 0.9, 0.1));
    assert.deepEqual(a, b);
    const c = pickMockProblems(POOL, { count: 3 }, never, seq(0.99));
    const d = pickMockProblems(POOL, { count: 3 }, never, seq(0));
    assert.notDeepEqual(c.problems.map((p) => p.id).sort(), d.problems.map((p) => p.id).sort());
  });

  it('says when the mix asks for more than there is and tops up from the rest', () => {
    const pick = pickMockProblems(POOL, { count: 3, difficulty: { hard: 2 } }, never, seq(0.5));
    assert.equal(pick.problems.length, 3);
    assert.match(pick.note ?? '', /only 1 hard problem available \(asked for 2\)/);
  });
});

describe('mock sessions', () => {
  it('shares the budget between problems in proportion to their minutes', () => {
    const s = startMockSession({ id: 'm', problems: [problem('a', 'easy', [], 20), problem('b', 'hard', [], 40)], totalMinutes: 45 }, T0);
    assert.deepEqual(s.problems.map((p) => p.minutes), [15, 30]);
    assert.equal(s.mode, 'strict');
    const own = startMockSession({ id: 'm', problems: [problem('a', 'easy', [], 20), problem('b', 'hard', [], 40)] }, T0);
    assert.equal(own.totalMinutes, 60);
  });

  it('never gives an attempt more time than the session has left', () => {
    const s = startMockSession({ id: 'm', problems: [problem('a', 'easy', [], 30), problem('b', 'easy', [], 30)] }, T0);
    assert.equal(mockAttemptMinutes(s, 1, T0 + 10 * MIN), 30);
    assert.equal(mockAttemptMinutes(s, 1, T0 + 45 * MIN), 15);
    assert.equal(mockAttemptMinutes(s, 1, T0 + 70 * MIN), 0);
    assert.deepEqual(mockSessionState(s, T0 + 70 * MIN), { elapsedMs: 70 * MIN, remainingMs: 0, expired: true });
  });
});

describe('mockReport', () => {
  it('reports outcome, time, runs, hints, coverage and a score per problem, and renders Markdown', () => {
    let session = startMockSession({ id: 'm', problems: [problem('a', 'easy', [], 30), problem('b', 'medium', [], 30), problem('c|x', 'hard', [], 30)] }, T0);
    // Problem a: planned, one failing run, then solved in 20 minutes with one hint.
    let a = newAttempt('strict', 'att-a', 'a', 30);
    a = ok(submitPlan(a, PLAN, T0 + 5 * MIN));
    a = ok(revealHint(a, 3, T0 + 8 * MIN));
    a = ok(recordRun(a, run(['failed', 'passed'], [['ordering'], ['empty']]), T0 + 15 * MIN));
    a = ok(recordRun(a, run(['passed', 'passed', 'passed'], [['ordering'], ['empty'], ['duplicates']]), T0 + 20 * MIN));
    // Problem b: time ran out, the final run failed.
    let b = { ...newAttempt('strict', 'att-b', 'b', 30), timer: { ...newAttempt('strict', 'att-b', 'b', 30).timer, startedAt: T0 + 30 * MIN } };
    b = ok(expire(b, T0 + 60 * MIN));
    b = ok(recordRun(b, run(['failed'], [['large']]), T0 + 61 * MIN));
    session = linkMockAttempt(linkMockAttempt(session, 0, 'att-a'), 1, 'att-b');

    const report = mockReport(session, [a, b], T0 + 90 * MIN);
    assert.deepEqual(
      report.problems.map((p) => [p.problemId, p.outcome, p.timeSpentMs / MIN, p.runs, p.hints, p.score]),
      [['a', 'solved', 20, 2, 1, 85], ['b', 'failed', 30, 1, 0, 0], ['c|x', 'not-started', 0, 0, 0, 0]],
    );
    assert.equal(report.score, 28);
    assert.equal(report.solved, 1);
    assert.equal(report.problems[0].coverage?.text, 'Anticipated and passed: duplicates and empty. Missed: ordering (1 hidden case). Not tested: negative.');
    assert.match(report.problems[1].coverage?.text ?? '', /Missed: large \(1 hidden case, 1 failed\)/);
    assert.equal(report.problems[2].coverage, undefined);

    assert.match(report.markdown, /^# Mock interview, 2026-11-24 15:00 UTC/);
    assert.match(report.markdown, /\*\*Score: 28 \/ 100\*\* · solved 1 of 3 · time used 50:00 of 1:30:00/);
    assert.match(report.markdown, /\| 1 \| Title a \| easy \| ✅ solved \| 20:00 \/ 30:00 \| 2 \| 1 \| 85 \|/);
    assert.match(report.markdown, /\| 3 \| Title c\\\|x \| hard \| — not started \|/);
    assert.match(report.markdown, /3\. \*\*Title c\\\|x\*\*: no run, so no coverage\./);
  });

  it('shows the complexity measured after a passing run, one line per measured problem, and none without one', () => {
    let session = startMockSession({ id: 'm', problems: [problem('a', 'easy'), problem('b', 'easy')] }, T0);
    let a = newAttempt('strict', 'att-a', 'a', 30);
    a = ok(recordRun(a, run(['passed']), T0 + 10 * MIN));
    a = recordComplexity(a, { at: T0 + 10 * MIN, stated: 'O(n log n)', label: '≈ O(n²)', sentence: 'Complexity: you stated O(n log n); measured ≈ O(n²) — slower than stated.' });
    session = linkMockAttempt(session, 0, 'att-a');
    const report = mockReport(session, [a], T0 + 20 * MIN);
    assert.equal(report.problems[0].complexity, 'Complexity: you stated O(n log n); measured ≈ O(n²) — slower than stated.');
    assert.equal(report.problems[1].complexity, undefined);
    assert.match(report.markdown, /## Complexity\n\n1\. \*\*Title a\*\*: you stated O\(n log n\); measured ≈ O\(n²\) — slower than stated\.\n\n/);
    assert.doesNotMatch(report.markdown, /2\. \*\*Title b\*\*: you stated/);
    assert.doesNotMatch(mockReport(session, [], T0 + 20 * MIN).markdown, /## Complexity/);
  });

  it('reports a problem the candidate chose to skip as skipped, not as never started', () => {
    const session = skipMockProblem(startMockSession({ id: 'm', problems: [problem('a', 'easy'), problem('b', 'easy')] }, T0), 0);
    const report = mockReport(session, [], T0 + 20 * MIN);
    assert.deepEqual(report.problems.map((p) => p.outcome), ['skipped', 'not-started']);
    assert.match(report.markdown, /\| 1 \| Title a \| easy \| ⏭ skipped \|/);
    assert.throws(() => skipMockProblem(session, 5), /no problem at index 5/);
  });

  it('does not let hints drop a solved problem below the floor', () => {
    let a = newAttempt('strict', 'att-a', 'a', 30);
    for (let i = 0; i < 6; i++) a = ok(revealHint(a, 6, T0 + i * MIN));
    a = ok(recordRun(a, run(['passed']), T0 + 10 * MIN));
    const session = linkMockAttempt(startMockSession({ id: 'm', problems: [problem('a', 'easy')] }, T0), 0, 'att-a');
    assert.equal(mockReport(session, [a], T0 + 20 * MIN).problems[0].score, 40);
  });
});
