import type { DesignGateResult } from './document';
import { DESIGN_RUBRIC, RUBRIC_MAX, RUBRIC_MIN } from './format';
import type { DesignProbe } from './problem';

/**
 * A design drill's life, as pure transitions: writing DESIGN.md until the gate passes; then the probes, one
 * at a time, each with its own timer; then the candidate's rubric scores; then the model outline. Every
 * transition takes the moment (`now`, epoch ms, from the caller's clock) and returns a new state, or a
 * {@link DesignDrillError} when the rules refuse what was asked. Nothing here touches the disk or the editor.
 */

export type DesignStage = 'writing' | 'probing' | 'rating' | 'done' | 'abandoned';

/** A probe shown to the candidate, with when its timer started and when they moved on. */
export interface RevealedProbe {
  id: string;
  question: string;
  minutes: number;
  revealedAt: number;
  closedAt?: number;
}

/** What the gate found when it opened (kept for the record). */
export interface GateSnapshot {
  anticipated: string[];
  missed: string[];
  /** Numbers with units in the scale assumptions. */
  numbers: number;
  /** Decisions with a name and an alternative. */
  decisions: number;
}

export interface DesignDrillState {
  packId: string;
  problemId: string;
  startedAt: number;
  stage: DesignStage;
  /** Probes of the problem, in order; revealed ones are in `revealed`. */
  probes: DesignProbe[];
  revealed: RevealedProbe[];
  gateRefusals: number;
  gatePassedAt?: number;
  gate?: GateSnapshot;
  /** Criterion id → score 1..4. */
  rubric?: Record<string, number>;
  finishedAt?: number;
}

export interface DesignDrillError {
  error: 'wrong-stage' | 'gate-closed' | 'no-more-probes' | 'bad-rubric';
  message: string;
}

/** True when a transition was refused. */
export function isDesignDrillError(x: DesignDrillState | DesignDrillError): x is DesignDrillError {
  return 'error' in x;
}

/** A new drill at `now`: writing DESIGN.md. */
export function startDesignDrill(problem: { packId: string; id: string; probes: readonly DesignProbe[] }, now: number): DesignDrillState {
  return { packId: problem.packId, problemId: problem.id, startedAt: now, stage: 'writing', probes: [...problem.probes], revealed: [], gateRefusals: 0 };
}

function wrongStage(state: DesignDrillState, wanted: DesignStage, action: string): DesignDrillError {
  return { error: 'wrong-stage', message: `Cannot ${action} now: the drill is ${describe(state.stage)}, not ${describe(wanted)}.` };
}

function describe(stage: DesignStage): string {
  return { writing: 'at the design', probing: 'at the probes', rating: 'at the rubric', done: 'finished', abandoned: 'abandoned' }[stage];
}

/**
 * Submits DESIGN.md's gate result. A closed gate is refused (and counted); an open one starts the probes with
 * the first one revealed, its timer starting at `now`.
 */
export function submitDesign(state: DesignDrillState, gate: DesignGateResult, now: number): { state: DesignDrillState; accepted: boolean } | DesignDrillError {
  if (state.stage !== 'writing') return wrongStage(state, 'writing', 'submit the design');
  if (!gate.passed) return { state: { ...state, gateRefusals: state.gateRefusals + 1 }, accepted: false };
  const snapshot: GateSnapshot = {
    anticipated: gate.coverage.anticipated.map((m) => m.id),
    missed: gate.coverage.missed.map((m) => m.id),
    numbers: gate.quantities.filter((q) => q.category !== undefined && q.category !== 'factor').length,
    decisions: gate.decisions.filter((d) => d.decision !== undefined && d.alternative !== undefined).length,
  };
  const opened: DesignDrillState = { ...state, stage: 'probing', gatePassedAt: now, gate: snapshot };
  return { state: reveal(opened, now), accepted: true };
}

