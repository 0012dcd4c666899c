import { matchesIn, normaliseHeading, parseMarkdown, type ContentLine, type MarkdownDocument } from '../markdown';
import { blocks, byPosition, type Finding, type GateResult } from '../types';
import { DECISIONS_REQUIRED, DESIGN_PHASES, failureModePattern, FAILURE_CHECKLIST, type DesignPhaseId, type FailureMode } from './format';
import { quantitiesIn, type Quantity, type QuantityCategory } from './quantities';

/**
 * DESIGN.md: the scaffold a design drill writes, how it is read back, and the gate before the probes.
 * The reader is tolerant (any heading level, numbering, extra sections and subsections, comments anywhere)
 * and reports 1-based lines and columns.
 */

/** The design document's file name in the attempt folder. */
export const DESIGN_FILE = 'DESIGN.md';

/** What the gate needs to know of the problem. */
export interface DesignGateSubject {
  title: string;
  /** The failure modes to check the failure section against (the standard ones when omitted). */
  failureChecklist?: readonly FailureMode[];
}

/** DESIGN.md as scaffolded: the six sections with guidance in comments, a decision log, a place for probes. */
export function designTemplate(subject: { title: string }): string {
  const lines = [
    `# Design: ${subject.title.trim() || 'Untitled problem'}`,
    '',
    '<!-- Answer in the six sections, in order, as you would speak in the interview. Comments like this one count',
    '     for nothing. The follow-up questions come after the gate: every section written, numbers with units in',
    '     the scale assumptions, the failure modes you design for, five decisions with their alternatives. -->',
    '',
  ];
  DESIGN_PHASES.forEach((p, i) => lines.push(`## ${i + 1}. ${p.title}`, '', `<!-- ${p.guidance} -->`, '', ''));
  lines.push(
    '## Decision log',
    '',
    '<!-- Your five most important decisions, most important first. Name each in its heading, then the alternative',
    '     you considered and what would change your mind (a number, a requirement, a cost). -->',
    '',
  );
  for (let i = 1; i <= DECISIONS_REQUIRED; i++) lines.push(`### Decision ${i}: `, '', '- Alternative considered: ', '- What would change my mind: ', '');
  lines.push('## Probes', '', '<!-- The interviewer\'s follow-up questions appear here one at a time once the gate is passed. -->', '');
  return lines.join('\n');
}

/** A part of the answer: one of the six phases, the decision log, the probes, or a section of the candidate's own. */
export type DesignSectionKey = DesignPhaseId | 'decisions' | 'probes';

export interface DesignSection {
  key?: DesignSectionKey;
  heading: string;
  line: number;
  /** Its content and that of its subsections. */
  content: ContentLine[];
}

export interface DecisionEntry {
  /** Line of the entry's heading. */
  line: number;
  decision?: string;
  alternative?: string;
  changeMind?: string;
}

export interface ParsedDesign {
  sections: DesignSection[];
  decisions: DecisionEntry[];
  /** Line of the decision log's heading. */
  decisionLogLine?: number;
  lineCount: number;
}

const SPECIAL_HEADINGS: [DesignSectionKey, RegExp][] = [
  ['decisions', /decision/],
  ['probes', /\bprobes?\b|follow[- ]?ups?/],
];

/** Which part of the answer a heading names. */
export function designSectionKeyOf(heading: string): DesignSectionKey | undefined {
  const text = normaliseHeading(heading);
  if (/^design\b/.test(text)) return undefined;
  for (const [key, pattern] of SPECIAL_HEADINGS) if (pattern.test(text)) return key;
  for (const phase of DESIGN_PHASES) if (phase.heading.test(text)) return phase.id;
  return undefined;
}

