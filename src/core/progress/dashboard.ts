import { attemptDurationMs, attemptTotalMs, isOpen, type Attempt } from '../attempt/attempt';
import { mockReport, type MockReport, type MockSession } from '../attempt/mock';
import { DIFFICULTIES, type ProblemSummary } from '../pack/types';
import { addDays, dayOf, daysBetween, startOfDay, type Day } from './days';
import type { KindHistoryEntry } from '../kinds/history';
import { STORY_TYPES } from '../kinds/story/format';
import { designCoverage, kindItemOf, kindReviewMoment, storyTypeOfRecord, targetMsOf } from './kindReviews';
import { ITEM_KINDS, type ItemKind } from './kinds';
import { dueItems, edgeCoverageOf, reviewForecast, type ReviewRating, type ReviewSchedule } from './review';

/**
 * The dashboard's model: a pure function of the history, the problem index, the review schedule, the
 * interview date and today. The webview draws exactly this; nothing in it is computed in the view.
 */

/** A plan of this many days is laid out as is; more or fewer days stretch or compress its weeks. */
export const PLAN_DAYS = 21;
/** Coding topics of the first week, as the packs name them. */
export const PLAN_TOPICS = ['arrays', 'graphs', 'trees', 'heaps', 'intervals', 'dynamic-programming'] as const;
/** Problems solved per topic in the first week (12 over six topics). */
export const PER_TOPIC = 2;
/** Days shown in the activity strip, ending today. */
export const ACTIVITY_DAYS = 84;
/** Days of the review forecast, from today. */
export const FORECAST_DAYS = 14;

export type PlanItemState = 'done' | 'in-progress' | 'todo' | 'not-available';

/** Stories of the bank the plan asks for: every story type but the optional ones (six). */
export const PLAN_STORIES = STORY_TYPES.filter((t) => t.optional !== true).length;
/** Design prompts of the second week. */
export const PLAN_DESIGNS = 4;

/** What one click on an item does. */
export type PlanAction =
  | { kind: 'startDrill'; packId: string; problemId: string; title: string }
  | { kind: 'startMock' }
  | { kind: 'startDesign'; packId: string; problemId: string; title: string }
  | { kind: 'rehearse' }
  | { kind: 'writeStories' };

export interface PlanItem {
  id: string;
  /** The kind of drill, or the mock and review steps of the last week. */
  kind: ItemKind | 'mock' | 'review';
  label: string;
  state: PlanItemState;
  done?: number;
  target?: number;
  note?: string;
}

export interface PlanWeek {
  title: string;
  /** First and last day of the week as laid out to the interview date. */
  from: Day;
  to: Day;
  items: PlanItem[];
}

export interface PlanModel {
  /** The days from today up to (not including) the interview day; {@link PLAN_DAYS} without a date. */
  days: number;
  weeks: PlanWeek[];
  /** The week today falls in. */
  currentWeek: number;
  /** The interview day is behind us (the plan is shown as it stood). */
  past: boolean;
}

export interface NextItem {
  label: string;
  why: string;
  action: PlanAction;
}

export interface SolvePoint {
  at: number;
  attemptId: string;
  title: string;
  minutes: number;
  limitMinutes: number;
  status: Attempt['status'];
}

export interface TopicStats {
  topic: string;
  attempts: number;
  solved: number;
  passRate: number;
  /** Attempts whose first run passed every case, of those with a run. */
  firstRunPassRate: number;
  withRun: number;
}

/** A finished design drill: failure-mode coverage of its gate and its rubric scores. */
export interface DesignPoint {
  at: number;
  attemptId: string;
  title: string;
  status: 'rated' | 'abandoned';
  /** Share of the failure-mode checklist DESIGN.md named when the gate opened (absent: the gate never opened). */
  coverage?: number;
  anticipated?: number;
  failureModes?: number;
  /** Rubric average, 1 to 4 (absent when not scored). */
  rubricAverage?: number;
  rubric: { id: string; score: number }[];
}

