import * as assert from 'node:assert/strict';
import { exportCsv, exportJson, importJson } from '../../../src/core/progress/exchange';
import { MIN, T0, makeAttempt } from './helpers';

const attempts = [
  makeAttempt({ id: 'a1', start: T0, ending: 'solved', after: 40, tags: ['empty', 'ordering'] }),
  makeAttempt({ id: 'a2', problemId: 'p2', start: T0 + 60 * MIN, ending: 'failed', hints: 1 }),
];

describe('history export and import', () => {
  it('round-trips attempts and rating overrides through JSON', () => {
    const text = exportJson(attempts, { a2: 'hard' }, T0);
    const result = importJson(text, []);
    assert.deepEqual(result.attempts, attempts);
    assert.deepEqual(result.overrides, { a2: 'hard' });
    assert.deepEqual(result.issues, []);
  });

  it('never imports an attempt twice: same id, or the same problem started at the same moment', () => {
    const text = exportJson(attempts, {}, T0);
    assert.equal(importJson(text, attempts).attempts.length, 0);
    assert.equal(importJson(text, attempts).duplicates, 2);
    const renamed = { ...attempts[0], id: 'other-id' };
    const again = importJson(text, [renamed]);
    assert.deepEqual(again.attempts.map((a) => a.id), ['a2']);
    // A file that lists an attempt twice brings it in once.
    const doubled = JSON.parse(text) as { attempts: unknown[] };
    doubled.attempts.push(doubled.attempts[0]);
    assert.equal(importJson(JSON.stringify(doubled), []).attempts.length, 2);
  });

  it('skips malformed and open attempts with where they are, and refuses a file that is not an export', () => {
    const doc = JSON.parse(exportJson(attempts, {}, T0)) as { attempts: Record<string, unknown>[] };
    doc.attempts[0] = { ...doc.attempts[0], status: 'brilliant' };
    doc.attempts.push(makeAttempt({ id: 'a3', start: T0 + 90 * MIN, ending: 'open' }) as unknown as Record<string, unknown>);
    const result = importJson(JSON.stringify(doc), []);
    assert.deepEqual(result.attempts.map((a) => a.id), ['a2']);
    assert.equal(result.open, 1);
    assert.equal(result.issues[0].at, 'attempts[0]');
    assert.match(result.issues[0].message, /attempt\.status must be one of/);
    assert.match(importJson('{"attempts": []}', []).issues[0].message, /not a Drills history export/);
    const broken = importJson('{\n  "format": "drills-history",\n  "attempts": [,]\n}', []);
    assert.equal(broken.issues[0].at, 'line 3, column 16');
  });

  it('writes a CSV row per attempt with times, limits, coverage and the rating, quoting what needs it', () => {
    const csv = exportCsv(attempts, { a1: 'good' });
    const lines = csv.trimEnd().split('\r\n');
    assert.equal(lines[0], 'id,pack,problem,language,mode,status,started,closed,minutes,limit_minutes,runs,first_run_passed,hints,stated_tags,anticipated_tags,missed_tags,rating');
    assert.equal(lines[1], `a1,builtin,two-sum,python,strict,solved,${new Date(T0).toISOString()},${new Date(T0 + 40 * MIN).toISOString()},40,45,1,yes,0,duplicates empty negative,empty,ordering,good`);
    assert.match(lines[2], /^a2,builtin,p2,python,strict,failed,.*,1,no,1,duplicates empty negative,empty,,again$/);
    const tricky = { ...attempts[0], id: 'x1', problemId: '=cmd, "quoted"' };
    assert.match(exportCsv([tricky]).split('\r\n')[1], /^x1,builtin,"'=cmd, ""quoted""",/);
  });
});
