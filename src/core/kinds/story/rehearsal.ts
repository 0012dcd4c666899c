import { RUBRIC_MAX, RUBRIC_MIN } from '../design/format';
import { storyType, type StoryTypeId } from './format';
import type { StoryQuestion } from './pack';

/**
 * A rehearsal: a random interviewer question → the candidate picks the story that answers it → a timer runs
 * while they answer aloud with the story hidden (headings only) → they rate themselves → a record. Pure
 * transitions: `now` comes from the caller's clock, `random` (a number in [0, 1), as Math.random) from the
 * caller too, so tests choose both.
 */

export type RehearsalStage = 'choosing' | 'answering' | 'rating' | 'done';

export interface RehearsalState {
  question: StoryQuestion;
  stage: RehearsalStage;
  askedAt: number;
  story?: { file: string; type?: StoryTypeId };
  /** Minutes to answer (the story type's target). */
  minutes?: number;
  answerStartedAt?: number;
  answerStoppedAt?: number;
  rating?: Record<string, number>;
  finishedAt?: number;
}

export interface RehearsalError {
  error: 'wrong-stage' | 'no-questions' | 'bad-rating';
  message: string;
}

export function isRehearsalError<T extends object>(x: T | RehearsalError): x is RehearsalError {
  return 'error' in x;
}

/** What the candidate rates after answering, 1 to 4 each. */
export const REHEARSAL_RUBRIC: readonly { id: string; title: string }[] = [
  { id: 'answered', title: 'Answered the question that was asked' },
  { id: 'ownership', title: 'Clear about what I did, not what we did' },
  { id: 'result', title: 'A result with a number' },
  { id: 'reflection', title: 'What I learned, concretely' },
];

/**
 * Picks a question uniformly at random, avoiding the ids in `recent` while any other is left (a rehearsal
 * should not ask the question just practised).
 */
export function pickQuestion(questions: readonly StoryQuestion[], random: () => number, recent: readonly string[] = []): StoryQuestion | undefined {
  if (questions.length === 0) return undefined;
  const fresh = questions.filter((q) => !recent.includes(q.id));
  const pool = fresh.length > 0 ? fresh : questions;
  return pool[Math.min(pool.length - 1, Math.max(0, Math.floor(random() * pool.length)))];
}

/** Starts a rehearsal with a random question. */
export function startRehearsal(questions: readonly StoryQuestion[], random: () => number, now: number, recent: readonly string[] = []): RehearsalState | RehearsalError {
  const question = pickQuestion(questions, random, recent);
  if (!question) return { error: 'no-questions', message: 'The story pack has no questions to ask.' };
  return { question, stage: 'choosing', askedAt: now };
}

/** The candidate picked the story that answers the question: the timer starts, the story's text is hidden. */
export function chooseStory(state: RehearsalState, story: { file: string; type?: StoryTypeId }, now: number): RehearsalState | RehearsalError {
  if (state.stage !== 'choosing') return { error: 'wrong-stage', message: 'A story has already been chosen for this question.' };
  const minutes = storyType(story.type ?? 'trade-off').targetMinutes;
  return { ...state, stage: 'answering', story: { ...story }, minutes, answerStartedAt: now };
}

/** Where the answer's timer is at `now`. */
export function rehearsalClock(state: RehearsalState, now: number): { remainingMs: number; overtime: boolean; running: boolean } {
  if (state.answerStartedAt === undefined || state.minutes === undefined) return { remainingMs: 0, overtime: false, running: false };
  const end = state.answerStoppedAt ?? now;
  const remainingMs = state.answerStartedAt + state.minutes * 60_000 - end;
  return { remainingMs, overtime: remainingMs < 0, running: state.stage === 'answering' };
}

/** The candidate stopped talking. */
export function stopAnswer(state: RehearsalState, now: number): RehearsalState | RehearsalError {
  if (state.stage !== 'answering') return { error: 'wrong-stage', message: 'No answer is running.' };
  return { ...state, stage: 'rating', answerStoppedAt: now };
}

/** Saves the self-rating, 1 to 4 per criterion of {@link REHEARSAL_RUBRIC}. */
export function rateRehearsal(state: RehearsalState, rating: Readonly<Record<string, number>>, now: number): RehearsalState | RehearsalError {
  if (state.stage !== 'rating') return { error: 'wrong-stage', message: 'Stop the answer before rating it.' };
  for (const c of REHEARSAL_RUBRIC) {
    const s = rating[c.id];
    if (s === undefined || !Number.isInteger(s) || s < RUBRIC_MIN || s > RUBRIC_MAX) {
      return { error: 'bad-rating', message: `"${c.title}" must be rated ${RUBRIC_MIN} to ${RUBRIC_MAX}${s === undefined ? '' : `, not ${s}`}.` };
    }
  }
  const unknown = Object.keys(rating).find((k) => !REHEARSAL_RUBRIC.some((c) => c.id === k));
  if (unknown) return { error: 'bad-rating', message: `"${unknown}" is not a rehearsal criterion.` };
  return { ...state, stage: 'done', rating: { ...rating }, finishedAt: now };
}

/** What history keeps of a rehearsal. */
export interface StoryRehearsalRecord {
  kind: 'story';
  questionId: string;
  question: string;
  storyFile?: string;
  storyType?: StoryTypeId;
  /** Whether the chosen story is one the pack maps to the question. */
  storyMatches: boolean;
  askedAt: number;
  spokenMs?: number;
  overtime: boolean;
  rating: { id: string; score: number }[];
  score: number;
  max: number;
  finishedAt?: number;
}

/** The record of a rehearsal. */
export function rehearsalRecord(state: RehearsalState): StoryRehearsalRecord {
  const spokenMs = state.answerStartedAt !== undefined && state.answerStoppedAt !== undefined ? state.answerStoppedAt - state.answerStartedAt : undefined;
  const rating = state.rating ? REHEARSAL_RUBRIC.map((c) => ({ id: c.id, score: state.rating![c.id] })) : [];
  const record: StoryRehearsalRecord = {
    kind: 'story',
    questionId: state.question.id,
    question: state.question.text,
    storyMatches: state.story?.type !== undefined && state.question.stories.includes(state.story.type),
    askedAt: state.askedAt,
    overtime: spokenMs !== undefined && state.minutes !== undefined && spokenMs > state.minutes * 60_000,
    rating,
    score: rating.reduce((s, r) => s + r.score, 0),
    max: REHEARSAL_RUBRIC.length * RUBRIC_MAX,
  };
  if (state.story) record.storyFile = state.story.file;
  if (state.story?.type) record.storyType = state.story.type;
  if (spokenMs !== undefined) record.spokenMs = spokenMs;
  if (state.finishedAt !== undefined) record.finishedAt = state.finishedAt;
  return record;
}
