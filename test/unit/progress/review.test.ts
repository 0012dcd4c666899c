import * as assert from 'node:assert/strict';
import { addDays, dayOf, DAY_MS, parseDay, startOfDay } from '../../../src/core/progress/days';
import { dueItems, newCard, ratingOfAttempt, reviewCard, reviewForecast, scheduleReviews } from '../../../src/core/progress/review';
import { MIN, T0, makeAttempt } from './helpers';

describe('review ratings from outcomes', () => {
  it('rates a failed or abandoned attempt Again', () => {
    assert.equal(ratingOfAttempt(makeAttempt({ id: 'f', start: T0, ending: 'failed' }))?.rating, 'again');
    assert.equal(ratingOfAttempt(makeAttempt({ id: 'ab', start: T0, ending: 'abandoned' }))?.rating, 'again');
  });

  it('rates an attempt solved late, with a hint, or with a missed edge case Hard, saying why', () => {
    const late = ratingOfAttempt(makeAttempt({ id: 'l', start: T0, ending: 'solved-late' }));
    assert.equal(late?.rating, 'hard');
    assert.match(late!.reasons.join(' '), /after the time/);
    const hinted = ratingOfAttempt(makeAttempt({ id: 'h', start: T0, ending: 'solved', hints: 2 }));
    assert.deepEqual(hinted, { rating: 'hard', reasons: ['2 hints used'] });
    const missed = ratingOfAttempt(makeAttempt({ id: 'm', start: T0, ending: 'solved', tags: ['empty', 'ordering'] }));
    assert.deepEqual(missed, { rating: 'hard', reasons: ['missed ordering'] });
  });

  it('rates an attempt solved in time Good, and Easy only well inside the time with every hidden tag anticipated', () => {
    assert.equal(ratingOfAttempt(makeAttempt({ id: 'g', start: T0, ending: 'solved', after: 40, tags: ['empty'] }))?.rating, 'good');
    assert.equal(ratingOfAttempt(makeAttempt({ id: 'e', start: T0, ending: 'solved', after: 20, tags: ['empty', 'duplicates'] }))?.rating, 'easy');
  });

  it('does not rate an attempt still open', () => {
    assert.equal(ratingOfAttempt(makeAttempt({ id: 'o', start: T0, ending: 'open' })), undefined);
  });
});

describe('review scheduling', () => {
  it('schedules a problem from its attempts: Good then Again brings it back the next day', () => {
    const first = makeAttempt({ id: 'a1', start: T0, ending: 'solved', after: 40 });
    const schedule1 = scheduleReviews([first]);
    const item = schedule1.items['coding:builtin/two-sum'];
    assert.equal(item.reviews.length, 1);
    assert.equal(item.card.scheduledDays, 3);
    assert.equal(item.card.due, first.closedAt! + 3 * DAY_MS);
    const second = makeAttempt({ id: 'a2', start: first.closedAt! + 3 * DAY_MS, ending: 'failed' });
    const schedule2 = scheduleReviews([second, first]);
    const again = schedule2.items['coding:builtin/two-sum'];
    assert.deepEqual(again.reviews.map((r) => r.rating), ['good', 'again']);
    assert.equal(again.card.scheduledDays, 1);
    assert.equal(again.card.lapses, 1);
  });

  it('uses an override instead of the derived rating and keeps both', () => {
    const a = makeAttempt({ id: 'a1', start: T0, ending: 'solved', after: 40 });
    const schedule = scheduleReviews([a], { a1: 'easy' });
    const review = schedule.items['coding:builtin/two-sum'].reviews[0];
    assert.deepEqual([review.rating, review.derived, review.overridden], ['easy', 'good', true]);
    assert.ok(schedule.items['coding:builtin/two-sum'].card.scheduledDays > scheduleReviews([a]).items['coding:builtin/two-sum'].card.scheduledDays);
  });

  it('caps every interval by the days left to the interview date', () => {
    const at = T0;
    let card = newCard(at);
    card = reviewCard(card, at, 'easy');
    const uncapped = reviewCard(card, card.due, 'easy');
    assert.ok(uncapped.scheduledDays > 10, `uncapped interval ${uncapped.scheduledDays}`);
    const interview = addDays(dayOf(card.due), 4);
    const capped = reviewCard(card, card.due, 'easy', { interviewDate: interview });
    assert.equal(capped.scheduledDays, 4);
    assert.ok(capped.due <= startOfDay(interview));
    // An interview already past caps nothing.
    assert.equal(reviewCard(card, card.due, 'easy', { interviewDate: dayOf(card.due - DAY_MS) }).scheduledDays, uncapped.scheduledDays);
  });

  it('lists the items due today, most overdue first, and forecasts the days ahead', () => {
    const a = makeAttempt({ id: 'a', problemId: 'p-a', start: T0, ending: 'failed' });
    const b = makeAttempt({ id: 'b', problemId: 'p-b', start: T0 + 10 * MIN, ending: 'solved', after: 40 });
    const schedule = scheduleReviews([a, b]);
    const today = dayOf(T0);
    assert.deepEqual(dueItems(schedule, today), []);
    assert.deepEqual(dueItems(schedule, addDays(today, 1)).map((i) => i.id), ['p-a']);
    assert.deepEqual(dueItems(schedule, addDays(today, 5)).map((i) => i.id), ['p-a', 'p-b']);
    const forecast = reviewForecast(schedule, today, 5);
    assert.deepEqual(forecast.map((f) => f.due), [0, 1, 0, 1, 0]);
    assert.deepEqual(reviewForecast(schedule, addDays(today, 3), 2).map((f) => f.due), [2, 0]);
  });
});

describe('days', () => {
  it('counts days in the candidate\'s time zone and rejects impossible dates', () => {
    const lateEvening = Date.UTC(2026, 10, 24, 23, 30);
    assert.equal(dayOf(lateEvening), '2026-11-24');
    assert.equal(dayOf(lateEvening, 60), '2026-11-25');
    assert.equal(startOfDay('2026-11-25', 60), Date.UTC(2026, 10, 24, 23, 0));
    assert.equal(parseDay(' 2026-12-01 '), '2026-12-01');
    assert.equal(parseDay('2026-02-30'), undefined);
    assert.equal(parseDay('next week'), undefined);
  });
});
