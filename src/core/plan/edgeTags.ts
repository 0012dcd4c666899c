import type { TagSpec } from '../pack/types';

/**
 * Maps the candidate's edge cases ("no intervals", "same value twice") to the tags hidden cases
 * carry (`empty`, `duplicates`). Deliberately simple: a table of phrases per standard tag, a few
 * patterns for numbers and comparisons, and light normalisation (lowercase, singular words, digits
 * kept). Pack tags match by their id or by the words of their description.
 */

/**
 * Phrases per standard tag, written in normalised form (lowercase, singular). A phrase matches when
 * its words appear next to each other in the edge case. Keep this table readable: it is the rule.
 */
export const TAG_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  empty: [
    'empty', 'no element', 'no item', 'no interval', 'no input', 'no value', 'no number', 'no node', 'no word', 'no char',
    'nothing', 'zero element', 'zero item', 'zero length', 'length 0', 'size 0', 'blank', 'null list', 'empty string',
    'none given', 'no data',
  ],
  single: [
    'single', 'one element', 'one item', 'one interval', 'one value', 'one number', 'one node', 'one char', 'one word',
    'only one', 'just one', 'exactly one', 'lone', 'singleton', 'length 1', 'size 1', 'a sole',
  ],
  duplicates: [
    'duplicate', 'repeated', 'repeat', 'repeating', 'same value', 'same number', 'same element', 'same id', 'same key',
    'twice', 'more than once', 'multiple time', 'identical', 'equal value', 'equal element', 'not unique', 'non unique',
    'collision', 'all same', 'all equal',
  ],
  ordering: [
    'unsorted', 'not sorted', 'sorted', 'order', 'ordering', 'reverse', 'reversed', 'descending', 'ascending', 'tie',
    'tied', 'stable', 'permutation', 'shuffled', 'random order', 'out of order',
  ],
  negative: ['negative', 'minus', 'below zero', 'less than zero', 'negative number', 'sign'],
  boundary: [
    'boundary', 'limit', 'max n', 'maximum n', 'max value', 'min value', 'maximum value', 'minimum value', 'max size',
    'maximum size', 'max length', 'maximum length', 'overflow', 'int max', 'int min', 'intmax', 'max int', 'min int',
    'off by one', 'edge of range', 'upper bound', 'lower bound', 'largest value', 'smallest value', 'extreme', 'bound',
  ],
  invalid: [
    'invalid', 'malformed', 'bad input', 'illegal', 'wrong type', 'null', 'none', 'undefined', 'nan', 'out of range',
    'impossible', 'not found', 'missing', 'error', 'exception', 'raise', 'throw', 'corrupt', 'k greater than n',
  ],
  large: [
    'large', 'huge', 'big', 'max n', 'maximum n', 'max size', 'maximum size', 'many', 'lot of', 'million', 'thousand',
    'performance', 'time limit', 'timeout', 'tle', 'stress', 'scale', 'long input', 'long list', 'long string', 'deep',
  ],
};

/**
 * Patterns on the normalised text, for what phrases cannot say: `n = 0`, `k > n`, `10^5`, `1e9`.
 * Checked after the table; each adds tags.
 */
