import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { recordRun, startAttempt, submitPlan, type Attempt, type AttemptError } from '../../../src/core/attempt/index';
import type { CodingSubject } from '../../../src/core/kinds/coding/index';
import { checkDesignGate, designRecord, DESIGN_RUBRIC, finishProbes, rateDesign, startDesignDrill, submitDesign, type DesignDrillError, type DesignDrillState } from '../../../src/core/kinds/design/index';
import {
  codingRoundOutcome, designRoundOutcome, endLoopRound, finishLoop, isLoopError, loopReport, loopReportMarkdown, loopSchedule, loopState, planLoop, skipLoopRound,
  startLoopRound, storyRoundOutcome, type LoopError, type LoopSession,
} from '../../../src/core/kinds/loop';
import { chooseStory, rateRehearsal, rehearsalRecord, startRehearsal, stopAnswer, type RehearsalError, type RehearsalState } from '../../../src/core/kinds/story/rehearsal';
import { resolvePhases } from '../../../src/core/timer/index';
import { KIND_FIXTURES } from './helpers';

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const MIN = 60_000;

const ROUNDS = [
  { kind: 'coding' as const, subjectId: 'first-unique-title', packId: 'builtin', title: 'First Unique Title', minutes: 45 },
  { kind: 'design' as const, subjectId: 'playback-quality', packId: 'builtin-design', title: 'Playback quality pipeline', minutes: 45 },
  { kind: 'story' as const, subjectId: 'changed-mind', title: 'Tell me about a time you changed your mind', minutes: 3 },
];

function ok<T extends object>(x: T | LoopError | AttemptError | DesignDrillError | RehearsalError): T {
  if ('error' in x && !('rounds' in x) && !('id' in x && 'timer' in x)) assert.fail(JSON.stringify(x));
  return x as T;
}

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

const coding: CodingSubject = { problem: { title: 'First Unique Title', minutes: 45, cases: [{ tags: ['empty'] }, { tags: ['duplicates'] }, { tags: ['large'] }] } };

/** A coding attempt solved at `end` with the plan stating empty and duplicates. */
function solvedAttempt(start: number, end: number): Attempt {
  let a = startAttempt({ id: 'a1', packId: 'builtin', problemId: 'first-unique-title', language: 'python', solutionPath: '/tmp/s.py', attemptDir: '/tmp/a', mode: 'strict', phases: resolvePhases(undefined, undefined, undefined, 45) }, start);
  a = ok<Attempt>(submitPlan(a, PLAN, start + 10 * MIN));
  return ok<Attempt>(recordRun(a, { cases: coding.problem.cases!.map((c, i) => ({ name: `c${i}`, tags: [...c.tags], verdict: 'passed' as const })) }, end));
}

const designProblem = { packId: 'builtin-design', id: 'playback-quality', title: 'Playback quality pipeline', probes: [{ id: 'a', question: 'A?', concerns: ['x'], minutes: 3 }] };

/** A design drill rated 3 on every criterion. */
function ratedDesign(start: number, end: number): DesignDrillState {
  const passing = fs.readFileSync(path.join(KIND_FIXTURES, 'DESIGN.passing.md'), 'utf8');
  const probing = ok<{ state: DesignDrillState; accepted: boolean }>(submitDesign(startDesignDrill(designProblem, start), checkDesignGate(designProblem, passing), start + 30 * MIN)).state;
  const rating = ok<DesignDrillState>(finishProbes(probing, start + 40 * MIN));
  return ok<DesignDrillState>(rateDesign(rating, Object.fromEntries(DESIGN_RUBRIC.map((c) => [c.id, 3])), end));
}

/** A rehearsal answered with a trade-off story in 2 minutes, rated 2 on every criterion. */
function rehearsed(start: number): RehearsalState {
  const question = { id: 'changed-mind', text: 'Tell me about a time you changed your mind', stories: ['changed-mind' as const] };
  const asked = ok<RehearsalState>(startRehearsal([question], () => 0, start));
  const answering = ok<RehearsalState>(chooseStory(asked, { file: '/bank/trade-off.md', type: 'trade-off' }, start + 10_000));
  const rating = ok<RehearsalState>(stopAnswer(answering, start + 10_000 + 2 * MIN));
  return ok<RehearsalState>(rateRehearsal(rating, { answered: 2, ownership: 2, result: 2, reflection: 2 }, start + 3 * MIN));
}

