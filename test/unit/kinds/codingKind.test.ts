import * as assert from 'node:assert/strict';
import { abandon, recordRun, startAttempt, submitPlan, type Attempt, type AttemptError } from '../../../src/core/attempt/index';
import { codingKind, PLAN_FILE, type CodingSubject } from '../../../src/core/kinds/coding/index';
import { DRILL_KINDS } from '../../../src/core/kinds/index';
import { resolvePhases } from '../../../src/core/timer/index';

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 24, 15, 0, 0);

const PLAN = `# Plan
## 1. Problem restated
Return the first title that appears once.
## 2. Edge cases
- an empty list
- duplicates everywhere
- a single title
## 3. Invariant
counts holds how often each title appears
## 4. Complexity
O(n) time, O(n) space
`;

const subject: CodingSubject = {
  problem: { title: 'First Unique Title', minutes: 20, phases: { clarify: 3 }, cases: [{ tags: ['empty'] }, { tags: ['duplicates'] }, { tags: ['large'] }, { tags: [] }] },
};

function ok(value: Attempt | AttemptError): Attempt {
  if ('error' in value && !('id' in value)) throw new Error(value.error);
  return value as Attempt;
}

function attempt(): Attempt {
  return startAttempt({ id: 'a1', packId: 'p', problemId: 'first-unique-title', language: 'python', solutionPath: '/tmp/s.py', attemptDir: '/tmp/a', mode: 'strict', phases: resolvePhases({ clarify: 3 }, undefined, undefined, 20) }, T0);
}

const verdicts = (passed: boolean[]) => ({ cases: passed.map((p, i) => ({ name: `c${i}`, tags: subject.problem.cases![i].tags.slice(), verdict: p ? ('passed' as const) : ('failed' as const) })) });

describe('kinds: coding', () => {
  it('is the registry\'s coding kind: clarify, plan, code and test, from problem → pack → settings, summing to the minutes', () => {
    assert.equal(DRILL_KINDS.coding, codingKind);
    const phases = codingKind.phases(subject);
    assert.deepEqual(phases.map((p) => p.id), ['clarify', 'plan', 'code', 'test']);
    assert.equal(phases[0].minutes, 3);
    assert.equal(phases.reduce((s, p) => s + p.minutes, 0), 20);
    assert.equal(codingKind.phases({ ...subject, totalMinutes: 12 }).reduce((s, p) => s + p.minutes, 0), 12, 'a mock\'s share replaces the minutes');
    assert.equal(codingKind.phases({ problem: { title: 't', minutes: 45 }, settingsPhases: { test: 7 } })[3].minutes, 7);
  });

  it('scaffolds PLAN.md, whose template the gate refuses with errors at lines', () => {
    const files = codingKind.scaffold(subject);
    assert.deepEqual(files.map((f) => f.path), [PLAN_FILE]);
    assert.match(files[0].content, /^# Plan: First Unique Title/);
    const refused = codingKind.gate(subject, files[0].content);
    assert.equal(refused.passed, false);
    assert.ok(refused.findings.length >= 4, JSON.stringify(refused.findings));
    assert.ok(refused.findings.every((f) => f.severity === 'error' && f.line >= 1 && f.code.startsWith('plan')));
    assert.deepEqual(codingKind.gate(subject, PLAN), { passed: true, findings: [] });
  });

  it('judges an attempt by its last run, the edge cases the plan anticipated and whether it was solved in time', () => {
    let a = ok(submitPlan(attempt(), PLAN, T0 + 5 * MIN));
    a = ok(recordRun(a, verdicts([true, false, true, true]), T0 + 10 * MIN));
    const partial = codingKind.judge(subject, a);
    assert.deepEqual(partial.criteria.map((c) => [c.id, c.score, c.max]), [['tests', 3, 4], ['edge-cases', 2, 3], ['in-time', 0, 1]]);
    assert.equal(partial.score, 5);
    assert.equal(partial.max, 8);
    assert.match(partial.summary, /Not finished: 3\/4 cases on the last of 1 run\(s\); 2 of 3 edge-case tags anticipated\./);

    const solved = ok(recordRun(a, verdicts([true, true, true, true]), T0 + 14 * MIN));
    const judged = codingKind.judge(subject, solved);
    assert.deepEqual(judged.criteria.map((c) => c.score), [4, 2, 1]);
    assert.match(judged.summary, /^Solved in 14:00: 4\/4 cases/);
    assert.equal(codingKind.record(subject, solved), solved, 'history keeps the attempt itself');
  });

  it('an attempt given up without a run scores nothing, with the problem\'s cases as the maximum', () => {
    const given = ok(abandon(attempt(), T0 + MIN));
    const judged = codingKind.judge(subject, given);
    assert.deepEqual(judged.criteria.map((c) => [c.score, c.max]), [[0, 4], [0, 3], [0, 1]]);
    assert.match(judged.summary, /^Not solved \(abandoned\): no run; 0 of 3 edge-case tags anticipated\.$/);
  });
});