const LABELS: [keyof Omit<DecisionEntry, 'line'>, RegExp][] = [
  ['alternative', /^(alternatives?(\s+considered)?|instead\s+of|rejected|considered|versus|vs\.?|other\s+options?)\s*[:–—-]\s*(.*)$/i],
  ['changeMind', /^(what\s+would\s+change\s+(my|your)\s+mind|would\s+change\s+(my|your)\s+mind|change\s+(my|your)\s+mind|revisit\s+(if|when)|i\s+would\s+reconsider\s+if|reconsider\s+(if|when))\s*[:–—-]?\s*(.*)$/i],
  ['decision', /^(decision|chose|choice|we\s+chose|i\s+chose)\s*[:–—-]\s*(.*)$/i],
];

function readDecision(line: number, heading: string, content: ContentLine[]): DecisionEntry {
  const entry: DecisionEntry = { line };
  const named = heading.replace(/^\s*(decision\s*)?(\d+|[ivx]+)?\s*[.):–—-]?\s*/i, '').trim();
  if (named !== '') entry.decision = named;
  for (const c of content) {
    const text = c.text.replace(/\*\*|__/g, '').trim();
    for (const [key, pattern] of LABELS) {
      const m = pattern.exec(text);
      if (!m) continue;
      const value = m[m.length - 1].trim();
      if (value !== '' && entry[key] === undefined) entry[key] = value;
      break;
    }
  }
  return entry;
}

/** Reads DESIGN.md into its parts. */
export function parseDesign(markdown: string): ParsedDesign {
  const doc: MarkdownDocument = parseMarkdown(markdown);
  const sections: DesignSection[] = [];
  const decisions: DecisionEntry[] = [];
  let decisionLogLine: number | undefined;
  // Headings open above the current one, each with the part of the answer its content went to.
  const stack: { level: number; owner?: DesignSection }[] = [];
  for (const s of doc.sections) {
    while (stack.length > 0 && stack[stack.length - 1].level >= s.level) stack.pop();
    const key = designSectionKeyOf(s.heading);
    // A subsection of a known part belongs to it (its own heading may be anything).
    const owner = [...stack].reverse().find((x) => x.owner?.key !== undefined)?.owner;
    if (owner && (key === undefined || key === owner.key || owner.key === 'decisions' || owner.key === 'probes')) {
      if (owner.key === 'decisions') decisions.push(readDecision(s.line, s.heading, s.content));
      else owner.content.push(...s.content);
      stack.push({ level: s.level, owner });
      continue;
    }
    const section: DesignSection = { key, heading: s.heading, line: s.line, content: [...s.content] };
    sections.push(section);
    stack.push({ level: s.level, owner: section });
    if (key === 'decisions' && decisionLogLine === undefined) decisionLogLine = s.line;
  }
  return { sections, decisions, decisionLogLine, lineCount: doc.lineCount };
}

/** A failure mode the failure section names, and where it first does. */
export interface AnticipatedMode {
  id: string;
  label: string;
  line: number;
  column: number;
}

/** Which failure modes the failure section names, like the coding plan's edge-case report. */
export interface FailureCoverage {
  anticipated: AnticipatedMode[];
  missed: { id: string; label: string }[];
  /** How many the gate asks for. */
  required: number;
  text: string;
}

/** The gate's verdict on DESIGN.md with what it read. */
export interface DesignGateResult extends GateResult {
  coverage: FailureCoverage;
  /** Numbers found in the scale assumptions. */
  quantities: Quantity[];
  decisions: DecisionEntry[];
}

/** Numbers with units the scale assumptions need, and of how many kinds (rate, size, time). */
export const QUANTITIES_REQUIRED = 3;
export const QUANTITY_KINDS_REQUIRED = 2;
const MEASURED: readonly QuantityCategory[] = ['rate', 'size', 'time'];
const CATEGORY_WORDS: Record<string, string> = { rate: 'a rate (requests/s, events/day)', size: 'a size (GB, TB)', time: 'a time (ms, hours, days)' };

/** At least half of the checklist, rounded up. */
export function failureModesRequired(checklist: readonly FailureMode[]): number {
  return Math.ceil(checklist.length / 2);
}