/** A rehearsed story: how long it was spoken against its target. */
export interface StoryPoint {
  at: number;
  attemptId: string;
  /** The story told (its type's title). */
  title: string;
  question: string;
  spokenMinutes: number;
  targetMinutes: number;
  overtime: boolean;
  score: number;
  max: number;
}

export interface DashboardSeries {
  solveTimes: SolvePoint[];
  topics: TopicStats[];
  /** Share of the hidden edge-case tags the plan named, per attempt with tagged cases. */
  edgeCases: { at: number; attemptId: string; share: number; anticipated: number; tags: number }[];
  hints: { at: number; attemptId: string; hints: number }[];
  designs: DesignPoint[];
  stories: StoryPoint[];
  /** Per day, oldest first, ending today: coding attempts started and solved, design drills and rehearsals finished. */
  activity: { day: Day; started: number; solved: number; designs: number; rehearsals: number }[];
}

export interface DueEntry {
  key: string;
  kind: ItemKind;
  packId: string;
  problemId: string;
  title: string;
  dueDay: Day;
  overdueDays: number;
}

export interface RatedAttempt {
  attemptId: string;
  title: string;
  at: number;
  rating: ReviewRating;
  derived: ReviewRating;
  reasons: string[];
  overridden: boolean;
}

export interface DashboardModel {
  today: Day;
  interviewDate?: Day;
  /** Days from today to the interview day. */
  daysLeft?: number;
  kinds: { kind: ItemKind; label: string; available: boolean }[];
  plan: PlanModel;
  next?: NextItem;
  series: DashboardSeries;
  due: DueEntry[];
  forecast: { day: Day; due: number }[];
  /** The latest reviews, newest first, with their ratings to override. */
  recent: RatedAttempt[];
  /** Finished mocks, newest first. */
  mocks: { id: string; startedAt: number; problems: number }[];
  totals: { attempts: number; solved: number; problemsSolved: number; designs: number; rehearsals: number };
}

/** A story type of the bank and whether its story is written (the file exists and its checks pass). */
export interface BankStoryState {
  type: string;
  written: boolean;
}

export interface DashboardInput {
  attempts: readonly Attempt[];
  problems: readonly ProblemSummary[];
  /** Design drills and story rehearsals (the kind history). */
  kindEntries?: readonly KindHistoryEntry[];
  /** The design prompts of the packs. */
  designs?: readonly { packId: string; id: string; title: string }[];
  /** The story bank, by story type. */
  stories?: readonly BankStoryState[];
  reviews: ReviewSchedule;
  mocks?: readonly MockSession[];
  interviewDate?: Day;
  now: number;
  offsetMinutes?: number;
}

const SOLVED: ReadonlySet<Attempt['status']> = new Set(['solved', 'solved-late']);

