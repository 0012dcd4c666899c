import type { DrillKind } from '../types';
import { checkStory, DEFAULT_STORY_RULES, storyTemplate, type StoryRules } from './checks';
import { storyType, type StoryTypeId } from './format';
import { rehearsalRecord, REHEARSAL_RUBRIC, type RehearsalState, type StoryRehearsalRecord } from './rehearsal';
import { RUBRIC_MAX } from '../design/format';

export * from './format';
export * from './checks';
export * from './pack';
export * from './rehearsal';

/** What a story drill is about: one story of the bank, checked with the pack's rules. */
export interface StorySubject {
  type: StoryTypeId;
  rules?: StoryRules;
}

/** The behavioural kind: a story bank, its checks, and rehearsals against the question bank. */
export const storyKind: DrillKind<StorySubject, RehearsalState, StoryRehearsalRecord> = {
  id: 'story',
  title: 'Behavioural story',
  phases: (subject) => [{ id: 'answer', title: 'Answer aloud', minutes: storyType(subject.type).targetMinutes }],
  scaffold: (subject) => [{ path: `${subject.type}.md`, content: storyTemplate(subject.type) }],
  gate: (subject, text) => {
    const { findings } = checkStory(text, subject.rules ?? DEFAULT_STORY_RULES, `${subject.type}.md`);
    return { passed: !findings.some((f) => f.severity === 'error'), findings };
  },
  judge: (_subject, state) => {
    const criteria = REHEARSAL_RUBRIC.map((c) => ({ id: c.id, title: c.title, score: state.rating?.[c.id] ?? 0, max: RUBRIC_MAX }));
    const score = criteria.reduce((s, c) => s + c.score, 0);
    const max = criteria.length * RUBRIC_MAX;
    return { score, max, criteria, summary: state.rating ? `${score}/${max}.` : 'Not rated.' };
  },
  record: (_subject, state) => rehearsalRecord(state),
};
