import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { makeProblem, runCode, tc, tempDir } from './helpers';

const dir = tempDir();
after(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("runner: the solution's environment", function () {
  this.timeout(40_000);
  const saved = { NODE_OPTIONS: process.env.NODE_OPTIONS, NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS, DRILLS_KEPT: process.env.DRILLS_KEPT };
  before(() => {
    // Harmless values: a child that still received them would only report them back.
    process.env.NODE_OPTIONS = '--no-deprecation';
    process.env.NODE_EXTRA_CA_CERTS = '/dev/null';
    process.env.DRILLS_KEPT = 'yes';
  });
  after(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it("keeps the user's variables but not the editor's Node options or extra CA certificates", async () => {
    const problem = makeProblem({ cases: [tc([0], ['unset', 'unset', 'yes'])] });
    const run = await runCode(dir, 'javascript', "function solve() {\n  const e = process.env;\n  return [e.NODE_OPTIONS ?? 'unset', e.NODE_EXTRA_CA_CERTS ?? 'unset', e.DRILLS_KEPT ?? 'unset'];\n}", problem);
    assert.equal(run.error, undefined, run.error?.message);
    assert.equal(run.cases[0].verdict, 'passed', JSON.stringify(run.cases[0]));
  });
});
