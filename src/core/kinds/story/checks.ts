import * as path from 'node:path';
import { matchesIn, normaliseHeading, parseMarkdown, sentencesOf, wordsOf, type ContentLine, type MarkdownDocument } from '../markdown';
import { byPosition, type Finding } from '../types';
import { DEFAULT_OWNERSHIP_MIN, DEFAULT_WORDS_PER_MINUTE, STORY_FIELDS, STORY_TYPE_IDS, STORY_TYPES, storyType, TOO_SHORT_SHARE, type StoryFieldId, type StoryType, type StoryTypeId } from './format';

/**
 * The checks of a story file: every field filled, spoken length against the target, ownership ("I" against
 * "we" in the action part), a measurable result, slogans nobody can score. Pure: text in, findings with
 * 1-based lines and columns out.
 */

/** A phrase that cannot be scored, and why. */
export interface Slogan {
  /** The phrase as written in the pack (matched case-insensitively, whole words, any spacing). */
  phrase: string;
  /** A regular expression (case-insensitive) to match instead of the phrase, for its variants. */
  pattern?: string;
  why: string;
}

/** What the checks need beside the text. */
export interface StoryRules {
  wordsPerMinute: number;
  /** Lowest acceptable share of "I" sentences among sentences that say who acted (0..1). */
  ownershipMin: number;
  slogans: readonly Slogan[];
}

export const DEFAULT_STORY_RULES: StoryRules = { wordsPerMinute: DEFAULT_WORDS_PER_MINUTE, ownershipMin: DEFAULT_OWNERSHIP_MIN, slogans: [] };

export interface StoryMetrics {
  type?: StoryTypeId;
  words: number;
  spokenSeconds: number;
  targetSeconds: number;
  /** Sentences of the action part with "I", with only "we", and the share of "I" (undefined: neither). */
  ownership: { i: number; we: number; share?: number };
  measurableResult: boolean;
  slogans: number;
  fieldsMissing: StoryFieldId[];
}

export interface StoryCheck {
  findings: Finding[];
  metrics: StoryMetrics;
  /** No error and no warning. */
  ok: boolean;
}

// "I" is always a capital; me, my, myself, mine may start a sentence.
const I_WORDS = /(?<![\p{L}'’])(I|I'm|I’m|I've|I’ve|I'd|I’d|I'll|I’ll|[Mm]e|[Mm]y|[Mm]yself|[Mm]ine)(?![\p{L}'’])/u;
// Case matters: "US" is a country, not us.
const WE_WORDS = /(?<![\p{L}'’])([Ww]e|[Ww]e're|[Ww]e’re|[Ww]e've|[Ww]e’ve|[Ww]e'd|[Ww]e’d|[Ww]e'll|[Ww]e’ll|[Oo]ur|[Oo]urs|us|[Oo]urselves|[Tt]he team)(?![\p{L}'’])/u;
const NUMBER_WORDS = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand|million|half|a third|a quarter|a dozen';
const UNIT_WORDS = 'seconds?|minutes?|hours?|days?|weeks?|months?|quarters?|years?|percent|per cent|times|x|fold|users?|customers?|engineers?|teams?|incidents?|pages?|alerts?|releases?|services?|dollars|euros|pounds|requests|errors';
/** A number, a percentage, a time, money: digits, or a number word with a unit ("three weeks", "half the pages"). */
const MEASURABLE = new RegExp(String.raw`\d|[$€£]\s?\d|(?<![\p{L}])(?:${NUMBER_WORDS})(?:\s+(?:of\s+)?(?:the\s+|our\s+|its\s+)?(?:${UNIT_WORDS}))(?![\p{L}])|(?<![\p{L}])(?:doubled|tripled|halved|quadrupled)(?![\p{L}])`, 'iu');

/** The story type a file declares: front matter `story:` (or `type:`), else its file name (`incident.md`). */
export function storyTypeOf(doc: MarkdownDocument, file?: string): StoryTypeId | undefined {
  const declared = (doc.frontMatter.story ?? doc.frontMatter.type)?.value.trim().toLowerCase();
  if (declared && (STORY_TYPE_IDS as readonly string[]).includes(declared)) return declared as StoryTypeId;
  if (declared) return undefined;
  const base = file ? path.basename(file, path.extname(file)).toLowerCase() : '';
  return STORY_TYPE_IDS.find((id) => new RegExp(`(^|[^a-z])${id}($|[^a-z])`).test(base));
}

