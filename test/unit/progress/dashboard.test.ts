import * as assert from 'node:assert/strict';
import type { ProblemSummary } from '../../../src/core/pack/types';
import { dashboardModel, mockView, PLAN_DAYS } from '../../../src/core/progress/dashboard';
import { addDays, dayOf, DAY_MS } from '../../../src/core/progress/days';
import { scheduleReviews } from '../../../src/core/progress/review';
import { startMockSession, linkMockAttempt } from '../../../src/core/attempt';
import { problem } from '../attempt/fixtures';
import { MIN, T0, makeAttempt } from './helpers';

const PROBLEMS: ProblemSummary[] = [
  problem('two-sum', 'easy', ['arrays', 'hash-maps'], 45),
  problem('merge-intervals', 'medium', ['intervals', 'arrays'], 45),
  problem('tree-depth', 'easy', ['trees'], 45),
  problem('top-k', 'medium', ['heaps'], 45),
  problem('routes', 'hard', ['graphs', 'dynamic-programming'], 45),
  problem('edit-distance', 'medium', ['dynamic-programming'], 45),
];

function model(attempts = history(), interviewDate?: string, now = T0 + 2 * DAY_MS) {
  return dashboardModel({ attempts, problems: PROBLEMS, reviews: scheduleReviews(attempts, {}, interviewDate ? { interviewDate } : {}), now, ...(interviewDate ? { interviewDate } : {}) });
}

function history() {
  return [
    makeAttempt({ id: 'a1', problemId: 'two-sum', start: T0, ending: 'solved', after: 40, tags: ['empty', 'ordering'] }),
    makeAttempt({ id: 'a2', problemId: 'tree-depth', start: T0 + 60 * MIN, ending: 'failed', after: 45 }),
    makeAttempt({ id: 'a3', problemId: 'merge-intervals', start: T0 + DAY_MS, ending: 'solved', after: 20, tags: ['empty', 'duplicates'], firstRunFails: true }),
  ];
}

