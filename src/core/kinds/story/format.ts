/**
 * The behavioural format: the stories a candidate should have ready, the fields each one is written in, and
 * the defaults of the checks. One table each, read by the templates, the checks, the loader and the docs.
 */

/** The stories of a story bank; `pitch` is the optional recruiter-screen pitch. */
export type StoryTypeId = 'trade-off' | 'incident' | 'conflict' | 'changed-mind' | 'missed-goal' | 'raised-bar' | 'pitch';

export type StoryFieldId = 'situation' | 'role' | 'options' | 'decision' | 'result' | 'differently' | 'scope' | 'impact' | 'relevance';

export interface StoryField {
  id: StoryFieldId;
  /** Heading in the story file. */
  title: string;
  /** Heading words that name the field (lower case, numbering removed). */
  heading: RegExp;
  /** What to write, shown as a comment in the template. */
  guidance: string;
}

export const STORY_FIELDS: Readonly<Record<StoryFieldId, StoryField>> = {
  situation: { id: 'situation', title: 'Situation', heading: /situation|context|background|\bsetting\b/, guidance: 'Two or three sentences: the team, the system, what was at stake and by when. Only what the rest of the story needs.' },
  role: { id: 'role', title: 'Your role', heading: /\brole\b|\btask\b|responsib|\bmy part\b/, guidance: 'What you owned, in "I" sentences. Who else was involved and what they owned.' },
  options: { id: 'options', title: 'Options considered', heading: /options?|alternatives?|choices/, guidance: 'Two or three real options and what each would have cost. The one you did not pick should sound reasonable.' },
  decision: { id: 'decision', title: 'The decision', heading: /decision|decided|\baction\b|what (i|we) did/, guidance: 'What you decided and did, and why, in "I" sentences. How you brought the others along.' },
  result: { id: 'result', title: 'The result', heading: /\bresults?\b|outcome/, guidance: 'What happened, with a number: a percentage, a time, a count, money. Good and bad.' },
  differently: { id: 'differently', title: 'What you would do differently', heading: /differently|lesson|learn|hindsight|next time|again/, guidance: 'One concrete change, not "communicate more". What you now do on every project because of this.' },
  scope: { id: 'scope', title: 'Scope', heading: /\bscope\b|who i am|\bsummary\b|\bintro/, guidance: 'Who you are in one sentence: the domain, the size of the systems and teams you work with.' },
  impact: { id: 'impact', title: 'Impact', heading: /impact|\bresults?\b|outcome/, guidance: 'What it changed, with a number.' },
  relevance: { id: 'relevance', title: 'Why this role', heading: /relevan|why (this|here|you)|this role|\bfit\b/, guidance: 'Why this team and this role, tied to what you just said.' },
};

export interface StoryType {
  id: StoryTypeId;
  title: string;
  /** The question it answers best, for the template. */
  prompt: string;
  fields: StoryFieldId[];
  /** Fields whose sentences are checked for ownership ("I" against "we"). */
  actionFields: StoryFieldId[];
  /** The field that must carry a measurable result. */
  resultField: StoryFieldId;
  /** Spoken length to aim for. */
  targetMinutes: number;
  optional?: boolean;
}

const STORY: Pick<StoryType, 'fields' | 'actionFields' | 'resultField' | 'targetMinutes'> = {
  fields: ['situation', 'role', 'options', 'decision', 'result', 'differently'],
  actionFields: ['role', 'options', 'decision'],
  resultField: 'result',
  targetMinutes: 3,
};

export const STORY_TYPES: readonly StoryType[] = [
  { id: 'trade-off', title: 'A hard technical trade-off', prompt: 'Tell me about a difficult technical decision you made.', ...STORY },
  { id: 'incident', title: 'A production incident', prompt: 'Tell me about a time something broke in production.', ...STORY },
  { id: 'conflict', title: 'A conflict with a peer or product partner', prompt: 'Tell me about a time you disagreed with a colleague.', ...STORY },
  { id: 'changed-mind', title: 'A time you changed your mind', prompt: 'Tell me about a time you changed your mind.', ...STORY },
  { id: 'missed-goal', title: 'A project that missed its goal', prompt: 'Tell me about a project that did not go as planned.', ...STORY },
  { id: 'raised-bar', title: 'A time you raised the bar', prompt: 'Tell me about a time you raised the standard for your team.', ...STORY },
  {
    id: 'pitch',
    title: 'Recruiter-screen pitch',
    prompt: 'Walk me through your background.',
    fields: ['scope', 'decision', 'impact', 'relevance'],
    actionFields: ['decision'],
    resultField: 'impact',
    targetMinutes: 2,
    optional: true,
  },
];

export const STORY_TYPE_IDS: readonly StoryTypeId[] = STORY_TYPES.map((t) => t.id);

/** The type with this id; throws for an id not in the table (a programming error). */
export function storyType(id: StoryTypeId): StoryType {
  const found = STORY_TYPES.find((t) => t.id === id);
  if (!found) throw new Error(`unknown story type ${id}`);
  return found;
}

/** Speaking rate when neither the pack nor the story bank says (words per minute). */
export const DEFAULT_WORDS_PER_MINUTE = 150;

/** Below this share of "I" among sentences saying who acted, the ownership check warns. */
export const DEFAULT_OWNERSHIP_MIN = 0.5;

/** A story shorter than this share of its target is probably missing its detail. */
export const TOO_SHORT_SHARE = 0.4;
