import * as assert from 'node:assert/strict';
import { exportCsv, exportJson, importCsv, importJson, parseCsv } from '../../../src/core/progress/exchange';
import { ratingOfAttempt } from '../../../src/core/progress/review';
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

  describe('CSV import', () => {
    const history = [
      makeAttempt({ id: 'c1', start: T0, ending: 'abandoned', after: 12 }),
      makeAttempt({ id: 'c2', problemId: '=sum(A1)', start: T0 + 60 * MIN, ending: 'failed', hints: 2, after: 30 }),
      makeAttempt({ id: 'c3', problemId: 'p3', start: T0 + 120 * MIN, ending: 'solved-late', after: 55 }),
    ];

    it('round-trips the columns it restores: a re-export of the imported attempts is the same CSV but for the run columns', () => {
      const csv = exportCsv(history, { c1: 'hard' });
      const result = importCsv(csv, []);
      assert.deepEqual(result.issues, []);
      assert.deepEqual(result.attempts.map((a) => a.id), ['c1', 'c2', 'c3']);
      const again = exportCsv(result.attempts, result.overrides);
      // runs, first_run_passed, anticipated_tags and missed_tags come from verdicts, which a CSV does not carry.
      const keep = (text: string) => text.trimEnd().split('\r\n').map((line) => parseCsv(line).rows[0].map((f) => f.value).filter((_, i) => ![10, 11, 14, 15].includes(i)));
      assert.deepEqual(keep(again), keep(csv));
      // The rating exported is the one the review schedule uses: an override where the summary rates otherwise.
      for (const a of result.attempts) assert.equal(result.overrides[a.id] ?? ratingOfAttempt(a)?.rating, a.id === 'c1' ? 'hard' : ratingOfAttempt(history.find((h) => h.id === a.id)!)?.rating);
      assert.equal(result.attempts[1].problemId, '=sum(A1)', 'the defused formula comes back as it was');
      assert.equal(result.attempts[2].closedAt, history[2].closedAt);
    });

    it('never duplicates an attempt: a second import of the same file, or an attempt already in the history under another id, adds nothing', () => {
      const csv = exportCsv(history);
      const first = importCsv(csv, []);
      const second = importCsv(csv, first.attempts);
      assert.deepEqual([second.attempts.length, second.duplicates], [0, 3]);
      const renamed = importCsv(csv.replace('\r\nc3,', '\r\nother-id,'), history);
      assert.deepEqual([renamed.attempts.length, renamed.duplicates], [0, 3]);
      const doubled = importCsv(csv + csv.split('\r\n')[1] + '\r\n', []);
      assert.deepEqual([doubled.attempts.length, doubled.duplicates], [3, 1]);
    });

    it('reports a malformed CSV with the line and column of the problem, and still takes the good rows', () => {
      const header = exportCsv([]).trimEnd();
      const good = exportCsv([history[0]]).trimEnd().split('\r\n')[1];
      const unclosed = importCsv(`${header}\r\n${good}\r\nc9,builtin,"two-sum,python\r\n`, []);
      assert.deepEqual(unclosed.issues, [{ at: 'line 3, column 12', message: 'a quoted field is never closed' }]);
      assert.equal(unclosed.attempts.length, 0, 'a file that does not parse imports nothing');
      const stray = importCsv(`${header}\r\nc9,"builtin"x,two-sum\r\n`, []);
      assert.equal(stray.issues[0].at, 'line 2, column 13');
      const badValues = importCsv([header, good, good.replace(/^c1,builtin,two-sum,python,strict,abandoned,/, 'c7,builtin,two-sum,cobol,strict,abandoned,'), good.replace('c1,', 'c8,').replace(/,again$/, ',brilliant'), 'c9,builtin'].join('\r\n'), []);
      assert.deepEqual(badValues.attempts.map((a) => a.id), ['c1']);
      assert.deepEqual(badValues.issues.map((i) => i.at), ['line 3, column 20', `line 4, column ${good.lastIndexOf(',') + 2}`, 'line 5, column 11']);
      assert.match(badValues.issues[0].message, /language must be one of .*found "cobol"/);
      assert.match(badValues.issues[1].message, /rating must be one of/);
      assert.match(badValues.issues[2].message, /2 fields where the header has 17/);
      assert.match(importCsv('name,score\r\nx,1\r\n', []).issues[0].message, /not a Drills CSV of attempts: no id, pack, problem/);
      const time = importCsv(`${header}\r\n${good.replace(new Date(T0).toISOString(), 'yesterday')}`, []);
      assert.match(time.issues[0].message, /not an ISO 8601 time/);
      assert.equal(time.issues[0].at, `line 2, column ${good.indexOf(new Date(T0).toISOString()) + 1}`);
    });
  });
});