/** The dashboard for the whole history. */
export function dashboardModel(input: DashboardInput): DashboardModel {
  const offset = input.offsetMinutes ?? 0;
  const today = dayOf(input.now, offset);
  const byKey = new Map<string, { title: string }>(input.problems.map((p) => [`${p.packId}/${p.id}`, p]));
  const titleOf = (packId: string, id: string, kind: ItemKind = 'coding') => itemTitle(input, byKey, kind, packId, id);
  const daysLeft = input.interviewDate !== undefined ? daysBetween(today, input.interviewDate) : undefined;
  const dueList = dueItems(input.reviews, today, offset);
  const due: DueEntry[] = dueList.map((i) => {
    const dueDay = dayOf(i.card.due, offset);
    return { key: i.key, kind: i.kind, packId: i.packId, problemId: i.id, title: titleOf(i.packId, i.id, i.kind), dueDay, overdueDays: Math.max(0, daysBetween(dueDay, today)) };
  });
  const plan = planModel(input, today, daysLeft, due.length);
  const model: DashboardModel = {
    today,
    kinds: (Object.keys(ITEM_KINDS) as ItemKind[]).map((kind) => ({ kind, label: ITEM_KINDS[kind].label, available: ITEM_KINDS[kind].available })),
    plan,
    series: seriesOf(input.attempts, input.problems, today, offset, input.kindEntries ?? [], input.designs ?? []),
    due,
    forecast: reviewForecast(input.reviews, today, FORECAST_DAYS, offset),
    recent: Object.values(input.reviews.items)
      .flatMap((item) => item.reviews.map((r) => ({ attemptId: r.attemptId, title: titleOf(item.packId, item.id, item.kind), at: r.at, rating: r.rating, derived: r.derived, reasons: r.reasons, overridden: r.overridden })))
      .sort((a, b) => b.at - a.at || b.attemptId.localeCompare(a.attemptId))
      .slice(0, 15),
    mocks: [...(input.mocks ?? [])].sort((a, b) => b.startedAt - a.startedAt).map((m) => ({ id: m.id, startedAt: m.startedAt, problems: m.problems.length })),
    totals: {
      attempts: input.attempts.length,
      solved: input.attempts.filter((a) => SOLVED.has(a.status)).length,
      problemsSolved: new Set(input.attempts.filter((a) => SOLVED.has(a.status)).map((a) => `${a.packId}/${a.problemId}`)).size,
      designs: finishedDesigns(input).length,
      rehearsals: rehearsals(input).length,
    },
  };
  if (input.interviewDate !== undefined) model.interviewDate = input.interviewDate;
  if (daysLeft !== undefined) model.daysLeft = daysLeft;
  const next = nextItem(input, plan, due);
  if (next) model.next = next;
  return model;
}

/** An item's title: the problem's or design prompt's, or the story type's; the id when it is gone. */
function itemTitle(input: DashboardInput, problems: ReadonlyMap<string, { title: string }>, kind: ItemKind, packId: string, id: string): string {
  if (kind === 'story') return STORY_TYPES.find((t) => t.id === id)?.title ?? id;
  if (kind === 'design') return input.designs?.find((d) => d.packId === packId && d.id === id)?.title ?? id;
  return problems.get(`${packId}/${id}`)?.title ?? id;
}

/** Splits `days` days from `today` into three weeks, in proportion (a week may be a single shared day). */
function weekSpans(today: Day, days: number): { from: Day; to: Day }[] {
  return [0, 1, 2].map((k) => {
    const start = Math.floor((days * k) / 3);
    const end = Math.max(start, Math.floor((days * (k + 1)) / 3) - 1);
    return { from: addDays(today, Math.min(start, Math.max(0, days - 1))), to: addDays(today, Math.min(end, Math.max(0, days - 1))) };
  });
}

function countState(done: number, target: number, started: boolean): PlanItemState {
  return done >= target ? 'done' : done > 0 || started ? 'in-progress' : 'todo';
}

