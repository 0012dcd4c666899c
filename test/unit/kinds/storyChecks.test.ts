import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bankRules, checkStory, storyHeadings, storyKind, storyTemplate, DEFAULT_STORY_RULES, STORY_TYPES, type StoryCheck, type StoryRules } from '../../../src/core/kinds/story/index';
import { KIND_FIXTURES, positionIn, tempDir, writeTree } from './helpers';

const GOOD = fs.readFileSync(path.join(KIND_FIXTURES, 'incident.md'), 'utf8');
const RULES: StoryRules = { ...DEFAULT_STORY_RULES, slogans: [{ phrase: 'team player', why: 'everyone says it.' }, { phrase: 'under pressure', pattern: '\\bI\\s+work\\s+well\\s+under\\s+pressure\\b', why: 'a claim.' }] };

function only(check: StoryCheck, code: string) {
  const found = check.findings.filter((f) => f.code === code);
  assert.equal(found.length, 1, `one ${code} in ${JSON.stringify(check.findings, null, 1)}`);
  return found[0];
}

describe('kinds: story checks', () => {
  it('a complete, measured, first-person story under three minutes passes every check', () => {
    const check = checkStory(GOOD, RULES, 'incident.md');
    assert.equal(check.ok, true, JSON.stringify(check.findings, null, 1));
    assert.deepEqual(check.findings.map((f) => f.severity), ['info']);
    assert.equal(check.metrics.type, 'incident');
    assert.equal(check.metrics.words, 348);
    assert.equal(check.metrics.spokenSeconds, 139);
    assert.equal(check.metrics.measurableResult, true);
    assert.ok(check.metrics.ownership.share! >= 0.5);
  });

  it('every template has the type\'s fields as headings and every one is reported empty', () => {
    for (const type of STORY_TYPES) {
      const text = storyTemplate(type.id);
      const check = checkStory(text, RULES);
      assert.equal(check.metrics.type, type.id);
      const empty = check.findings.filter((f) => f.code === 'field-empty');
      assert.equal(empty.length, type.fields.length, type.id);
      assert.deepEqual(check.metrics.fieldsMissing, type.fields);
    }
  });

  it('a missing field is an error at the title; an empty one at its heading', () => {
    const text = GOOD.replace(/## Options considered[\s\S]*?## The decision/, '## The decision').replace(/(## What you would do differently\n\n)[\s\S]*$/, '$1<!-- later -->\n');
    const check = checkStory(text, RULES, 'incident.md');
    assert.equal(only(check, 'field-missing').line, positionIn(text, '# The Friday').line);
    assert.match(only(check, 'field-missing').message, /No "Options considered" section/);
    assert.equal(only(check, 'field-empty').line, positionIn(text, '## What you would do differently').line);
  });

  it('a story too long to tell in three minutes is flagged where the time runs out, at the speaking rate', () => {
    const slow = checkStory(GOOD, { ...RULES, wordsPerMinute: 100 }, 'incident.md');
    const over = only(slow, 'too-long');
    assert.match(over.message, /^3:29 spoken at 100 words a minute \(348 words; target 3:00\): from here on you are over time/);
    // 300 words fit in three minutes at 100 words a minute: the line holding word 301 is where it runs out.
    let words = 0;
    const lines = GOOD.split('\n');
    let expected = 0;
    for (let i = 5; i < lines.length && !expected; i++) {
      if (lines[i].startsWith('#')) continue;
      words += (lines[i].match(/[\p{L}\p{N}][\p{L}\p{N}'’%.,/-]*/gu) ?? []).length;
      if (words > 300) expected = i + 1;
    }
    assert.equal(over.line, expected);
    assert.equal(checkStory(GOOD, RULES, 'incident.md').findings.some((f) => f.code === 'too-long'), false);
  });

  it('ownership: "we" sentences in the action part are counted against "I" and each is pointed at', () => {
    const text = GOOD.replace(/## The decision\n\n[\s\S]*?\n\n## The result/, '## The decision\n\nWe rolled back the config. We moved traffic to the second CDN. Our team posted updates. We checked capacity. We told the partner.\n\n## The result');
    const check = checkStory(text, RULES, 'incident.md');
    const low = only(check, 'ownership-low');
    assert.equal(low.line, positionIn(text, '## Your role').line);
    assert.deepEqual([check.metrics.ownership.i, check.metrics.ownership.we], [4, 6]);
    const we = check.findings.filter((f) => f.code === 'we-sentence').map((f) => [f.line, f.column, f.endColumn]);
    const first = positionIn(text, 'We rolled back');
    assert.equal(we.length, 6);
    assert.deepEqual(we[1], [first.line, first.column, first.column + 'We rolled back the config.'.length]);
    assert.equal(check.ok, false);
  });

  it('a sentence starting with "My" counts as "I", one starting with "Our" as "we", and "the US" is not us', () => {
    const text = GOOD.replace(/## The decision\n\n[\s\S]*?\n\n## The result/, '## The decision\n\nMy first step was the rollback. We moved traffic. Our partner agreed. The US market recovered first.\n\n## The result');
    const check = checkStory(text, RULES, 'incident.md');
    assert.deepEqual([check.metrics.ownership.i, check.metrics.ownership.we], [5, 3]);
  });

  it('a result without a number, percentage or time is flagged; "two weeks early" counts as one', () => {
    const vague = GOOD.replace(/## The result\n\n[\s\S]*?\n\n## What/, '## The result\n\nPlayback recovered and the postmortem went well.\n\n## What');
    assert.equal(only(checkStory(vague, RULES, 'incident.md'), 'result-unmeasured').line, positionIn(vague, '## The result').line);
    const words = vague.replace('went well.', 'went well, and we shipped the fix two weeks early.');
    assert.equal(checkStory(words, RULES, 'incident.md').metrics.measurableResult, true);
  });

  it('slogans are flagged at their exact place, by phrase or by pattern, with why', () => {
    const text = GOOD.replace('I was the on-call engineer', 'I am a team player and I work well  under pressure. I was the on-call engineer');
    const check = checkStory(text, RULES, 'incident.md');
    const slogans = check.findings.filter((f) => f.code === 'slogan');
    const a = positionIn(text, 'team player');
    const b = positionIn(text, 'I work well');
    assert.deepEqual(slogans.map((f) => [f.line, f.column, f.endColumn]), [[a.line, a.column, a.column + 11], [b.line, b.column, b.column + 'I work well  under pressure'.length]]);
    assert.match(slogans[0].message, /"team player" cannot be scored: everyone says it\./);
  });

  it('the type comes from front matter, else the file name; an unknown one is a warning', () => {
    const plain = GOOD.replace(/^---[\s\S]*?---\n/, '');
    assert.equal(checkStory(plain, RULES, '/bank/03-conflict.md').metrics.type, 'conflict');
    const unknown = checkStory(plain, RULES, '/bank/story.md');
    assert.equal(unknown.metrics.type, undefined);
    assert.match(only(unknown, 'story-type').message, /Which story is this\?/);
    const wrong = checkStory(GOOD.replace('story: incident', 'story: incdent'), RULES);
    assert.deepEqual([only(wrong, 'story-type').line, only(wrong, 'story-type').column], [2, 1]);
  });

  it('the recruiter pitch has its own four fields and a two-minute target', () => {
    const pitch = ['---', 'story: pitch', '---', '# Pitch', '## Scope', 'I build video delivery systems.', '## The decision', 'I moved our manifests to the edge.', '## Impact', 'Start-up time fell by 300 ms.', '## Why this role', 'Your team runs the player I want to work on.'].join('\n');
    const check = checkStory(pitch, RULES);
    assert.equal(check.metrics.targetSeconds, 120);
    assert.deepEqual(check.metrics.fieldsMissing, []);
    assert.equal(check.metrics.measurableResult, true);
    assert.equal(only(check, 'too-short').severity, 'warning');
  });

  it('a story bank\'s story-bank.yaml adds slogans and sets its own rate; mistakes in it are positioned', async () => {
    const dir = writeTree(tempDir(), { 'story-bank.yaml': 'wordsPerMinute: 120\nslogans:\n  - { phrase: on-call engineer, why: too generic here. }\n' });
    const { rules, diagnostics } = await bankRules(dir, RULES);
    assert.deepEqual(diagnostics, []);
    assert.equal(rules.wordsPerMinute, 120);
    assert.equal(rules.slogans.length, 3);
    assert.equal(checkStory(GOOD, rules, 'incident.md').findings.filter((f) => f.code === 'slogan').length, 1);
    const bad = writeTree(tempDir(), { 'story-bank.yaml': 'wordsPerMinute: 1000\nslogan: []\n' });
    const broken = await bankRules(bad, RULES);
    const sorted = [...broken.diagnostics].sort((a, b) => a.line - b.line);
    assert.deepEqual(sorted.map((d) => [d.line, d.column, d.severity]), [[1, 17, 'error'], [2, 1, 'warning']]);
    assert.match(sorted[1].message, /Unknown key `slogan`.*Did you mean `slogans`\?/);
  });

  it('rehearsing hides the story: only its headings are shown; the kind\'s gate opens when every field is filled', () => {
    assert.deepEqual(storyHeadings(GOOD), ['# The Friday the manifests went stale', '## Situation', '## Your role', '## Options considered', '## The decision', '## The result', '## What you would do differently']);
    assert.equal(storyKind.gate({ type: 'incident' }, GOOD).passed, true);
    assert.equal(storyKind.gate({ type: 'incident' }, storyTemplate('incident')).passed, false);
    assert.deepEqual(storyKind.phases({ type: 'pitch' }), [{ id: 'answer', title: 'Answer aloud', minutes: 2 }]);
  });
});
