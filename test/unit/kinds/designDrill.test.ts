import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  abandonDesign, checkDesignGate, designKind, designRecord, designTemplate, finishProbes, isDesignDrillError, judgeDesign, nextProbe, outlineMarkdown,
  outlineVisible, probeClock, rateDesign, startDesignDrill, submitDesign, findDesignPacks, DESIGN_RUBRIC, type DesignDrillState, type DesignDrillError,
} from '../../../src/core/kinds/design/index';
import { BUILTIN, KIND_FIXTURES } from './helpers';

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const MIN = 60_000;
const PASSING = fs.readFileSync(path.join(KIND_FIXTURES, 'DESIGN.passing.md'), 'utf8');
const problem = {
  packId: 'p', id: 'q', title: 'Playback quality pipeline',
  probes: [
    { id: 'a', question: 'A?', concerns: ['x'], minutes: 3 },
    { id: 'b', question: 'B?', concerns: ['y'], minutes: 5 },
    { id: 'c', question: 'C?', concerns: ['z'], minutes: 3 },
  ],
};
const ALL_THREES = Object.fromEntries(DESIGN_RUBRIC.map((c) => [c.id, 3]));

function ok<T extends object>(x: T | DesignDrillError): T {
  if ('error' in x) assert.fail(x.message);
  return x;
}

function probing(): DesignDrillState {
  const refused = ok(submitDesign(startDesignDrill(problem, T0), checkDesignGate(problem, designTemplate(problem)), T0 + MIN));
  assert.equal(refused.accepted, false);
  return ok(submitDesign(refused.state, checkDesignGate(problem, PASSING), T0 + 30 * MIN)).state;
}

describe('kinds: a design drill', () => {
  it('a closed gate is refused and counted; an open one reveals the first probe with its timer starting then', () => {
    const s = probing();
    assert.equal(s.stage, 'probing');
    assert.equal(s.gateRefusals, 1);
    assert.equal(s.gatePassedAt, T0 + 30 * MIN);
    assert.deepEqual(s.revealed, [{ id: 'a', question: 'A?', minutes: 3, revealedAt: T0 + 30 * MIN }]);
    assert.deepEqual(s.gate, { anticipated: ['backpressure', 'retries', 'duplicates', 'partial-outage', 'bad-deploy', 'data-loss'], missed: ['alert-fatigue', 'rollback'], numbers: 9, decisions: 5 });
  });

  it('probes come one at a time: the next closes the current, each with its own timer, and overtime shows', () => {
    let s = probing();
    assert.deepEqual(probeClock(s, T0 + 31 * MIN), { probe: s.revealed[0], number: 1, total: 3, remainingMs: 2 * MIN, overtime: false });
    assert.equal(probeClock(s, T0 + 34 * MIN).overtime, true);
    assert.equal(probeClock(s, T0 + 34 * MIN).remainingMs, -MIN);
    s = ok(nextProbe(s, T0 + 34 * MIN));
    assert.deepEqual(s.revealed.map((p) => [p.id, p.revealedAt, p.closedAt]), [['a', T0 + 30 * MIN, T0 + 34 * MIN], ['b', T0 + 34 * MIN, undefined]]);
    assert.equal(probeClock(s, T0 + 35 * MIN).remainingMs, 4 * MIN, 'the second probe has 5 minutes');
    s = ok(nextProbe(s, T0 + 36 * MIN));
    const refused = nextProbe(s, T0 + 37 * MIN);
    assert.ok(isDesignDrillError(refused) && refused.error === 'no-more-probes');
  });

  it('the rubric comes after the probes, needs a 1 to 4 for every criterion, and only then is the outline shown', () => {
    let s = probing();
    assert.ok(isDesignDrillError(rateDesign(s, ALL_THREES, T0 + 31 * MIN)), 'no rubric while probing');
    s = ok(finishProbes(s, T0 + 32 * MIN));
    assert.equal(s.stage, 'rating');
    assert.equal(outlineVisible(s), false);
    const zero = rateDesign(s, { ...ALL_THREES, numbers: 0 }, T0 + 33 * MIN);
    assert.ok(isDesignDrillError(zero) && /"Numbers" must be scored 1 to 4, not 0/.test(zero.message));
    const missing = rateDesign(s, { requirementsFirst: 2 }, T0 + 33 * MIN);
    assert.ok(isDesignDrillError(missing) && /No score for/.test(missing.message));
    s = ok(rateDesign(s, { ...ALL_THREES, tradeOffs: 1 }, T0 + 34 * MIN));
    assert.equal(s.stage, 'done');
    assert.equal(outlineVisible(s), true);
    const judged = judgeDesign(s);
    assert.deepEqual([judged.score, judged.max], [13, 20]);
    assert.match(judged.summary, /^13\/20\. Work on: trade-offs explained to a non-specialist \(1\/4\)\.$/);
  });

  it('the attempt record keeps the gate, each probe\'s answer time and overtime, the skipped probes and the rubric', () => {
    let s = probing();
    s = ok(nextProbe(s, T0 + 34 * MIN)); // probe a took 4 of its 3 minutes
    s = ok(finishProbes(s, T0 + 36 * MIN)); // probe b took 2 of 5; c never asked
    s = ok(rateDesign(s, ALL_THREES, T0 + 40 * MIN));
    const record = designRecord(s);
    assert.deepEqual(record.probes, [{ id: 'a', answeredMs: 4 * MIN, overtime: true }, { id: 'b', answeredMs: 2 * MIN, overtime: false }]);
    assert.deepEqual(record.probesSkipped, ['c']);
    assert.equal(record.status, 'rated');
    assert.deepEqual([record.startedAt, record.gatePassedAt, record.finishedAt, record.gateRefusals], [T0, T0 + 30 * MIN, T0 + 40 * MIN, 1]);
    assert.deepEqual([record.score, record.max], [15, 20]);
    assert.deepEqual(JSON.parse(JSON.stringify(record)), record, 'a record survives JSON');
    assert.deepEqual(designKind.record(problem as never, s), record);
  });

  it('abandoning closes the current probe and shows the outline; a finished drill cannot be abandoned', () => {
    const s = ok(abandonDesign(probing(), T0 + 32 * MIN));
    assert.equal(s.revealed[0].closedAt, T0 + 32 * MIN);
    assert.equal(designRecord(s).status, 'abandoned');
    assert.equal(outlineVisible(s), true);
    assert.ok(isDesignDrillError(abandonDesign(s, T0 + 33 * MIN)));
  });

  it('the kind scaffolds DESIGN.md and gives a built-in problem\'s phases; the outline lists every phase and probe', async () => {
    const [pack] = await findDesignPacks([BUILTIN]);
    const p = pack.problems.find((x) => x.id === 'ads-pacing-service')!;
    assert.deepEqual(designKind.scaffold(p).map((f) => f.path), ['DESIGN.md']);
    assert.equal(designKind.gate(p, designKind.scaffold(p)[0].content).passed, false);
    assert.equal(designKind.phases(p).length, 6);
    const outline = outlineMarkdown(p);
    assert.match(outline, /^# Model answer: Ads pacing service/);
    for (const probe of p.probes) assert.ok(outline.includes(`### ${probe.question}`));
    assert.equal((outline.match(/^## \d\. /gm) ?? []).length, 6);
  });
});
