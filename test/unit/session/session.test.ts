import * as assert from 'node:assert/strict';
import { startAttempt, submitPlan, expire, recordRun, recordComplexity, isAttemptError, type Attempt } from '../../../src/core/attempt';
import type { Problem } from '../../../src/core/pack/types';
import {
  advanceAttemptPhase,
  attemptPhases,
  caseInputText,
  definitionLineOf,
  withLastRunCoverage,
  type RunRecordWithCoverage,
  eventNotice,
  historyRow,
  hintsMarkdown,
  latestPerKind,
  mockMixes,
  parsePhasesSetting,
  timerModeOf,
  timerTooltipMarkdown,
} from '../../../src/core/session';
import { dueEvents, timerState, totalMinutesOf, type TimerEvent } from '../../../src/core/timer';

const T0 = Date.UTC(2025, 0, 2, 10, 0, 0);
const MIN = 60_000;

function attempt(mode: 'strict' | 'practice' = 'strict', minutes = { clarify: 1, plan: 2, code: 10, test: 2 }): Attempt {
  return startAttempt(
    {
      id: 'a1',
      packId: 'p',
      problemId: 'two',
      language: 'javascript',
      solutionPath: '/w/solution.js',
      attemptDir: '/w',
      mode,
      phases: (['clarify', 'plan', 'code', 'test'] as const).map((name) => ({ name, minutes: minutes[name] })),
    },
    T0,
  );
}

const PLAN = ['## Problem restated', 'Return the first unique id.', '## Edge cases', '- empty input', '- a single element', '- duplicates', '## Invariant', 'counts hold totals', '## Complexity', 'Time: O(n), space: O(n)', ''].join('\n');

describe('session: mode and schedule', () => {
  it('interview mode is a strict timer and practice mode a practice one', () => {
    assert.equal(timerModeOf('interview'), 'strict');
    assert.equal(timerModeOf('practice'), 'practice');
  });

  it('the problem phases win over the pack defaults, which win over the settings, and the total is the problem minutes', () => {
    const phases = attemptPhases({ phases: { code: 10 }, minutes: 20 }, { code: 99, test: 4 }, { clarify: 2, test: 99 });
    const byName = Object.fromEntries(phases.map((p) => [p.name, p.minutes]));
    assert.equal(byName.code, 10);
    assert.equal(byName.test, 4);
    assert.equal(byName.clarify, 2);
    assert.equal(totalMinutesOf(phases), 20);
  });

  it('a mock share overrides the problem minutes as the total', () => {
    assert.equal(Math.round(totalMinutesOf(attemptPhases({ minutes: 45 }, undefined, undefined, 12)) * 60), 12 * 60);
  });

  it('the phases setting keeps valid minutes and reports the rest', () => {
    const parsed = parsePhasesSetting({ plan: 3, code: -1, lunch: 5, test: 'x', clarify: 0.5 });
    assert.deepEqual(parsed?.phases, { plan: 3, clarify: 0.5 });
    assert.equal(parsed?.problems.length, 3);
    assert.match(parsed!.problems.join('\n'), /"lunch" is not a phase/);
    assert.equal(parsePhasesSetting([1, 2]), undefined);
    assert.equal(parsePhasesSetting('10'), undefined);
  });
});

describe('session: timer events', () => {
  it('after a long absence only the latest event of each kind is shown, in order', () => {
    const a = attempt('practice');
    const due = dueEvents(a.timer, [], T0 + 20 * MIN);
    assert.ok(due.filter((e) => e.kind === 'phase-end').length >= 2);
    const shown = latestPerKind(due);
    assert.deepEqual(shown.map((e) => e.key), ['warning', 'phase-end:code', 'expired']);
  });

  it('a phase end names the next phase; expiry says what strict and practice do', () => {
    const event: TimerEvent = { key: 'phase-end:plan', kind: 'phase-end', phase: 'plan', nextPhase: 'code', atElapsedMs: 3 * MIN, remainingMs: 12 * MIN, dueInMs: 0 };
    const notice = eventNotice(event, 'strict', 'Two Sum');
    assert.equal(notice.severity, 'info');
    assert.match(notice.text, /plan phase is over\. Next: code\. 12:00 left/);
    const expired: TimerEvent = { key: 'expired', kind: 'expired', atElapsedMs: 15 * MIN, remainingMs: 0, dueInMs: 0 };
    assert.match(eventNotice(expired, 'strict', 'X').text, /read-only.*one final run/);
    assert.match(eventNotice(expired, 'practice', 'X').text, /overtime/);
    assert.match(eventNotice({ ...expired, key: 'warning', kind: 'warning', remainingMs: 5 * MIN }, 'strict', 'X').text, /5 minutes left/);
  });
});

