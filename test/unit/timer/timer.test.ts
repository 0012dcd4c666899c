import * as assert from 'node:assert/strict';
import {
  advanceToPhase,
  dueEvents,
  formatDuration,
  formatStatus,
  isTimerError,
  nextEvents,
  pauseTimer,
  phaseTimesMs,
  resolvePhases,
  resumeTimer,
  startTimer,
  stopTimer,
  timerState,
  totalMinutesOf,
  type PhasePlan,
  type TimerData,
} from '../../../src/core/timer';

const MIN = 60_000;
const T0 = 1_700_000_000_000;
/** 5 / 10 / 25 / 5 minutes: a 45-minute interview. */
const SCHEDULE: PhasePlan[] = resolvePhases();

function ok(value: TimerData | { error: string }): TimerData {
  if (isTimerError(value)) throw new Error(`unexpected refusal: ${value.error}`);
  return value;
}

describe('resolvePhases', () => {
  it('uses the built-in 5/10/25/5 schedule when nothing is given', () => {
    assert.deepEqual(resolvePhases().map((p) => p.minutes), [5, 10, 25, 5]);
  });

  it('takes each phase from the problem first, then the pack, then the settings', () => {
    const phases = resolvePhases({ plan: 7 }, { plan: 9, clarify: 3 }, { clarify: 1, test: 8, code: 20 });
    assert.deepEqual(phases.map((p) => [p.name, p.minutes]), [['clarify', 3], ['plan', 7], ['code', 20], ['test', 8]]);
  });

  it('fills unset phases from what the total leaves, in default proportions', () => {
    const phases = resolvePhases({ plan: 10 }, undefined, undefined, 45);
    // 35 minutes left for clarify/code/test in proportions 5:25:5.
    assert.deepEqual(phases.map((p) => p.minutes), [5, 10, 25, 5]);
    const short = resolvePhases({ clarify: 2, plan: 3 }, undefined, undefined, 20);
    assert.deepEqual(short.map((p) => p.minutes), [2, 3, 12.5, 2.5]);
  });

  it('scales every phase to the total when set phases already fill it', () => {
    const phases = resolvePhases({ clarify: 10, plan: 10, code: 40, test: 20 }, undefined, undefined, 40);
    assert.deepEqual(phases.map((p) => p.minutes), [5, 5, 20, 10]);
    assert.equal(totalMinutesOf(resolvePhases({ code: 60 }, undefined, undefined, 30)), 30);
  });

  it('rounds to whole seconds and keeps the sum exact', () => {
    const phases = resolvePhases(undefined, undefined, undefined, 17);
    assert.equal(Math.round(totalMinutesOf(phases) * 60), 17 * 60);
    for (const p of phases) assert.ok(Math.abs(p.minutes * 60 - Math.round(p.minutes * 60)) < 1e-9, `${p.name}: ${p.minutes}`);
    assert.notEqual(phases[0].minutes, 17 / 9); // 5/45 of 17 minutes, rounded to the second
  });

  it('ignores negative and non-numeric durations', () => {
    const phases = resolvePhases({ plan: -4, code: Number.NaN }, { plan: 12 });
    assert.deepEqual(phases.map((p) => p.minutes), [5, 12, 25, 5]);
  });
});

