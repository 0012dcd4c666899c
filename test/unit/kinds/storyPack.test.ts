import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  chooseStory, checkStory, isRehearsalError, loadStoryPack, pickQuestion, rateRehearsal, rehearsalClock, rehearsalRecord, startRehearsal, stopAnswer,
  storyKind, STORY_TYPES, REHEARSAL_RUBRIC, type RehearsalError, type RehearsalState, type StoryQuestion,
} from '../../../src/core/kinds/story/index';
import { BUILTIN, positionIn, seeded, tempDir, writeTree } from './helpers';

const STORIES = path.join(BUILTIN, 'stories');
const T0 = Date.UTC(2026, 0, 5, 18, 0, 0);
const MIN = 60_000;
const QUESTIONS: StoryQuestion[] = [
  { id: 'a', text: 'Tell me about a time you changed your mind.', stories: ['changed-mind'] },
  { id: 'b', text: 'Tell me about an outage.', stories: ['incident'] },
  { id: 'c', text: 'Walk me through your background.', stories: ['pitch'] },
];
const ALL_FOURS = Object.fromEntries(REHEARSAL_RUBRIC.map((c) => [c.id, 4]));

function ok<T extends object>(x: T | RehearsalError): T {
  if ('error' in x) assert.fail(x.message);
  return x;
}

