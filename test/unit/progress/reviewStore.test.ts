import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openReviews, REVIEWS_FILE } from '../../../src/core/progress/reviewStore';
import { scheduleReviews } from '../../../src/core/progress/review';
import { T0, makeAttempt } from './helpers';

describe('the review file', () => {
  let dir: string;
  const attempts = [makeAttempt({ id: 'a1', start: T0, ending: 'solved', after: 40 }), makeAttempt({ id: 'a2', problemId: 'p2', start: T0, ending: 'failed' })];
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-reviews-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is written versioned with the schedule replayed from the attempts', async () => {
    const store = openReviews(dir);
    const { state, issues } = await store.sync(attempts);
    assert.deepEqual(issues, []);
    const doc = JSON.parse(fs.readFileSync(path.join(dir, REVIEWS_FILE), 'utf8')) as { version: number; items: object };
    assert.equal(doc.version, 1);
    assert.deepEqual(doc.items, scheduleReviews(attempts).items);
    assert.deepEqual(state.items, scheduleReviews(attempts).items);
    assert.deepEqual(fs.readdirSync(dir), [REVIEWS_FILE]);
  });

  it('keeps an override across syncs and drops it with its attempt', async () => {
    const store = openReviews(dir);
    await store.setOverride('a1', 'hard', attempts);
    const again = await openReviews(dir).sync(attempts);
    assert.equal(again.state.overrides.a1, 'hard');
    assert.equal(again.state.items['coding:builtin/two-sum'].reviews[0].rating, 'hard');
    const cleared = await store.setOverride('a1', undefined, attempts);
    assert.equal(cleared.state.items['coding:builtin/two-sum'].reviews[0].rating, 'good');
    await store.setOverride('a2', 'good', attempts);
    const without = await store.sync(attempts.slice(0, 1));
    assert.deepEqual(without.state.overrides, {});
  });

  it('rebuilds a lost file from the attempts', async () => {
    const store = openReviews(dir);
    const first = await store.sync(attempts);
    fs.rmSync(store.file);
    const rebuilt = await store.sync(attempts);
    assert.deepEqual(rebuilt.state.items, first.state.items);
    assert.ok(fs.existsSync(store.file));
  });

  it('sets a damaged file aside, says so, and rebuilds it from the attempts', async () => {
    const store = openReviews(dir, { now: () => T0 });
    fs.writeFileSync(store.file, '{"version": 1, "overrides": {"a1": "superb"}, "items": {}}');
    const { state, issues } = await store.sync(attempts);
    assert.equal(issues.length, 1);
    assert.match(issues[0].message, /overrides\.a1 must be one of again, hard, good, easy/);
    assert.ok(issues[0].setAsidePath && fs.existsSync(issues[0].setAsidePath));
    assert.deepEqual(state.items, scheduleReviews(attempts).items);
    fs.writeFileSync(store.file, '{"version": 1, "overr');
    assert.match((await store.sync(attempts)).issues[0].message, /not valid JSON/);
    assert.equal(JSON.parse(fs.readFileSync(store.file, 'utf8')).version, 1);
  });

  it('leaves a file from a newer version alone and migrates an older one', async () => {
    const newer = '{"version": 7, "overrides": {}, "items": {}}';
    fs.writeFileSync(path.join(dir, REVIEWS_FILE), newer);
    const { issues, state } = await openReviews(dir).sync(attempts);
    assert.match(issues[0].message, /newer version/);
    assert.equal(fs.readFileSync(path.join(dir, REVIEWS_FILE), 'utf8'), newer);
    assert.equal(Object.keys(state.items).length, 2);
    await assert.rejects(openReviews(dir).setOverride('a1', 'easy', attempts), /newer version/);

    // A format 0 that called the overrides "ratings", upgraded by its migration and written back as format 1.
    fs.writeFileSync(path.join(dir, REVIEWS_FILE), '{"version": 0, "ratings": {"a1": "easy"}}');
    const migrations = { 0: (d: Record<string, unknown>) => ({ overrides: d.ratings, items: {} }) };
    const migrated = await openReviews(dir, { migrations }).sync(attempts);
    assert.deepEqual(migrated.issues, []);
    assert.equal(migrated.state.items['coding:builtin/two-sum'].reviews[0].rating, 'easy');
    assert.equal(JSON.parse(fs.readFileSync(path.join(dir, REVIEWS_FILE), 'utf8')).version, 1);
    fs.writeFileSync(path.join(dir, REVIEWS_FILE), '{"version": 0, "ratings": {}}');
    assert.match((await openReviews(dir).sync(attempts)).issues[0].message, /cannot be upgraded/);
  });
});
