import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stringifyJsonExact } from '../../../src/core/exactJson';
import { createInterpreterResolver } from '../../../src/core/runner/interpreters';
import { runSolution } from '../../../src/core/runner/run';
import { WarmRunner } from '../../../src/core/runner/warm';
import type { Language, Problem, TestCase } from '../../../src/core/pack/types';
import { LANGUAGE_IDS, languageById } from '../../../src/core/languages/registry';
import type { RunResult, RunnerEnv, RunOptions } from '../../../src/core/runner/types';

/** out/harness, next to the bundled tests (out/test/unit/runner). */
export const HARNESS_DIR = path.resolve(__dirname, '..', '..', '..', 'harness');

const sharedResolver = createInterpreterResolver({ cacheFile: path.join(os.tmpdir(), 'drills-test-interpreters.json') });

/** A runner environment over the built harnesses and the real interpreters. */
export function testEnv(overrides: Partial<RunnerEnv> = {}): RunnerEnv {
  return { harnessDir: HARNESS_DIR, interpreters: sharedResolver, now: () => performance.now(), buildCacheDir: path.join(os.tmpdir(), 'drills-test-builds'), ...overrides };
}

/** A temp folder removed after the suite. */
export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'drills-runner-test-'));
}

/** Shorthand for a case. */
export function tc(args: unknown[], expected?: unknown, extra: Partial<TestCase> = {}): TestCase {
  return { name: `case ${stringifyJsonExact(args).slice(0, 40)}`, tags: [], args, ...(expected !== undefined ? { expected } : {}), ...extra };
}

/** A function problem built in code (the loader is not needed to test the runner). */
export function makeProblem(over: Partial<Problem> & { cases: TestCase[] }): Problem {
  return {
    id: 'sample',
    packId: 'test',
    title: 'Sample',
    difficulty: 'easy',
    topics: [],
    minutes: 10,
    dir: os.tmpdir(),
    languages: [...LANGUAGE_IDS],
    statementPath: '',
    compare: { kind: 'exact' },
    limits: { timeMs: 1000, memoryMb: 128 },
    followUps: [],
    hints: [],
    starters: {},
    solutions: [],
    wrong: [],
    function: { name: 'solve', params: [{ name: 'a', type: 'any' }], returns: 'any' },
    ...over,
  };
}


/**
 * How a shared suite's runs start: `cold`, a process started by the run, or `warm`, a process started ahead and
 * waiting (a WarmRunner, as the editor and `drills run --watch` use). Verdicts and limits must not differ.
 */
export type RunMode = 'cold' | 'warm';

/**
 * The modes a language's runs are tested in: warm too where a process can wait for its run (no build step, or a
 * process that starts before the build: Java's JVM).
 */
export function modesOf(language: Language): RunMode[] {
  const runner = languageById(language);
  return runner.build && !runner.harnessBuild ? ['cold'] : ['cold', 'warm'];
}

/** A suite title's suffix for a mode: nothing for the usual cold run. */
export const modeLabel = (mode: RunMode): string => (mode === 'warm' ? ', warm' : '');

/** Runs a solution cold, or in the process a WarmRunner started and that waits (it fails when none could wait). */
export async function runIn(mode: RunMode, opts: RunOptions, envOverrides: Partial<RunnerEnv> = {}): Promise<RunResult> {
  const env = testEnv(envOverrides);
  if (mode === 'cold') return runSolution(opts, env);
  const runner = new WarmRunner({ language: opts.language, solutionPath: opts.solutionPath, memoryMb: opts.problem.limits.memoryMb, env });
  try {
    runner.warm();
    if ((await runner.ready()) === undefined) throw new Error(`no ${opts.language} process waited for the run`);
    return await runner.run(opts);
  } finally {
    // The process started after the run goes too, before the test looks for processes left behind.
    await runner.close();
  }
}

/** Writes a solution file into `dir` and runs it. */
export async function runCode(dir: string, language: Language, code: string, problem: Problem, extra: Partial<RunOptions> & { env?: Partial<RunnerEnv>; file?: string; mode?: RunMode } = {}): Promise<RunResult> {
  const file = path.join(dir, extra.file ?? `sol_${Math.random().toString(36).slice(2, 8)}${languageById(language).extension}`);
  fs.writeFileSync(file, code);
  const { env, mode, ...rest } = extra;
  return runIn(mode ?? 'cold', { problem, language, solutionPath: file, ...rest }, env);
}

/** Whether a process is still alive (a zombie counts as gone: it only waits to be reaped). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/**
 * The languages every given fixture table has code for, in the registry's order: each language runs the shared cases
 * written for it (a compiled language also has a suite of its own: java.test.ts, cppRunner.test.ts, go.test.ts).
 */
export function languagesWith(...tables: Partial<Record<Language, unknown>>[]): Language[] {
  return LANGUAGE_IDS.filter((id) => tables.every((t) => t[id] !== undefined));
}
