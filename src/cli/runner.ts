import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TOOLCHAINS } from '../core/languages/registry';
import { PROBLEM_FILE } from '../core/pack/constants';
import type { LoadOptions } from '../core/pack/index';
import { createFileYamlCache } from '../core/pack/yamlCache';
import { createInterpreterResolver, type RunnerEnv } from '../core/runner/index';
import type { Io } from './io';

/** The runner environment the CLI uses: bundled harnesses, interpreters remembered in the cache folder. */
export function cliRunnerEnv(io: Io): RunnerEnv {
  return {
    harnessDir: io.harnessDir,
    interpreters: createInterpreterResolver({
      cacheFile: path.join(io.cacheDir, 'interpreters.json'),
      paths: toolchainPathsFromEnv(io.env),
      pathEnv: io.env.PATH,
    }),
    buildCacheDir: path.join(io.cacheDir, 'builds'),
    now: () => performance.now(),
  };
}

/** Toolchain paths from `DRILLS_TOOLCHAIN_<ID>` (`DRILLS_TOOLCHAIN_PYTHON`), and the older `DRILLS_PYTHON`. */
export function toolchainPathsFromEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const paths: Record<string, string> = env.DRILLS_PYTHON ? { python: env.DRILLS_PYTHON } : {};
  for (const { id } of TOOLCHAINS) {
    const value = env[`DRILLS_TOOLCHAIN_${id.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`];
    if (value) paths[id] = value;
  }
  return paths;
}

/**
 * The memory limit `<packDir>/<id>/problem.yaml` seems to set, read without parsing YAML, so the harness can start
 * while the problem loads. Only a guess: a run whose real limit differs starts its own process.
 */
export function memoryLimitHint(packDir: string, problemId: string): number | undefined {
  if (problemId !== path.basename(problemId) || problemId.startsWith('.')) return undefined;
  let text: string;
  try {
    text = readFileSync(path.join(packDir, problemId, PROBLEM_FILE), 'utf8');
  } catch {
    return undefined;
  }
  const found = /\bmemoryMb\s*:\s*(\d+(?:\.\d+)?)/.exec(text);
  return found ? Number(found[1]) : undefined;
}

/**
 * How the CLI reads packs: YAML values are remembered in the cache folder, per version of drills, so running a
 * problem again does not parse its tests.yaml again. `DRILLS_NO_CACHE=1` turns that off.
 */
export function cliLoadOptions(io: Io): LoadOptions {
  if (io.env.DRILLS_NO_CACHE) return {};
  return { yamlCache: createFileYamlCache(path.join(io.cacheDir, 'yaml'), io.version) };
}
