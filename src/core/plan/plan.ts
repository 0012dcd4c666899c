/**
 * The plan gate: before coding, the candidate writes PLAN.md with four sections. The parser is
 * tolerant (any heading level, numbering, case, extra sections, comments anywhere) and reports line
 * numbers (1-based), never editor ranges: the adapter builds those.
 */

/** The four sections a plan needs, in template order. */
export type PlanSectionKey = 'restated' | 'edgeCases' | 'invariant' | 'complexity';
export const PLAN_SECTION_KEYS: readonly PlanSectionKey[] = ['restated', 'edgeCases', 'invariant', 'complexity'];

/** How each section is called in messages and in the template. */
export const PLAN_SECTION_TITLES: Readonly<Record<PlanSectionKey, string>> = {
  restated: 'Problem restated',
  edgeCases: 'Edge cases',
  invariant: 'Invariant',
  complexity: 'Complexity',
};

/** A line of real content: comments, blank lines and placeholders removed, list markers stripped. */
export interface PlanLine {
  /** 1-based line in the file. */
  line: number;
  text: string;
}

export interface PlanSection {
  /** Which required section this heading is, or undefined for an extra section. */
  key?: PlanSectionKey;
  heading: string;
  /** 1-based line of the heading. */
  line: number;
  content: PlanLine[];
}

export interface ParsedPlan {
  sections: PlanSection[];
  /** Number of lines in the file, for messages about missing sections. */
  lineCount: number;
}

/** A reason the plan is not accepted yet, at a line of PLAN.md. */
export interface PlanIssue {
  line: number;
  section?: PlanSectionKey;
  message: string;
}

/** PLAN.md as scaffolded for a problem: four headings and guidance in comments (which count for nothing). */
export function planTemplate(problemTitle: string): string {
  return [
    `# Plan: ${problemTitle.trim() || 'Untitled problem'}`,
    '',
    '<!-- State your plan before coding. Every section needs your own words: these comments do not count. -->',
    '',
    `## 1. ${PLAN_SECTION_TITLES.restated}`,
    '',
    '<!-- Inputs, outputs and constraints, in your own words. What is given, what is returned, how big can it get? -->',
    '',
    '',
    `## 2. ${PLAN_SECTION_TITLES.edgeCases}`,
    '',
    '<!-- One per line, bullets are fine; at least three. For example:',
    '- empty input',
    '- a single element',
    '- duplicates -->',
    '',
    '',
    `## 3. ${PLAN_SECTION_TITLES.invariant}`,
    '',
    '<!-- What stays true at every step of your algorithm (a loop invariant, what a data structure holds)? -->',
    '',
    '',
    `## 4. ${PLAN_SECTION_TITLES.complexity}`,
    '',
    '<!-- Time and space, e.g. "Time: O(n log n), space: O(n)". -->',
    '',
    '',
  ].join('\n');
}

/**
 * Heading words to section, tried in order (first match wins). "Edge cases" comes before "problem"
 * so a heading like "Edge cases of the problem" is read as edge cases.
 */
const SECTION_PATTERNS: readonly [PlanSectionKey, RegExp][] = [
  ['edgeCases', /\b(edge|corner|special|tricky)\b|\bcases\b/],
  ['complexity', /complexit|big[\s-]?o\b|\bruntime\b|\btime (and|&|\/) space\b/],
  ['invariant', /invariant/],
  ['restated', /restat|\bproblem\b|understand|\binputs?\b|\boutputs?\b|\bsummary\b|\bclarif|\bconstraints?\b|in my own words/],
];

/** A heading that is the document title ("Plan: Two Sum"), never a section. */
const TITLE_HEADING = /^plan\b/;

/** Text that stands for "nothing written yet". */
const PLACEHOLDER = /^(todo|tbd|tba|fixme|xxx|n\/?a|none yet|fill (this |me )?in|write (here|this)|your (answer|text|plan) here|\.{2,}|…|-+|_+|\?+|<[^>]*>|\([^)]*here[^)]*\))[.!:]?$/i;