/**
 * The gate before the probes: every one of the six sections written; at least three numbers with units in the
 * scale assumptions, of at least two kinds (rate, size, time); the failure section names at least half of the
 * failure checklist (the rest are reported as missed); five decisions, each with an alternative. Errors keep
 * the gate closed; warnings (a bare number, a missed failure mode, a decision without what would change your
 * mind) do not.
 */
export function checkDesignGate(subject: DesignGateSubject, markdown: string): DesignGateResult {
  const parsed = parseDesign(markdown);
  const findings: Finding[] = [];
  const at = (line: number, severity: Finding['severity'], code: string, message: string, column = 1, endColumn?: number): void => {
    findings.push(endColumn === undefined ? { line, column, severity, code, message } : { line, column, endColumn, severity, code, message });
  };
  const contentOf = (key: DesignSectionKey): ContentLine[] => parsed.sections.filter((s) => s.key === key).flatMap((s) => s.content);
  const first = (key: DesignSectionKey): DesignSection | undefined => parsed.sections.find((s) => s.key === key);
  const lastLine = Math.max(1, parsed.lineCount);

  for (const phase of DESIGN_PHASES) {
    const section = first(phase.id);
    if (!section) at(lastLine, 'error', 'section-missing', `No "${phase.title}" section: add a heading \`## ${phase.title}\`.`);
    else if (contentOf(phase.id).length === 0) at(section.line, 'error', 'section-empty', `"${phase.title}" is empty: the comments count for nothing. ${phase.guidance}`);
  }

  const scale = first('scale');
  const quantities = quantitiesIn(contentOf('scale'));
  if (scale && contentOf('scale').length > 0) {
    const withUnits = quantities.filter((q) => q.category !== undefined && q.category !== 'factor');
    const kinds = MEASURED.filter((k) => withUnits.some((q) => q.category === k));
    for (const q of quantities.filter((x) => x.category === undefined)) {
      at(q.line, 'warning', 'number-without-unit', `\`${q.text.trim()}\` has no unit: ${q.text.trim()} what, per what?`, q.column, q.endColumn);
    }
    if (withUnits.length < QUANTITIES_REQUIRED) {
      at(scale.line, 'error', 'numbers-missing', `The scale assumptions have ${withUnits.length} number${withUnits.length === 1 ? '' : 's'} with units; give at least ${QUANTITIES_REQUIRED} (peak requests/s, events/day, storage in GB or TB, a latency budget in ms) and where each comes from.`);
    } else if (kinds.length < QUANTITY_KINDS_REQUIRED) {
      const lacking = MEASURED.filter((k) => !kinds.includes(k)).map((k) => CATEGORY_WORDS[k]);
      at(scale.line, 'error', 'numbers-one-kind', `The scale assumptions only estimate ${kinds.length === 0 ? 'counts' : CATEGORY_WORDS[kinds[0]]}; add ${lacking.join(' or ')}.`);
    }
  }

  const coverage = failureCoverage(subject.failureChecklist ?? FAILURE_CHECKLIST, contentOf('failure'));
  const failure = first('failure');
  if (failure && contentOf('failure').length > 0) {
    for (const m of coverage.missed) {
      const elsewhere = mentionsElsewhere(subject.failureChecklist ?? FAILURE_CHECKLIST, m.id, parsed);
      const hint = elsewhere ? ` (mentioned at line ${elsewhere}, but the failure design should say what the system does then)` : '';
      at(failure.line, 'warning', 'failure-mode-missed', `Failure mode not designed for: ${m.label}${hint}.`);
    }
    if (coverage.anticipated.length < coverage.required) {
      at(failure.line, 'error', 'failure-coverage', `The failure design names ${coverage.anticipated.length} of ${coverage.anticipated.length + coverage.missed.length} failure modes; name at least ${coverage.required}. ${coverage.text}`);
    }
  }

  const complete = parsed.decisions.filter((d) => d.decision !== undefined && d.alternative !== undefined);
  if (parsed.decisionLogLine === undefined) at(lastLine, 'error', 'decision-log-missing', `No decision log: add \`## Decision log\` with your ${DECISIONS_REQUIRED} most important decisions, each with the alternative you considered.`);
  else {
    for (const d of parsed.decisions) {
      const filled = d.decision !== undefined || d.alternative !== undefined || d.changeMind !== undefined;
      if (!filled) continue;
      if (d.decision === undefined) at(d.line, 'error', 'decision-unnamed', 'Name the decision in the heading (`### Decision 1: Kafka between ingest and aggregation`).');
      if (d.alternative === undefined) at(d.line, 'error', 'decision-no-alternative', 'This decision has no alternative: add `- Alternative considered: …` (what else you weighed, and why not).');
      if (d.changeMind === undefined) at(d.line, 'warning', 'decision-no-change-mind', 'Say what would change your mind: `- What would change my mind: …` (a number, a requirement, a cost).');
    }
    if (complete.length < DECISIONS_REQUIRED) {
      const log = parsed.sections.find((s) => s.key === 'decisions');
      // Decisions written as a list under the log's heading are not entries: say how to write one.
      const hint = parsed.decisions.length === 0 && (log?.content.length ?? 0) > 0 ? ' Write each under its own heading: `### Decision 1: …` with `- Alternative considered: …` below it.' : '';
      at(parsed.decisionLogLine, 'error', 'decisions-too-few', `The decision log has ${complete.length} complete decision${complete.length === 1 ? '' : 's'} (a name and an alternative); it needs ${DECISIONS_REQUIRED}.${hint}`);
    }
  }

  findings.sort(byPosition);
  return { passed: !blocks(findings), findings, coverage, quantities, decisions: parsed.decisions };
}

