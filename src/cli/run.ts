import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ComplexityMeasurement } from '../core/complexity/measure';
import type { Language, Problem } from '../core/pack/types';
import { LANGUAGE_IDS } from '../core/languages/registry';
import { endAllRuns, prestartHarness, runSolution, stringifyJsonExact, type RunResult, type RunnerEnv } from '../core/runner/index';
import { ExitCode, type CommandOptions } from './io';
import { formatDiagnostic, formatRun } from './report';
import { cliLoadOptions, cliRunnerEnv, memoryLimitHint } from './runner';

export interface RunArgs {
  problemId: string;
  packDir: string;
  lang: string;
  file: string;
  /** After a passing run, measure the solution's complexity on generated inputs and print it. */
  complexity?: boolean;
  /** Run again on every save of the file, in a process started ahead and waiting, until Ctrl-C. */
  watch?: boolean;
}

/** `drills run`: runs one solution file against a problem's hidden cases. */
export async function runCommand(args: RunArgs, { json, style, io }: CommandOptions): Promise<number> {
  if (!(LANGUAGE_IDS as readonly string[]).includes(args.lang)) {
    io.err(`drills: unknown language '${args.lang}' (use ${LANGUAGE_IDS.join(', ')})`);
    return ExitCode.Usage;
  }
  if (!fs.existsSync(args.file)) {
    io.err(`drills: no such file: ${args.file}`);
    return ExitCode.Usage;
  }
  const language = args.lang as Language;
  const releaseSignals = endRunsOnSignals();
  try {
    if (args.watch) return await (await import('./watch')).watchRuns(args, language, { json, style, io });
    return await runLanguage(args, language, { json, style, io });
  } finally {
    releaseSignals();
  }
}

const ENDING_SIGNALS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const;

/**
 * Until the returned function is called, Ctrl-C (SIGINT), SIGTERM and SIGHUP end the run: its processes are
 * killed and its temporary files removed before the CLI exits with 128 + the signal's number, as a shell expects.
 */
function endRunsOnSignals(): () => void {
  const handlers = Object.entries(ENDING_SIGNALS).map(([name, number]) => {
    const handler = (): void => {
      endAllRuns();
      process.exit(128 + number);
    };
    process.on(name as NodeJS.Signals, handler);
    return () => process.off(name as NodeJS.Signals, handler);
  });
  return () => handlers.forEach((off) => off());
}

async function runLanguage(args: RunArgs, language: Language, { json, style, io }: CommandOptions): Promise<number> {
  const env = cliRunnerEnv(io);
  // The interpreter starts while the problem's YAML is parsed; the run checks it was started with the right limit.
  const prestarted = await prestartHarness({ language, solutionPath: args.file, memoryMb: memoryLimitHint(args.packDir, args.problemId) }, env);
  try {
    // The loader (the YAML parser, the schema validators) is loaded only now, after the interpreter started.
    const problem = await loadProblemToRun(args, { style, io });
    if (typeof problem === 'number') return problem;
    const result = await runSolution({ problem, language, solutionPath: args.file, ...(prestarted ? { prestarted } : {}) }, env);
    return await reportRun(problem, result, args, language, env, { json, style, io });
  } finally {
    // Unused when the problem did not load; killing it twice is harmless.
    prestarted?.dispose();
  }
}

/**
 * The problem to run, with what the loader found wrong printed first; the exit code instead when it cannot run (not
 * found, or errors in its hidden tests: nothing runs then).
 */
export async function loadProblemToRun(args: RunArgs, { style, io }: Pick<CommandOptions, 'style' | 'io'>): Promise<Problem | number> {
  const { findProblem } = await import('./findProblem');
  const found = await findProblem(args.packDir, args.problemId, cliLoadOptions(io));
  if (!found.problem) {
    if (found.error) io.err(`drills: ${found.error}`);
    for (const d of found.diagnostics) io.err(formatDiagnostic(d, style, args.packDir));
    return ExitCode.Usage;
  }
  for (const d of found.diagnostics) io.err(formatDiagnostic(d, style, found.problem.packDir ?? args.packDir));
  if (found.problem.testsErrors) {
    io.err(`drills: the hidden tests of ${found.problem.id} have errors (above); no case was run.`);
    return ExitCode.Usage;
  }
  return found.problem;
}

/** Prints a run's report (and the complexity after it, with --complexity); returns the exit code it means. */
export async function reportRun(problem: Problem, result: RunResult, args: RunArgs, language: Language, env: RunnerEnv, { json, style, io }: CommandOptions): Promise<number> {
  const passed = !result.error && result.cases.length > 0 && result.passed === result.cases.length;
  if (!json) {
    io.out(`${style.bold(problem.title)} ${style.dim(`(${problem.id}, ${args.lang})`)}`);
    // One write for the whole report, not one per case.
    io.out(formatRun(result, style).join('\n'));
  }
  // The verdict is out first; measuring takes seconds more.
  const measured = args.complexity ? await measureAfterRun(problem, language, args.file, passed, env) : undefined;
  if (json) io.out(stringifyJsonExact(measured ? { ...result, complexity: measured } : result, 2));
  else if (measured) io.out(measured.lines.join('\n'));
  if (result.error?.kind === 'interpreter-missing') return ExitCode.Usage;
  return passed ? ExitCode.Ok : ExitCode.Failed;
}

/**
 * The complexity measured after a run, with the stated one from PLAN.md beside the solution when there is one,
 * as lines for the terminal and values for --json. Nothing is measured after a failing run.
 */
async function measureAfterRun(problem: Problem, language: Language, file: string, passed: boolean, env: RunnerEnv): Promise<{ lines: string[]; sentence: string; stated?: string; measurement?: ComplexityMeasurement }> {
  const { measureComplexity, measurementSentence, measurementTable } = await import('../core/complexity/measure');
  const { statedTimeComplexity } = await import('../core/complexity/stated');
  let stated: string | undefined;
  try {
    stated = statedTimeComplexity(fs.readFileSync(path.join(path.dirname(file), 'PLAN.md'), 'utf8'))?.text;
  } catch {
    stated = undefined; // no plan: the measurement alone
  }
  if (!problem.generator) return { lines: ['Complexity: not measured: this problem has no generator.'], sentence: 'Complexity: not measured: this problem has no generator.' };
  if (!passed) return { lines: ['Complexity: not measured: measured only after every case passes.'], sentence: 'Complexity: not measured: measured only after every case passes.' };
  const measurement = await measureComplexity({ problem, language, solutionPath: file, env });
  const sentence = measurementSentence(measurement, stated);
  const lines = [sentence, ...measurementTable(measurement).map((l) => `  ${l}`), `  (${(measurement.durationMs / 1000).toFixed(1)} s${measurement.reason ? `; ${measurement.reason}` : ''})`];
  return { lines, sentence, ...(stated ? { stated } : {}), measurement };
}