/** Removes `<!-- … -->` comments (possibly spanning lines), keeping the line structure. */
function stripComments(lines: string[]): string[] {
  const out: string[] = [];
  let inComment = false;
  for (const raw of lines) {
    let line = raw;
    let kept = '';
    while (line.length > 0) {
      if (inComment) {
        const end = line.indexOf('-->');
        if (end < 0) {
          line = '';
        } else {
          line = line.slice(end + 3);
          inComment = false;
        }
      } else {
        const start = line.indexOf('<!--');
        if (start < 0) {
          kept += line;
          line = '';
        } else {
          kept += line.slice(0, start);
          line = line.slice(start + 4);
          inComment = true;
        }
      }
    }
    out.push(kept);
  }
  return out;
}

/** The heading text of a Markdown heading line (ATX `##`, or a whole-line bold `**Edge cases**`), else undefined. */
function headingText(line: string, next: string | undefined): string | undefined {
  const atx = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
  if (atx) return atx[1];
  // A whole-line bold label is a heading only when it names a required section: a bold edge case
  // written without a bullet must stay content.
  const bold = /^\s{0,3}(\*\*|__)(.+?)\1\s*:?\s*$/.exec(line);
  if (bold && sectionKeyOf(bold[2]) !== undefined) return bold[2];
  // Setext: a text line underlined with === or ---.
  if (line.trim() !== '' && next !== undefined && /^\s{0,3}(=+|-{2,})\s*$/.test(next) && !/^\s*[-*+]\s/.test(line)) return line.trim();
  return undefined;
}

/** Lowercased heading without numbering ("1.", "(2)", "Step 3:", "II.") and punctuation around it. */
function normaliseHeading(text: string): string {
  return text
    .toLowerCase()
    .replace(/[*_`]/g, '')
    .replace(/^\s*(step|part|section)?\s*(\(?\d+[.):]?\)?|\(?[ivx]+[.)]\)?|[a-d][.)])\s*[-–—:]?\s*/, '')
    .replace(/[:.\s]+$/, '')
    .trim();
}

/** Which required section a heading names, if any. */
export function sectionKeyOf(heading: string): PlanSectionKey | undefined {
  const text = normaliseHeading(heading);
  if (TITLE_HEADING.test(text)) return undefined;
  for (const [key, pattern] of SECTION_PATTERNS) if (pattern.test(text)) return key;
  return undefined;
}

/** A content line with list markers and checkboxes stripped, or undefined when it carries nothing. */
function contentOf(line: string): string | undefined {
  const text = line
    .trim()
    .replace(/^>\s*/, '')
    .replace(/^([-*+•]|\d+[.)])\s+/, '')
    .replace(/^\[[ xX]\]\s+/, '')
    .trim();
  if (text === '' || /^[-*+•]$/.test(text) || /^(```|~~~)/.test(text) || /^(\*{3,}|-{3,}|_{3,}|={3,})$/.test(text)) return undefined;
  if (PLACEHOLDER.test(text)) return undefined;
  return text;
}

