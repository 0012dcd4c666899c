import { designKind } from './design/index';
import { storyKind } from './story/index';

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

/** The ids of the kinds in the registry. */
export type RegisteredKindId = keyof typeof DRILL_KINDS;
/** Every kind id a problem may have: the registered ones, plus `coding` (the kind of problems that name none). */
export type KindId = RegisteredKindId | 'coding';
export const KIND_IDS: readonly KindId[] = ['coding', ...(Object.keys(DRILL_KINDS) as RegisteredKindId[])];

/** True for the id of a kind in the registry. */
export function isRegisteredKind(id: string): id is RegisteredKindId {
  return Object.prototype.hasOwnProperty.call(DRILL_KINDS, id);
}

/** The registered kind with this id, or undefined (coding, or an unknown id). */
export function kindById(id: string): (typeof DRILL_KINDS)[RegisteredKindId] | undefined {
  return isRegisteredKind(id) ? DRILL_KINDS[id] : undefined;
}

export type { DrillKind, Finding, FindingSeverity, GateResult, Judgement, KindPhase, ScaffoldFile, CriterionScore } from './types';
export { problemKindOf, isCodingProblemText } from './kindOf';