/** The three-week plan laid out from today to the interview day, with each item's state from the history. */
function planModel(input: DashboardInput, today: Day, daysLeft: number | undefined, dueCount: number): PlanModel {
  const past = daysLeft !== undefined && daysLeft < 0;
  const days = daysLeft === undefined ? PLAN_DAYS : Math.max(1, daysLeft);
  const spans = weekSpans(today, days);
  const solvedKeys = new Set(input.attempts.filter((a) => SOLVED.has(a.status)).map((a) => `${a.packId}/${a.problemId}`));
  const openKeys = new Set(input.attempts.filter(isOpen).map((a) => `${a.packId}/${a.problemId}`));
  const codingItems: PlanItem[] = PLAN_TOPICS.map((topic) => {
    const inTopic = input.problems.filter((p) => p.topics.includes(topic) && p.languages.length > 0);
    const label = `Coding: ${topic.replace(/-/g, ' ')}`;
    if (inTopic.length === 0) return { id: `coding:${topic}`, kind: 'coding', label, state: 'not-available', target: PER_TOPIC, note: 'No problem on this topic in your packs.' };
    const target = Math.min(PER_TOPIC, inTopic.length);
    const done = inTopic.filter((p) => solvedKeys.has(`${p.packId}/${p.id}`)).length;
    const started = inTopic.some((p) => openKeys.has(`${p.packId}/${p.id}`));
    return { id: `coding:${topic}`, kind: 'coding', label, state: countState(done, target, started), done: Math.min(done, target), target };
  });
  const mocks = input.mocks ?? [];
  const everReviewed = Object.keys(input.reviews.items).length > 0;
  const { designs: designItem, designMock } = designPlanItems(input, startOfDay(spans[2].from, offsetOf(input)));
  const weeks: PlanWeek[] = [
    { title: 'Week 1: timed coding and stories', ...spans[0], items: [...codingItems, ...storyPlanItems(input)] },
    { title: 'Week 2: design prompts', ...spans[1], items: [designItem] },
    {
      title: 'Week 3: full mocks, then light review',
      ...spans[2],
      items: [
        { id: 'mock:coding', kind: 'mock', label: 'A full coding mock', state: countState(Math.min(mocks.length, 1), 1, false), done: Math.min(mocks.length, 1), target: 1 },
        designMock,
        {
          id: 'review',
          kind: 'review',
          label: 'Light review: every problem, prompt and story due is reviewed',
          state: !everReviewed ? 'todo' : dueCount === 0 ? 'done' : 'in-progress',
          ...(dueCount > 0 ? { note: `${dueCount} due today` } : {}),
        },
      ],
    },
  ];
  const currentWeek = past ? 2 : Math.max(0, weeks.findIndex((w) => daysBetween(w.from, today) >= 0 && daysBetween(today, w.to) >= 0));
  return { days, weeks, currentWeek, past };
}

function offsetOf(input: DashboardInput): number {
  return input.offsetMinutes ?? 0;
}

function rehearsals(input: DashboardInput) {
  return (input.kindEntries ?? []).flatMap((e) => (e.kind === 'story' && e.record.rating.length > 0 ? [e.record] : []));
}

function finishedDesigns(input: DashboardInput) {
  return (input.kindEntries ?? []).flatMap((e) => (e.kind === 'design' && e.record.status === 'rated' ? [e.record] : []));
}

/** Week 1's stories: written (the file is there and its checks pass), then each rehearsed within its time. */
function storyPlanItems(input: DashboardInput): PlanItem[] {
  const required = STORY_TYPES.filter((t) => t.optional !== true).map((t) => t.id as string);
  const written = (input.stories ?? []).filter((s) => s.written && required.includes(s.type)).length;
  const drafted = (input.stories ?? []).some((s) => required.includes(s.type));
  const inTime = new Set(rehearsals(input).filter((r) => !r.overtime).map((r) => storyTypeOfRecord(r)).filter((t): t is NonNullable<typeof t> => t !== undefined && required.includes(t)));
  const rehearsed = rehearsals(input).length > 0;
  return [
    { id: 'stories:written', kind: 'story', label: `${PLAN_STORIES} behavioural stories written`, state: countState(written, PLAN_STORIES, drafted), done: written, target: PLAN_STORIES },
    { id: 'stories:rehearsed', kind: 'story', label: 'Each story rehearsed aloud within three minutes', state: countState(inTime.size, PLAN_STORIES, rehearsed), done: inTime.size, target: PLAN_STORIES },
  ];
}

/** Week 2's design prompts done (scored), and week 3's design mock: a design drill finished in the last week. */
function designPlanItems(input: DashboardInput, lastWeekStart: number): { designs: PlanItem; designMock: PlanItem } {
  const prompts = input.designs ?? [];
  if (prompts.length === 0) {
    const note = 'No design prompt in your packs.';
    return {
      designs: { id: 'design', kind: 'design', label: `${PLAN_DESIGNS} design prompts`, state: 'not-available', target: PLAN_DESIGNS, note },
      designMock: { id: 'mock:design', kind: 'mock', label: 'A full design mock', state: 'not-available', target: 1, note },
    };
  }
  const finished = finishedDesigns(input);
  const target = Math.min(PLAN_DESIGNS, prompts.length);
  const done = new Set(finished.filter((r) => prompts.some((p) => p.packId === r.packId && p.id === r.problemId)).map((r) => `${r.packId}/${r.problemId}`)).size;
  const started = (input.kindEntries ?? []).some((e) => e.kind === 'design' && e.record.status === 'in-progress');
  const mockDone = finished.some((r) => (r.finishedAt ?? r.startedAt) >= lastWeekStart) ? 1 : 0;
  return {
    designs: { id: 'design', kind: 'design', label: `${target} design prompt${target === 1 ? '' : 's'}`, state: countState(Math.min(done, target), target, started), done: Math.min(done, target), target },
    designMock: { id: 'mock:design', kind: 'mock', label: 'A full design mock: one design drill, timed end to end', state: countState(mockDone, 1, false), done: mockDone, target: 1 },
  };
}