/** Splits PLAN.md into sections with their line numbers; text before the first heading is ignored. */
export function parsePlan(markdown: string): ParsedPlan {
  const raw = markdown.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const lines = stripComments(raw);
  const sections: PlanSection[] = [];
  let current: PlanSection | undefined;
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fenceMark = /^\s*(```|~~~)/.exec(line);
    if (fenceMark) fence = fence === undefined ? fenceMark[1] : fence === fenceMark[1] ? undefined : fence;
    const heading = fence === undefined && !fenceMark ? headingText(line, lines[i + 1]) : undefined;
    if (heading !== undefined) {
      current = { key: sectionKeyOf(heading), heading: heading.trim(), line: i + 1, content: [] };
      sections.push(current);
      if (!/^\s{0,3}#/.test(line) && !/^\s{0,3}(\*\*|__)/.test(line)) i++; // skip a setext underline
      continue;
    }
    if (!current) continue;
    const text = fenceMark ? undefined : contentOf(line);
    if (text !== undefined) current.content.push({ line: i + 1, text });
  }
  return { sections, lineCount: raw.length };
}

/** The content of a required section; a section written twice counts as one (both parts). */
export function sectionContent(plan: ParsedPlan, key: PlanSectionKey): PlanLine[] {
  return plan.sections.filter((s) => s.key === key).flatMap((s) => s.content);
}

/** The candidate's edge cases, one per content line of the edge-case section(s). */
export function edgeCaseLines(plan: ParsedPlan): PlanLine[] {
  return sectionContent(plan, 'edgeCases');
}

/** The least number of edge cases a plan must list. */
export const MIN_EDGE_CASES = 3;

/** `O(n log n)`, `Θ(n)`, `O(n^2)`, `O(1)`, and words such as "linear", "constant", "n log n". */
const COMPLEXITY_EXPR =
  /(?:\b|^)[OΘΩθΟo]\s*\((?:[^()]|\([^()]*\))+\)|\b(constant|linear|logarithmic|linearithmic|quadratic|cubic|exponential|factorial|polynomial|sublinear|n log n|log n)\b|\bin[\s-]place\b/i;
const TIME_WORD = /\b(time|runtime|run time|running|speed)\b|^\s*t\s*[:=(]/i;
const SPACE_WORD = /\b(space|memory|extra|auxiliary|aux|storage)\b|^\s*s\s*[:=(]|\bin[\s-]place\b/i;

/**
 * What the complexity section states: a time and a space complexity, each with the line it was found
 * on. Each clause ("O(n log n) time", "space: O(1)") is judged by its own label words; a label without
 * an expression ("Time and space: O(n)", or "Time:" above "O(n)") carries over to the next expression.
 */
export function complexityStatements(lines: readonly PlanLine[]): { time?: PlanLine; space?: PlanLine } {
  const found: { time?: PlanLine; space?: PlanLine } = {};
  let pending = { time: false, space: false };
  for (const line of lines) {
    for (const clause of line.text.split(/[,;|]|\band\b|\s\/\s|&/)) {
      const time = pending.time || TIME_WORD.test(clause);
      const space = pending.space || SPACE_WORD.test(clause);
      if (!COMPLEXITY_EXPR.test(clause)) {
        pending = { time, space };
        continue;
      }
      if (time && !found.time) found.time = line;
      if (space && !found.space) found.space = line;
      pending = { time: false, space: false };
    }
  }
  return found;
}

/** Everything that keeps the plan from being accepted; empty when it passes. */
export function validatePlan(plan: ParsedPlan): PlanIssue[] {
  const issues: PlanIssue[] = [];
  for (const key of PLAN_SECTION_KEYS) {
    const title = PLAN_SECTION_TITLES[key];
    const heads = plan.sections.filter((s) => s.key === key);
    if (heads.length === 0) {
      const number = PLAN_SECTION_KEYS.indexOf(key) + 1;
      issues.push({ line: 1, section: key, message: `Missing section "${title}": add a heading such as "## ${number}. ${title}".` });
      continue;
    }
    const content = sectionContent(plan, key);
    const at = heads[0].line;
    if (content.length === 0) {
      issues.push({ line: at, section: key, message: `"${title}" is empty: write it in your own words (comments and placeholders such as TODO do not count).` });
      continue;
    }
    if (key === 'edgeCases' && content.length < MIN_EDGE_CASES) {
      issues.push({ line: at, section: key, message: `List at least ${MIN_EDGE_CASES} edge cases, one per line (found ${content.length}).` });
    }
    if (key === 'complexity') {
      const stated = complexityStatements(content);
      if (!stated.time) issues.push({ line: at, section: key, message: 'State the time complexity, e.g. "Time: O(n log n)".' });
      if (!stated.space) issues.push({ line: at, section: key, message: 'State the space complexity, e.g. "Space: O(1) extra".' });
    }
  }
  return issues;
}
