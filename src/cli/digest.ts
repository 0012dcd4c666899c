import { promises as fs } from 'node:fs';
import { loadPacks, loadProblem } from '../core/pack/index';
import { computeDigests, writeDigests } from '../core/runner/digestCases';
import { ExitCode, type CommandOptions } from './io';
import { cliRunnerEnv } from './runner';

/**
 * `drills digest [DIR]`: (re)computes the `digest:` of every generated case under DIR from the reference
 * solutions and writes it into tests.yaml. Run it after changing a generator or a generated case.
 */
export async function digestCommand(dir: string, opts: CommandOptions): Promise<number> {
  const { io } = opts;
  const env = cliRunnerEnv(io);
  const packs = await loadPacks([dir], { digestsPending: true });
  let failed = false;
  const written: { problem: string; cases: number; changed: number }[] = [];
  for (const pack of packs) {
    for (const summary of pack.problems) {
      const { problem, diagnostics } = await loadProblem(summary, { digestsPending: true });
      if (!problem || !problem.testsPath || !problem.cases.some((c) => c.generate)) continue;
      if (problem.testsErrors?.length) {
        failed = true;
        io.err(`${problem.id}: the hidden tests have errors:\n${diagnostics.filter((d) => d.severity === 'error').map((d) => `  ${d.file}:${d.line}:${d.column}: ${d.message}`).join('\n')}`);
        continue;
      }
      const outcome = await computeDigests(problem, env);
      if (!outcome.ok) {
        failed = true;
        io.err(`${problem.id}: ${outcome.message}`);
        continue;
      }
      const text = await fs.readFile(problem.testsPath, 'utf8');
      const next = writeDigests(
        text,
        outcome.digests.map((d) => ({ line: problem.cases[d.index].line!, digest: d.digest })),
        problem.cases.map((c) => c.line!),
      );
      const changed = outcome.digests.filter((d) => problem.cases[d.index].digest?.sha256 !== d.digest.sha256).length;
      if (next !== text) await fs.writeFile(problem.testsPath, next);
      written.push({ problem: problem.id, cases: outcome.digests.length, changed });
      if (!opts.json) io.out(`${problem.id}: ${outcome.digests.length} generated case${outcome.digests.length === 1 ? '' : 's'}, ${changed} digest${changed === 1 ? '' : 's'} written`);
    }
  }
  if (opts.json) io.out(JSON.stringify({ ok: !failed, problems: written }, null, 2));
  return failed ? ExitCode.Failed : ExitCode.Ok;
}
