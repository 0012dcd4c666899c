import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { didYouMean } from '../../pack/suggest';
import type { Diagnostic } from '../../pack/types';
import { parseYamlFile, Reporter, type YamlPath } from '../../pack/yamlFile';
import { parseMarkdown } from '../markdown';
import { ID_PATTERN, isRecord, requiredString, stringList, warnUnknownKeys } from '../yamlValues';
import { storyTypeOf, type Slogan, type StoryRules } from './checks';
import { DEFAULT_OWNERSHIP_MIN, DEFAULT_WORDS_PER_MINUTE, STORY_FIELDS, STORY_TYPE_IDS, STORY_TYPES, type StoryTypeId } from './format';

/**
 * A story pack: `story-pack.yaml` (the question bank, the slogans, the speaking rate) and `templates/`
 * (one Markdown file per story type). A story bank in the workspace may hold a `story-bank.yaml` that adds
 * slogans and sets its own speaking rate. schemas/story-pack.schema.json describes both files for editors.
 */

export const STORY_PACK_FILE = 'story-pack.yaml';
export const STORY_BANK_FILE = 'story-bank.yaml';

/** An interviewer's question and the stories that answer it. */
export interface StoryQuestion {
  id: string;
  text: string;
  stories: StoryTypeId[];
}

export interface StoryPack {
  id: string;
  name: string;
  dir: string;
  file: string;
  rules: StoryRules;
  questions: StoryQuestion[];
  /** Questions worth asking the interviewer at the end, suggested by a mock loop's report when the candidate wrote none. */
  askTheInterviewer: string[];
  /** Template file per story type, when the pack has one. */
  templates: Partial<Record<StoryTypeId, string>>;
}

const PACK_KEYS = ['id', 'name', 'description', 'wordsPerMinute', 'ownershipMin', 'slogans', 'questions', 'askTheInterviewer'];
const BANK_KEYS = ['wordsPerMinute', 'ownershipMin', 'slogans'];

function readRate(raw: Record<string, unknown>, report: Reporter): number | undefined {
  if (!('wordsPerMinute' in raw)) return undefined;
  const v = raw.wordsPerMinute;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 60 || v > 300) {
    report.error(['wordsPerMinute'], '`wordsPerMinute` must be a speaking rate between 60 and 300 (people speak 130–170 words a minute in an interview).');
    return undefined;
  }
  return v;
}

function readOwnership(raw: Record<string, unknown>, report: Reporter): number | undefined {
  if (!('ownershipMin' in raw)) return undefined;
  const v = raw.ownershipMin;
  if (typeof v !== 'number' || !(v >= 0 && v <= 1)) {
    report.error(['ownershipMin'], '`ownershipMin` must be a share between 0 and 1 (0.5: at least half the sentences that say who acted use "I").');
    return undefined;
  }
  return v;
}

function readSlogans(raw: unknown, report: Reporter): Slogan[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    report.error(['slogans'], '`slogans` must be a list of `{phrase, why}`.');
    return [];
  }
  const slogans: Slogan[] = [];
  const seen = new Set<string>();
  raw.forEach((s, i) => {
    const at: YamlPath = ['slogans', i];
    if (!isRecord(s)) {
      report.error(at, 'A slogan must be a mapping with `phrase` and `why`.');
      return;
    }
    warnUnknownKeys(s, ['phrase', 'pattern', 'why'], at, report, ` in slogan ${i + 1}`);
    const phrase = requiredString(s, 'phrase', at, report, 'the words to flag');
    const why = requiredString(s, 'why', at, report, 'why it cannot be scored, and what to say instead');
    let pattern: string | undefined;
    if ('pattern' in s) {
      pattern = requiredString(s, 'pattern', at, report, 'a regular expression for the phrase and its variants');
      if (pattern !== undefined) {
        try {
          if (new RegExp(pattern, 'iu').test('')) {
            report.error([...at, 'pattern'], 'This pattern matches empty text: it would flag every line.');
            pattern = undefined;
          }
        } catch (e) {
          report.error([...at, 'pattern'], `Not a valid regular expression: ${(e as Error).message}`);
          pattern = undefined;
        }
      }
    }
    if (phrase !== undefined) {
      const key = phrase.toLowerCase().replace(/\s+/g, ' ');
      if (seen.has(key)) report.warning([...at, 'phrase'], `The slogan "${phrase}" is listed twice.`);
      seen.add(key);
    }
    if (phrase && why && (pattern !== undefined || !('pattern' in s))) slogans.push(pattern === undefined ? { phrase, why } : { phrase, pattern, why });
  });
  return slogans;
}