/** A design prompt to practise: never scored first, then the least recently done, then by title. */
function designFor(input: DashboardInput): { packId: string; id: string; title: string } | undefined {
  const last = new Map<string, number>();
  for (const r of finishedDesigns(input)) last.set(`${r.packId}/${r.problemId}`, Math.max(last.get(`${r.packId}/${r.problemId}`) ?? 0, r.finishedAt ?? r.startedAt));
  return [...(input.designs ?? [])].sort((a, b) => (last.get(`${a.packId}/${a.id}`) ?? -1) - (last.get(`${b.packId}/${b.id}`) ?? -1) || a.title.localeCompare(b.title))[0];
}

/** A problem to practise on a topic: never-solved first (new before failed), easiest first, then by title. */
function problemFor(input: DashboardInput, topic: string): ProblemSummary | undefined {
  const solved = new Set(input.attempts.filter((a) => SOLVED.has(a.status)).map((a) => `${a.packId}/${a.problemId}`));
  const tried = new Set(input.attempts.map((a) => `${a.packId}/${a.problemId}`));
  return input.problems
    .filter((p) => p.topics.includes(topic) && p.languages.length > 0 && !solved.has(`${p.packId}/${p.id}`))
    .sort(
      (a, b) =>
        Number(tried.has(`${a.packId}/${a.id}`)) - Number(tried.has(`${b.packId}/${b.id}`)) ||
        DIFFICULTIES.indexOf(a.difficulty) - DIFFICULTIES.indexOf(b.difficulty) ||
        a.title.localeCompare(b.title),
    )[0];
}

/**
 * Today's suggestion: a problem due for review (most overdue first) when one still exists in the packs;
 * otherwise the first unfinished item of the plan up to this week (catching up), then of later weeks.
 */
