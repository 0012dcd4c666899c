import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isAttemptError, type Attempt, type AttemptError } from '../../../src/core/attempt/index';
import { openHistory } from '../../../src/core/history/index';
import { loadPack, loadProblem } from '../../../src/core/pack/index';
import type { PackSummary, ProblemSummary } from '../../../src/core/pack/types';
import { DrillSessionCore, Emitter, type OpenDrill, type SessionSettings } from '../../../src/core/session/index';
import { timerState } from '../../../src/core/timer/index';

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 24, 15, 0, 0);
const PROBLEM_ID = 'first-unique-title';

const VALID_PLAN = `# Plan
## 1. Problem restated
Return the first title that appears exactly once in the list, or an empty string.
## 2. Edge cases
- an empty list returns ""
- every title repeated, so nothing is unique
- a single title
## 3. Invariant
counts holds how often each title of the whole list appears
## 4. Complexity
O(n) time, O(n) space
`;

/** A clock the test moves. */
class TestClock {
  t = T0;
  readonly now = () => this.t;
}

function ok(value: Attempt | AttemptError): Attempt {
  if (isAttemptError(value)) throw new Error(`unexpected refusal: ${value.error}`);
  return value;
}

describe('core drill session: start, phases, gate, runs, outcomes and restore, in plain Node', () => {
  let storage: string;
  let workspace: string;
  let pack: PackSummary;
  let summary: ProblemSummary;
  let settings: SessionSettings;
  let clock: TestClock;
  const sessions: DrillSessionCore[] = [];

  before(async () => {
    pack = await loadPack(path.resolve('problems'));
    const found = pack.problems.find((p) => p.id === PROBLEM_ID);
    assert.ok(found, `the built-in pack has no ${PROBLEM_ID}`);
    summary = found;
  });

  beforeEach(() => {
    storage = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-session-'));
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-workspace-'));
    settings = { mode: 'strict' };
    clock = new TestClock();
  });

  afterEach(() => {
    for (const s of sessions.splice(0)) s.dispose();
    fs.rmSync(storage, { recursive: true, force: true });
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  /** A session over the temp storage, as the editor builds it after a (re)load. */
  async function newSession(): Promise<DrillSessionCore> {
    let n = 0;
    const session = new DrillSessionCore({
      openStore: () => openHistory(storage, { now: clock.now }),
      clock,
      settings: () => settings,
      random: () => (n++ % 36) / 36,
      problems: {
        async describe(ref): Promise<Omit<OpenDrill, 'attempt'>> {
          if (ref.packId !== pack.id || ref.problemId !== summary.id) return { title: ref.problemId };
          const { problem } = await loadProblem(summary);
          return { title: summary.title, pack, ...(problem ? { problem } : {}) };
        },
      },
    });
    sessions.push(session);
    await session.restore([workspace]);
    return session;
  }

  function startInput(dir = path.join(workspace, 'drills', PROBLEM_ID)) {
    return { problem: summary, packPhases: pack.defaults.phases, language: 'javascript' as const, attemptDir: dir, solutionPath: path.join(dir, 'solution.js') };
  }

  it('a start creates an attempt with the coding phases, saves it, scaffolds PLAN.md and makes it active', async () => {
    const session = await newSession();
    const events: string[] = [];
    session.onDidChangeAttempt((a) => events.push(`changed:${a.status}`));
    session.onDidChangeActive((d) => events.push(`active:${d?.attempt.problemId ?? 'none'}`));
    const attempt = await session.start(startInput());
    assert.deepEqual(attempt.timer.phases.map((p) => p.name), ['clarify', 'plan', 'code', 'test']);
    assert.equal(attempt.timer.phases.reduce((s, p) => s + p.minutes, 0), summary.minutes);
    assert.equal(attempt.mode, 'strict');
    assert.equal(timerState(attempt.timer, clock.now()).phase, 'clarify');
    assert.equal(session.active?.attempt.id, attempt.id);
    assert.equal(session.active?.title, summary.title);
    assert.deepEqual(events, [`active:${PROBLEM_ID}`, 'changed:in-progress']);
    assert.deepEqual((await session.history.getAttempt(attempt.id)).attempt, attempt);
    const plan = fs.readFileSync(path.join(attempt.attemptDir, 'PLAN.md'), 'utf8');
    assert.match(plan, new RegExp(`^# Plan: ${summary.title}`));
  });

  it('starting again in the same folder resumes the open attempt and never overwrites PLAN.md', async () => {
    const session = await newSession();
    const first = await session.start(startInput());
    fs.writeFileSync(path.join(first.attemptDir, 'PLAN.md'), 'my own notes');
    clock.t += 2 * MIN;
    const again = await session.start(startInput());
    assert.equal(again.id, first.id);
    assert.equal(session.open.length, 1);
    assert.equal(fs.readFileSync(path.join(first.attemptDir, 'PLAN.md'), 'utf8'), 'my own notes');
  });

  it('the mode and phases come from the settings; a mock\'s expected start gets its share and mode', async () => {
    settings = { mode: 'practice', phases: { clarify: 2 } };
    const session = await newSession();
    const fromProblem = await session.start(startInput(path.join(workspace, 'problem-phases')));
    assert.equal(fromProblem.timer.phases[0].minutes, 3, 'the problem\'s phases come before the settings');
    const unset = { ...startInput(), problem: { ...summary, phases: undefined }, packPhases: undefined };
    const practice = await session.start(unset);
    assert.equal(practice.mode, 'practice');
    assert.equal(practice.timer.phases[0].minutes, 2, 'the setting did not apply where neither problem nor pack sets the phase');
    const expected = session.expectStart(summary, { totalMinutes: 12, mode: 'strict' });
    const mocked = await session.start(startInput(path.join(workspace, 'mock')));
    assert.equal((await expected).id, mocked.id);
    assert.equal(mocked.mode, 'strict');
    assert.equal(mocked.timer.phases.reduce((s, p) => s + p.minutes, 0), 12);
  });

  it('pause and resume work in practice mode and are refused in an interview, where the clock never stops', async () => {
    const session = await newSession();
    const strict = await session.start(startInput());
    const refused = await session.pause(strict.id);
    assert.ok(isAttemptError(refused), 'an interview timer paused');
    assert.equal(timerState(session.find(strict.id)!.attempt.timer, clock.now()).paused, false);

    settings = { mode: 'practice' };
    const practice = await session.start(startInput(path.join(workspace, 'practice')));
    clock.t += MIN;
    ok(await session.pause(practice.id));
    clock.t += 10 * MIN;
    assert.equal(timerState(session.find(practice.id)!.attempt.timer, clock.now()).elapsedMs, MIN, 'time ran while paused');
    assert.ok(isAttemptError(await session.pause(practice.id)), 'paused twice');
    ok(await session.resume(practice.id));
    clock.t += MIN;
    assert.equal(timerState(session.find(practice.id)!.attempt.timer, clock.now()).elapsedMs, 2 * MIN);
  });

  it('the phases advance in order, one at a time', async () => {
    const session = await newSession();
    const attempt = await session.start(startInput());
    const phases = [];
    for (let i = 0; i < 3; i++) phases.push(timerState(ok(await session.advancePhase(attempt.id)).timer, clock.now()).phase);
    assert.deepEqual(phases, ['plan', 'code', 'test']);
    assert.ok(isAttemptError(await session.advancePhase(attempt.id)), 'advanced past the last phase');
  });

  it('a refused plan keeps the gate closed with issues at their lines; an accepted one is recorded and moves to coding', async () => {
    const session = await newSession();
    const attempt = await session.start(startInput());
    const saved = (await session.history.getAttempt(attempt.id)).attempt;
    const refused = await session.submitPlan(attempt.id, '# Plan\n## 1. Problem restated\nsomething\n');
    assert.ok(isAttemptError(refused));
    assert.ok((refused.issues ?? []).length > 0 && refused.issues!.every((i) => i.line >= 1));
    assert.equal(session.find(attempt.id)!.attempt.plan, undefined);
    assert.deepEqual((await session.history.getAttempt(attempt.id)).attempt, saved, 'a refusal was saved');

    clock.t += 3 * MIN;
    const accepted = ok(await session.submitPlan(attempt.id, VALID_PLAN));
    assert.equal(accepted.plan?.edgeCases.length, 3);
    assert.ok(accepted.plan?.statedTags.includes('empty'), JSON.stringify(accepted.plan?.statedTags));
    assert.equal(timerState(accepted.timer, clock.now()).phase, 'code');
    assert.deepEqual((await session.history.getAttempt(attempt.id)).attempt?.plan, accepted.plan);
  });

  it('runs are recorded; a run passing every case solves and closes the attempt, and leaves no drill active (its "solved in" shows) while the other stays open', async () => {
    const session = await newSession();
    const other = await session.start(startInput(path.join(workspace, 'other')));
    clock.t += 1000;
    const attempt = await session.start(startInput());
    const cases = session.find(attempt.id)!.problem!.cases;
    ok(await session.submitPlan(attempt.id, VALID_PLAN));
    clock.t += 5 * MIN;
    const failing = ok(await session.recordRun(attempt.id, { cases: cases.map((c, i) => ({ name: c.name, tags: c.tags, verdict: i === 0 ? 'failed' : 'passed' })) }));
    assert.equal(failing.status, 'in-progress');
    assert.deepEqual([failing.runs[0].passed, failing.runs[0].total], [cases.length - 1, cases.length]);
    const partial = ok(await session.recordRun(attempt.id, { cases: cases.slice(1).map((c) => ({ name: c.name, tags: c.tags, verdict: 'passed' as const })) }));
    assert.equal(partial.status, 'in-progress', 'a run of some cases only solved the problem');
    clock.t += MIN;
    const solved = ok(await session.recordRun(attempt.id, { cases: cases.map((c) => ({ name: c.name, tags: c.tags, verdict: 'passed' as const })) }));
    assert.equal(solved.status, 'solved');
    assert.equal(solved.runs.length, 3);
    assert.equal(session.find(attempt.id), undefined, 'a solved attempt stayed open');
    assert.equal(session.active, undefined);
    assert.ok(session.find(other.id), 'the other drill was closed too');
    assert.ok(isAttemptError(await session.recordRun(attempt.id, { cases: [] })), 'a run was recorded on a closed attempt');
    assert.equal((await session.history.getAttempt(attempt.id)).attempt?.status, 'solved');
  });

  it('the complexity measured after the run that solved an attempt is kept with it in history, though that run closed it', async () => {
    const session = await newSession();
    const attempt = await session.start(startInput());
    const cases = session.find(attempt.id)!.problem!.cases;
    ok(await session.submitPlan(attempt.id, VALID_PLAN));
    const record = { at: clock.now(), stated: 'O(n)', label: 'O(n)', sentence: 'Complexity: you stated O(n); measured ≈ O(n) — as stated.' };
    const events: string[] = [];
    session.onDidChangeAttempt((a) => events.push(`${a.status}:${a.complexity?.label ?? '-'}`));
    // Asked for before the solving run is saved, as a measurement queued right behind it would be.
    const solving = session.recordRun(attempt.id, { cases: cases.map((c) => ({ name: c.name, tags: c.tags, verdict: 'passed' as const })) });
    const measured = session.recordMeasurement(attempt.id, record);
    assert.equal(ok(await solving).status, 'solved');
    assert.deepEqual(ok(await measured).complexity, record);
    assert.deepEqual(events, ['solved:-', 'solved:O(n)']);
    const stored = (await session.history.getAttempt(attempt.id)).attempt;
    assert.equal(stored?.status, 'solved');
    assert.deepEqual(stored?.complexity, record);
    // After a reload, too.
    const again = await newSession();
    assert.deepEqual((await again.history.getAttempt(attempt.id)).attempt?.complexity, record);
    assert.ok(isAttemptError(await session.recordMeasurement('20261124T150000Z-nothere0', record)), 'a measurement was recorded for an attempt history does not have');
  });

  it('waits for the measurements under way of the attempts asked about, and only for those, however they end', async () => {
    const session = await newSession();
    const ended: string[] = [];
    let endFirst = (): void => undefined;
    let failSecond = (_: Error): void => undefined;
    session.measuringUntil('a', new Promise<void>((resolve) => (endFirst = resolve)));
    session.measuringUntil('a', new Promise<void>((_, reject) => (failSecond = reject)));
    let endOther = (): void => undefined;
    session.measuringUntil('b', new Promise<void>((resolve) => (endOther = resolve)));
    await session.measured([]);
    await session.measured(['c']);
    const waiting = session.measured(['a', 'c']).then(() => ended.push('measured'));
    await new Promise((r) => setImmediate(r));
    ended.push('first');
    endFirst();
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(ended, ['first'], 'it ended before the second measurement of the same attempt');
    ended.push('second');
    failSecond(new Error('stopped'));
    await waiting;
    assert.deepEqual(ended, ['first', 'second', 'measured']);
    // The other attempt's measurement is still under way, and held nothing up.
    const other = session.measured(['b']).then(() => 'b ended');
    endOther();
    assert.equal(await other, 'b ended');
  });

  it('abandoning closes the attempt in history; with no other drill open nothing is active', async () => {
    const session = await newSession();
    const attempt = await session.start(startInput());
    clock.t += 4 * MIN;
    const abandoned = ok(await session.abandon(attempt.id));
    assert.equal(abandoned.status, 'abandoned');
    assert.equal(abandoned.closedAt, clock.now());
    assert.equal(session.active, undefined);
    assert.equal(session.open.length, 0);
    assert.equal((await session.history.getAttempt(attempt.id)).attempt?.status, 'abandoned');
  });

  it('transitions of one attempt run one after another on its latest state', async () => {
    const session = await newSession();
    const attempt = await session.start(startInput());
    const results = await Promise.all([session.advancePhase(attempt.id), session.advancePhase(attempt.id), session.advancePhase(attempt.id)]);
    assert.deepEqual(results.map((r) => timerState(ok(r).timer, clock.now()).phase), ['plan', 'code', 'test']);
  });

  it('after a reload the open attempts come back from history, their timers untouched, the most recent one here active', async () => {
    settings = { mode: 'practice' };
    const before = await newSession();
    const elsewhere = await before.start(startInput(path.join(os.tmpdir(), `drills-elsewhere-${process.pid}`)));
    clock.t += 1000;
    const here = await before.start(startInput());
    clock.t += 1000;
    const newest = await before.start(startInput(path.join(os.tmpdir(), `drills-newest-${process.pid}`)));
    ok(await before.submitPlan(here.id, VALID_PLAN));
    ok(await before.pause(here.id));
    const closed = await before.start(startInput(path.join(workspace, 'closed')));
    ok(await before.abandon(closed.id));
    const kept = before.find(here.id)!.attempt;
    before.dispose();

    clock.t += 30 * MIN;
    const after = await newSession();
    assert.deepEqual(after.open.map((d) => d.attempt.id).sort(), [elsewhere.id, here.id, newest.id].sort());
    assert.equal(after.active?.attempt.id, here.id, 'the attempt in this workspace is not the active one');
    const restored = after.find(here.id)!;
    assert.deepEqual(restored.attempt, kept);
    assert.ok(restored.problem, 'the problem was not loaded again');
    assert.equal(timerState(restored.attempt.timer, clock.now()).paused, true);
    ok(await after.resume(here.id));
    for (const dir of [elsewhere.attemptDir, newest.attemptDir]) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a corrupt history file is set aside and returned as an issue; the readable attempts are restored', async () => {
    const before = await newSession();
    const attempt = await before.start(startInput());
    const dir = before.history.dir;
    fs.writeFileSync(path.join(dir, 'broken-1.json'), '{ not json');
    fs.writeFileSync(path.join(dir, 'wrong-shape.json'), JSON.stringify({ version: 1, attempt: { id: 'wrong-shape' } }));
    before.dispose();

    const after = new DrillSessionCore({
      openStore: () => openHistory(storage, { now: clock.now }),
      clock,
      settings: () => settings,
      problems: { describe: async (ref) => ({ title: ref.problemId }) },
    });
    sessions.push(after);
    const issues = await after.restore([workspace]);
    assert.deepEqual(issues.map((i) => path.basename(i.file)).sort(), ['broken-1.json', 'wrong-shape.json'], JSON.stringify(issues));
    assert.ok(fs.readdirSync(dir).some((n) => n.startsWith('broken-1.json.corrupt-')), 'the damaged file was not set aside');
    assert.equal(after.find(attempt.id)?.attempt.id, attempt.id, 'the good attempt was lost');
    assert.equal(after.active?.title, PROBLEM_ID, 'a problem no pack holds is shown by its id');
  });

  it('an attempt whose problem left every pack is still restored, titled by its id', async () => {
    const before = await newSession();
    const attempt = await before.start(startInput());
    before.dispose();
    const after = new DrillSessionCore({
      openStore: () => openHistory(storage, { now: clock.now }),
      clock,
      settings: () => settings,
      problems: { describe: async (ref) => ({ title: ref.problemId }) },
    });
    sessions.push(after);
    assert.deepEqual(await after.restore(), []);
    const drill = after.find(attempt.id);
    assert.equal(drill?.problem, undefined);
    assert.equal(drill?.title, PROBLEM_ID);
  });

  it('the history must be restored before anything else, and an update of an attempt not open is refused', async () => {
    const session = new DrillSessionCore({ openStore: () => openHistory(storage), clock, settings: () => settings, problems: { describe: async (ref) => ({ title: ref.problemId }) } });
    sessions.push(session);
    assert.throws(() => session.history, /restore\(\) has not run/);
    await session.restore();
    assert.ok(isAttemptError(await session.abandon('no-such-attempt')));
  });
});

describe('core drill session: events', () => {
  it('a listener that throws does not stop the others; its error goes to the error handler, or is thrown after them all', () => {
    const seen: string[] = [];
    const errors: unknown[] = [];
    const handled = new Emitter<string>((e) => errors.push(e));
    handled.event(() => {
      throw new Error('view failed');
    });
    handled.event((v) => seen.push(v));
    handled.fire('a');
    assert.deepEqual(seen, ['a']);
    assert.match(String(errors[0]), /view failed/);

    const unhandled = new Emitter<string>();
    unhandled.event(() => {
      throw new Error('boom');
    });
    const sub = unhandled.event((v) => seen.push(v));
    assert.throws(() => unhandled.fire('b'), /boom/);
    assert.deepEqual(seen, ['a', 'b']);
    sub.dispose();
    assert.throws(() => unhandled.fire('c'), /boom/);
    assert.deepEqual(seen, ['a', 'b'], 'a disposed listener was called');
  });
});
