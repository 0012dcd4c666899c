import * as assert from 'node:assert/strict';
import {
  abandon,
  acknowledgeEvents,
  attemptDurationMs,
  expire,
  finish,
  isAttemptError,
  isOpen,
  newAttemptId,
  pauseAttempt,
  resumeAttempt,
  problemProgress,
  recordRun,
  revealHint,
  submitPlan,
  type Attempt,
} from '../../../src/core/attempt';
import { pauseTimer, resumeTimer, timerState, isTimerError } from '../../../src/core/timer';
import { MIN, PLAN, T0, newAttempt, ok, run } from './fixtures';

describe('attempt lifecycle', () => {
  it('starts in progress with an empty record', () => {
    const a = newAttempt('strict');
    assert.equal(a.status, 'in-progress');
    assert.deepEqual([a.runs, a.hintsRevealed, a.acknowledgedEvents], [[], [], []]);
    assert.equal(isOpen(a), true);
  });

  it('refuses an attempt id that is not a safe file name', () => {
    assert.throws(() => newAttempt('strict', '../evil'), /safe file name/);
  });

  it('makes sortable ids from the clock and the injected randomness', () => {
    let i = 0;
    const random = (): number => [0.1, 0.5, 0.99][i++ % 3];
    const id = newAttemptId(T0, random);
    assert.match(id, /^20261124T150000Z-[0-9a-z]{8}$/);
    assert.ok(newAttemptId(T0 + 1000, () => 0) > newAttemptId(T0, () => 0.99));
  });
});

describe('submitPlan', () => {
  it('refuses an incomplete plan with the issues and their lines', () => {
    const r = submitPlan(newAttempt('strict'), '# Plan\n## Edge cases\n- empty\n', T0 + MIN);
    assert.ok(isAttemptError(r));
    assert.match(r.error, /not complete/);
    assert.ok(r.issues && r.issues.length >= 4);
    assert.ok(r.issues.some((i) => i.line === 2 && /at least 3/.test(i.message)));
  });

  it('records the plan with stated tags and moves the timer to coding', () => {
    const a = ok(submitPlan(newAttempt('strict'), PLAN, T0 + 8 * MIN));
    assert.equal(a.planSubmittedAt, T0 + 8 * MIN);
    assert.deepEqual(a.plan?.statedTags, ['duplicates', 'empty', 'negative']);
    assert.equal(a.plan?.edgeCases[0].line, 5);
    assert.equal(a.plan?.complexity, 'O(n) time, O(n) space');
    assert.equal(timerState(a.timer, T0 + 9 * MIN).phase, 'code');
    assert.deepEqual(a.phaseTimes, { clarify: 5 * MIN, plan: 3 * MIN, code: 0, test: 0 });
  });

  it('keeps the schedule when the plan comes after the plan phase ended', () => {
    const a = ok(submitPlan(newAttempt('strict'), PLAN, T0 + 20 * MIN));
    assert.deepEqual(a.timer.advances, []);
  });
});

describe('recordRun', () => {
  it('keeps a failing run and the attempt goes on', () => {
    const a = ok(recordRun(newAttempt('strict'), run(['passed', 'failed', 'timeout'], [['empty'], [], ['large']]), T0 + 20 * MIN));
    assert.equal(a.status, 'in-progress');
    assert.deepEqual({ ...a.runs[0], verdicts: a.runs[0].verdicts.length }, { at: T0 + 20 * MIN, late: false, passed: 1, failed: 2, total: 3, verdicts: 3 });
    assert.deepEqual(a.runs[0].verdicts[2], { name: 'case 3', tags: ['large'], verdict: 'timeout' });
  });

  it('closes the attempt as solved when every case passes in time', () => {
    const a = ok(recordRun(newAttempt('strict'), run(['passed', 'passed']), T0 + 30 * MIN));
    assert.equal(a.status, 'solved');
    assert.equal(a.closedAt, T0 + 30 * MIN);
    assert.equal(attemptDurationMs(a, T0 + 90 * MIN), 30 * MIN);
    assert.equal(isOpen(a), false);
    assert.match((recordRun(a, run(['passed']), T0 + 31 * MIN) as { error: string }).error, /closed/);
  });

  it('does not count a partial run, a run error or an empty run as solving', () => {
    const a = newAttempt('strict');
    assert.equal(ok(recordRun(a, run(['passed']), T0 + MIN, 5)).status, 'in-progress');
    assert.equal(ok(recordRun(a, { cases: [{ name: 'x', tags: [], verdict: 'passed' }], error: { message: 'harness crashed' } }, T0 + MIN)).status, 'in-progress');
    const empty = ok(recordRun(a, { cases: [], error: { message: 'python3 not found' } }, T0 + MIN));
    assert.equal(empty.status, 'in-progress');
    assert.equal(empty.runs[0].error, 'python3 not found');
  });
});

