import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { loadPacks, loadProblem } from '../../../src/core/pack/index';
import type { Problem } from '../../../src/core/pack/types';
import { runSolution } from '../../../src/core/runner/run';
import { LANGUAGE_IDS } from '../../../src/core/languages/registry';
import { testEnv } from './helpers';

/** The built-in pack, found from the repository root (tests run from there). */
const BUILT_IN = path.resolve('problems');

describe('the built-in starters', function () {
  // Six languages, three of them compiled (their first build precompiles a harness).
  this.timeout(900_000);
  let problems: Problem[] = [];
  before(async () => {
    const [pack] = await loadPacks([BUILT_IN]);
    problems = await Promise.all(pack.problems.map(async (summary) => (await loadProblem(summary)).problem!));
  });

  it('pass no case in any language, the cases that expect an error included', async () => {
    assert.ok(problems.length >= 12, `found ${problems.length} problems`);
    const passedSomewhere: string[] = [];
    let runs = 0;
    for (const problem of problems) {
      const results = await Promise.all(
        Object.entries(problem.starters).map(([language, file]) => runSolution({ problem, language: language as Problem['languages'][number], solutionPath: file }, testEnv())),
      );
      for (const run of results) {
        runs++;
        assert.equal(run.cases.length, problem.cases.length);
        for (const c of run.cases) if (c.verdict === 'passed') passedSomewhere.push(`${problem.id} ${run.language}: ${c.name} (${c.message ?? ''})`);
      }
    }
    // Every built-in problem has a starter in every language.
    assert.equal(runs, problems.length * LANGUAGE_IDS.length);
    assert.deepEqual(passedSomewhere, []);
  });
});