describe('timerState', () => {
  it('moves through the phases as running time passes', () => {
    const t = startTimer(SCHEDULE, 'strict', T0);
    assert.equal(timerState(t, T0).phase, 'clarify');
    assert.equal(timerState(t, T0 + 4 * MIN).phaseRemainingMs, MIN);
    assert.equal(timerState(t, T0 + 5 * MIN).phase, 'plan');
    assert.equal(timerState(t, T0 + 15 * MIN).phase, 'code');
    assert.equal(timerState(t, T0 + 41 * MIN).phase, 'test');
    const s = timerState(t, T0 + 44 * MIN);
    assert.equal(s.remainingMs, MIN);
    assert.equal(s.expired, false);
  });

  it('reports overtime and expiry past the total', () => {
    const s = timerState(startTimer(SCHEDULE, 'practice', T0), T0 + 47 * MIN);
    assert.equal(s.expired, true);
    assert.equal(s.remainingMs, 0);
    assert.equal(s.overtimeMs, 2 * MIN);
    assert.equal(s.phase, 'test');
  });

  it('excludes pauses from the elapsed time, including one still open', () => {
    let t = startTimer(SCHEDULE, 'practice', T0);
    t = ok(pauseTimer(t, T0 + 10 * MIN));
    assert.equal(timerState(t, T0 + 30 * MIN).elapsedMs, 10 * MIN);
    assert.equal(timerState(t, T0 + 30 * MIN).paused, true);
    t = ok(resumeTimer(t, T0 + 30 * MIN));
    const s = timerState(t, T0 + 32 * MIN);
    assert.equal(s.elapsedMs, 12 * MIN);
    assert.equal(s.paused, false);
    assert.deepEqual(t.pauses, [{ at: T0 + 10 * MIN, resumedAt: T0 + 30 * MIN }]);
  });

  it('gives the same reading from stored state after a reload', () => {
    let t = startTimer(SCHEDULE, 'practice', T0);
    t = ok(pauseTimer(t, T0 + MIN));
    t = ok(resumeTimer(t, T0 + 3 * MIN));
    const reloaded = JSON.parse(JSON.stringify(t)) as TimerData;
    assert.deepEqual(timerState(reloaded, T0 + 20 * MIN), timerState(t, T0 + 20 * MIN));
    assert.equal(timerState(reloaded, T0 + 20 * MIN).elapsedMs, 18 * MIN);
  });

  it('never goes negative when the clock is behind the start', () => {
    const s = timerState(startTimer(SCHEDULE, 'strict', T0), T0 - 5000);
    assert.equal(s.elapsedMs, 0);
    assert.equal(s.phase, 'clarify');
  });

  it('freezes once stopped', () => {
    const t = stopTimer(startTimer(SCHEDULE, 'strict', T0), T0 + 20 * MIN);
    assert.equal(timerState(t, T0 + 90 * MIN).elapsedMs, 20 * MIN);
    assert.equal(timerState(t, T0 + 90 * MIN).stopped, true);
  });
});

describe('pause and resume', () => {
  it('are refused in interview mode with a message in the words of the setting', () => {
    const t = startTimer(SCHEDULE, 'strict', T0);
    const r = pauseTimer(t, T0 + MIN);
    assert.ok(isTimerError(r));
    assert.match(r.error, /interview mode/);
    assert.doesNotMatch(r.error, /strict/);
    assert.ok(isTimerError(resumeTimer(t, T0 + MIN)));
  });

  it('refuse pausing twice and resuming a running timer', () => {
    const t = ok(pauseTimer(startTimer(SCHEDULE, 'practice', T0), T0 + MIN));
    assert.match((pauseTimer(t, T0 + 2 * MIN) as { error: string }).error, /already paused/);
    assert.match((resumeTimer(startTimer(SCHEDULE, 'practice', T0), T0) as { error: string }).error, /not paused/);
  });

  it('log every pause and resume', () => {
    let t = startTimer(SCHEDULE, 'practice', T0);
    t = ok(pauseTimer(t, T0 + MIN));
    t = ok(resumeTimer(t, T0 + 2 * MIN));
    t = ok(pauseTimer(t, T0 + 5 * MIN));
    assert.deepEqual(t.pauses, [{ at: T0 + MIN, resumedAt: T0 + 2 * MIN }, { at: T0 + 5 * MIN }]);
  });
});

describe('manual phase advance', () => {
  it('moves to a later phase early and keeps its scheduled end', () => {
    let t = startTimer(SCHEDULE, 'strict', T0);
    t = ok(advanceToPhase(t, 'code', T0 + 8 * MIN));
    const s = timerState(t, T0 + 9 * MIN);
    assert.equal(s.phase, 'code');
    assert.equal(s.phaseRemainingMs, 31 * MIN);
  });

  it('refuses to move backwards', () => {
    const t = startTimer(SCHEDULE, 'strict', T0);
    assert.ok(isTimerError(advanceToPhase(t, 'clarify', T0 + 20 * MIN)));
  });

  it('counts the actual time spent per phase', () => {
    let t = startTimer(SCHEDULE, 'practice', T0);
    t = ok(advanceToPhase(t, 'code', T0 + 8 * MIN)); // clarify 5, plan 3
    t = ok(pauseTimer(t, T0 + 10 * MIN));
    t = ok(resumeTimer(t, T0 + 15 * MIN)); // 5 paused minutes do not count
    const times = phaseTimesMs(t, T0 + 50 * MIN); // 45 running minutes
    assert.deepEqual(times, { clarify: 5 * MIN, plan: 3 * MIN, code: 32 * MIN, test: 5 * MIN });
  });
});

