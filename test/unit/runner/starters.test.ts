import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadPacks, loadProblem } from '../../../src/core/pack/index';
import type { Problem } from '../../../src/core/pack/types';
import { LANGUAGE_IDS } from '../../../src/core/languages/registry';

/** The built-in pack, found from the repository root (tests run from there). */
const BUILT_IN = path.resolve('problems');

// That every starter loads and passes no case (the cases that expect an error included) is what `drills check` proves
// of each starter, and `npm test` checks the built-in pack with it (cli/authoring.test: a starter that passes a case,
// or does not load, fails the check).
describe('the built-in starters', () => {
  let problems: Problem[] = [];
  before(async () => {
    const [pack] = await loadPacks([BUILT_IN]);
    problems = await Promise.all(pack.problems.map(async (summary) => (await loadProblem(summary)).problem!));
  });

  it('are there for every problem in every language', () => {
    assert.ok(problems.length >= 12, `found ${problems.length} problems`);
    const missing = problems.flatMap((p) => LANGUAGE_IDS.filter((l) => !p.starters[l] || !fs.existsSync(p.starters[l]!)).map((l) => `${p.id}: ${l}`));
    assert.deepEqual(missing, []);
  });
});