describe('session: texts', () => {
  it('the tooltip lists the phase plan with the current phase marked and the attempt status', () => {
    const a = attempt();
    const text = timerTooltipMarkdown(a, 'Two Sum', T0 + 2 * MIN);
    assert.match(text, /\*\*Two Sum\*\* · javascript · interview mode/);
    assert.match(text, /\| ✓ \| clarify \| 01:00 \|/);
    assert.match(text, /\| ▶ \| plan \| 02:00 \|/);
    assert.match(text, /\| · \| code \| 10:00 \|/);
    assert.match(text, /Plan not submitted yet/);
    const expired = expire(a, T0 + 16 * MIN) as Attempt;
    assert.match(timerTooltipMarkdown(expired, 'Two Sum', T0 + 16 * MIN), /Status: failed \(one final run left\)/);
  });

  it('a case input names the parameters, one per line, and pretty-prints a value too wide for the line', () => {
    const problem = {
      function: { name: 'f', params: [{ name: 'titles', type: 'string[]' }, { name: 'k', type: 'int' }], returns: 'int' },
      cases: [{ name: 'c', tags: [], args: [['a', 'b'], 3] }, { name: 'wide', tags: [], args: [Array.from({ length: 8 }, (_, i) => [i, i + 10, i + 100, i + 1000]), 1] }],
    } as unknown as Problem;
    assert.equal(caseInputText(problem, 0), 'titles = ["a","b"]\nk = 3');
    const wide = caseInputText(problem, 1).split('\n');
    assert.equal(wide[0], 'titles =');
    assert.ok(wide.length > 3 && wide.slice(1, -1).every((line) => line.startsWith('  ')), wide.join('\n'));
    assert.equal(wide[wide.length - 1], 'k = 1');
    assert.equal(caseInputText(problem, 7), '');
    const cls = { cases: [{ name: 'ops', tags: [], ops: ['Cache', 'get'], opArgs: [[2], [1]] }] } as unknown as Problem;
    assert.equal(caseInputText(cls, 0), 'ops = ["Cache","get"]\nargs = [[2],[1]]');
  });

  it('a history row shows problem, language, outcome and duration', () => {
    const planned = submitPlan(attempt(), PLAN, T0 + MIN);
    assert.ok(!isAttemptError(planned));
    const solved = recordRun(planned, { cases: [{ name: 'c', tags: [], verdict: 'passed' }] }, T0 + 5 * MIN);
    assert.ok(!isAttemptError(solved));
    const row = historyRow(solved, 'Two Sum', T0 + 60 * MIN);
    assert.equal(row.label, '$(pass-filled) Two Sum');
    assert.equal(row.description, 'javascript · solved · 05:00');
    assert.match(row.detail, /^2025-01-02 10:00 UTC · interview · 1 run\(s\), last 1\/1 passed · 0 hint\(s\)$/);
    assert.match(historyRow(attempt(), 'Two Sum', T0 + 90_000).description, /in progress · 01:30/);
    // With the complexity measured after its passing run.
    const measured = recordComplexity(solved, { at: T0 + 6 * MIN, stated: 'O(n)', label: 'O(n²)', sentence: 'Complexity: you stated O(n); measured O(n²) — slower than stated.' });
    assert.equal(historyRow(measured, 'Two Sum', T0 + 60 * MIN).description, 'javascript · solved · 05:00 · measured O(n²)');
    assert.match(historyRow(measured, 'Two Sum', T0 + 60 * MIN).detail, /· 0 hint\(s\) · you stated O\(n\); measured O\(n²\) — slower than stated$/);
    const unmeasured = recordComplexity(solved, { at: T0 + 6 * MIN, label: 'not measured: the solution stopped at n = 1 (error)', sentence: 'Complexity: not measured: the solution stopped at n = 1 (error).' });
    assert.equal(historyRow(unmeasured, 'Two Sum', T0 + 60 * MIN).description, 'javascript · solved · 05:00 · complexity not measured');
  });

  it('the hints file shows the revealed hints only and counts the rest', () => {
    const text = hintsMarkdown('Two Sum', ['first', 'second', 'third'], 2);
    assert.match(text, /## Hint 1 of 3\n\nfirst/);
    assert.match(text, /## Hint 2 of 3\n\nsecond/);
    assert.ok(!text.includes('third'));
    assert.match(text, /1 more hint:/);
    assert.match(hintsMarkdown('Two Sum', ['first'], 1), /No more hints/);
  });

  it('mock mixes add up to the number of problems', () => {
    for (const count of [1, 2, 3, 4]) {
      for (const mix of mockMixes(count).slice(1)) {
        const sum = Object.values(mix.difficulty ?? {}).reduce((a, b) => a + (b ?? 0), 0);
        assert.equal(sum, count, `${mix.label} for ${count}`);
      }
    }
  });
});

describe('session: solution lines and stored coverage', () => {
  it('finds where a solution defines the function, in each language', () => {
    assert.equal(definitionLineOf('import x\n\ndef first_unique(t):\n  pass', 'first_unique'), 3);
    assert.equal(definitionLineOf('// c\nfunction firstUnique(t) {}', 'firstUnique'), 2);
    assert.equal(definitionLineOf('\n\nexport const firstUnique = (t: string[]) => "";', 'firstUnique'), 3);
    assert.equal(definitionLineOf('class LRUCache:\n', 'LRUCache'), 1);
    assert.equal(definitionLineOf('function firstUniqueX() {}', 'firstUnique'), 1);
  });

  it('the last run keeps the coverage it was shown; an attempt without runs is unchanged', () => {
    const a = attempt();
    assert.equal(withLastRunCoverage(a, { anticipated: [], missed: [], extra: [], text: '' }), a);
    const planned = submitPlan(a, PLAN, T0 + MIN) as Attempt;
    const run = recordRun(planned, { cases: [{ name: 'c', tags: ['empty'], verdict: 'failed' }] }, T0 + 2 * MIN) as Attempt;
    const withCoverage = withLastRunCoverage(run, { anticipated: [{ tag: 'empty' }], missed: [{ tag: 'large' }], extra: ['single'], text: 'You anticipated empty.' });
    const last = withCoverage.runs[0] as RunRecordWithCoverage;
    assert.deepEqual(last.coverage, { anticipated: ['empty'], missed: ['large'], extra: ['single'], text: 'You anticipated empty.' });
    assert.equal(last.failed, 1);
  });
});

describe('session: advancing a phase', () => {
  it('moves to the next phase now, and refuses past the last one or on a closed attempt', () => {
    const a = attempt();
    const next = advanceAttemptPhase(a, T0 + 30_000);
    assert.ok(!isAttemptError(next));
    assert.equal(timerState(next.timer, T0 + 30_000).phase, 'plan');
    assert.ok(next.phaseTimes.clarify > 0);
    let last: Attempt = next;
    for (let i = 0; i < 2; i++) last = advanceAttemptPhase(last, T0 + 40_000 + i) as Attempt;
    assert.equal(timerState(last.timer, T0 + 50_000).phase, 'test');
    const refused = advanceAttemptPhase(last, T0 + 60_000);
    assert.ok(isAttemptError(refused));
    assert.match(refused.error, /test phase is the last one/);
    const closed = expire(a, T0 + 20 * MIN) as Attempt;
    assert.ok(isAttemptError(advanceAttemptPhase(closed, T0 + 20 * MIN)));
  });
});