export const TAG_PATTERNS: readonly { pattern: RegExp; tags: readonly string[] }[] = [
  { pattern: /\[\s*\]|\{\s*\}|""|''/, tags: ['empty'] },
  { pattern: /^\s*\[\s*-?[\w.]+\s*\]\s*$/, tags: ['single'] },
  { pattern: /\b[a-z]\s*(==?|is)\s*0\b|\blen(gth)?\s*(==?|is)\s*0\b/, tags: ['empty'] },
  { pattern: /\b[a-z]\s*(==?|is)\s*1\b|\blen(gth)?\s*(==?|is)\s*1\b/, tags: ['single'] },
  { pattern: /\b[a-z]\s*(>=?|exceed)\s*[a-z]\b|\b[a-z]\s*<\s*0\b/, tags: ['invalid'] },
  { pattern: /\b10\s*(\^|\*\*)\s*\d+|\b\d+e\d+\b|\b\d{5,}\b|10[⁰¹²³⁴⁵⁶⁷⁸⁹]+/, tags: ['boundary', 'large'] },
  { pattern: /(^|[\s([,=:])-\s*\d|\b[a-z]\s*<\s*0\b/, tags: ['negative'] },
  { pattern: /\b2\s*(\^|\*\*)\s*(31|32|63|64)\b|\b(int|integer)\s*(overflow|max|min|limit)/, tags: ['boundary'] },
];

/** Words that say nothing about a tag's meaning, left out when matching pack tag descriptions. */
const STOP_WORDS = new Set([
  'the', 'a', 'an', 'of', 'in', 'on', 'at', 'to', 'for', 'with', 'and', 'or', 'is', 'are', 'be', 'it', 'its', 'that',
  'this', 'when', 'where', 'which', 'input', 'case', 'value', 'contain', 'has', 'have', 'there', 'from', 'by', 'as', 'no',
  'not', 'all', 'any', 'some', 'one', 'into', 'than',
]);

/** One singular form per word: "intervals" → "interval", "duplicates" → "duplicate", "entries" → "entry". */
export function singular(word: string): string {
  if (word.length <= 3 || /(ss|us|is|ous)$/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(sh|ch|x|z)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

/** Lowercase words, singular, digits kept; operators kept as their own tokens. */
export function normaliseWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/n't\b/g, ' not')
    .replace(/([a-z])-(?=[a-z])/g, '$1 ')
    .replace(/[^a-z0-9^*=<>+-]+/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '')
    .map(singular);
}

function containsPhrase(words: readonly string[], phrase: readonly string[]): boolean {
  outer: for (let i = 0; i + phrase.length <= words.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (words[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}

/** The normalised text patterns are checked against: lowercase, Unicode operators spelled out. */
function patternText(text: string): string {
  return text.toLowerCase().replace(/≥/g, '>=').replace(/≤/g, '<=').replace(/−/g, '-').replace(/×/g, '*');
}

/** One edge case and the tags it was read as. */
export interface EdgeCaseTags {
  text: string;
  /** 1-based line in PLAN.md, when it came from there. */
  line?: number;
  tags: string[];
}

/** Tags for each edge case, from the standard table and the pack's own tags (by id or description words). */
export function mapEdgeCasesToTags(
  edgeCases: readonly (string | { text: string; line?: number })[],
  knownTags: readonly (string | TagSpec)[] = [],
): EdgeCaseTags[] {
  const packTags = knownTags
    .map((t) => (typeof t === 'string' ? { id: t, description: '' } : t))
    .filter((t) => !(t.id in TAG_SYNONYMS))
    .map((t) => ({
      id: t.id,
      idWords: normaliseWords(t.id.replace(/[-_]/g, ' ')),
      descWords: [...new Set(normaliseWords(t.description).filter((w) => w.length >= 3 && !STOP_WORDS.has(w)))],
    }));
  return edgeCases.map((entry) => {
    const text = typeof entry === 'string' ? entry : entry.text;
    const words = normaliseWords(text);
    const tags = new Set<string>();
    for (const [tag, phrases] of Object.entries(TAG_SYNONYMS)) {
      if (phrases.some((p) => containsPhrase(words, p.split(' ')))) tags.add(tag);
    }
    const raw = patternText(text);
    for (const { pattern, tags: add } of TAG_PATTERNS) if (pattern.test(raw)) for (const t of add) tags.add(t);
    for (const tag of packTags) {
      const byId = tag.idWords.length > 0 && containsPhrase(words, tag.idWords);
      // Descriptions are longer than an edge case: two shared content words (or the only one) is enough.
      const shared = tag.descWords.filter((w) => words.includes(w)).length;
      const byDescription = tag.descWords.length > 0 && shared >= Math.min(2, tag.descWords.length);
      if (byId || byDescription) tags.add(tag.id);
    }
    const result: EdgeCaseTags = { text, tags: [...tags].sort() };
    if (typeof entry !== 'string' && entry.line !== undefined) result.line = entry.line;
    return result;
  });
}

/** Every tag stated by any edge case, sorted. */
export function statedTagsOf(mapped: readonly EdgeCaseTags[]): string[] {
  return [...new Set(mapped.flatMap((m) => m.tags))].sort();
}
