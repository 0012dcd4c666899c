import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { kindItemOf, ratingOfDesign, ratingOfRehearsal } from '../../../src/core/progress/kindReviews';
import { dueItems, reviewEvents, reviewForecast, scheduleReviews } from '../../../src/core/progress/review';
import { openReviews } from '../../../src/core/progress/reviewStore';
import { dayOf, DAY_MS } from '../../../src/core/progress/days';
import { openKindHistory } from '../../../src/core/kinds/history';
import { T0, makeAttempt } from './helpers';
import { makeDesign, makeRehearsal } from './kindHelpers';

describe('design drills and story rehearsals as reviews', () => {
  it('rates a design drill from its rubric, its failure-mode coverage and its probes', () => {
    assert.deepEqual(ratingOfDesign(makeDesign({ id: 'd', start: T0, abandoned: true }).record), { rating: 'again', reasons: ['abandoned'] });
    assert.equal(ratingOfDesign(makeDesign({ id: 'd', start: T0, score: 1 }).record)?.rating, 'again');
    const weakCoverage = ratingOfDesign(makeDesign({ id: 'd', start: T0, score: 4, anticipated: 5 }).record);
    assert.equal(weakCoverage?.rating, 'hard');
    assert.match(weakCoverage!.reasons.join(), /failure modes missed: /);
    assert.equal(ratingOfDesign(makeDesign({ id: 'd', start: T0, score: 2 }).record)?.rating, 'hard');
    const slowProbes = ratingOfDesign(makeDesign({ id: 'd', start: T0, score: 4, probeMinutes: [5, 6] }).record);
    assert.deepEqual(slowProbes, { rating: 'hard', reasons: ['2 of 2 probes answered over their time'] });
    assert.equal(ratingOfDesign(makeDesign({ id: 'd', start: T0, score: 3 }).record)?.rating, 'good');
    assert.equal(ratingOfDesign(makeDesign({ id: 'd', start: T0, score: 4 }).record)?.rating, 'easy');
    // Everything but one failure mode: not easy, though not hard either (7 of 8 is over three quarters).
    assert.equal(ratingOfDesign(makeDesign({ id: 'd', start: T0, score: 4, anticipated: 7 }).record)?.rating, 'good');
    assert.equal(ratingOfDesign(makeDesign({ id: 'd', start: T0, open: true }).record), undefined);
  });

  it('rates a rehearsal from the self-rating, the spoken length against three minutes and the story chosen', () => {
    assert.equal(ratingOfRehearsal(makeRehearsal({ id: 's', start: T0, seconds: 150, score: 1 }).record)?.rating, 'again');
    const long = ratingOfRehearsal(makeRehearsal({ id: 's', start: T0, seconds: 200, score: 4 }).record);
    assert.deepEqual(long, { rating: 'hard', reasons: ['spoken 3:20, over the 3:00 target'] });
    assert.equal(ratingOfRehearsal(makeRehearsal({ id: 's', start: T0, seconds: 150, score: 4, mismatched: true }).record)?.rating, 'hard');
    assert.equal(ratingOfRehearsal(makeRehearsal({ id: 's', start: T0, seconds: 150, score: 3 }).record)?.rating, 'good');
    assert.equal(ratingOfRehearsal(makeRehearsal({ id: 's', start: T0, seconds: 150, score: 4 }).record)?.rating, 'easy');
  });

  it('reviews a design prompt and a story as items of their own, beside coding problems', () => {
    const coding = makeAttempt({ id: 'a1', start: T0, ending: 'failed' });
    const design = makeDesign({ id: 'd1', problemId: 'url-shortener', start: T0 + 1000, score: 1 });
    const story = makeRehearsal({ id: 's1', type: 'incident', start: T0 + 2000, seconds: 200, score: 4 });
    assert.deepEqual(kindItemOf(story), { key: 'story:bank/incident', kind: 'story', packId: 'bank', id: 'incident' });
    const events = reviewEvents([coding], [story, design]);
    // In the order they finished: the rehearsal minutes in, the coding attempt at 20 minutes, the design at 35.
    assert.deepEqual(events.map((e) => [e.key, e.derived.rating]), [
      ['story:bank/incident', 'hard'],
      ['coding:builtin/two-sum', 'again'],
      ['design:builtin/url-shortener', 'again'],
    ]);
    const schedule = scheduleReviews([coding], { s1: 'good' }, {}, [design, story]);
    assert.deepEqual(Object.keys(schedule.items).sort(), ['coding:builtin/two-sum', 'design:builtin/url-shortener', 'story:bank/incident']);
    assert.deepEqual(schedule.items['story:bank/incident'].reviews.map((r) => [r.rating, r.derived, r.overridden]), [['good', 'hard', true]]);
    // Again brings the design back the next day; the story rated Good waits longer.
    const tomorrow = dayOf(T0 + DAY_MS);
    assert.deepEqual(dueItems(schedule, tomorrow).map((i) => i.key), ['coding:builtin/two-sum', 'design:builtin/url-shortener']);
    assert.equal(reviewForecast(schedule, dayOf(T0), 30).reduce((s, d) => s + d.due, 0), 3);
  });

  it('rebuilds a lost or damaged review file from coding attempts and the kind history alike', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-kind-reviews-'));
    try {
      const history = await openKindHistory(dir);
      const design = makeDesign({ id: 'design-d1', start: T0, score: 3 });
      const story = makeRehearsal({ id: 'story-s1', start: T0 + 1000, seconds: 150, score: 2 });
      await history.save(design);
      await history.save(story);
      const attempts = [makeAttempt({ id: 'a1', start: T0, ending: 'solved', after: 40 })];
      const store = openReviews(dir, { now: () => T0 });
      const first = await store.setOverride('story-s1', 'easy', attempts, {}, (await history.list()).entries);
      assert.equal(first.state.overrides['story-s1'], 'easy', 'an override of a rehearsal is kept');
      fs.rmSync(store.file);
      const rebuilt = await store.sync(attempts, {}, (await history.list()).entries);
      assert.deepEqual(Object.keys(rebuilt.state.items).sort(), ['coding:builtin/two-sum', 'design:builtin/url-shortener', 'story:bank/trade-off']);
      assert.equal(rebuilt.state.items['story:bank/trade-off'].reviews[0].rating, 'hard', 'the lost override is gone, the derived rating is back');
      fs.writeFileSync(store.file, '{ damaged');
      const repaired = await store.sync(attempts, {}, (await history.list()).entries);
      assert.equal(repaired.issues.length, 1);
      assert.deepEqual(repaired.state.items, rebuilt.state.items);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