function reveal(state: DesignDrillState, now: number): DesignDrillState {
  const next = state.probes[state.revealed.length];
  const closed = closeCurrent(state.revealed, now);
  return next ? { ...state, revealed: [...closed, { id: next.id, question: next.question, minutes: next.minutes, revealedAt: now }] } : { ...state, revealed: closed };
}

function closeCurrent(revealed: readonly RevealedProbe[], now: number): RevealedProbe[] {
  return revealed.map((p, i) => (i === revealed.length - 1 && p.closedAt === undefined ? { ...p, closedAt: now } : p));
}

/** Closes the current probe and reveals the next one; refused when every probe has been shown. */
export function nextProbe(state: DesignDrillState, now: number): DesignDrillState | DesignDrillError {
  if (state.stage !== 'probing') return wrongStage(state, 'probing', 'reveal a probe');
  if (state.revealed.length >= state.probes.length) return { error: 'no-more-probes', message: 'Every probe has been asked: finish the probes and score yourself.' };
  return reveal(state, now);
}

/** Closes the current probe and moves to the rubric (remaining probes stay unasked). */
export function finishProbes(state: DesignDrillState, now: number): DesignDrillState | DesignDrillError {
  if (state.stage !== 'probing') return wrongStage(state, 'probing', 'finish the probes');
  return { ...state, stage: 'rating', revealed: closeCurrent(state.revealed, now) };
}

/** Where the current probe's timer is. */
export interface ProbeClock {
  probe?: RevealedProbe;
  /** 1-based number of the current probe, and how many the problem has. */
  number: number;
  total: number;
  /** Milliseconds left on the current probe; negative in overtime. */
  remainingMs: number;
  overtime: boolean;
}

/** The current probe's timer at `now` (no probe: nothing is running). */
export function probeClock(state: DesignDrillState, now: number): ProbeClock {
  const current = state.stage === 'probing' ? state.revealed[state.revealed.length - 1] : undefined;
  if (!current || current.closedAt !== undefined) return { number: state.revealed.length, total: state.probes.length, remainingMs: 0, overtime: false };
  const remainingMs = current.revealedAt + current.minutes * 60_000 - now;
  return { probe: current, number: state.revealed.length, total: state.probes.length, remainingMs, overtime: remainingMs < 0 };
}

/** Validates rubric scores: one whole number from 1 to 4 per criterion, nothing else. */
export function checkRubric(scores: Readonly<Record<string, number>>): string | undefined {
  for (const c of DESIGN_RUBRIC) {
    const s = scores[c.id];
    if (s === undefined) return `No score for "${c.title}".`;
    if (!Number.isInteger(s) || s < RUBRIC_MIN || s > RUBRIC_MAX) return `"${c.title}" must be scored ${RUBRIC_MIN} to ${RUBRIC_MAX}, not ${s}.`;
  }
  const unknown = Object.keys(scores).find((k) => !DESIGN_RUBRIC.some((c) => c.id === k));
  return unknown === undefined ? undefined : `"${unknown}" is not a rubric criterion.`;
}

/** Saves the candidate's rubric scores and finishes the drill; the outline is shown from here on. */
export function rateDesign(state: DesignDrillState, scores: Readonly<Record<string, number>>, now: number): DesignDrillState | DesignDrillError {
  if (state.stage !== 'rating') return wrongStage(state, 'rating', 'score the rubric');
  const problem = checkRubric(scores);
  if (problem) return { error: 'bad-rubric', message: problem };
  return { ...state, stage: 'done', rubric: { ...scores }, finishedAt: now };
}

/** Gives up at any stage before the end. */
export function abandonDesign(state: DesignDrillState, now: number): DesignDrillState | DesignDrillError {
  if (state.stage === 'done' || state.stage === 'abandoned') return wrongStage(state, 'writing', 'abandon the drill');
  return { ...state, stage: 'abandoned', revealed: closeCurrent(state.revealed, now), finishedAt: now };
}

/** True once the model outline may be shown: after the rubric, never before. */
export function outlineVisible(state: DesignDrillState): boolean {
  return state.stage === 'done' || state.stage === 'abandoned';
}
