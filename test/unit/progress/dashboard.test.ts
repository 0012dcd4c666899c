import * as assert from 'node:assert/strict';
import type { ProblemSummary } from '../../../src/core/pack/types';
import { dashboardModel, mockView, PLAN_DAYS } from '../../../src/core/progress/dashboard';
import { addDays, dayOf, DAY_MS } from '../../../src/core/progress/days';
import { scheduleReviews } from '../../../src/core/progress/review';
import { startMockSession, linkMockAttempt } from '../../../src/core/attempt';
import { problem } from '../attempt/fixtures';
import { MIN, T0, makeAttempt } from './helpers';
import { makeDesign, makeRehearsal, type KindHistoryEntry } from './kindHelpers';

const DESIGNS = ['url-shortener', 'rate-limiter', 'news-feed', 'chat', 'metrics'].map((id) => ({ packId: 'builtin', id, title: `Design ${id}` }));
const ALL_STORIES = ['trade-off', 'incident', 'conflict', 'changed-mind', 'missed-goal', 'raised-bar'] as const;

/** The model with design drills and rehearsals beside the coding history, every coding topic done so kinds come next. */
function kindModel(entries: KindHistoryEntry[], opts: { now?: number; interviewDate?: string; written?: string[]; attempts?: ReturnType<typeof history> } = {}) {
  const attempts = opts.attempts ?? [];
  const now = opts.now ?? T0 + 2 * DAY_MS;
  const schedule = { ...(opts.interviewDate ? { interviewDate: opts.interviewDate } : {}) };
  return dashboardModel({
    attempts,
    problems: [],
    reviews: scheduleReviews(attempts, {}, schedule, entries),
    kindEntries: entries,
    designs: DESIGNS,
    stories: (opts.written ?? ALL_STORIES).map((type) => ({ type, written: true })),
    now,
    ...schedule,
  });
}

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

  it('gives each plan item its state from the history; without design prompts or stories those items are to do or not available', () => {
    const m = model();
    const items = Object.fromEntries(m.plan.weeks.flatMap((w) => w.items).map((i) => [i.id, i]));
    assert.deepEqual([items['coding:arrays'].state, items['coding:arrays'].done, items['coding:arrays'].target], ['done', 2, 2]);
    assert.deepEqual([items['coding:intervals'].state, items['coding:intervals'].done, items['coding:intervals'].target], ['done', 1, 1]);
    assert.equal(items['coding:trees'].state, 'todo');
    assert.equal(items['coding:dynamic-programming'].target, 2);
    assert.deepEqual([items['stories:written'].state, items['stories:written'].target], ['todo', 6]);
    assert.equal(items['stories:rehearsed'].state, 'todo');
    assert.equal(items.design.state, 'not-available', 'no design prompt in the packs');
    assert.equal(items['mock:design'].state, 'not-available');
    assert.equal(items['mock:coding'].state, 'todo');
    assert.deepEqual([items.review.state, items.review.note], ['in-progress', '2 due today']);
    assert.deepEqual(m.kinds.map((k) => [k.kind, k.available]), [['coding', true], ['story', true], ['design', true]]);
    assert.deepEqual(m.totals, { attempts: 3, solved: 2, problemsSolved: 2, designs: 0, rehearsals: 0 });
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
    assert.deepEqual(last.map((d) => [d.started, d.solved, d.designs, d.rehearsals]), [[2, 1, 0, 0], [1, 1, 0, 0], [0, 0, 0, 0]]);
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

  it('lays out stories written and rehearsed and design prompts done from the kind history', () => {
    const entries = [
      makeDesign({ id: 'd1', problemId: 'url-shortener', start: T0, score: 3 }),
      makeDesign({ id: 'd2', problemId: 'rate-limiter', start: T0 + 2 * 60 * MIN, score: 4 }),
      makeDesign({ id: 'd3', problemId: 'url-shortener', start: T0 + 4 * 60 * MIN, score: 4 }),
      makeDesign({ id: 'd4', problemId: 'news-feed', start: T0 + 6 * 60 * MIN, open: true }),
      makeRehearsal({ id: 's1', type: 'trade-off', start: T0, seconds: 170 }),
      makeRehearsal({ id: 's2', type: 'incident', start: T0 + MIN * 10, seconds: 200 }),
      makeRehearsal({ id: 's3', type: 'trade-off', start: T0 + MIN * 20, seconds: 150 }),
    ];
    const m = kindModel(entries, { written: ['trade-off', 'incident', 'conflict'] });
    const items = Object.fromEntries(m.plan.weeks.flatMap((w) => w.items).map((i) => [i.id, i]));
    assert.deepEqual([items['stories:written'].state, items['stories:written'].done, items['stories:written'].target], ['in-progress', 3, 6]);
    // The incident ran over three minutes: only the trade-off story counts as rehearsed in time.
    assert.deepEqual([items['stories:rehearsed'].state, items['stories:rehearsed'].done], ['in-progress', 1]);
    assert.deepEqual([items.design.state, items.design.done, items.design.target], ['in-progress', 2, 4]);
    // Without a date the last week starts two weeks from today: no design drill was in it yet.
    assert.equal(items['mock:design'].state, 'todo');
    assert.deepEqual([m.totals.designs, m.totals.rehearsals], [3, 3]);
    // The day before the interview every week is today: a design drill finished today is the design mock.
    const late = kindModel([...entries, makeDesign({ id: 'd5', problemId: 'chat', start: T0 + 16 * DAY_MS, score: 3 })], { now: T0 + 16 * DAY_MS + 180 * MIN, interviewDate: dayOf(T0 + 17 * DAY_MS) });
    assert.equal(late.plan.weeks[2].items.find((i) => i.id === 'mock:design')?.state, 'done');
  });

  it('plots failure-mode coverage and rubric scores per design drill, spoken length against three minutes per rehearsal, and counts them as activity', () => {
    const entries = [
      makeDesign({ id: 'd1', problemId: 'url-shortener', start: T0, score: 2, anticipated: 6 }),
      makeDesign({ id: 'd2', problemId: 'rate-limiter', start: T0 + DAY_MS, abandoned: true }),
      makeRehearsal({ id: 's1', type: 'incident', start: T0 + DAY_MS, seconds: 200 }),
      makeRehearsal({ id: 's2', type: 'pitch', start: T0 + DAY_MS + 5 * MIN, seconds: 100 }),
    ];
    const m = kindModel(entries);
    assert.deepEqual(m.series.designs.map((d) => [d.attemptId, d.title, d.status, d.coverage, d.anticipated, d.failureModes, d.rubricAverage]), [
      ['d1', 'Design url-shortener', 'rated', 0.75, 6, 8, 2],
      ['d2', 'Design rate-limiter', 'abandoned', undefined, undefined, undefined, undefined],
    ]);
    assert.deepEqual(m.series.stories.map((s) => [s.attemptId, s.title, s.spokenMinutes, s.targetMinutes, s.overtime]), [
      ['s1', 'A production incident', 3.33, 3, true],
      ['s2', 'Recruiter-screen pitch', 1.67, 2, false],
    ]);
    const last = m.series.activity.slice(-3);
    assert.deepEqual(last.map((d) => [d.designs, d.rehearsals]), [[1, 0], [1, 2], [0, 0]]);
  });

  it('suggests a story rehearsal or a design prompt due for review, with the action that starts it', () => {
    // A design rated 1 (Again) and a story told too long (Hard, two days) are both due two days on.
    const entries = [
      makeDesign({ id: 'd1', problemId: 'url-shortener', start: T0, score: 1 }),
      makeRehearsal({ id: 's1', type: 'incident', start: T0, seconds: 200, score: 4 }),
    ];
    const m = kindModel(entries);
    // The design (Again: one day) is the more overdue.
    assert.deepEqual(m.due.map((d) => [d.kind, d.problemId, d.title, d.overdueDays]), [
      ['design', 'url-shortener', 'Design url-shortener', 1],
      ['story', 'incident', 'A production incident', 0],
    ]);
    assert.deepEqual(m.next?.action, { kind: 'startDesign', packId: 'builtin', problemId: 'url-shortener', title: 'Design url-shortener' });
    const storyOnly = kindModel([entries[1]]);
    assert.deepEqual(storyOnly.next?.action, { kind: 'rehearse' });
    assert.match(storyOnly.next!.label, /Rehearse your story: A production incident/);
    // A story no longer in the bank cannot be rehearsed: the plan's next item comes instead.
    assert.deepEqual(kindModel([entries[1]], { written: [] }).next?.action, { kind: 'writeStories' });
    assert.deepEqual(m.recent.map((r) => [r.attemptId, r.title, r.rating]), [['d1', 'Design url-shortener', 'again'], ['s1', 'A production incident', 'hard']]);
  });

  it('suggests writing the stories, then rehearsing them, then a design prompt never done, as the plan goes', () => {
    assert.deepEqual(kindModel([], { written: ['trade-off'], now: T0 }).next?.action, { kind: 'writeStories' });
    const written = kindModel([], { now: T0 });
    assert.deepEqual(written.next?.action, { kind: 'rehearse' });
    // Every story rehearsed in time and one prompt done an hour ago (nothing due yet): a prompt never done, by title.
    const rehearsed = ALL_STORIES.map((type, i) => makeRehearsal({ id: `s${i}`, type, start: T0 - 60 * MIN + i * MIN, seconds: 150, score: 4 }));
    const done = makeDesign({ id: 'd1', problemId: 'chat', start: T0 - 60 * MIN, score: 4 });
    const next = kindModel([...rehearsed, done], { now: T0 + 30 * MIN });
    assert.deepEqual(next.due, []);
    assert.deepEqual(next.next?.action, { kind: 'startDesign', packId: 'builtin', problemId: 'metrics', title: 'Design metrics' });
  });
});
