import { createEmptyCard, fsrs, Rating, State, type Card, type Grade } from 'ts-fsrs';
import { attemptDurationMs, attemptTotalMs, isOpen, type Attempt } from '../attempt/attempt';
import { coverageReport } from '../plan/coverage';
import { addDays, dayOf, daysBetween, startOfDay, type Day } from './days';
import type { KindHistoryEntry } from '../kinds/history';
import { kindItemOf, kindReviewMoment, ratingOfKindEntry } from './kindReviews';
import { itemKey, type ItemKind } from './kinds';

/**
 * Spaced review with FSRS (ts-fsrs). Every closed attempt is a review of its problem; the rating comes
 * from what happened (see {@link ratingOfAttempt}) unless the candidate overrode it. The schedule is a
 * pure function of the attempts and the overrides, replayed in order: the stored review file is a record
 * of it that can always be rebuilt, never a second source of truth that could drift from the history.
 */

/** The four FSRS grades, as stored. */
export type ReviewRating = 'again' | 'hard' | 'good' | 'easy';
export const REVIEW_RATINGS: readonly ReviewRating[] = ['again', 'hard', 'good', 'easy'];

const GRADE: Record<ReviewRating, Grade> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };

/** An attempt solved within this share of its time, every hidden edge-case tag anticipated, rates Easy. */
export const EASY_TIME_SHARE = 0.6;

/** The rating an attempt earned, with the reasons in words. */
export interface DerivedRating {
  rating: ReviewRating;
  reasons: string[];
}

/**
 * The rating an attempt's outcome earns: failed or abandoned → again; solved late, with hints, or with
 * hidden edge-case tags the plan did not name → hard; solved within {@link EASY_TIME_SHARE} of the time
 * with every hidden tag anticipated → easy; otherwise solved → good. Undefined for an open attempt
 * (it is not a review yet).
 */
export function ratingOfAttempt(attempt: Attempt): DerivedRating | undefined {
  if (isOpen(attempt) || attempt.status === 'in-progress') return undefined;
  if (attempt.status === 'failed') return { rating: 'again', reasons: ['not solved'] };
  if (attempt.status === 'abandoned') return { rating: 'again', reasons: ['abandoned'] };
  const closedAt = attempt.closedAt ?? attempt.timer.startedAt;
  const reasons: string[] = [];
  if (attempt.status === 'solved-late') reasons.push('solved after the time was up');
  const hints = attempt.hintsRevealed.filter((h) => h.at <= closedAt).length;
  if (hints > 0) reasons.push(`${hints} hint${hints === 1 ? '' : 's'} used`);
  const coverage = edgeCoverageOf(attempt);
  if (coverage && coverage.missed.length > 0) reasons.push(`missed ${coverage.missed.join(', ')}`);
  if (reasons.length > 0) return { rating: 'hard', reasons };
  const share = attemptDurationMs(attempt, closedAt) / Math.max(1, attemptTotalMs(attempt));
  if (coverage && coverage.anticipated.length > 0 && share <= EASY_TIME_SHARE) {
    return { rating: 'easy', reasons: [`solved in ${Math.round(share * 100)}% of the time`, 'every hidden edge case anticipated'] };
  }
  return { rating: 'good', reasons: ['solved in time'] };
}

/** Hidden edge-case tags of the attempt's last run: which the plan named and which it missed. */
export function edgeCoverageOf(attempt: Attempt): { anticipated: string[]; missed: string[] } | undefined {
  const last = [...attempt.runs].reverse().find((r) => r.verdicts.length > 0);
  if (!last) return undefined;
  const report = coverageReport(last.verdicts, attempt.plan?.statedTags ?? []);
  return { anticipated: report.anticipated.map((t) => t.tag), missed: report.missed.map((t) => t.tag) };
}

/** The review item a coding attempt belongs to (design and story entries: {@link kindItemOf}). */
export function reviewItemOf(attempt: Attempt): { key: string; kind: ItemKind; packId: string; id: string } {
  return { key: itemKey('coding', attempt.packId, attempt.problemId), kind: 'coding', packId: attempt.packId, id: attempt.problemId };
}

/** One review of an item: which attempt, when, the rating used and the one the outcome gave. */
export interface ReviewEntry {
  attemptId: string;
  at: number;
  rating: ReviewRating;
  derived: ReviewRating;
  reasons: string[];
  overridden: boolean;
}

/** An item's FSRS card as stored (dates as epoch ms). */
export interface StoredCard {
  due: number;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  reps: number;
  lapses: number;
  state: 'new' | 'learning' | 'review' | 'relearning';
  lastReview?: number;
}

export interface ReviewItem {
  key: string;
  kind: ItemKind;
  packId: string;
  id: string;
  card: StoredCard;
  reviews: ReviewEntry[];
}

/** Everything review knows: items by key. */
export interface ReviewSchedule {
  items: Record<string, ReviewItem>;
}

export interface ScheduleOptions {
  /** The interview day (`YYYY-MM-DD`): no interval reaches past it. */
  interviewDate?: Day;
  /** Minutes east of UTC of the candidate's days. */
  offsetMinutes?: number;
}

/** Rating overrides by attempt id. */
export type RatingOverrides = Readonly<Record<string, ReviewRating>>;

const STATE_NAMES: Record<State, StoredCard['state']> = { [State.New]: 'new', [State.Learning]: 'learning', [State.Review]: 'review', [State.Relearning]: 'relearning' };

