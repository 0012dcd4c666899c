import type { DrillKind, Judgement } from '../types';
import { checkDesignGate, DESIGN_FILE, designTemplate } from './document';
import type { DesignDrillState, GateSnapshot } from './drill';
import { DESIGN_PHASES, DESIGN_RUBRIC, RUBRIC_MAX } from './format';
import type { DesignProblem } from './problem';

export * from './format';
export * from './problem';
export * from './document';
export * from './drill';
export { quantitiesIn, type Quantity, type QuantityCategory } from './quantities';

/** What history keeps of a design drill. */
export interface DesignAttemptRecord {
  kind: 'design';
  packId: string;
  problemId: string;
  startedAt: number;
  finishedAt?: number;
  status: 'rated' | 'abandoned' | 'in-progress';
  /** Submissions refused before the gate opened, and what it found when it did. */
  gateRefusals: number;
  gatePassedAt?: number;
  gate?: GateSnapshot;
  /** Each probe asked: how long the answer took, and whether it ran over its timer. */
  probes: { id: string; answeredMs: number; overtime: boolean }[];
  /** Probes never asked (the candidate moved to the rubric early). */
  probesSkipped: string[];
  rubric: { id: string; score: number }[];
  score: number;
  max: number;
}

/** Scores a finished drill from the candidate's rubric (0 of 20 when nothing was scored). */
export function judgeDesign(state: DesignDrillState): Judgement {
  const criteria = DESIGN_RUBRIC.map((c) => ({ id: c.id, title: c.title, score: state.rubric?.[c.id] ?? 0, max: RUBRIC_MAX }));
  const score = criteria.reduce((s, c) => s + c.score, 0);
  const max = criteria.length * RUBRIC_MAX;
  const weakest = [...criteria].filter((c) => c.score > 0).sort((a, b) => a.score - b.score)[0];
  const summary = state.rubric === undefined
    ? 'Not scored.'
    : `${score}/${max}.${weakest && weakest.score < RUBRIC_MAX ? ` Work on: ${weakest.title.toLowerCase()} (${weakest.score}/${RUBRIC_MAX}).` : ''}`;
  return { score, max, criteria, summary };
}

/** The attempt record of a drill's state. */
export function designRecord(state: DesignDrillState): DesignAttemptRecord {
  const judgement = judgeDesign(state);
  const record: DesignAttemptRecord = {
    kind: 'design',
    packId: state.packId,
    problemId: state.problemId,
    startedAt: state.startedAt,
    status: state.stage === 'done' ? 'rated' : state.stage === 'abandoned' ? 'abandoned' : 'in-progress',
    gateRefusals: state.gateRefusals,
    probes: state.revealed.map((p) => {
      const answeredMs = (p.closedAt ?? p.revealedAt) - p.revealedAt;
      return { id: p.id, answeredMs, overtime: answeredMs > p.minutes * 60_000 };
    }),
    probesSkipped: state.probes.slice(state.revealed.length).map((p) => p.id),
    rubric: state.rubric ? DESIGN_RUBRIC.map((c) => ({ id: c.id, score: state.rubric![c.id] })) : [],
    score: judgement.score,
    max: judgement.max,
  };
  if (state.finishedAt !== undefined) record.finishedAt = state.finishedAt;
  if (state.gatePassedAt !== undefined) record.gatePassedAt = state.gatePassedAt;
  if (state.gate) record.gate = state.gate;
  return record;
}

/** The model answer, as Markdown: the outline's points per phase, then each probe with its concerns. */
export function outlineMarkdown(problem: DesignProblem): string {
  const lines = [`# Model answer: ${problem.title}`, ''];
  DESIGN_PHASES.forEach((p, i) => {
    lines.push(`## ${i + 1}. ${p.title}`, '');
    for (const point of problem.outline[p.id]) lines.push(`- ${point}`);
    lines.push('');
  });
  lines.push('## What the probes were after', '');
  for (const probe of problem.probes) {
    lines.push(`### ${probe.question}`, '');
    for (const c of probe.concerns) lines.push(`- ${c}`);
    lines.push('');
  }
  return lines.join('\n');
}

/** The system-design kind: DESIGN.md, its gate, probes one at a time, a rubric, the model outline. */
export const designKind: DrillKind<DesignProblem, DesignDrillState, DesignAttemptRecord> = {
  id: 'design',
  title: 'System design',
  phases: (problem) => problem.phases,
  scaffold: (problem) => [{ path: DESIGN_FILE, content: designTemplate(problem) }],
  gate: (problem, text) => checkDesignGate(problem, text),
  judge: (_problem, state) => judgeDesign(state),
  record: (_problem, state) => designRecord(state),
};