function readAskTheInterviewer(raw: unknown, report: Reporter): string[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    report.error(['askTheInterviewer'], '`askTheInterviewer` must be a list of questions, one string each.');
    return [];
  }
  const asked: string[] = [];
  raw.forEach((q, i) => {
    if (typeof q !== 'string' || q.trim() === '') report.error(['askTheInterviewer', i], 'A question to ask the interviewer must be non-empty text.');
    else asked.push(q.trim());
  });
  return asked;
}

function readQuestions(raw: unknown, report: Reporter): StoryQuestion[] {
  if (raw === undefined) {
    report.error([], 'Missing required key `questions`: the interviewer questions rehearsal picks from, each with the stories that answer it.');
    return [];
  }
  if (!Array.isArray(raw) || raw.length === 0) {
    report.error(['questions'], '`questions` must be a list of at least one `{id, text, stories}`.');
    return [];
  }
  const questions: StoryQuestion[] = [];
  const seen = new Set<string>();
  raw.forEach((q, i) => {
    const at: YamlPath = ['questions', i];
    if (!isRecord(q)) {
      report.error(at, 'A question must be a mapping with `id`, `text` and `stories`.');
      return;
    }
    warnUnknownKeys(q, ['id', 'text', 'stories'], at, report, ` in question ${i + 1}`);
    const id = requiredString(q, 'id', at, report, 'a short name for the question');
    if (id !== undefined) {
      if (!ID_PATTERN.test(id)) report.error([...at, 'id'], `A question id may only contain letters, digits, '.', '_' and '-' (got "${id}").`);
      if (seen.has(id)) report.error([...at, 'id'], `Two questions are named \`${id}\`.`);
      seen.add(id);
    }
    const text = requiredString(q, 'text', at, report, 'the question as the interviewer asks it');
    let stories: StoryTypeId[] | undefined;
    if (!('stories' in q)) report.error(at, `Missing required key \`stories\`: which stories answer it (${STORY_TYPE_IDS.join(', ')}).`, 'key');
    else {
      const list = stringList(q.stories, [...at, 'stories'], report, '`stories`');
      if (list) {
        stories = [];
        list.forEach((s, j) => {
          if ((STORY_TYPE_IDS as readonly string[]).includes(s)) stories!.push(s as StoryTypeId);
          else report.error([...at, 'stories', j], `\`${s}\` is not a story type (${STORY_TYPE_IDS.join(', ')}).${didYouMean(s, STORY_TYPE_IDS)}`);
        });
        if (list.length === 0) report.error([...at, 'stories'], '`stories` needs at least one story type.');
      }
    }
    if (id && text && stories && stories.length > 0) questions.push({ id, text, stories });
  });
  for (const type of STORY_TYPES.filter((t) => !t.optional)) {
    if (!questions.some((q) => q.stories.includes(type.id))) report.warning(['questions'], `No question asks for the ${type.id} story (${type.title.toLowerCase()}): rehearsal will never practise it.`, 'key');
  }
  return questions;
}

