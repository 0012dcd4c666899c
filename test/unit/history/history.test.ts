import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { finish, isAttemptError, recordRun, startAttempt, type Attempt } from '../../../src/core/attempt';
import { tempPathFor } from '../../../src/core/fs/atomicWrite';
import { HISTORY_VERSION, openHistory } from '../../../src/core/history';
import { resolvePhases } from '../../../src/core/timer';

const T0 = Date.UTC(2026, 10, 24, 15, 0, 0);
const MIN = 60_000;

function attempt(id: string, problemId: string, startedAt = T0): Attempt {
  return startAttempt(
    { id, packId: 'builtin', problemId, language: 'javascript', solutionPath: `/w/${id}.js`, attemptDir: `/w/${id}`, mode: 'strict', phases: resolvePhases() },
    startedAt,
  );
}

function closed(a: Attempt, at: number): Attempt {
  const done = finish(a, at);
  if (isAttemptError(done)) throw new Error(done.error);
  return done;
}

describe('history store', () => {
  let dir: string;
  const now = (): number => T0 + 90 * MIN;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-history-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('saves attempts as versioned JSON files and reads them back', async () => {
    const store = await openHistory(dir, { now });
    const a = attempt('a1', 'two-sum');
    await store.saveAttempt(a);
    const stored = JSON.parse(fs.readFileSync(path.join(dir, 'attempts', 'a1.json'), 'utf8')) as { version: number };
    assert.equal(stored.version, HISTORY_VERSION);
    assert.deepEqual(await store.getAttempt('a1'), { attempt: a });
    assert.deepEqual(await store.getAttempt('nope'), {});
    // A second store on the same folder (another window) sees it too.
    assert.deepEqual((await (await openHistory(dir)).listAttempts()).attempts, [a]);
  });

  it('lists attempts oldest first, filtered by problem, and finds the open one', async () => {
    const store = await openHistory(dir, { now });
    const old = closed(attempt('b-old', 'merge', T0), T0 + 10 * MIN);
    const open = attempt('a-open', 'merge', T0 + 60 * MIN);
    await store.saveAttempt(open);
    await store.saveAttempt(old);
    await store.saveAttempt(attempt('c', 'two-sum', T0 + 30 * MIN));
    const { attempts, issues } = await store.listAttempts({ problemId: 'merge' });
    assert.deepEqual(attempts.map((a) => a.id), ['b-old', 'a-open']);
    assert.deepEqual(issues, []);
    assert.equal((await store.activeAttempt('merge')).attempt?.id, 'a-open');
    assert.equal((await store.activeAttempt('merge', 'other-pack')).attempt, undefined);
    await store.saveAttempt(closed(open, T0 + 70 * MIN));
    assert.equal((await store.activeAttempt('merge')).attempt, undefined);
  });

  it('picks up a save made by another window', async () => {
    const mine = await openHistory(dir, { now });
    const theirs = await openHistory(dir, { now });
    const a = attempt('a1', 'two-sum');
    await mine.saveAttempt(a);
    assert.equal((await theirs.getAttempt('a1')).attempt?.runs.length, 0);
    const ran = recordRun(a, { cases: [{ name: 'c', tags: [], verdict: 'failed' }] }, T0 + MIN);
    if (isAttemptError(ran)) throw new Error(ran.error);
    await mine.saveAttempt(ran);
    assert.equal((await theirs.getAttempt('a1')).attempt?.runs.length, 1);
  });

  it('sets a file with bad JSON aside and reports it, keeping its bytes', async () => {
    const store = await openHistory(dir, { now });
    await store.saveAttempt(attempt('good', 'two-sum'));
    const bad = path.join(store.dir, 'bad.json');
    fs.writeFileSync(bad, '{"version": 1, "attempt": {"id": "bad", ');
    const { attempts, issues } = await store.listAttempts();
    assert.deepEqual(attempts.map((a) => a.id), ['good']);
    assert.equal(issues.length, 1);
    assert.match(issues[0].message, /^bad\.json: not valid JSON \(.+\)\. The file was moved to bad\.json\.corrupt-20261124T163000000Z\.$/);
    assert.equal(issues[0].setAsidePath, `${bad}.corrupt-20261124T163000000Z`);
    assert.equal(fs.readFileSync(issues[0].setAsidePath, 'utf8'), '{"version": 1, "attempt": {"id": "bad", ');
    assert.ok(!fs.existsSync(bad));
    // Reported once: the next listing is clean.
    assert.deepEqual((await store.listAttempts()).issues, []);
  });

  it('sets a file of the wrong shape aside with the field named', async () => {
    const store = await openHistory(dir, { now });
    const broken = { ...attempt('x1', 'two-sum'), status: 'won' };
    fs.writeFileSync(path.join(store.dir, 'x1.json'), JSON.stringify({ version: 1, attempt: broken }));
    const runs = { ...attempt('x2', 'two-sum'), runs: [{ at: 1, late: 'no' }] };
    fs.writeFileSync(path.join(store.dir, 'x2.json'), JSON.stringify({ version: 1, attempt: runs }));
    fs.writeFileSync(path.join(store.dir, 'x3.json'), JSON.stringify({ version: 1, attempt: attempt('other', 'two-sum') }));
    fs.writeFileSync(path.join(store.dir, 'x4.json'), '[]');
    const { attempts, issues } = await store.listAttempts();
    assert.deepEqual(attempts, []);
    assert.deepEqual(issues.map((i) => i.message.replace(/ The file was moved.*/, '')), [
      'x1.json: wrong shape: attempt.status must be one of in-progress, solved, solved-late, failed, abandoned (found "won").',
      'x2.json: wrong shape: attempt.runs[0].late is missing or not a boolean.',
      'x3.json: wrong shape: attempt.id "other" does not match the file name.',
      'x4.json: not a history document.',
    ]);
    assert.equal(fs.readdirSync(store.dir).filter((n) => n.includes('.corrupt-')).length, 4);
  });

  it('reports a corrupt file from getAttempt too', async () => {
    const store = await openHistory(dir, { now });
    fs.writeFileSync(path.join(store.dir, 'z.json'), '');
    const { attempt: found, issue } = await store.getAttempt('z');
    assert.equal(found, undefined);
    assert.match(issue?.message ?? '', /z\.json: not valid JSON/);
  });

  it('leaves a file from a newer format in place and says so', async () => {
    const store = await openHistory(dir, { now });
    const file = path.join(store.dir, 'n1.json');
    fs.writeFileSync(file, JSON.stringify({ version: HISTORY_VERSION + 1, attempt: {} }));
    const { issues } = await store.listAttempts();
    assert.match(issues[0].message, /newer version of Drills/);
    assert.equal(issues[0].setAsidePath, undefined);
    assert.ok(fs.existsSync(file));
  });

  it('upgrades an older format through the migration hook and rewrites the file', async () => {
    const old = attempt('m1', 'two-sum');
    const { acknowledgedEvents: _dropped, ...withoutEvents } = old;
    void _dropped;
    fs.mkdirSync(path.join(dir, 'attempts'), { recursive: true });
    const file = path.join(dir, 'attempts', 'm1.json');
    fs.writeFileSync(file, JSON.stringify({ version: 0, attempt: withoutEvents }));
    const migrations = { 0: (doc: Record<string, unknown>) => ({ ...doc, attempt: { ...(doc.attempt as object), acknowledgedEvents: [] } }) };
    const store = await openHistory(dir, { now, migrations });
    assert.deepEqual(await store.getAttempt('m1'), { attempt: old });
    assert.equal((JSON.parse(fs.readFileSync(file, 'utf8')) as { version: number }).version, HISTORY_VERSION);
    // Without a migration the file is reported and left alone.
    fs.writeFileSync(path.join(dir, 'attempts', 'm2.json'), JSON.stringify({ version: 0, attempt: { ...withoutEvents, id: 'm2' } }));
    const plain = await openHistory(dir, { now });
    assert.match((await plain.getAttempt('m2')).issue?.message ?? '', /cannot be upgraded/);
    assert.ok(fs.existsSync(path.join(dir, 'attempts', 'm2.json')));
  });

  it('ignores temporary files of interrupted writes and removes stale ones on open', async () => {
    const store = await openHistory(dir, { now });
    await store.saveAttempt(attempt('a1', 'two-sum'));
    const fresh = tempPathFor(path.join(store.dir, 'a1.json'));
    const stale = tempPathFor(path.join(store.dir, 'a2.json'));
    fs.writeFileSync(fresh, '{"half');
    fs.writeFileSync(stale, '{"half');
    const old = new Date(now() - 2 * 60 * MIN);
    fs.utimesSync(stale, old, old);
    const { attempts, issues } = await store.listAttempts();
    assert.equal(attempts.length, 1);
    assert.deepEqual(issues, []);
    await openHistory(dir, { now });
    assert.ok(fs.existsSync(fresh), 'a recent temp file may belong to a write under way');
    assert.ok(!fs.existsSync(stale));
  });

  it('refuses to save a malformed attempt or an unsafe id', async () => {
    const store = await openHistory(dir, { now });
    await assert.rejects(store.saveAttempt({ ...attempt('a1', 'p'), runs: undefined } as unknown as Attempt), /malformed attempt: attempt.runs/);
    await assert.rejects(store.getAttempt('../etc/passwd'), /not a safe file name/);
  });

  it('returns copies, so changing a listed attempt does not change what is read next', async () => {
    const store = await openHistory(dir, { now });
    await store.saveAttempt(attempt('a1', 'two-sum'));
    const first = (await store.listAttempts()).attempts[0];
    first.runs.push({ at: 0, late: false, passed: 0, failed: 0, total: 0, verdicts: [] });
    assert.equal((await store.listAttempts()).attempts[0].runs.length, 0);
  });
});
