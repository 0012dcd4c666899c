import type { Difficulty, ProblemSummary } from '../../../src/core/pack/types';
import type { Verdict } from '../../../src/core/runner/types';
import { isAttemptError, startAttempt, type Attempt, type AttemptError, type RunInput } from '../../../src/core/attempt';
import { resolvePhases, type TimerMode } from '../../../src/core/timer';

export const MIN = 60_000;
export const T0 = Date.UTC(2026, 10, 24, 15, 0, 0);

/** A 45-minute attempt (5/10/25/5) started at T0. */
export function newAttempt(mode: TimerMode, id = 'a1', problemId = 'two-sum', minutes = 45): Attempt {
  return startAttempt(
    { id, packId: 'builtin', problemId, language: 'python', solutionPath: '/tmp/sol.py', attemptDir: '/tmp/a', mode, phases: resolvePhases(undefined, undefined, undefined, minutes) },
    T0,
  );
}

/** Unwraps a transition that must succeed. */
export function ok(value: Attempt | AttemptError): Attempt {
  if (isAttemptError(value)) throw new Error(`unexpected refusal: ${value.error}`);
  return value;
}

/** A run whose cases have the given verdicts; tags cycle through a few standard ones. */
export function run(verdicts: Verdict[], tags: string[][] = []): RunInput {
  return { cases: verdicts.map((verdict, i) => ({ name: `case ${i + 1}`, tags: tags[i] ?? [], verdict })) };
}

export const PLAN = `# Plan
## Problem restated
Return indexes of two numbers adding up to target.
## Edge cases
- empty list
- duplicates such as [3, 3]
- negative numbers
## Invariant
seen maps every value left of i to its index
## Complexity
O(n) time, O(n) space
`;

/** A problem summary for picking mocks. */
export function problem(id: string, difficulty: Difficulty, topics: string[] = [], minutes = 30): ProblemSummary {
  return { id, packId: 'builtin', title: `Title ${id}`, difficulty, topics, minutes, dir: `/p/${id}`, languages: ['python'] };
}