function nextItem(input: DashboardInput, plan: PlanModel, due: readonly DueEntry[]): NextItem | undefined {
  const runnable = new Set(input.problems.filter((p) => p.languages.length > 0).map((p) => `${p.packId}/${p.id}`));
  const designs = new Set((input.designs ?? []).map((d) => `${d.packId}/${d.id}`));
  const written = new Set((input.stories ?? []).map((s) => s.type));
  const startable = (d: DueEntry) =>
    d.kind === 'coding' ? runnable.has(`${d.packId}/${d.problemId}`) : d.kind === 'design' ? designs.has(`${d.packId}/${d.problemId}`) : written.has(d.problemId);
  const review = due.find(startable);
  if (review) {
    const why = review.overdueDays > 0 ? `Due for review since ${review.dueDay} (${review.overdueDays} day${review.overdueDays === 1 ? '' : 's'} overdue).` : 'Due for review today.';
    if (review.kind === 'story') return { label: `Rehearse your story: ${review.title}`, why, action: { kind: 'rehearse' } };
    return {
      label: `Review ${review.title}`,
      why,
      action: { kind: review.kind === 'design' ? 'startDesign' : 'startDrill', packId: review.packId, problemId: review.problemId, title: review.title },
    };
  }
  const order = [...plan.weeks.slice(0, plan.currentWeek + 1), ...plan.weeks.slice(plan.currentWeek + 1)];
  for (const week of order) {
    for (const item of week.items) {
      if (item.state === 'done' || item.state === 'not-available') continue;
      if (item.kind === 'coding') {
        const topic = item.id.slice('coding:'.length);
        const problem = problemFor(input, topic);
        if (problem) {
          return {
            label: `Solve ${problem.title}`,
            why: `${week.title.split(':')[0]}: ${item.label.replace(/^Coding: /, '')} (${item.done ?? 0} of ${item.target ?? 0} solved).`,
            action: { kind: 'startDrill', packId: problem.packId, problemId: problem.id, title: problem.title },
          };
        }
      }
      const where = `${week.title.split(':')[0]}: ${item.label} (${item.done ?? 0} of ${item.target ?? 0}).`;
      if (item.id === 'stories:written') return { label: 'Write your behavioural stories', why: where, action: { kind: 'writeStories' } };
      if (item.id === 'stories:rehearsed' && written.size > 0) return { label: 'Rehearse a story aloud', why: where, action: { kind: 'rehearse' } };
      if (item.id === 'design' || item.id === 'mock:design') {
        const design = designFor(input);
        if (design) return { label: `Design ${design.title}`, why: where, action: { kind: 'startDesign', packId: design.packId, problemId: design.id, title: design.title } };
      }
      if (item.id === 'mock:coding') return { label: 'Take a full coding mock', why: `${week.title.split(':')[0]}: ${item.label}.`, action: { kind: 'startMock' } };
    }
  }
  return undefined;
}