describe('kinds: the mock loop across kinds', () => {
  it('plans one schedule: each round, a break after every round but the last', () => {
    const loop = planLoop({ id: 'l1', rounds: ROUNDS, breakMinutes: 10 }, T0);
    assert.deepEqual(
      loopSchedule(loop).map((s) => [s.kind, s.round, s.startMs / MIN, s.endMs / MIN]),
      [['round', 0, 0, 45], ['break', 0, 45, 55], ['round', 1, 55, 100], ['break', 1, 100, 110], ['round', 2, 110, 113]],
    );
    assert.deepEqual(loopState(loop, T0), { stage: 'ready', round: 0, elapsedMs: 0, plannedMs: 113 * MIN });
    assert.throws(() => planLoop({ id: 'l2', rounds: [] }, T0), /at least one round/);
    assert.throws(() => planLoop({ id: 'l3', rounds: [{ ...ROUNDS[0], minutes: 0 }] }, T0), /0 minutes/);
  });

  it('rounds go in order with a break between them that the candidate may cut short; an outcome must be of the round\'s kind', () => {
    let loop: LoopSession = planLoop({ id: 'l1', rounds: ROUNDS, breakMinutes: 10 }, T0);
    assert.ok(isLoopError(startLoopRound(loop, 1, T0)), 'a round started out of order');
    loop = ok(startLoopRound(loop, 0, T0 + MIN, 'a1'));
    assert.ok(isLoopError(startLoopRound(loop, 0, T0 + 2 * MIN)), 'a round started twice');
    assert.deepEqual(loopState(loop, T0 + 41 * MIN), { stage: 'round', round: 0, remainingMs: 5 * MIN, elapsedMs: 41 * MIN, plannedMs: 113 * MIN });
    assert.equal(loopState(loop, T0 + 50 * MIN).remainingMs, -4 * MIN, 'overtime reads as negative time left');
    assert.ok(isLoopError(endLoopRound(loop, 0, storyRoundOutcome(rehearsalRecord(rehearsed(T0))), T0 + 40 * MIN)), 'a story outcome ended a coding round');
    loop = ok(endLoopRound(loop, 0, codingRoundOutcome(coding, solvedAttempt(T0 + MIN, T0 + 40 * MIN)), T0 + 40 * MIN));
    assert.deepEqual(loopState(loop, T0 + 44 * MIN), { stage: 'break', round: 1, remainingMs: 6 * MIN, elapsedMs: 44 * MIN, plannedMs: 113 * MIN });
    assert.equal(loopState(loop, T0 + 50 * MIN).stage, 'ready', 'the break is over');
    loop = ok(startLoopRound(loop, 1, T0 + 45 * MIN));
    assert.equal(loopState(loop, T0 + 45 * MIN).stage, 'round', 'cutting the break short started the round');
  });

  it('the report gives each round\'s outcome, time, coverage, decision log and score, and the questions asked', () => {
    let loop: LoopSession = planLoop({ id: 'l1', rounds: ROUNDS, breakMinutes: 10 }, T0);
    loop = ok(startLoopRound(loop, 0, T0));
    loop = ok(endLoopRound(loop, 0, codingRoundOutcome(coding, solvedAttempt(T0, T0 + 38 * MIN)), T0 + 38 * MIN));
    loop = ok(startLoopRound(loop, 1, T0 + 48 * MIN));
    const design = designRecord(ratedDesign(T0 + 48 * MIN, T0 + 90 * MIN));
    loop = ok(endLoopRound(loop, 1, designRoundOutcome(design), T0 + 90 * MIN));
    loop = ok(startLoopRound(loop, 2, T0 + 100 * MIN));
    loop = ok(endLoopRound(loop, 2, storyRoundOutcome(rehearsalRecord(rehearsed(T0 + 100 * MIN))), T0 + 103 * MIN));
    assert.equal(loopState(loop, T0 + 103 * MIN).stage, 'questions');
    loop = ok(finishLoop(loop, ['How does the team decide what to build next?', '  ', 'What does on-call look like?'], T0 + 105 * MIN));
    assert.equal(loopState(loop, T0 + 200 * MIN).stage, 'done');

    const report = loopReport(loop, ['What would success look like in six months?'], T0 + 200 * MIN);
    assert.equal(report.totalMs, 105 * MIN, 'the loop ended when the candidate finished it');
    const [c, d, s] = report.rounds;
    assert.deepEqual([c.outcome, c.usedMs, c.plannedMs], ['solved', 38 * MIN, 45 * MIN]);
    assert.equal(c.coverage, '2 of 3 edge-case tags anticipated; missed: large');
    assert.equal(c.score, '6/7');
    assert.equal(d.outcome, 'rated');
    assert.equal(d.score, `${3 * DESIGN_RUBRIC.length}/${4 * DESIGN_RUBRIC.length}`);
    assert.match(d.coverage ?? '', /^\d+ of \d+ failure modes anticipated/);
    assert.equal(d.decisionLog, `${design.gate!.decisions} of 5 decisions with an alternative`);
    assert.deepEqual([s.outcome, s.score, s.usedMs], ['a story that does not answer the question', '8/16', 3 * MIN]);
    assert.deepEqual(report.questions, { asked: ['How does the team decide what to build next?', 'What does on-call look like?'], suggestions: [] });

    const markdown = loopReportMarkdown(report);
    assert.match(markdown, /\| 1\. First Unique Title \| Coding \| solved \| 38:00 \/ 45:00 \| 2 of 3 edge-case tags anticipated; missed: large \| — \| 6\/7 \|/);
    assert.match(markdown, /\| 2\. Playback quality pipeline \| System design \| rated \|/);
    assert.match(markdown, /\| 3\. Tell me about a time you changed your mind \| Behavioural \|/);
    assert.match(markdown, /## Questions you asked the interviewer\n\n- How does the team decide what to build next\?\n- What does on-call look like\?/);
  });

  it('with no questions written the report shows the pack\'s suggestions; rounds left undone count as skipped', () => {
    let loop: LoopSession = planLoop({ id: 'l1', rounds: ROUNDS, breakMinutes: 5 }, T0);
    loop = ok(startLoopRound(loop, 0, T0));
    loop = ok(skipLoopRound(loop, 0, T0 + 5 * MIN));
    loop = ok(finishLoop(loop, ['   '], T0 + 6 * MIN));
    assert.ok(isLoopError(finishLoop(loop, [], T0 + 7 * MIN)), 'finished twice');
    const report = loopReport(loop, ['What would success look like in six months?'], T0 + 7 * MIN);
    assert.deepEqual(report.rounds.map((r) => [r.outcome, r.usedMs]), [['skipped', 5 * MIN], ['skipped', 0], ['skipped', 0]]);
    assert.deepEqual(report.questions, { asked: [], suggestions: ['What would success look like in six months?'] });
    assert.match(loopReportMarkdown(report), /_You wrote none\. Questions worth asking:_\n\n- What would success look like in six months\?/);
  });
});
