import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { languageById } from '../../../src/core/languages/registry';
import type { BuildInput, BuildResult, LanguageModule, RunContext } from '../../../src/core/languages/types';
import { prestartHarness } from '../../../src/core/runner/run';
import { makeProblem, runCode, tc, tempDir, testEnv } from '../runner/helpers';

/**
 * The runner's side of a compiled language's build step, seen through a real language given a `build` for the
 * test's length (no compiled language is required to be installed): what the build gets, how its artifact reaches
 * `run`, and how a compile error ends the run.
 */
describe('languages: the runner and a build step', function () {
  this.timeout(30_000);
  const dir = tempDir();
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const module = languageById('python') as LanguageModule & { build?: LanguageModule['build'] };
  const originalRun = module.run;

  /** Runs `body` with `build` installed on the module and `run` watched. */
  async function withBuild(build: (input: BuildInput) => Promise<BuildResult>, body: (contexts: RunContext[]) => Promise<void>): Promise<void> {
    const contexts: RunContext[] = [];
    module.build = build;
    module.run = (context) => (contexts.push(context), originalRun(context));
    try {
      await body(contexts);
    } finally {
      delete module.build;
      module.run = originalRun;
    }
  }

  it('builds once per run with the signature, toolchain and a cache folder of the language, and runs the artifact', async () => {
    const inputs: BuildInput[] = [];
    const artifact = path.join(dir, 'artifact.bin');
    await withBuild(
      (input) => (inputs.push(input), Promise.resolve({ ok: true, artifact, cached: false })),
      async (contexts) => {
        const run = await runCode(dir, 'python', 'def solve(a):\n    return a\n', makeProblem({ cases: [tc([1], 1), tc([2], 2)] }), { env: { buildCacheDir: path.join(dir, 'builds') } });
        assert.deepEqual(run.cases.map((c) => c.verdict), ['passed', 'passed']);
        assert.equal(inputs.length, 1);
        assert.deepEqual(inputs[0].spec, { kind: 'function', name: 'solve', params: ['any'], returns: 'any' });
        assert.equal(inputs[0].cacheDir, path.join(dir, 'builds', 'python'));
        assert.ok(inputs[0].toolchain.command.length > 0);
        assert.deepEqual(contexts.map((c) => c.artifact), [artifact]);
      },
    );
  });

  it('a compile error ends the run: every case is an error at the line the compiler named, nothing is started', async () => {
    const solutionPath = path.join(dir, 'broken.py');
    const diagnostic = { file: solutionPath, line: 2, column: 5, severity: 'error' as const, message: 'expected \';\'' };
    await withBuild(
      () => Promise.resolve({ ok: false, error: { kind: 'build-failed', message: `broken.py:2:5: ${diagnostic.message}`, diagnostics: [diagnostic], location: { file: solutionPath, line: 2, column: 5 } } }),
      async (contexts) => {
        const run = await runCode(dir, 'python', '', makeProblem({ cases: [tc([1], 1), tc([2], 2)] }), { file: 'broken.py' });
        assert.equal(run.error?.kind, 'build-failed');
        assert.deepEqual(run.error?.diagnostics, [diagnostic]);
        assert.deepEqual(run.cases.map((c) => [c.verdict, c.location?.line]), [['error', 2], ['error', 2]]);
        assert.deepEqual(contexts, [], 'no process was started');
      },
    );
  });

  it('a language with a build step is not prestarted', async () => {
    await withBuild(
      () => Promise.resolve({ ok: true, artifact: '/nowhere', cached: true }),
      async () => assert.equal(await prestartHarness({ language: 'python', solutionPath: path.join(dir, 'x.py') }, testEnv()), undefined),
    );
    const plain = await prestartHarness({ language: 'python', solutionPath: path.join(dir, 'x.py') }, testEnv());
    assert.ok(plain, 'without one it is');
    plain.dispose();
  });
});