describe('timer events', () => {
  it('lists phase ends, the five-minute warning and expiry in order', () => {
    const events = nextEvents(startTimer(SCHEDULE, 'strict', T0), T0);
    assert.deepEqual(events.map((e) => e.key), ['phase-end:clarify', 'phase-end:plan', 'phase-end:code', 'warning', 'expired']);
    assert.equal(events[0].dueAt, T0 + 5 * MIN);
    assert.equal(events[0].nextPhase, 'plan');
    assert.equal(events[3].dueAt, T0 + 40 * MIN);
    // The code phase ends as the five-minute warning falls due: the event says how much is left.
    assert.equal(events[2].remainingMs, 5 * MIN);
    assert.equal(events[4].dueAt, T0 + 45 * MIN);
  });

  it('shifts the moments by the time spent paused and has none while paused', () => {
    let t = startTimer(SCHEDULE, 'practice', T0);
    t = ok(pauseTimer(t, T0 + MIN));
    assert.equal(nextEvents(t, T0 + 3 * MIN)[0].dueAt, undefined);
    t = ok(resumeTimer(t, T0 + 3 * MIN));
    assert.equal(nextEvents(t, T0 + 3 * MIN)[0].dueAt, T0 + 7 * MIN);
  });

  it('drops the end of a phase the candidate left early', () => {
    const t = ok(advanceToPhase(startTimer(SCHEDULE, 'strict', T0), 'code', T0 + 8 * MIN));
    assert.deepEqual(nextEvents(t, T0 + 9 * MIN).map((e) => e.key), ['phase-end:code', 'warning', 'expired']);
  });

  it('reports events that fell due while the window was closed once, not the ones shown before', () => {
    const t = startTimer(SCHEDULE, 'strict', T0);
    // The window showed the clarify end, then closed; it reopens at minute 42.
    const due = dueEvents(t, ['phase-end:clarify'], T0 + 42 * MIN);
    assert.deepEqual(due.map((e) => e.key), ['phase-end:plan', 'phase-end:code', 'warning']);
    const acknowledged = ['phase-end:clarify', ...due.map((e) => e.key)];
    // A second reload a moment later fires nothing again.
    assert.deepEqual(dueEvents(t, acknowledged, T0 + 43 * MIN), []);
    assert.deepEqual(dueEvents(t, acknowledged, T0 + 45 * MIN).map((e) => e.key), ['expired']);
  });

  it('has no warning when the whole interview is five minutes or less', () => {
    const t = startTimer(resolvePhases(undefined, undefined, undefined, 5), 'strict', T0);
    assert.ok(!nextEvents(t, T0).some((e) => e.kind === 'warning'));
  });

  it('has nothing to come once stopped', () => {
    assert.deepEqual(nextEvents(stopTimer(startTimer(SCHEDULE, 'strict', T0), T0 + MIN), T0 + 2 * MIN), []);
  });
});

describe('status text', () => {
  it('shows the phase with its time left, then the total left, overtime with a plus, and pauses', () => {
    const t = startTimer(SCHEDULE, 'practice', T0);
    assert.equal(formatStatus(timerState(t, T0 + 21 * MIN + 19_000)), '⏱ code 18:41 · 23:41');
    assert.equal(formatStatus(timerState(t, T0 + 47 * MIN + 10_000)), '⏱ overtime +02:10');
    const paused = ok(pauseTimer(t, T0 + MIN));
    assert.equal(formatStatus(timerState(paused, T0 + 2 * MIN)), '⏸ clarify 04:00 · 44:00 (paused)');
  });

  it('puts the caller\'s icons in front, running or paused', () => {
    const t = startTimer(SCHEDULE, 'practice', T0);
    const icons = { running: '$(watch)', paused: '$(debug-pause)' };
    assert.equal(formatStatus(timerState(t, T0 + 21 * MIN + 19_000), icons), '$(watch) code 18:41 · 23:41');
    const paused = ok(pauseTimer(t, T0 + MIN));
    assert.equal(formatStatus(timerState(paused, T0 + 2 * MIN), icons), '$(debug-pause) clarify 04:00 · 44:00 (paused)');
  });

  it('rounds the time left up so 00:00 means the time is up', () => {
    const t = startTimer(SCHEDULE, 'strict', T0);
    assert.equal(formatStatus(timerState(t, T0 + 45 * MIN - 400)), '⏱ test 00:01');
    assert.equal(formatDuration(3_723_000), '1:02:03');
  });
});