describe('the dashboard model', () => {
  it('lays the three-week plan out from today to the interview date, compressed or stretched', () => {
    const today = dayOf(T0 + 2 * DAY_MS);
    const tenDays = model(history(), addDays(today, 10));
    assert.equal(tenDays.daysLeft, 10);
    assert.deepEqual(tenDays.plan.weeks.map((w) => [w.from, w.to]), [
      [today, addDays(today, 2)],
      [addDays(today, 3), addDays(today, 5)],
      [addDays(today, 6), addDays(today, 9)],
    ]);
    const sixWeeks = model(history(), addDays(today, 42));
    assert.deepEqual(sixWeeks.plan.weeks.map((w) => w.from), [today, addDays(today, 14), addDays(today, 28)]);
    const none = model(history());
    assert.equal(none.plan.days, PLAN_DAYS);
    assert.equal(none.interviewDate, undefined);
    const tomorrow = model(history(), addDays(today, 1));
    assert.deepEqual(tomorrow.plan.weeks.map((w) => w.from), [today, today, today]);
    assert.equal(model(history(), addDays(today, -1)).plan.past, true);
  });

  it('gives each plan item its state from the history, and lists kinds Drills cannot run yet as not available', () => {
    const m = model();
    const items = Object.fromEntries(m.plan.weeks.flatMap((w) => w.items).map((i) => [i.id, i]));
    assert.deepEqual([items['coding:arrays'].state, items['coding:arrays'].done, items['coding:arrays'].target], ['done', 2, 2]);
    assert.deepEqual([items['coding:intervals'].state, items['coding:intervals'].done, items['coding:intervals'].target], ['done', 1, 1]);
    assert.equal(items['coding:trees'].state, 'todo');
    assert.equal(items['coding:dynamic-programming'].target, 2);
    assert.equal(items.stories.state, 'not-available');
    assert.equal(items.design.state, 'not-available');
    assert.equal(items['mock:design'].state, 'not-available');
    assert.equal(items['mock:coding'].state, 'todo');
    assert.deepEqual([items.review.state, items.review.note], ['in-progress', '2 due today']);
    assert.deepEqual(m.kinds.map((k) => [k.kind, k.available]), [['coding', true], ['story', false], ['design', false]]);
    assert.deepEqual(m.totals, { attempts: 3, solved: 2, problemsSolved: 2 });
  });

  it('suggests a problem due for review first, otherwise the next unfinished topic of the plan', () => {
    // Two days on, the failed tree attempt (Again: one day) is overdue and two-sum (Hard: two days) due today.
    const due = model();
    assert.deepEqual(due.due.map((d) => [d.problemId, d.overdueDays]), [['tree-depth', 1], ['two-sum', 0]]);
    assert.deepEqual(due.next?.action, { kind: 'startDrill', packId: 'builtin', problemId: 'tree-depth', title: 'Title tree-depth' });
    assert.match(due.next!.why, /1 day overdue/);
    const fresh = model(history(), undefined, T0 + 30 * MIN);
    assert.deepEqual(fresh.due, []);
    // Arrays is done; graphs is next in the plan's order, and its only problem is unsolved.
    assert.deepEqual(fresh.next?.action, { kind: 'startDrill', packId: 'builtin', problemId: 'routes', title: 'Title routes' });
  });

  it('draws solve times against the limit, pass rates by topic, edge cases anticipated, hints and activity', () => {
    const m = model();
    assert.deepEqual(m.series.solveTimes.map((p) => [p.attemptId, p.minutes, p.limitMinutes, p.status]), [
      ['a1', 40, 45, 'solved'],
      ['a2', 45, 45, 'failed'],
      ['a3', 20, 45, 'solved'],
    ]);
    const arrays = m.series.topics.find((t) => t.topic === 'arrays')!;
    assert.deepEqual([arrays.attempts, arrays.solved, arrays.passRate, arrays.firstRunPassRate], [2, 2, 1, 0.5]);
    const trees = m.series.topics.find((t) => t.topic === 'trees')!;
    assert.deepEqual([trees.passRate, trees.firstRunPassRate], [0, 0]);
    assert.deepEqual(m.series.edgeCases.map((e) => [e.attemptId, e.share]), [['a1', 0.5], ['a2', 1], ['a3', 1]]);
    assert.deepEqual(m.series.hints.map((h) => h.hints), [0, 0, 0]);
    const last = m.series.activity.slice(-3);
    assert.deepEqual(last.map((d) => [d.started, d.solved]), [[2, 1], [1, 1], [0, 0]]);
    assert.equal(m.forecast.length, 14);
    assert.equal(m.forecast[0].due, 2);
    assert.deepEqual(m.recent.map((r) => [r.attemptId, r.rating]), [['a3', 'easy'], ['a2', 'again'], ['a1', 'hard']]);
  });

  it('shows a mock with its report and the plots of its own attempts only', () => {
    const attempts = history();
    let session = startMockSession({ id: 'mock-1', problems: [PROBLEMS[0], PROBLEMS[2]], totalMinutes: 90 }, T0);
    session = linkMockAttempt(linkMockAttempt(session, 0, 'a1'), 1, 'a2');
    const view = mockView(session, attempts, PROBLEMS, T0 + DAY_MS);
    assert.equal(view.report.solved, 1);
    assert.equal(view.report.problems.length, 2);
    assert.deepEqual(view.series.solveTimes.map((p) => p.attemptId), ['a1', 'a2']);
    assert.equal(model(attempts, undefined, T0 + 30 * MIN).plan.weeks[2].items[0].state, 'todo');
    const withMock = dashboardModel({ attempts, problems: PROBLEMS, reviews: scheduleReviews(attempts), mocks: [session], now: T0 + DAY_MS });
    assert.equal(withMock.plan.weeks[2].items[0].state, 'done');
    assert.deepEqual(withMock.mocks, [{ id: 'mock-1', startedAt: T0, problems: 2 }]);
  });
});