describe('expiry in strict mode', () => {
  it('closes the attempt as failed at the moment the time ran out, with one final run open', () => {
    const a = ok(expire(newAttempt('strict'), T0 + 50 * MIN)); // the window noticed 5 minutes late
    assert.equal(a.status, 'failed');
    assert.equal(a.expiredAt, T0 + 45 * MIN);
    assert.equal(a.closedAt, T0 + 45 * MIN);
    assert.equal(a.finalRunOpen, true);
    assert.equal(isOpen(a), true);
  });

  it('judges the one final run as late: passing makes it solved late, a second run is refused', () => {
    const expired = ok(expire(newAttempt('strict'), T0 + 45 * MIN));
    const a = ok(recordRun(expired, run(['passed', 'passed']), T0 + 46 * MIN));
    assert.equal(a.status, 'solved-late');
    assert.equal(a.runs[0].late, true);
    assert.equal(a.finalRunOpen, false);
    assert.match((recordRun(a, run(['passed']), T0 + 47 * MIN) as { error: string }).error, /final run has been used/);
  });

  it('stays failed when the final run fails', () => {
    const expired = ok(expire(newAttempt('strict'), T0 + 45 * MIN));
    assert.equal(ok(recordRun(expired, run(['failed']), T0 + 46 * MIN)).status, 'failed');
  });

  it('applies the expiry itself when a run arrives after the time is up', () => {
    const a = ok(recordRun(newAttempt('strict'), run(['passed']), T0 + 60 * MIN));
    assert.equal(a.status, 'solved-late');
    assert.equal(a.expiredAt, T0 + 45 * MIN);
    assert.equal(a.runs[0].late, true);
  });

  it('refuses to expire early and changes nothing when expired twice', () => {
    const a = newAttempt('strict');
    assert.match((expire(a, T0 + 44 * MIN) as { error: string }).error, /not up yet/);
    const once = ok(expire(a, T0 + 45 * MIN));
    assert.equal(expire(once, T0 + 46 * MIN), once);
  });

  it('gives up the final run on finish or abandon and stays failed', () => {
    const expired = ok(expire(newAttempt('strict'), T0 + 45 * MIN));
    for (const done of [ok(finish(expired, T0 + 46 * MIN)), ok(abandon(expired, T0 + 46 * MIN))]) {
      assert.equal(done.status, 'failed');
      assert.equal(isOpen(done), false);
    }
  });
});

describe('expiry in practice mode', () => {
  it('keeps going in overtime and a passing run there is solved late with the overtime recorded', () => {
    let a = ok(expire(newAttempt('practice'), T0 + 45 * MIN));
    assert.equal(a.status, 'in-progress');
    a = ok(recordRun(a, run(['failed']), T0 + 47 * MIN));
    assert.equal(a.runs[0].late, true);
    a = ok(recordRun(a, run(['passed']), T0 + 50 * MIN));
    assert.equal(a.status, 'solved-late');
    assert.equal(a.overtimeMs, 5 * MIN);
  });

  it('puts the expiry moment after the time spent paused', () => {
    let a = newAttempt('practice');
    const paused = pauseTimer(a.timer, T0 + 10 * MIN);
    assert.ok(!isTimerError(paused));
    const resumed = resumeTimer(paused, T0 + 25 * MIN);
    assert.ok(!isTimerError(resumed));
    a = { ...a, timer: resumed };
    assert.ok(isAttemptError(expire(a, T0 + 50 * MIN)));
    assert.equal(ok(expire(a, T0 + 70 * MIN)).expiredAt, T0 + 60 * MIN);
  });
});

