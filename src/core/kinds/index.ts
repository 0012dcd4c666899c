import { designKind } from './design/index';
import { storyKind } from './story/index';
import type { DrillKind } from './types';

/**
 * The registry of drill kinds: one line per kind. The `kind:` values a problem.yaml may take, the schema's
 * enum (checked by a unit test) and the command line's kind commands are derived from it.
 *
 * `coding` is the kind of every problem.yaml without `kind:`; its module still lives in the coding session
 * (src/core/session, src/core/attempt) and joins this table when it moves onto the `DrillKind` interface:
 *   coding: codingKind,
 */
export const DRILL_KINDS = {
  design: designKind,
  story: storyKind,
} as const;

/** The ids of the kinds in the registry, plus `coding` (the kind of problems that name none). */
export type KindId = keyof typeof DRILL_KINDS | 'coding';
export const KIND_IDS: readonly KindId[] = ['coding', ...(Object.keys(DRILL_KINDS) as (keyof typeof DRILL_KINDS)[])];

/** The registered kind with this id, or undefined (coding, or an unknown id). */
export function kindById(id: string): DrillKind<never, never, unknown> | undefined {
  return Object.prototype.hasOwnProperty.call(DRILL_KINDS, id) ? (DRILL_KINDS[id as keyof typeof DRILL_KINDS] as DrillKind<never, never, unknown>) : undefined;
}

export type { DrillKind, Finding, FindingSeverity, GateResult, Judgement, KindPhase, ScaffoldFile, CriterionScore } from './types';
export { problemKindOf, isCodingProblemText } from './kindOf';
