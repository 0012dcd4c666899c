import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { memoryLimitHint } from '../../../src/cli/runner';
import { prestartHarness, runSolution } from '../../../src/core/runner/run';
import type { Language, Problem } from '../../../src/core/pack/types';
import type { PrestartedHarness, RunResult } from '../../../src/core/runner/types';
import { isAlive, makeProblem, tc, tempDir, testEnv } from './helpers';

/** Waits until a process is gone; false when it is still alive after `ms`. */
async function goneWithin(pid: number, ms: number): Promise<boolean> {
  const deadline = performance.now() + ms;
  while (isAlive(pid)) {
    if (performance.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
  return true;
}

/** Handles (processes, pipes) that keep this process's event loop alive. */
const loopHandles = (): number => process.getActiveResourcesInfo().filter((r) => r === 'ProcessWrap' || r === 'PipeWrap').length;

describe('runner: prestarted harness', function () {
  this.timeout(20_000);
  const dir = tempDir();
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const started: PrestartedHarness[] = [];
  afterEach(() => started.splice(0).forEach((h) => h.dispose()));

  const write = (name: string, code: string): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, code);
    return file;
  };
  const prestart = async (language: Language, solutionPath: string, memoryMb?: number): Promise<PrestartedHarness> => {
    const harness = await prestartHarness({ language, solutionPath, ...(memoryMb !== undefined ? { memoryMb } : {}) }, testEnv());
    assert.ok(harness?.pid, 'the harness process started');
    started.push(harness);
    return harness;
  };
  const run = (problem: Problem, language: Language, solutionPath: string, prestarted?: PrestartedHarness): Promise<RunResult> =>
    runSolution({ problem, language, solutionPath, ...(prestarted ? { prestarted } : {}) }, testEnv());

  const pidSolutions = {
    javascript: write('pid.js', 'function solve(a) { if (a === 0) process.exit(3); return process.pid; }\nmodule.exports = { solve };\n'),
    python: write('pid.py', 'import os\ndef solve(a):\n    if a == 0:\n        os._exit(3)\n    return os.getpid()\n'),
  };
  const pidProblem = makeProblem({ limits: { timeMs: 1000, memoryMb: 128 }, cases: [tc([1], 0), tc([2], 0)] });

  for (const language of ['javascript', 'python'] as const) {
    it(`runs the first case in the prestarted process when it was started with the run's memory limit (${language})`, async () => {
      const harness = await prestart(language, pidSolutions[language], 128);
      const result = await run(pidProblem, language, pidSolutions[language], harness);
      assert.equal(result.error, undefined);
      assert.deepEqual(result.cases.map((c) => c.actual), [harness.pid, harness.pid]);
    });

    it(`starts a fresh process after the prestarted one ends in a crash (${language})`, async () => {
      const problem = makeProblem({ limits: { timeMs: 1000, memoryMb: 128 }, cases: [tc([0], 0), tc([1], 0)] });
      const harness = await prestart(language, pidSolutions[language], 128);
      const result = await run(problem, language, pidSolutions[language], harness);
      assert.equal(result.cases[0].verdict, 'error');
      assert.equal(typeof result.cases[1].actual, 'number');
      assert.notEqual(result.cases[1].actual, harness.pid);
    });

    it(`gives the same results as a run without a prestarted process (${language})`, async () => {
      const code = language === 'python' ? 'def solve(a):\n    if a < 0:\n        raise ValueError("negative")\n    return a * 2\n' : 'function solve(a) { if (a < 0) throw new Error("negative"); return a * 2; }\nmodule.exports = { solve };\n';
      const file = write(`double.${language === 'python' ? 'py' : 'js'}`, code);
      const problem = makeProblem({ limits: { timeMs: 1000, memoryMb: 128 }, cases: [tc([1], 2), tc([2], 5), tc([-1], 0), tc([3], 6)] });
      const strip = (r: RunResult): unknown => r.cases.map(({ durationMs: _, cpuMs: ___, stack: __, ...c }) => c);
      const plain = await run(problem, language, file);
      const harness = await prestart(language, file, 128);
      const prestarted = await run(problem, language, file, harness);
      assert.deepEqual(strip(prestarted), strip(plain));
      assert.deepEqual(prestarted.cases.map((c) => c.verdict), ['passed', 'failed', 'error', 'passed']);
    });
  }

  it('kills a Node harness started with another memory limit and runs the cases in a fresh process', async () => {
    const harness = await prestart('javascript', pidSolutions.javascript, 64);
    const result = await run(pidProblem, 'javascript', pidSolutions.javascript, harness);
    assert.equal(result.error, undefined);
    const pids = result.cases.map((c) => c.actual);
    assert.equal(typeof pids[0], 'number');
    assert.ok(!pids.includes(harness.pid), 'no case ran under the wrong --max-old-space-size');
    assert.ok(await goneWithin(harness.pid!, 5000), 'the mismatched harness was killed');
  });

  it('uses a Python harness started with another memory limit, which still applies the run\'s limit', async () => {
    // The Python harness sets its limit after reading the job, so the interpreter's start does not depend on it.
    const file = write('hog.py', 'import os\ndef solve(a):\n    if a == 1:\n        return os.getpid()\n    x = bytearray(400 * 1024 * 1024)\n    return len(x)\n');
    const problem = makeProblem({ limits: { timeMs: 2000, memoryMb: 64 }, cases: [tc([1], 0), tc([2], 0)] });
    const harness = await prestart('python', file, 512);
    const result = await run(problem, 'python', file, harness);
    assert.equal(result.cases[0].actual, harness.pid);
    assert.equal(result.cases[1].verdict, 'memory', result.cases[1].message);
  });

  it('kills an unused prestarted harness on dispose', async () => {
    const harness = await prestart('javascript', pidSolutions.javascript);
    assert.equal(harness.memoryMb, 256, 'the default memory limit');
    assert.ok(isAlive(harness.pid!), 'it waits for its job');
    harness.dispose();
    harness.dispose();
    assert.ok(await goneWithin(harness.pid!, 5000));
  });

  it('kills the prestarted harness when the run ends before starting a process', async () => {
    const harness = await prestart('python', pidSolutions.python, 128);
    const problem = makeProblem({ function: undefined, cases: [tc([1], 0)] });
    const result = await run(problem, 'python', pidSolutions.python, harness);
    assert.equal(result.error?.kind, 'harness');
    assert.ok(await goneWithin(harness.pid!, 5000));
  });

  it('does not keep the event loop alive while it waits', async () => {
    const before = loopHandles();
    const harness = await prestart('javascript', pidSolutions.javascript);
    assert.equal(loopHandles(), before);
    harness.dispose();
  });

  it('is not started when the interpreter is missing', async () => {
    const env = testEnv({ interpreters: { resolve: () => Promise.resolve({ ok: false, message: 'no python' }) } });
    assert.equal(await prestartHarness({ language: 'python', solutionPath: pidSolutions.python }, env), undefined);
  });

  it('reads the memory limit a problem folder named by its id sets, without parsing the YAML', () => {
    fs.mkdirSync(path.join(dir, 'pack', 'two-sum'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'pack', 'two-sum', 'problem.yaml'), 'id: two-sum\nlimits:\n  timeMs: 500\n  memoryMb: 96 # small\n');
    assert.equal(memoryLimitHint(path.join(dir, 'pack'), 'two-sum'), 96);
    assert.equal(memoryLimitHint(path.join(dir, 'pack'), 'missing'), undefined);
    assert.equal(memoryLimitHint(path.join(dir, 'pack', 'two-sum'), '..'), undefined);
  });
});
