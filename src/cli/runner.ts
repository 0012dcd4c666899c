import * as path from 'node:path';
import { loadPacks, loadProblem } from '../core/pack/index';
import type { Diagnostic, Problem, ProblemSummary } from '../core/pack/types';
import { createInterpreterResolver, type RunnerEnv } from '../core/runner/index';
import type { Io } from './io';

/** The runner environment the CLI uses: bundled harnesses, interpreters remembered in the cache folder. */
export function cliRunnerEnv(io: Io): RunnerEnv {
  return {
    harnessDir: io.harnessDir,
    interpreters: createInterpreterResolver({
      cacheFile: path.join(io.cacheDir, 'interpreters.json'),
      pythonPath: io.env.DRILLS_PYTHON || undefined,
      pathEnv: io.env.PATH,
    }),
    now: () => performance.now(),
  };
}

/** Finds a problem by id in the packs under a folder and loads it whole. */
export async function findProblem(
  packDir: string,
  problemId: string,
): Promise<{ problem?: Problem; summary?: ProblemSummary; diagnostics: Diagnostic[]; error?: string }> {
  const packs = await loadPacks([packDir]);
  if (packs.length === 0) return { diagnostics: [], error: `No pack under ${packDir} (a pack is a folder with a drills-pack.yaml).` };
  const matches = packs.flatMap((p) => p.problems.filter((q) => q.id === problemId));
  if (matches.length === 0) {
    const known = packs.flatMap((p) => p.problems.map((q) => q.id));
    return { diagnostics: packs.flatMap((p) => p.diagnostics), error: `No problem '${problemId}' under ${packDir}. Known: ${known.join(', ') || '(none)'}` };
  }
  const summary = matches[0];
  const loaded = await loadProblem(summary);
  return { summary, problem: loaded.problem, diagnostics: loaded.diagnostics };
}