describe('kinds: story pack and rehearsal', () => {
  it('the built-in story pack loads cleanly: at least 20 questions covering the six stories, slogans, a template per story', async () => {
    const { pack, diagnostics } = await loadStoryPack(STORIES);
    assert.deepEqual(diagnostics, []);
    assert.ok(pack!.questions.length >= 20);
    for (const type of STORY_TYPES) {
      assert.ok(pack!.questions.filter((q) => q.stories.includes(type.id)).length >= (type.optional ? 1 : 3), `${type.id} has questions`);
      assert.ok(pack!.templates[type.id], `${type.id} has a template`);
      const template = fs.readFileSync(pack!.templates[type.id]!, 'utf8');
      assert.deepEqual(checkStory(template, pack!.rules, pack!.templates[type.id]).metrics.fieldsMissing, type.fields, 'a template is all headings, nothing filled');
    }
    assert.deepEqual(['team player', 'communicate with stakeholders'].filter((p) => !pack!.rules.slogans.some((s) => s.phrase === p)), []);
    assert.equal(pack!.rules.wordsPerMinute, 150);
    assert.ok(pack!.askTheInterviewer.length >= 3, 'no questions to suggest asking the interviewer');
  });

  it('questions to ask the interviewer are read in order; one that is not text is an error at its place', async () => {
    const good = writeTree(tempDir(), { 'story-pack.yaml': 'id: mine\nquestions:\n  - { id: q1, text: Why?, stories: [incident] }\naskTheInterviewer:\n  - "  What does on-call look like?  "\n  - Who decides what to build?\n' });
    assert.deepEqual((await loadStoryPack(good)).pack?.askTheInterviewer, ['What does on-call look like?', 'Who decides what to build?']);
    const yaml = 'id: mine\nquestions:\n  - { id: q1, text: Why?, stories: [incident] }\naskTheInterviewer:\n  - fine\n  - { q: 1 }\n';
    const { pack, diagnostics } = await loadStoryPack(writeTree(tempDir(), { 'story-pack.yaml': yaml }));
    assert.equal(pack, undefined);
    const error = diagnostics.find((d) => d.severity === 'error');
    assert.match(error?.message ?? '', /must be non-empty text/);
    assert.equal(error?.line, positionIn(yaml, '{ q: 1 }').line);
  });

  it('the built-in slogans catch the phrases the format names, in their variants', async () => {
    const { pack } = await loadStoryPack(STORIES);
    const text = '# S\n## Situation\nI am a team player. I thrive under pressure. I communicated with the stakeholders, passionate about quality.\n';
    const flagged = checkStory(text, pack!.rules).findings.filter((f) => f.code === 'slogan').map((f) => text.split('\n')[f.line - 1].slice(f.column - 1, f.endColumn! - 1));
    assert.deepEqual(flagged, ['team player', 'I thrive under pressure', 'communicated with the stakeholders', 'passionate about']);
  });

  it('mistakes in a story pack are reported at their place: an unknown story type, a bad pattern, a template without a field', async () => {
    const yaml = 'id: mine\nquestions:\n  - { id: q1, text: Why?, stories: [incidnt] }\nslogans:\n  - { phrase: x, pattern: "(", why: y }\n';
    const dir = writeTree(tempDir(), { 'story-pack.yaml': yaml, 'templates/incident.md': '# I\n## Situation\n' });
    const { pack, diagnostics } = await loadStoryPack(dir);
    assert.equal(pack, undefined);
    const find = (s: string) => diagnostics.find((d) => d.message.includes(s))!;
    assert.deepEqual([find('`incidnt` is not a story type').line, find('`incidnt`').column], [positionIn(yaml, 'incidnt').line, positionIn(yaml, 'incidnt').column]);
    assert.match(find('incidnt').message, /Did you mean `incident`\?/);
    assert.deepEqual([find('Not a valid regular expression').line, find('Not a valid regular expression').column], [positionIn(yaml, '"("').line, positionIn(yaml, '"("').column]);
    assert.ok(find('The template has no "Your role" heading').file.endsWith(path.join('templates', 'incident.md')));
    assert.ok(diagnostics.some((d) => d.severity === 'warning' && /No question asks for the conflict story/.test(d.message)));
  });

  it('a question is picked by the injected randomness, and the one just practised is avoided while others remain', () => {
    const picks = Array.from({ length: 6 }, (_, i) => pickQuestion(QUESTIONS, seeded(i + 1))!.id);
    assert.deepEqual(picks, Array.from({ length: 6 }, (_, i) => pickQuestion(QUESTIONS, seeded(i + 1))!.id), 'the same seed picks the same question');
    assert.deepEqual(new Set(Array.from({ length: 40 }, (_, i) => pickQuestion(QUESTIONS, seeded(i))!.id)), new Set(['a', 'b', 'c']));
    for (let i = 0; i < 20; i++) assert.notEqual(pickQuestion(QUESTIONS, seeded(i), ['a'])!.id, 'a');
    assert.equal(pickQuestion(QUESTIONS.slice(0, 1), seeded(3), ['a'])!.id, 'a', 'the only question is asked again');
    assert.equal(pickQuestion(QUESTIONS, () => 0.999999)!.id, 'c');
    assert.ok(isRehearsalError(startRehearsal([], seeded(1), T0)));
  });

  it('a rehearsal: question, chosen story, a three-minute timer, stop, self-rating, record', () => {
    let s: RehearsalState = ok(startRehearsal(QUESTIONS, () => 0, T0));
    assert.deepEqual([s.question.id, s.stage], ['a', 'choosing']);
    assert.ok(isRehearsalError(stopAnswer(s, T0)), 'nothing to stop before a story is chosen');
    s = ok(chooseStory(s, { file: '/bank/changed-mind.md', type: 'changed-mind' }, T0 + 20_000));
    assert.deepEqual(rehearsalClock(s, T0 + 20_000 + MIN), { remainingMs: 2 * MIN, overtime: false, running: true });
    assert.deepEqual(rehearsalClock(s, T0 + 20_000 + 4 * MIN), { remainingMs: -MIN, overtime: true, running: true });
    s = ok(stopAnswer(s, T0 + 20_000 + 3.5 * MIN));
    assert.deepEqual(rehearsalClock(s, T0 + 60 * MIN), { remainingMs: -0.5 * MIN, overtime: true, running: false }, 'the clock stops with the answer');
    const bad = rateRehearsal(s, { ...ALL_FOURS, result: 5 }, T0 + 30 * MIN);
    assert.ok(isRehearsalError(bad) && /must be rated 1 to 4, not 5/.test(bad.message));
    s = ok(rateRehearsal(s, { ...ALL_FOURS, ownership: 2 }, T0 + 30 * MIN));
    const record = rehearsalRecord(s);
    assert.deepEqual(record, {
      kind: 'story', questionId: 'a', question: 'Tell me about a time you changed your mind.', storyFile: '/bank/changed-mind.md', storyType: 'changed-mind',
      storyMatches: true, askedAt: T0, spokenMs: 3.5 * MIN, overtime: true,
      rating: [{ id: 'answered', score: 4 }, { id: 'ownership', score: 2 }, { id: 'result', score: 4 }, { id: 'reflection', score: 4 }],
      score: 14, max: 16, finishedAt: T0 + 30 * MIN,
    });
    assert.deepEqual(storyKind.judge({ type: 'changed-mind' }, s).score, 14);
  });

  it('the pitch gets two minutes, and a story the pack does not map to the question is recorded as such', () => {
    let s = ok(startRehearsal(QUESTIONS, () => 0.99, T0));
    s = ok(chooseStory(s, { file: '/bank/incident.md', type: 'incident' }, T0));
    assert.equal(s.minutes, 3);
    assert.equal(rehearsalRecord(s).storyMatches, false);
    const pitch = ok(chooseStory(ok(startRehearsal(QUESTIONS, () => 0.99, T0)), { file: '/bank/pitch.md', type: 'pitch' }, T0));
    assert.equal(pitch.minutes, 2);
    assert.ok(isRehearsalError(chooseStory(pitch, { file: '/bank/x.md' }, T0)), 'a story is chosen once');
  });
});
