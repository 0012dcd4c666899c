import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startAttempt } from '../../../src/core/attempt';
import { openHistory } from '../../../src/core/history';
import { resolvePhases } from '../../../src/core/timer';
import { designRecord, DESIGN_RUBRIC, finishProbes, isDesignDrillError, rateDesign, resolveDesignPhases, startDesignDrill, type DesignDrillState } from '../../../src/core/kinds/design/index';
import { designPhaseAt, kindEntryId, openKindHistory, type DesignHistoryEntry } from '../../../src/core/kinds/history';
import { chooseStory, isRehearsalError, rateRehearsal, rehearsalRecord, startRehearsal, stopAnswer, type RehearsalState } from '../../../src/core/kinds/story/rehearsal';
import { tempDir } from './helpers';

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const MIN = 60_000;
const problem = { packId: 'builtin', id: 'ads-pacing', probes: [{ id: 'a', question: 'A?', concerns: ['x'], minutes: 3 }] };

function designEntry(state: DesignDrillState): DesignHistoryEntry {
  return { id: kindEntryId('design', state.problemId, state.startedAt), kind: 'design', attemptDir: '/w/d', documentPath: '/w/d/DESIGN.md', state, record: designRecord(state) };
}

function rehearsed(): RehearsalState {
  const asked = startRehearsal([{ id: 'q1', text: 'Tell me about an incident.', stories: ['incident'] }], () => 0, T0);
  if (isRehearsalError(asked)) assert.fail(asked.message);
  const chosen = chooseStory(asked, { file: '/w/stories/incident.md', type: 'incident' }, T0 + 1000);
  if (isRehearsalError(chosen)) assert.fail(chosen.message);
  const stopped = stopAnswer(chosen, T0 + 2 * MIN);
  if (isRehearsalError(stopped)) assert.fail(stopped.message);
  const rated = rateRehearsal(stopped, { answered: 4, ownership: 3, result: 2, reflection: 3 }, T0 + 3 * MIN);
  if (isRehearsalError(rated)) assert.fail(rated.message);
  return rated;
}

describe('kinds: the history of design and story attempts', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir('drills-kind-history-');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps a design drill in progress and finds it again as the active one, then not once it is rated', async () => {
    const store = await openKindHistory(dir);
    const started = startDesignDrill(problem, T0);
    const entry = designEntry(started);
    await store.save(entry);
    assert.deepEqual(await (await openKindHistory(dir)).activeDesign(), entry);
    const rating = finishProbes({ ...started, stage: 'probing' }, T0 + MIN);
    if (isDesignDrillError(rating)) assert.fail(rating.message);
    const done = rateDesign(rating, Object.fromEntries(DESIGN_RUBRIC.map((c) => [c.id, 3])), T0 + 2 * MIN);
    if (isDesignDrillError(done)) assert.fail(done.message);
    await store.save({ ...entry, state: done, record: designRecord(done) });
    assert.equal(await store.activeDesign(), undefined);
    const { entries } = await store.list();
    assert.equal(entries.length, 1);
    assert.equal(entries[0].record.kind, 'design');
    assert.equal(entries[0].record.score, 3 * DESIGN_RUBRIC.length);
  });

  it('keeps a rehearsal with its rating, oldest entries first', async () => {
    const store = await openKindHistory(dir);
    const record = rehearsalRecord(rehearsed());
    await store.save({ id: kindEntryId('story', 'q1', record.askedAt), kind: 'story', record });
    await store.save(designEntry(startDesignDrill(problem, T0 - MIN)));
    const { entries, issues } = await store.list();
    assert.deepEqual(issues, []);
    assert.deepEqual(entries.map((e) => e.kind), ['design', 'story']);
    assert.equal(entries[1].record.score, 12);
  });

  it('leaves the coding history readable: an attempt file written before kinds existed still loads beside kind entries', async () => {
    // A coding attempt as the history wrote it before this store existed, saved by the coding store itself.
    const coding = await openHistory(dir);
    const old = startAttempt({ id: 'old1', packId: 'builtin', problemId: 'two-sum', language: 'python', solutionPath: '/w/s.py', attemptDir: '/w', mode: 'strict', phases: resolvePhases() }, T0);
    await coding.saveAttempt(old);
    const kinds = await openKindHistory(dir);
    await kinds.save(designEntry(startDesignDrill(problem, T0)));
    const record = rehearsalRecord(rehearsed());
    await kinds.save({ id: kindEntryId('story', 'q1', record.askedAt), kind: 'story', record });
    const reread = await (await openHistory(dir)).listAttempts();
    assert.deepEqual(reread.issues, []);
    assert.deepEqual(reread.attempts, [old]);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'attempts')), ['old1.json']);
  });

  it('reports a damaged entry by name and field instead of dropping history, and refuses to save a malformed one', async () => {
    const store = await openKindHistory(dir);
    await store.save(designEntry(startDesignDrill(problem, T0)));
    fs.writeFileSync(path.join(store.dir, 'broken.json'), '{ not json');
    fs.writeFileSync(path.join(store.dir, 'shape.json'), JSON.stringify({ version: 1, entry: { id: 'shape', kind: 'design', record: { kind: 'design', score: 0, max: 20 }, attemptDir: '/w', documentPath: '/w/D.md', state: { stage: 'thinking' } } }));
    const { entries, issues } = await store.list();
    assert.equal(entries.length, 1);
    assert.deepEqual(issues.map((i) => path.basename(i.file)).sort(), ['broken.json', 'shape.json']);
    assert.match(issues.find((i) => i.file.endsWith('shape.json'))!.message, /state\.problemId/);
    await assert.rejects(store.save({ ...designEntry(startDesignDrill(problem, T0)), id: '../escape' }), /safe file name/);
  });

  it('the round clock names the phase the elapsed time falls in, and overtime after the last', () => {
    const phases = resolveDesignPhases();
    const first = designPhaseAt(phases, T0, T0);
    assert.equal(first.index, 0);
    assert.equal(first.remainingMs, Math.round(phases[0].minutes * MIN));
    const second = designPhaseAt(phases, T0, T0 + Math.round(phases[0].minutes * MIN) + 1000);
    assert.equal(second.id, phases[1].id);
    assert.equal(second.remainingMs, Math.round(phases[1].minutes * MIN) - 1000);
    const over = designPhaseAt(phases, T0, T0 + 46 * MIN);
    assert.deepEqual([over.index, over.overtime, over.remainingMs], [phases.length - 1, true, -MIN]);
  });
});
