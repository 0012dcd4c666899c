import * as assert from 'node:assert/strict';
import { matchesIn, parseMarkdown, sentencesOf, wordsOf } from '../../../src/core/kinds/markdown';

describe('kinds: Markdown reader', () => {
  it('reads headings with their lines and content with the column it starts at, comments blanked out', () => {
    const doc = parseMarkdown('# Title\n\n## One <!-- c -->\n<!-- guidance\n spanning -->\n- first item\n  text <!-- x --> after\n\n## Two\nTODO\n');
    assert.deepEqual(doc.sections.map((s) => [s.heading, s.level, s.line]), [['Title', 1, 1], ['One', 2, 3], ['Two', 2, 9]]);
    assert.deepEqual(doc.sections[1].content, [
      { line: 6, column: 3, text: 'first item', item: true },
      { line: 7, column: 3, text: `text${' '.repeat(12)}after` },
    ]);
    assert.deepEqual(doc.sections[2].content, [], 'a placeholder counts for nothing');
  });

  it('reads front matter and never takes a heading inside a code fence', () => {
    const doc = parseMarkdown('---\nstory: incident\n---\n# T\n```\n# not a heading\n```\n');
    assert.deepEqual(doc.frontMatter.story, { value: 'incident', line: 2, column: 1 });
    assert.deepEqual(doc.sections.map((s) => s.heading), ['T']);
    assert.equal(doc.sections[0].content[0].text, '# not a heading');
  });

  it('splits sentences at terminators followed by a space, not inside numbers or abbreviations', () => {
    const sentences = sentencesOf([{ line: 4, column: 3, text: 'I cut p99 from 3.5 ms, e.g.by caching. We shipped it! Done' }]);
    assert.deepEqual(sentences.map((s) => [s.column, s.text]), [
      [3, 'I cut p99 from 3.5 ms, e.g.by caching.'],
      [42, 'We shipped it!'],
      [57, 'Done'],
    ]);
  });

  it('a sentence goes on across the lines of a paragraph, but a list item starts a new one', () => {
    const doc = parseMarkdown('## A\n\nWe could fail over to our second CDN,\nbut I did not know its capacity. Then\nI moved 30%.\n- a bullet without a stop\n- another\n');
    assert.deepEqual(sentencesOf(doc.sections[0].content).map((s) => [s.line, s.column, s.text]), [
      [3, 1, 'We could fail over to our second CDN, but I did not know its capacity.'],
      [4, 34, 'Then I moved 30%.'],
      [6, 3, 'a bullet without a stop'],
      [7, 3, 'another'],
    ]);
  });

  it('counts words as spoken and finds matches at their columns', () => {
    assert.equal(wordsOf('I cut latency by 40% — in two weeks.').length, 8);
    assert.deepEqual(matchesIn([{ line: 2, column: 5, text: 'a Team  player here' }], /team\s+player/i), [{ line: 2, column: 7, endColumn: 19, text: 'Team  player' }]);
  });
});