/** Reads a story pack folder: story-pack.yaml and its templates. Returns the pack only when nothing is an error. */
export async function loadStoryPack(dir: string): Promise<{ pack?: StoryPack; diagnostics: Diagnostic[] }> {
  dir = path.resolve(dir);
  const diagnostics: Diagnostic[] = [];
  const file = path.join(dir, STORY_PACK_FILE);
  const text = await fs.readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) {
    diagnostics.push({ file, line: 1, column: 1, severity: 'error', message: `${STORY_PACK_FILE} does not exist or cannot be read.` });
    return { diagnostics };
  }
  const yaml = parseYamlFile(file, text, diagnostics);
  if (yaml.value === undefined) return { diagnostics };
  const report = new Reporter(yaml, diagnostics);
  const raw = yaml.value;
  if (!isRecord(raw)) {
    report.error([], `${STORY_PACK_FILE} must be a mapping of keys to values.`);
    return { diagnostics };
  }
  warnUnknownKeys(raw, PACK_KEYS, [], report, '');
  const id = requiredString(raw, 'id', [], report, 'the pack id');
  if (id !== undefined && !ID_PATTERN.test(id)) report.error(['id'], `\`id\` may only contain letters, digits, '.', '_' and '-' (got "${id}").`);
  const name = typeof raw.name === 'string' && raw.name.trim() !== '' ? raw.name.trim() : (id ?? path.basename(dir));
  const rules: StoryRules = {
    wordsPerMinute: readRate(raw, report) ?? DEFAULT_WORDS_PER_MINUTE,
    ownershipMin: readOwnership(raw, report) ?? DEFAULT_OWNERSHIP_MIN,
    slogans: readSlogans(raw.slogans, report),
  };
  if (!('slogans' in raw)) report.warning([], 'No `slogans`: nothing will flag phrases that cannot be scored ("team player").', 'value');
  const questions = readQuestions(raw.questions, report);
  const askTheInterviewer = readAskTheInterviewer(raw.askTheInterviewer, report);
  const templates = await readTemplates(dir, diagnostics);
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  return { pack: { id: id!, name, dir, file, rules, questions, askTheInterviewer, templates }, diagnostics };
}

/** templates/<type>.md: each must be a known type and name every field of it as a heading. */
async function readTemplates(dir: string, diagnostics: Diagnostic[]): Promise<Partial<Record<StoryTypeId, string>>> {
  const folder = path.join(dir, 'templates');
  const names = await fs.readdir(folder).catch(() => [] as string[]);
  const templates: Partial<Record<StoryTypeId, string>> = {};
  for (const name of names.filter((n) => n.endsWith('.md')).sort()) {
    const file = path.join(folder, name);
    const text = await fs.readFile(file, 'utf8');
    const doc = parseMarkdown(text);
    const type = storyTypeOf(doc, file);
    if (!type) {
      diagnostics.push({ file, line: 1, column: 1, severity: 'error', message: `Not a story type: name the template after one (${STORY_TYPE_IDS.map((t) => `${t}.md`).join(', ')}) or declare \`story:\` in front matter.` });
      continue;
    }
    const spec = STORY_TYPES.find((t) => t.id === type)!;
    const headings = doc.sections.map((s) => s.heading.toLowerCase());
    for (const f of spec.fields) {
      if (!headings.some((h) => STORY_FIELDS[f].heading.test(h))) {
        diagnostics.push({ file, line: 1, column: 1, severity: 'error', message: `The template has no "${STORY_FIELDS[f].title}" heading: a story of this type is written in ${spec.fields.map((x) => STORY_FIELDS[x].title).join(', ')}.` });
      }
    }
    templates[type] = file;
  }
  return templates;
}

/** Reads a story bank's story-bank.yaml and lays it over the pack's rules: its slogans are added, its numbers win. */
export async function bankRules(bankDir: string, base: StoryRules): Promise<{ rules: StoryRules; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const file = path.join(bankDir, STORY_BANK_FILE);
  const text = await fs.readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return { rules: base, diagnostics };
  const yaml = parseYamlFile(file, text, diagnostics);
  if (yaml.value === undefined || yaml.value === null) return { rules: base, diagnostics };
  const report = new Reporter(yaml, diagnostics);
  if (!isRecord(yaml.value)) {
    report.error([], `${STORY_BANK_FILE} must be a mapping (wordsPerMinute, ownershipMin, slogans).`);
    return { rules: base, diagnostics };
  }
  warnUnknownKeys(yaml.value, BANK_KEYS, [], report, '');
  const rules: StoryRules = {
    wordsPerMinute: readRate(yaml.value, report) ?? base.wordsPerMinute,
    ownershipMin: readOwnership(yaml.value, report) ?? base.ownershipMin,
    slogans: [...base.slogans, ...readSlogans(yaml.value.slogans, report)],
  };
  return { rules, diagnostics };
}
