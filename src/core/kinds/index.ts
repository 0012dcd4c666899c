import { codingKind } from './coding/index';
import { designKind } from './design/index';
import { storyKind } from './story/index';

/**
 * The registry of drill kinds: one line per kind. The `kind:` values a problem.yaml may take, the schema's
 * enum (checked by a unit test) and the command line's kind commands are derived from it.
 * `coding` is also the kind of every problem.yaml without `kind:`.
 */
export const DRILL_KINDS = {
  coding: codingKind,
  design: designKind,
  story: storyKind,
} as const;

/** The ids of the kinds in the registry. */
export type RegisteredKindId = keyof typeof DRILL_KINDS;
/** Every kind id a problem may have (`coding` for problems that name none). */
export type KindId = RegisteredKindId;
export const KIND_IDS: readonly KindId[] = Object.keys(DRILL_KINDS) as RegisteredKindId[];

/** True for the id of a kind in the registry. */
export function isRegisteredKind(id: string): id is RegisteredKindId {
  return Object.prototype.hasOwnProperty.call(DRILL_KINDS, id);
}

/** The registered kind with this id, or undefined for an unknown id. */
export function kindById(id: string): (typeof DRILL_KINDS)[RegisteredKindId] | undefined {
  return isRegisteredKind(id) ? DRILL_KINDS[id] : undefined;
}

export type { DrillKind, Finding, FindingSeverity, GateResult, Judgement, KindPhase, ScaffoldFile, CriterionScore } from './types';
export { problemKindOf, isCodingProblemText } from './kindOf';
