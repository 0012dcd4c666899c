import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stringifyJsonExact } from '../../../src/core/exactJson';
import { createInterpreterResolver } from '../../../src/core/runner/interpreters';
import { runSolution } from '../../../src/core/runner/run';
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


/** Writes a solution file into `dir` and runs it. */
export async function runCode(dir: string, language: Language, code: string, problem: Problem, extra: Partial<RunOptions> & { env?: Partial<RunnerEnv>; file?: string } = {}): Promise<RunResult> {
  const file = path.join(dir, extra.file ?? `sol_${Math.random().toString(36).slice(2, 8)}${languageById(language).extension}`);
  fs.writeFileSync(file, code);
  const { env, ...rest } = extra;
  return runSolution({ problem, language, solutionPath: file, ...rest }, testEnv(env));
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
