/**
 * A drill kind is one module: its phases, what starting a drill writes, the gate the candidate must pass,
 * how an attempt is judged and what history keeps of it. Everything here is pure: documents come in as
 * text, places go out as 1-based lines and columns (the editor adapter builds ranges from them).
 */

/** How serious a finding is: errors keep a gate closed, warnings are advice, info is context. */
export type FindingSeverity = 'error' | 'warning' | 'info';

/** Something a check found at a place in a document. */
export interface Finding {
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  /** 1-based column just after the text the finding is about, when it is about a span of one line. */
  endColumn?: number;
  severity: FindingSeverity;
  /** Which check produced it (`section-empty`, `slogan`, …): stable, for filtering and tests. */
  code: string;
  message: string;
}

/** The gate's verdict on a document: open when no finding is an error. */
export interface GateResult {
  passed: boolean;
  findings: Finding[];
}

/** One phase of a drill, with its length. */
export interface KindPhase {
  id: string;
  title: string;
  /** May be fractional (whole seconds). */
  minutes: number;
}

/** A file a drill writes when it starts, relative to the attempt folder. */
export interface ScaffoldFile {
  path: string;
  content: string;
}

/** One scored criterion of a judgement. */
export interface CriterionScore {
  id: string;
  title: string;
  score: number;
  max: number;
}

/** How an attempt was judged: a score out of a maximum, per criterion, and a sentence for the candidate. */
export interface Judgement {
  score: number;
  max: number;
  criteria: CriterionScore[];
  summary: string;
}

/**
 * What makes a kind of drill. `Subject` is what a drill is about (a design problem, a story type),
 * `Outcome` what the drill collected by its end, `AttemptRecord` what history keeps.
 */
export interface DrillKind<Subject, Outcome, AttemptRecord> {
  /** The value of `kind:` in a problem.yaml, and the key of the registry. */
  readonly id: string;
  /** How the kind is called in lists and messages. */
  readonly title: string;
  /** The phases of a drill about `subject`, in order, with their minutes. */
  phases(subject: Subject): KindPhase[];
  /** The files starting a drill writes, the document the gate reads first. */
  scaffold(subject: Subject): ScaffoldFile[];
  /** The gate: a pure check of the scaffolded document's text. */
  gate(subject: Subject, text: string): GateResult;
  /** Scores the outcome of a finished drill. */
  judge(subject: Subject, outcome: Outcome): Judgement;
  /** What history keeps of a finished drill. */
  record(subject: Subject, outcome: Outcome): AttemptRecord;
}

/** Sorts findings by place, errors first at the same place. */
export function byPosition(a: Finding, b: Finding): number {
  const rank = { error: 0, warning: 1, info: 2 };
  return a.line - b.line || a.column - b.column || rank[a.severity] - rank[b.severity];
}

/** True when a finding keeps a gate closed. */
export function blocks(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