/** Which field of the type a heading names. */
function fieldOf(heading: string, type: StoryType): StoryFieldId | undefined {
  const text = normaliseHeading(heading);
  // "What you would do differently" mentions a decision-like verb: try the fields in a fixed, specific-first order.
  const order: StoryFieldId[] = ['differently', 'relevance', 'options', 'role', 'situation', 'scope', 'impact', 'result', 'decision'];
  return order.filter((f) => type.fields.includes(f)).find((f) => STORY_FIELDS[f].heading.test(text));
}

function slogansPattern(s: Slogan): RegExp {
  if (s.pattern !== undefined) return new RegExp(s.pattern, 'giu');
  const words = s.phrase.trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\p{L}\\p{N}])${words.join('\\s+')}(?![\\p{L}\\p{N}])`, 'giu');
}

function clock(seconds: number): string {
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Runs every check on a story file's text. `file` (its name) decides the type when the text does not. */
export function checkStory(markdown: string, rules: StoryRules = DEFAULT_STORY_RULES, file?: string): StoryCheck {
  const doc = parseMarkdown(markdown);
  const findings: Finding[] = [];
  const add = (f: Finding): void => void findings.push(f);
  const typeId = storyTypeOf(doc, file);
  const declared = doc.frontMatter.story ?? doc.frontMatter.type;
  if (typeId === undefined) {
    const where = declared ? { line: declared.line, column: declared.column } : { line: 1, column: 1 };
    add({
      ...where,
      severity: 'warning',
      code: 'story-type',
      message: `${declared ? `\`${declared.value}\` is not a story type` : 'Which story is this?'}: say so in front matter (\`story: incident\`) or the file name. Types: ${STORY_TYPE_IDS.join(', ')}. Checked as a six-field story.`,
    });
  }
  const type = storyType(typeId ?? 'trade-off');
  const titleLine = doc.sections.find((s) => s.level === 1)?.line ?? 1;

  // Fields: a heading each, with content (its subsections' content included).
  const content = new Map<StoryFieldId, { line: number; lines: ContentLine[] }>();
  let owner: StoryFieldId | undefined;
  let ownerLevel = 0;
  for (const s of doc.sections) {
    const field = fieldOf(s.heading, type);
    if (field && !content.has(field)) {
      content.set(field, { line: s.line, lines: [...s.content] });
      owner = field;
      ownerLevel = s.level;
    } else if (owner && s.level > ownerLevel) content.get(owner)!.lines.push(...s.content);
    else owner = undefined;
  }
  const fieldsMissing: StoryFieldId[] = [];
  for (const id of type.fields) {
    const f = content.get(id);
    const title = STORY_FIELDS[id].title;
    if (!f) {
      fieldsMissing.push(id);
      add({ line: titleLine, column: 1, severity: 'error', code: 'field-missing', message: `No "${title}" section: add \`## ${title}\`. ${STORY_FIELDS[id].guidance}` });
    } else if (f.lines.length === 0) {
      fieldsMissing.push(id);
      add({ line: f.line, column: 1, severity: 'error', code: 'field-empty', message: `"${title}" is empty. ${STORY_FIELDS[id].guidance}` });
    }
  }

  // Spoken length: every content line, headings, front matter and comments aside.
  const spoken = [...doc.preamble, ...doc.sections.flatMap((s) => s.content)];
  const perSecond = rules.wordsPerMinute / 60;
  const targetSeconds = type.targetMinutes * 60;
  let words = 0;
  let overAt: ContentLine | undefined;
  for (const c of spoken) {
    words += wordsOf(c.text).length;
    if (overAt === undefined && words / perSecond > targetSeconds) overAt = c;
  }
  const spokenSeconds = words / perSecond;
  const lengthText = `${clock(spokenSeconds)} spoken at ${rules.wordsPerMinute} words a minute (${words} words; target ${clock(targetSeconds)})`;
  if (overAt) add({ line: overAt.line, column: overAt.column, severity: 'warning', code: 'too-long', message: `${lengthText}: from here on you are over time. Cut the situation first; keep the decision and the result.` });
  else if (words > 0 && spokenSeconds < targetSeconds * TOO_SHORT_SHARE) add({ line: titleLine, column: 1, severity: 'warning', code: 'too-short', message: `${lengthText}: too short to show what you did and why.` });
  else add({ line: titleLine, column: 1, severity: 'info', code: 'length', message: lengthText });

  // Ownership in the action part.
  const actionLines = type.actionFields.flatMap((f) => content.get(f)?.lines ?? []);
  const sentences = sentencesOf(actionLines);
  const iSentences = sentences.filter((s) => I_WORDS.test(s.text));
  const weSentences = sentences.filter((s) => !I_WORDS.test(s.text) && WE_WORDS.test(s.text));
  const said = iSentences.length + weSentences.length;
  const share = said > 0 ? iSentences.length / said : undefined;
  const firstAction = type.actionFields.map((f) => content.get(f)).find((f) => f !== undefined);
  const actionNames = type.actionFields.map((f) => STORY_FIELDS[f].title.toLowerCase()).join(', ');
  if (firstAction && actionLines.length > 0) {
    if (said === 0) {
      add({ line: firstAction.line, column: 1, severity: 'warning', code: 'ownership-none', message: `No sentence in ${actionNames} says who acted: say what you did ("I proposed…", "I wrote…").` });
    } else if (share! < rules.ownershipMin) {
      add({ line: firstAction.line, column: 1, severity: 'warning', code: 'ownership-low', message: `${Math.round(share! * 100)}% of the sentences that say who acted use "I" (${iSentences.length} "I", ${weSentences.length} "we"); aim for at least ${Math.round(rules.ownershipMin * 100)}%. The interviewer is hiring you, not the team.` });
      for (const s of weSentences) add({ line: s.line, column: s.column, endColumn: s.column + s.text.length, severity: 'info', code: 'we-sentence', message: 'A "we" sentence: what did you do here?' });
    }
  }

  // A measurable result.
  const result = content.get(type.resultField);
  const measurableResult = !!result && result.lines.some((c) => MEASURABLE.test(c.text));
  if (result && result.lines.length > 0 && !measurableResult) {
    add({ line: result.line, column: 1, severity: 'warning', code: 'result-unmeasured', message: `"${STORY_FIELDS[type.resultField].title}" has no number: give a percentage, a time, a count or money ("p99 from 900 ms to 250 ms", "two weeks early").` });
  }

  // Slogans, anywhere in the text.
  let slogans = 0;
  for (const slogan of rules.slogans) {
    for (const m of matchesIn(spoken, slogansPattern(slogan))) {
      slogans++;
      add({ line: m.line, column: m.column, endColumn: m.endColumn, severity: 'warning', code: 'slogan', message: `"${m.text}" cannot be scored: ${slogan.why}` });
    }
  }

  findings.sort(byPosition);
  const metrics: StoryMetrics = {
    words,
    spokenSeconds: Math.round(spokenSeconds),
    targetSeconds,
    ownership: share === undefined ? { i: iSentences.length, we: weSentences.length } : { i: iSentences.length, we: weSentences.length, share: Math.round(share * 100) / 100 },
    measurableResult,
    slogans,
    fieldsMissing,
  };
  if (typeId) metrics.type = typeId;
  return { findings, metrics, ok: !findings.some((f) => f.severity !== 'info') };
}

/** A story file as scaffolded for a type: front matter, the fields as headings, guidance in comments. */
export function storyTemplate(typeId: StoryTypeId): string {
  const type = storyType(typeId);
  const lines = ['---', `story: ${type.id}`, '---', '', `# ${type.title}`, '', `<!-- Answers: "${type.prompt}" Aim for ${type.targetMinutes} minutes aloud. Comments count for nothing. -->`, ''];
  for (const f of type.fields) lines.push(`## ${STORY_FIELDS[f].title}`, '', `<!-- ${STORY_FIELDS[f].guidance} -->`, '', '');
  return lines.join('\n');
}

/** The story with its text hidden: only the title and the field headings, for rehearsing from memory. */
export function storyHeadings(markdown: string): string[] {
  return parseMarkdown(markdown).sections.map((s) => `${'#'.repeat(s.level)} ${s.heading}`);
}

/** Every story type, in bank order (the six, then the optional pitch). */
export const STORY_BANK: readonly StoryType[] = STORY_TYPES;
