import * as assert from 'node:assert/strict';
import { coverageReport, mapEdgeCasesToTags, singular, statedTagsOf } from '../../../src/core/plan';

describe('mapEdgeCasesToTags', () => {
  const table: [string, string[]][] = [
    ['no intervals', ['empty']],
    ['empty list', ['empty']],
    ['n = 0', ['empty']],
    ['nothing to merge', ['empty']],
    ['one element', ['single']],
    ['a single item', ['single']],
    ['repeated ids', ['duplicates']],
    ['the same value twice', ['duplicates']],
    ['unsorted input', ['ordering']],
    ['order of output', ['ordering']],
    ['ties between equal counts', ['ordering']],
    ['negative numbers', ['negative']],
    ['values like -5', ['negative']],
    ['max n', ['boundary', 'large']],
    ['int overflow on the sum', ['boundary']],
    ['limits of the input', ['boundary']],
    ['n up to 10^5', ['boundary', 'large']],
    ['1e9 values', ['boundary', 'large']],
    ['invalid input', ['invalid']],
    ['malformed string', ['invalid']],
    ['k > n', ['invalid']],
    ['k ≥ n', ['invalid']],
    ['null root', ['invalid']],
    ["list isn't sorted", ['ordering']],
    ['off-by-one at the end', ['boundary']],
    ['[]', ['empty']],
    ['empty string ""', ['empty']],
    ['[7]', ['single']],
    ['[3, 3]', []],
    ['the usual case', []],
    ['n-1 steps', []],
  ];
  for (const [text, tags] of table) {
    it(`reads "${text}" as ${tags.length > 0 ? tags.join(' + ') : 'no tag'}`, () => {
      assert.deepEqual(mapEdgeCasesToTags([text])[0].tags, tags);
    });
  }

  it('matches pack tags by id words and by description words', () => {
    const packTags = [
      { id: 'cycle', description: 'the linked list loops back on itself' },
      { id: 'self-loop', description: 'a node points to itself' },
      { id: 'unicode', description: 'non-ASCII characters in names' },
    ];
    const mapped = mapEdgeCasesToTags(
      ['list with a cycle', 'self loop on the head', 'list loops back', 'empty list', 'accented characters in names'],
      packTags,
    );
    assert.deepEqual(mapped.map((m) => m.tags), [['cycle'], ['self-loop'], ['cycle'], ['empty'], ['unicode']]);
  });

  it('keeps line numbers and lists every stated tag once', () => {
    const mapped = mapEdgeCasesToTags([{ text: 'empty array', line: 8 }, { text: 'nothing at all', line: 9 }, { text: 'duplicates', line: 10 }]);
    assert.equal(mapped[0].line, 8);
    assert.deepEqual(statedTagsOf(mapped), ['duplicates', 'empty']);
  });

  it('singularises plurals without mangling short words', () => {
    assert.deepEqual(['intervals', 'entries', 'matches', 'is', 'bus', 'class', 'ids'].map(singular), ['interval', 'entry', 'match', 'is', 'bus', 'class', 'ids']);
  });
});

describe('coverageReport', () => {
  it('splits tags into anticipated, missed and extra with case and failure counts', () => {
    const cases = [
      { tags: ['empty'], verdict: 'passed' as const },
      { tags: ['duplicates'], verdict: 'passed' as const },
      { tags: ['ordering'], verdict: 'failed' as const },
      { tags: ['ordering', 'duplicates'], verdict: 'passed' as const },
    ];
    const report = coverageReport(cases, ['empty', 'duplicates', 'negative']);
    assert.deepEqual(report.anticipated, [{ tag: 'duplicates', cases: 2, failed: 0 }, { tag: 'empty', cases: 1, failed: 0 }]);
    assert.deepEqual(report.missed, [{ tag: 'ordering', cases: 2, failed: 1 }]);
    assert.deepEqual(report.extra, ['negative']);
    assert.equal(report.text, 'Anticipated and passed: duplicates and empty. Missed: ordering (2 hidden cases, 1 failed). Not tested: negative.');
  });

  it('never says a tag was anticipated well when its cases failed: anticipated-but-failed is its own group', () => {
    const cases = [
      { tags: ['boundary'], verdict: 'failed' as const },
      { tags: ['boundary'], verdict: 'passed' as const },
      { tags: ['empty'], verdict: 'passed' as const },
    ];
    const report = coverageReport(cases, ['boundary', 'empty']);
    assert.equal(report.text, 'Anticipated and passed: empty. Anticipated but failed: boundary (1 of 2 hidden cases failed). Nothing tested was missed.');
    assert.doesNotMatch(report.text, /anticipated boundary/i);
  });

  it('accepts plain tag lists and counts errors and timeouts as failures but not cases that never ran', () => {
    assert.deepEqual(coverageReport([['large'], ['large']], []).missed, [{ tag: 'large', cases: 2, failed: 0 }]);
    const run = [{ tags: ['large'], verdict: 'timeout' as const }, { tags: ['large'], verdict: 'error' as const }, { tags: ['large'], verdict: 'notRun' as const }];
    assert.deepEqual(coverageReport(run, ['large']).anticipated, [{ tag: 'large', cases: 3, failed: 2 }]);
  });

  it('says so when everything tested was anticipated, and leaves out tags outside onlyTags', () => {
    const report = coverageReport([['empty', 'example'], ['single']], ['single', 'empty'], ['empty', 'single']);
    assert.equal(report.text, 'Anticipated: empty and single. Nothing tested was missed.');
    assert.deepEqual(report.missed, []);
  });
});
