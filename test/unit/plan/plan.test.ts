import * as assert from 'node:assert/strict';
import { complexityStatements, edgeCaseLines, parsePlan, planTemplate, validatePlan } from '../../../src/core/plan';

const GOOD = `# Plan: Merge Intervals

## 1. Problem restated
Given a list of [start, end] intervals, return the merged, non-overlapping list.

## 2. Edge cases
- empty list
- one interval
- intervals touching at an end point

## 3. Invariant
The output holds merged intervals sorted by start, and the last one is still open.

## 4. Complexity
Time: O(n log n), space: O(n)
`;

describe('planTemplate', () => {
  it('has the four headings and is rejected as written, because comments do not count', () => {
    const text = planTemplate('Two Sum');
    assert.match(text, /^# Plan: Two Sum/);
    const parsed = parsePlan(text);
    assert.deepEqual(parsed.sections.map((s) => s.key), [undefined, 'restated', 'edgeCases', 'invariant', 'complexity']);
    const issues = validatePlan(parsed);
    assert.equal(issues.length, 4);
    for (const issue of issues) assert.match(issue.message, /empty/);
    // Each issue points at its heading.
    assert.deepEqual(issues.map((i) => text.split('\n')[i.line - 1].replace(/^## \d\. /, '')), ['Problem restated', 'Edge cases', 'Invariant', 'Complexity']);
  });
});

describe('parsePlan', () => {
  it('accepts a complete plan with no issues', () => {
    assert.deepEqual(validatePlan(parsePlan(GOOD)), []);
  });

  it('reads edge cases one per line with their line numbers, bullets stripped', () => {
    assert.deepEqual(edgeCaseLines(parsePlan(GOOD)), [
      { line: 7, text: 'empty list' },
      { line: 8, text: 'one interval' },
      { line: 9, text: 'intervals touching at an end point' },
    ]);
  });

  it('tolerates heading levels, numbering, case, bold labels, setext headings and extra sections', () => {
    const messy = [
      'Some notes before any heading.',
      '',
      '### (1) PROBLEM RESTATED:',
      'sum of pairs, inputs nums and target',
      '',
      '# Approach',
      'hash map',
      '',
      '**Edge Cases**',
      '1. no numbers',
      '2) a single number',
      '* [ ] negative numbers',
      '',
      'Step 3 - Loop invariant',
      '---------------------',
      'seen holds every value left of i',
      '',
      '#### iv. time & space complexity ####',
      'O(n) time and O(n) space',
    ].join('\r\n');
    const parsed = parsePlan(messy);
    assert.deepEqual(
      parsed.sections.map((s) => [s.key, s.line]),
      [['restated', 3], [undefined, 6], ['edgeCases', 9], ['invariant', 14], ['complexity', 18]],
    );
    assert.deepEqual(edgeCaseLines(parsed).map((l) => l.text), ['no numbers', 'a single number', 'negative numbers']);
    assert.deepEqual(validatePlan(parsed), []);
  });

  it('ignores multi-line comments, placeholders and headings inside code fences', () => {
    const text = [
      '## Problem restated',
      'TODO',
      '<!-- a comment',
      'spanning lines -->',
      '...',
      '## Edge cases',
      '```',
      '## Invariant inside a fence',
      '```',
    ].join('\n');
    const parsed = parsePlan(text);
    assert.deepEqual(parsed.sections.map((s) => s.key), ['restated', 'edgeCases']);
    assert.deepEqual(parsed.sections[0].content, []);
    assert.deepEqual(parsed.sections[1].content.map((c) => c.text), ['## Invariant inside a fence']);
  });

  it('counts an edge case written as a bare example such as [] as content', () => {
    assert.deepEqual(edgeCaseLines(parsePlan('## Edge cases\n- []\n- [1]\n- [2, 2]\n')).map((l) => l.text), ['[]', '[1]', '[2, 2]']);
  });

  it('keeps a bold edge case without a bullet as content', () => {
    const parsed = parsePlan('## Edge cases\n**empty array**\n- one\n- two\n');
    assert.equal(parsed.sections.length, 1);
    assert.equal(edgeCaseLines(parsed).length, 3);
  });
});

describe('validatePlan', () => {
  it('reports a missing section at line 1 with the heading to add', () => {
    const text = GOOD.replace(/## 3\. Invariant\n.*\n\n/, '');
    const issues = validatePlan(parsePlan(text));
    assert.deepEqual(issues, [{ line: 1, section: 'invariant', message: 'Missing section "Invariant": add a heading such as "## 3. Invariant".' }]);
  });

  it('asks for three edge cases, at the heading line', () => {
    const text = GOOD.replace('- one interval\n', '');
    const issues = validatePlan(parsePlan(text));
    assert.equal(issues.length, 1);
    assert.equal(issues[0].line, 6);
    assert.match(issues[0].message, /at least 3 edge cases.*found 2/);
  });

  it('asks for the space complexity when only time is stated', () => {
    const text = GOOD.replace('Time: O(n log n), space: O(n)', 'It runs in O(n log n) time.');
    const issues = validatePlan(parsePlan(text));
    assert.equal(issues.length, 1);
    assert.equal(issues[0].line, 14);
    assert.match(issues[0].message, /space complexity/);
  });

  it('asks for both when the complexity has no big-O or label', () => {
    const text = GOOD.replace('Time: O(n log n), space: O(n)', 'fast enough');
    assert.deepEqual(validatePlan(parsePlan(text)).map((i) => i.message.slice(0, 24)), ['State the time complexit', 'State the space complexi']);
  });
});

describe('complexityStatements', () => {
  const cases: [string, boolean, boolean][] = [
    ['O(n log n) time, O(1) space', true, true],
    ['Time: O(n); Space: O(1)', true, true],
    ['Time and space: O(n)', true, true],
    ['T: O(n^2) / S: O(1)', true, true],
    ['runtime is linear, memory is constant', true, true],
    ['Θ(n·log(n)) time', true, false],
    ['sorting in place, O(n log n) time', true, true],
    ['O(n)', false, false],
    ['time: fast', false, false],
  ];
  for (const [text, time, space] of cases) {
    it(`reads "${text}" as time ${time ? 'stated' : 'missing'}, space ${space ? 'stated' : 'missing'}`, () => {
      const found = complexityStatements([{ line: 1, text }]);
      assert.equal(found.time !== undefined, time);
      assert.equal(found.space !== undefined, space);
    });
  }

  it('carries a label on its own line to the expression below it', () => {
    const found = complexityStatements([
      { line: 3, text: 'Time:' },
      { line: 4, text: 'O(n)' },
      { line: 5, text: 'Space: O(1)' },
    ]);
    assert.equal(found.time?.line, 4);
    assert.equal(found.space?.line, 5);
  });
});