function toStored(card: Card): StoredCard {
  const stored: StoredCard = {
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    reps: card.reps,
    lapses: card.lapses,
    state: STATE_NAMES[card.state],
  };
  if (card.last_review) stored.lastReview = card.last_review.getTime();
  return stored;
}

function fromStored(card: StoredCard): Card {
  const state = (Object.keys(STATE_NAMES) as unknown as State[]).find((s) => STATE_NAMES[s] === card.state) ?? State.New;
  const result: Card = {
    due: new Date(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: 0,
    scheduled_days: card.scheduledDays,
    learning_steps: 0,
    reps: card.reps,
    lapses: card.lapses,
    state: Number(state) as State,
  };
  if (card.lastReview !== undefined) result.last_review = new Date(card.lastReview);
  return result;
}

/** A new item's card, due at `at`. */
export function newCard(at: number): StoredCard {
  return toStored(createEmptyCard(new Date(at)));
}

/**
 * The card after one review. Drills are day-sized, so FSRS's minute-long learning steps are off (every
 * interval is whole days), and no fuzz (the schedule is reproducible). With an interview date ahead, the
 * interval is capped by the days left: the card falls due on the interview day at the latest.
 */
export function reviewCard(card: StoredCard, at: number, rating: ReviewRating, options: ScheduleOptions = {}): StoredCard {
  const offset = options.offsetMinutes ?? 0;
  const daysLeft = options.interviewDate !== undefined ? daysBetween(dayOf(at, offset), options.interviewDate) : undefined;
  const cap = daysLeft !== undefined && daysLeft >= 1 ? daysLeft : undefined;
  const scheduler = fsrs({ enable_fuzz: false, enable_short_term: false, ...(cap !== undefined ? { maximum_interval: cap } : {}) });
  const next = toStored(scheduler.next(fromStored(card), new Date(at), GRADE[rating]).card);
  if (cap !== undefined && options.interviewDate !== undefined) {
    // The interval is whole days from the review; the interview day's start is the latest due.
    // (FSRS keeps Easy one day past Good even at its maximum interval, hence the clamp here too.)
    next.due = Math.min(next.due, startOfDay(options.interviewDate, offset));
    next.scheduledDays = Math.min(next.scheduledDays, cap);
  }
  return next;
}

/** One review of any kind: the entry (attempt) id, its item, when, and the rating its outcome earned. */
export interface ReviewEvent {
  attemptId: string;
  at: number;
  key: string;
  kind: ItemKind;
  packId: string;
  id: string;
  derived: DerivedRating;
}

/**
 * Every review in the history, oldest first: closed coding attempts, finished design drills and rated story
 * rehearsals (their ratings: {@link ratingOfAttempt} and core `kindReviews`).
 */
export function reviewEvents(attempts: readonly Attempt[], kinds: readonly KindHistoryEntry[] = []): ReviewEvent[] {
  const events: ReviewEvent[] = [];
  for (const attempt of attempts) {
    const derived = ratingOfAttempt(attempt);
    if (derived) events.push({ attemptId: attempt.id, at: reviewMoment(attempt), ...reviewItemOf(attempt), derived });
  }
  for (const entry of kinds) {
    const derived = ratingOfKindEntry(entry);
    if (derived) events.push({ attemptId: entry.id, at: kindReviewMoment(entry), ...kindItemOf(entry), derived });
  }
  return events.sort((a, b) => a.at - b.at || a.attemptId.localeCompare(b.attemptId));
}

/**
 * The review schedule from the attempts and kind entries (any order) and the overrides: each review,
 * oldest first, reviews its item with its rating (the override when there is one).
 */
export function scheduleReviews(attempts: readonly Attempt[], overrides: RatingOverrides = {}, options: ScheduleOptions = {}, kinds: readonly KindHistoryEntry[] = []): ReviewSchedule {
  const items: Record<string, ReviewItem> = {};
  for (const { attemptId, at, key, kind, packId, id, derived } of reviewEvents(attempts, kinds)) {
    const item = (items[key] ??= { key, kind, packId, id, card: newCard(at), reviews: [] });
    const override = overrides[attemptId];
    const rating = override ?? derived.rating;
    item.card = reviewCard(item.card, at, rating, options);
    item.reviews.push({ attemptId, at, rating, derived: derived.rating, reasons: derived.reasons, overridden: override !== undefined });
  }
  return { items };
}

/** When an attempt counts as reviewed: when it closed. */
export function reviewMoment(attempt: Attempt): number {
  return attempt.closedAt ?? attempt.timer.startedAt;
}

/** Items due on or before `today` (the candidate's day), most overdue first. */
export function dueItems(schedule: ReviewSchedule, today: Day, offsetMinutes = 0): ReviewItem[] {
  const end = startOfDay(addDays(today, 1), offsetMinutes);
  return Object.values(schedule.items)
    .filter((i) => i.card.due < end)
    .sort((a, b) => a.card.due - b.card.due || a.key.localeCompare(b.key));
}

/** How many items fall due on each of the `days` days from `today` (overdue ones count on today). */
export function reviewForecast(schedule: ReviewSchedule, today: Day, days: number, offsetMinutes = 0): { day: Day; due: number }[] {
  const out = Array.from({ length: Math.max(0, days) }, (_, i) => ({ day: addDays(today, i), due: 0 }));
  for (const item of Object.values(schedule.items)) {
    const index = Math.max(0, daysBetween(today, dayOf(item.card.due, offsetMinutes)));
    if (index < out.length) out[index].due++;
  }
  return out;
}