/** The plots' data for a set of attempts (the whole history, or one mock's). */
export function seriesOf(
  attempts: readonly Attempt[],
  problems: readonly ProblemSummary[],
  today: Day,
  offsetMinutes = 0,
  kindEntries: readonly KindHistoryEntry[] = [],
  designPrompts: readonly { packId: string; id: string; title: string }[] = [],
): DashboardSeries {
  const byKey = new Map(problems.map((p) => [`${p.packId}/${p.id}`, p]));
  const closed = attempts.filter((a) => !isOpen(a) && a.status !== 'in-progress').sort((a, b) => (a.closedAt ?? 0) - (b.closedAt ?? 0) || a.id.localeCompare(b.id));
  const solveTimes = closed.map((a) => ({
    at: a.closedAt ?? a.timer.startedAt,
    attemptId: a.id,
    title: byKey.get(`${a.packId}/${a.problemId}`)?.title ?? a.problemId,
    minutes: round2(attemptDurationMs(a, a.closedAt ?? a.timer.startedAt) / 60_000),
    limitMinutes: round2(attemptTotalMs(a) / 60_000),
    status: a.status,
  }));
  const topicMap = new Map<string, { attempts: number; solved: number; firstRunPassed: number; withRun: number }>();
  for (const a of closed) {
    for (const topic of byKey.get(`${a.packId}/${a.problemId}`)?.topics ?? []) {
      const t = topicMap.get(topic) ?? { attempts: 0, solved: 0, firstRunPassed: 0, withRun: 0 };
      t.attempts++;
      if (SOLVED.has(a.status)) t.solved++;
      const first = a.runs.find((r) => r.total > 0 || r.error !== undefined);
      if (first) {
        t.withRun++;
        if (!first.error && first.total > 0 && first.passed === first.total) t.firstRunPassed++;
      }
      topicMap.set(topic, t);
    }
  }
  const topics = [...topicMap.entries()]
    .map(([topic, t]) => ({ topic, attempts: t.attempts, solved: t.solved, passRate: round2(t.solved / t.attempts), firstRunPassRate: t.withRun === 0 ? 0 : round2(t.firstRunPassed / t.withRun), withRun: t.withRun }))
    .sort((a, b) => a.topic.localeCompare(b.topic));
  const edgeCases = closed.flatMap((a) => {
    const c = edgeCoverageOf(a);
    const tags = c ? c.anticipated.length + c.missed.length : 0;
    return c && tags > 0 ? [{ at: a.closedAt ?? a.timer.startedAt, attemptId: a.id, share: round2(c.anticipated.length / tags), anticipated: c.anticipated.length, tags }] : [];
  });
  const hints = closed.map((a) => ({ at: a.closedAt ?? a.timer.startedAt, attemptId: a.id, hints: a.hintsRevealed.filter((h) => h.at <= (a.closedAt ?? Infinity)).length }));
  const finishedKinds = kindEntries
    .filter((e) => (e.kind === 'design' ? e.record.status !== 'in-progress' : e.record.rating.length > 0))
    .sort((a, b) => kindReviewMoment(a) - kindReviewMoment(b) || a.id.localeCompare(b.id));
  const designs: DesignPoint[] = finishedKinds.flatMap((e) => {
    if (e.kind !== 'design') return [];
    const r = e.record;
    const point: DesignPoint = {
      at: kindReviewMoment(e),
      attemptId: e.id,
      title: designPrompts.find((d) => d.packId === r.packId && d.id === r.problemId)?.title ?? r.problemId,
      status: r.status === 'rated' ? 'rated' : 'abandoned',
      rubric: r.rubric.map((x) => ({ id: x.id, score: x.score })),
    };
    const coverage = designCoverage(r);
    if (coverage) Object.assign(point, { coverage: round2(coverage.share), anticipated: coverage.anticipated, failureModes: coverage.total });
    if (r.rubric.length > 0) point.rubricAverage = round2(r.rubric.reduce((s, x) => s + x.score, 0) / r.rubric.length);
    return [point];
  });
  const stories: StoryPoint[] = finishedKinds.flatMap((e) => {
    if (e.kind !== 'story' || e.record.spokenMs === undefined) return [];
    const item = kindItemOf(e);
    return [{
      at: kindReviewMoment(e),
      attemptId: e.id,
      title: STORY_TYPES.find((t) => t.id === item.id)?.title ?? item.id,
      question: e.record.question,
      spokenMinutes: round2(e.record.spokenMs / 60_000),
      targetMinutes: round2(targetMsOf(e.record) / 60_000),
      overtime: e.record.overtime,
      score: e.record.score,
      max: e.record.max,
    }];
  });
  const first = addDays(today, -(ACTIVITY_DAYS - 1));
  const activity = Array.from({ length: ACTIVITY_DAYS }, (_, i) => ({ day: addDays(first, i), started: 0, solved: 0, designs: 0, rehearsals: 0 }));
  for (const e of finishedKinds) {
    const i = daysBetween(first, dayOf(kindReviewMoment(e), offsetMinutes));
    if (i >= 0 && i < ACTIVITY_DAYS) activity[i][e.kind === 'design' ? 'designs' : 'rehearsals']++;
  }
  for (const a of attempts) {
    const i = daysBetween(first, dayOf(a.timer.startedAt, offsetMinutes));
    if (i >= 0 && i < ACTIVITY_DAYS) activity[i].started++;
    if (SOLVED.has(a.status) && a.closedAt !== undefined) {
      const j = daysBetween(first, dayOf(a.closedAt, offsetMinutes));
      if (j >= 0 && j < ACTIVITY_DAYS) activity[j].solved++;
    }
  }
  return { solveTimes, topics, edgeCases, hints, designs, stories, activity };
}

/** A finished mock as the dashboard shows it: the report (as in Markdown) and the same plots for its attempts. */
export interface MockView {
  report: Omit<MockReport, 'markdown'>;
  series: DashboardSeries;
}

/** The dashboard view of one mock. */
export function mockView(session: MockSession, attempts: readonly Attempt[], problems: readonly ProblemSummary[], now: number, offsetMinutes = 0): MockView {
  const ids = new Set(session.problems.map((p) => p.attemptId).filter((id): id is string => id !== undefined));
  const own = attempts.filter((a) => ids.has(a.id));
  const { markdown: _markdown, ...report } = mockReport(session, attempts, now);
  void _markdown;
  return { report, series: seriesOf(own, problems, dayOf(now, offsetMinutes), offsetMinutes) };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