describe('pausing an attempt', () => {
  it('pauses and resumes a practice attempt, and refuses in strict mode or once closed', () => {
    let a = ok(pauseAttempt(newAttempt('practice'), T0 + MIN));
    a = ok(resumeAttempt(a, T0 + 11 * MIN));
    assert.equal(timerState(a.timer, T0 + 21 * MIN).elapsedMs, 11 * MIN);
    assert.match((pauseAttempt(newAttempt('strict'), T0 + MIN) as { error: string }).error, /interview mode/);
    assert.match((pauseAttempt(ok(finish(a, T0 + 30 * MIN)), T0 + 31 * MIN) as { error: string }).error, /closed/);
  });
});

describe('hints, events, finish and abandon', () => {
  it('reveals hints one at a time, in order, and refuses past the last', () => {
    let a = newAttempt('strict');
    a = ok(revealHint(a, 2, T0 + MIN));
    a = ok(revealHint(a, 2, T0 + 2 * MIN));
    assert.deepEqual(a.hintsRevealed, [{ index: 0, at: T0 + MIN }, { index: 1, at: T0 + 2 * MIN }]);
    assert.match((revealHint(a, 2, T0 + 3 * MIN) as { error: string }).error, /All 2 hints/);
    assert.match((revealHint(a, 0, T0) as { error: string }).error, /no hints/);
  });

  it('remembers acknowledged timer events once each', () => {
    const a = acknowledgeEvents(acknowledgeEvents(newAttempt('strict'), ['phase-end:clarify']), ['phase-end:clarify', 'warning']);
    assert.deepEqual(a.acknowledgedEvents, ['phase-end:clarify', 'warning']);
  });

  it('finishing without a passing run fails; abandoning is recorded; a closed attempt refuses both', () => {
    const failed = ok(finish(newAttempt('practice'), T0 + 20 * MIN));
    assert.equal(failed.status, 'failed');
    assert.equal(failed.closedAt, T0 + 20 * MIN);
    const gaveUp = ok(abandon(newAttempt('practice'), T0 + 5 * MIN));
    assert.equal(gaveUp.status, 'abandoned');
    assert.ok(isAttemptError(abandon(gaveUp, T0 + 6 * MIN)));
    assert.ok(isAttemptError(finish(gaveUp, T0 + 6 * MIN)));
  });

  it('survives a JSON round trip unchanged', () => {
    const a = ok(recordRun(ok(submitPlan(newAttempt('strict'), PLAN, T0 + 8 * MIN)), run(['passed']), T0 + 20 * MIN));
    assert.deepEqual(JSON.parse(JSON.stringify(a)), a);
  });
});

describe('problemProgress', () => {
  const solvedIn = (id: string, minutes: number, start = T0): Attempt => {
    const a = { ...newAttempt('strict', id), timer: { ...newAttempt('strict', id).timer, startedAt: start } };
    return ok(recordRun(a, run(['passed']), start + minutes * MIN));
  };

  it('is new without attempts', () => {
    assert.deepEqual(problemProgress([]), { state: 'new', attempts: 0 });
  });

  it('is in progress while an attempt is open, and names it', () => {
    const p = problemProgress([solvedIn('a', 20), newAttempt('strict', 'b')]);
    assert.equal(p.state, 'in-progress');
    assert.equal(p.activeAttemptId, 'b');
  });

  it('is solved with the fastest solved time as best time', () => {
    const p = problemProgress([solvedIn('a', 30), solvedIn('b', 12, T0 + 60 * MIN), ok(finish(newAttempt('strict', 'c'), T0 + MIN))]);
    assert.equal(p.state, 'solved');
    assert.equal(p.bestTimeMs, 12 * MIN);
    assert.equal(p.attempts, 3);
    assert.equal(p.lastAttemptAt, T0 + 60 * MIN);
  });

  it('is solved late when only late solutions exist, and failed when nothing passed', () => {
    const late = ok(recordRun(ok(expire(newAttempt('strict', 'a'), T0 + 45 * MIN)), run(['passed']), T0 + 46 * MIN));
    assert.equal(problemProgress([late]).state, 'solved-late');
    assert.equal(problemProgress([late]).bestTimeMs, undefined);
    assert.equal(problemProgress([ok(abandon(newAttempt('strict', 'b'), T0 + MIN))]).state, 'failed');
  });
});
