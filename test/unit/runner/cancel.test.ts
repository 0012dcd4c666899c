import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { makeProblem, runCode, tc, tempDir } from './helpers';

describe('runner: cancellation', function () {
  this.timeout(20_000);
  const dir = tempDir();
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const problem = makeProblem({ limits: { timeMs: 5000, memoryMb: 64 }, cases: [tc([1], 1), tc([0], 0), tc([2], 2)] });

  for (const language of ['python', 'javascript'] as const) {
    it(`kills the process on abort and reports unreported cases as not run (${language})`, async () => {
      const code = language === 'python' ? 'def solve(a):\n    while a == 0:\n        pass\n    return a\n' : 'function solve(a) { while (a === 0); return a; }';
      const controller = new AbortController();
      const started = performance.now();
      const run = await runCode(dir, language, code, problem, { signal: controller.signal, onCase: (r) => r.index === 0 && setTimeout(() => controller.abort(), 100) });
      assert.deepEqual(run.cases.map((c) => c.verdict), ['passed', 'notRun', 'notRun']);
      assert.match(run.cases[1].message ?? '', /cancelled/);
      assert.ok(performance.now() - started < 4500, 'the hanging case was not waited for');
    });
  }

  it('runs nothing when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const run = await runCode(dir, 'javascript', 'const solve = (a) => a;', problem, { signal: controller.signal });
    assert.deepEqual(run.cases.map((c) => c.verdict), ['notRun', 'notRun', 'notRun']);
  });
});
