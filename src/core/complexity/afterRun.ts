import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { ComplexityRecord } from '../attempt/attempt';
import type { Language, Problem } from '../pack/types';
import type { RunResult, RunnerEnv } from '../runner/types';
import { measureComplexity, measurementSentence } from './measure';
import { statedTimeComplexity } from './stated';

/** Whether a run earns a measurement: every case of a whole run passed, and the problem has a generator. */
export function measurable(problem: Problem, result: RunResult): boolean {
  return problem.generator !== undefined && !result.error && result.cases.length === problem.cases.length && result.passed === result.cases.length;
}

/**
 * Measures a solution after its passing run, against the time complexity stated in `planFile` when it has one:
 * what history records and the editor prints. Undefined when the run does not earn a measurement.
 */
export async function measureAfterPassingRun(
  input: { problem: Problem; language: Language; solutionPath: string; result: RunResult; planFile: string; env: RunnerEnv; signal?: AbortSignal },
): Promise<ComplexityRecord | undefined> {
  if (!measurable(input.problem, input.result)) return undefined;
  const stated = await fs.readFile(input.planFile, 'utf8').then(statedTimeComplexity, () => undefined);
  const m = await measureComplexity({ problem: input.problem, language: input.language, solutionPath: input.solutionPath, env: input.env, ...(input.signal ? { signal: input.signal } : {}) });
  if (input.signal?.aborted) return undefined;
  return { at: input.env.now(), ...(stated ? { stated: stated.text } : {}), label: m.label, sentence: measurementSentence(m, stated?.text) };
}

/** Where an attempt's plan is: PLAN.md in its folder. */
export const planFileOf = (attemptDir: string): string => path.join(attemptDir, 'PLAN.md');