function failureCoverage(checklist: readonly FailureMode[], content: ContentLine[]): FailureCoverage {
  const anticipated: AnticipatedMode[] = [];
  const missed: { id: string; label: string }[] = [];
  for (const mode of checklist) {
    const hit = matchesIn(content, failureModePattern(mode))[0];
    if (hit) anticipated.push({ id: mode.id, label: mode.label, line: hit.line, column: hit.column });
    else missed.push({ id: mode.id, label: mode.label });
  }
  const required = failureModesRequired(checklist);
  const names = (xs: { label: string }[]): string => xs.map((x) => x.label.toLowerCase()).join(', ');
  const text = [
    anticipated.length > 0 ? `Anticipated: ${names(anticipated)}.` : 'No failure mode anticipated yet.',
    missed.length > 0 ? `Missed: ${names(missed)}.` : 'Every failure mode on the checklist is covered.',
  ].join(' ');
  return { anticipated, missed, required, text };
}

/** The first line outside the failure section naming a failure mode, if any. */
function mentionsElsewhere(checklist: readonly FailureMode[], id: string, parsed: ParsedDesign): number | undefined {
  const mode = checklist.find((m) => m.id === id)!;
  const others = parsed.sections.filter((s) => s.key !== 'failure').flatMap((s) => s.content);
  return matchesIn(others, failureModePattern(mode))[0]?.line;
}

/** The text of DESIGN.md with a revealed probe appended under the probes heading (added when missing). */
export function appendProbe(markdown: string, probe: { question: string; minutes: number }, number: number): string {
  const block = [`### Probe ${number}: ${probe.question}`, '', `<!-- ${formatMinutes(probe.minutes)} to answer, here, as you would aloud. -->`, '', ''].join('\n');
  const hasProbes = parseDesign(markdown).sections.some((s) => s.key === 'probes');
  const base = markdown.endsWith('\n') ? markdown : markdown + '\n';
  return hasProbes ? `${base}\n${block}` : `${base}\n## Probes\n\n${block}`;
}

function formatMinutes(minutes: number): string {
  return minutes === 1 ? 'One minute' : `${minutes} minutes`;
}
