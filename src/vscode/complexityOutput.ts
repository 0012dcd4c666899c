import * as path from 'node:path';
import type * as vscode from 'vscode';
import { isAttemptError } from '../core/attempt/index';
import { measurable, measureAfterPassingRun } from '../core/complexity/afterRun';
import type { RunResult, RunnerEnv } from '../core/runner/index';
import { PLAN_FILE, type DrillSession, type OpenDrill } from './session';

/**
 * After a passing run's summary: measures the solution's complexity on the problem's generated inputs, prints
 * "Complexity: you stated …; measured …" in the run's output and records it with the attempt. The verdicts are
 * already shown; Stop (the run's token) ends the measurement.
 */
export async function appendMeasuredComplexity(
  input: { drill: OpenDrill; result: RunResult; run: vscode.TestRun; token: vscode.CancellationToken; session: DrillSession; env: RunnerEnv },
): Promise<void> {
  const { drill, result, run, token, session } = input;
  const problem = drill.problem;
  if (!problem?.generator || token.isCancellationRequested) return;
  const attempt = drill.attempt;
  const abort = new AbortController();
  const cancel = token.onCancellationRequested(() => abort.abort());
  try {
    if (measurable(problem, result)) run.appendOutput('\r\nMeasuring the complexity on larger inputs…\r\n');
    const record = await measureAfterPassingRun({
      problem,
      language: attempt.language,
      solutionPath: attempt.solutionPath,
      result,
      planFile: path.join(attempt.attemptDir, PLAN_FILE),
      env: input.env,
      signal: abort.signal,
    });
    if (!record) return;
    run.appendOutput(`${record.sentence}\r\n`);
    // The run that solved the attempt closed it already: the measurement goes into its history all the same.
    const recorded = await session.recordMeasurement(attempt.id, record);
    if (isAttemptError(recorded)) run.appendOutput(`The measurement was not recorded: ${recorded.error}\r\n`);
  } finally {
    cancel.dispose();
  }
}
