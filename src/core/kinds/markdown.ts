/**
 * A tolerant reader of the Markdown documents drills scaffold (DESIGN.md, story files): headings with their
 * lines, and content lines with the column each starts at, so checks can point inside the text. HTML comments
 * (the scaffold's guidance) and placeholders count for nothing; code fences are content, never headings.
 */

/** A line of real content: comments removed, list markers and quote marks stripped. */
export interface ContentLine {
  /** 1-based line. */
  line: number;
  /** 1-based column of `text`'s first character in the file's line. */
  column: number;
  text: string;
  /** The line starts a list item (its marker was stripped). */
  item?: boolean;
}

export interface MarkdownSection {
  /** Heading text, without the `#`s. */
  heading: string;
  /** 1 for `#`, 2 for `##`, … */
  level: number;
  /** 1-based line of the heading. */
  line: number;
  /** Content up to the next heading of any level. */
  content: ContentLine[];
}

export interface MarkdownDocument {
  sections: MarkdownSection[];
  /** Content before the first heading. */
  preamble: ContentLine[];
  /** Key–value pairs of a `---` front matter block, lower-cased keys. */
  frontMatter: Record<string, { value: string; line: number; column: number }>;
  /** Number of lines in the file. */
  lineCount: number;
}

/** Text that stands for "nothing written yet". */
const PLACEHOLDER = /^(todo|tbd|tba|fixme|xxx|n\/?a|none yet|fill (this |me )?in|write (here|this)|your (answer|text) here|\.{2,}|…|-+|_+|\?+|<[^>]*>|\([^)]*here[^)]*\))[.!:]?$/i;

/** Blanks out `<!-- … -->` comments (possibly spanning lines) with spaces, so columns stay true. */
function blankComments(lines: string[]): string[] {
  let inComment = false;
  return lines.map((raw) => {
    let out = '';
    let i = 0;
    while (i < raw.length) {
      if (inComment) {
        const end = raw.indexOf('-->', i);
        const stop = end < 0 ? raw.length : end + 3;
        out += ' '.repeat(stop - i);
        i = stop;
        if (end >= 0) inComment = false;
      } else {
        const start = raw.indexOf('<!--', i);
        if (start < 0) {
          out += raw.slice(i);
          i = raw.length;
        } else {
          out += raw.slice(i, start);
          i = start;
          inComment = true;
        }
      }
    }
    return out;
  });
}

/** The content of a line with its markers stripped, or undefined when it carries nothing. */
function contentOf(line: string, lineNumber: number): ContentLine | undefined {
  const match = /^(\s*(?:>\s*)?(?:(?:[-*+•]|\d+[.)])\s+)?(?:\[[ xX]\]\s+)?)(.*?)\s*$/.exec(line)!;
  const text = match[2];
  if (text === '' || /^[-*+•]$/.test(text) || /^(```|~~~)/.test(text) || /^(\*{3,}|-{3,}|_{3,}|={3,})$/.test(text)) return undefined;
  if (PLACEHOLDER.test(text)) return undefined;
  return /[-*+•]|\d[.)]/.test(match[1]) ? { line: lineNumber, column: match[1].length + 1, text, item: true } : { line: lineNumber, column: match[1].length + 1, text };
}

/** Reads a document: front matter, headings, content lines. */
export function parseMarkdown(markdown: string): MarkdownDocument {
  const raw = markdown.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const lines = blankComments(raw);
  const frontMatter: MarkdownDocument['frontMatter'] = {};
  let start = 0;
  if (/^---\s*$/.test(raw[0] ?? '')) {
    const end = raw.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
    if (end > 0) {
      for (let i = 1; i < end; i++) {
        const kv = /^(\s*)([A-Za-z][\w-]*)\s*:\s*(.*?)\s*$/.exec(lines[i]);
        if (kv) frontMatter[kv[2].toLowerCase()] = { value: kv[3].replace(/^["']|["']$/g, ''), line: i + 1, column: kv[1].length + 1 };
      }
      start = end + 1;
    }
  }
  const sections: MarkdownSection[] = [];
  const preamble: ContentLine[] = [];
  let current: MarkdownSection | undefined;
  let fence: string | undefined;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i];
    const fenceMark = /^\s*(```|~~~)/.exec(line);
    if (fenceMark) {
      fence = fence === undefined ? fenceMark[1] : fence === fenceMark[1] ? undefined : fence;
      continue;
    }
    const atx = fence === undefined ? /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line) : null;
    if (atx) {
      current = { heading: atx[2], level: atx[1].length, line: i + 1, content: [] };
      sections.push(current);
      continue;
    }
    const content = contentOf(line, i + 1);
    if (content) (current ? current.content : preamble).push(content);
  }
  return { sections, preamble, frontMatter, lineCount: raw.length };
}

/** Lowercased heading without numbering ("1.", "Step 3:") and emphasis. */
export function normaliseHeading(text: string): string {
  return text
    .toLowerCase()
    .replace(/[*_`]/g, '')
    .replace(/^\s*(step|part|section)?\s*(\(?\d+[.):]?\)?|[a-f][.)])\s*[-–—:]?\s*/, '')
    .replace(/[:.\s]+$/, '')
    .trim();
}

/** The words of a text, as a speaker would say them (numbers count as words; punctuation does not). */
export function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’%.,/-]*/gu) ?? [];
}

/** A sentence of content, with where it starts. */
export interface Sentence {
  line: number;
  column: number;
  text: string;
}

/**
 * Splits content into sentences: at `.`, `!` or `?` followed by a space or the line's end. A sentence goes on
 * across the lines of a paragraph; a list item always starts a new one (a bullet is a sentence of its own even
 * without a full stop).
 */
export function sentencesOf(content: readonly ContentLine[]): Sentence[] {
  const sentences: Sentence[] = [];
  let pending: Sentence | undefined;
  let lastLine = -1;
  const flush = (): void => {
    if (pending && pending.text.trim() !== '') sentences.push({ ...pending, text: pending.text.trim() });
    pending = undefined;
  };
  for (const c of content) {
    if (c.line !== lastLine + 1 || c.item) flush();
    lastLine = c.line;
    // "e.g. 3.5 ms" must not split at its dots: only a terminator followed by a space or the end counts.
    const re = /[.!?]+(?=\s|$)/g;
    let from = 0;
    const take = (to: number, ends: boolean): void => {
      const piece = c.text.slice(from, to);
      const lead = piece.length - piece.trimStart().length;
      if (pending) pending.text += ' ' + piece.trim();
      else if (piece.trim() !== '') pending = { line: c.line, column: c.column + from + lead, text: piece.trim() };
      if (ends) flush();
      from = to;
    };
    for (let m = re.exec(c.text); m; m = re.exec(c.text)) take(m.index + m[0].length, true);
    if (from < c.text.length) take(c.text.length, false);
  }
  flush();
  return sentences;
}

/** Where each match of `pattern` (global) occurs in content lines. */
export function matchesIn(content: readonly ContentLine[], pattern: RegExp): { line: number; column: number; endColumn: number; text: string }[] {
  const found: { line: number; column: number; endColumn: number; text: string }[] = [];
  const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
  for (const c of content) {
    re.lastIndex = 0;
    for (let m = re.exec(c.text); m; m = re.exec(c.text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      found.push({ line: c.line, column: c.column + m.index, endColumn: c.column + m.index + m[0].length, text: m[0] });
    }
  }
  return found;
}
