import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { HiddenRunSummary } from '../../src/vscode/testController';
import { workspaceDir } from './drillsHelpers';
import { abandonAll, drillsApi, setSetting, startDrill, VALID_PLAN, writeThroughEditor } from './sessionHelpers';

/** Where this suite's attempts go, inside the workspace. */
const ATTEMPTS = 'testing-drills';
const PROBLEM = 'first-unique-title';
/** A solution that blocks without using CPU: only the wall-clock limit, or a cancellation, ends its case. */
const BLOCKING_SOLUTION = 'function firstUniqueTitle(titles) {\n  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);\n  return "";\n}\n';

describe('The Testing view and runs started from the command', function () {
  this.timeout(120_000);

  before(async () => {
    await setSetting('defaultLanguage', 'javascript');
    await setSetting('attemptFolder', `${ATTEMPTS}/\${problemId}`);
  });

  beforeEach(async () => {
    const { api } = await drillsApi();
    await abandonAll(api);
  });

  after(async () => {
    const { api } = await drillsApi();
    await abandonAll(api);
    await setSetting('defaultLanguage', undefined);
    await setSetting('attemptFolder', undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(path.join(workspaceDir(), ATTEMPTS), { recursive: true, force: true });
  });

  it("the Stop button cancels a run started from the command (as the CodeLens starts it): nothing is recorded", async () => {
    const { api } = await drillsApi();
    const { start, drill } = await startDrill(api, PROBLEM);
    await writeThroughEditor(path.join(start.attemptDir, 'PLAN.md'), VALID_PLAN);
    assert.ok(await api.session.plan.submit());
    await writeThroughEditor(start.solutionPath, BLOCKING_SOLUTION);

    // As the CodeLens does: the command with the solution's URI.
    let settled = false;
    const running = Promise.resolve(vscode.commands.executeCommand<HiddenRunSummary | undefined>('drills.runHiddenTests', vscode.Uri.file(start.solutionPath))).finally(() => (settled = true));
    // The Stop button in the Testing view's title is `testing.cancelRun`; pressed until the run is over (the run shows
    // in the view a moment after the command starts).
    while (!settled) {
      await vscode.commands.executeCommand('testing.cancelRun');
      await Promise.race([running, new Promise((r) => setTimeout(r, 100))]);
    }
    const summary = await running;
    assert.ok(summary, 'the run command returned nothing');
    // Not recorded, and not for a failed recording: the run was cancelled. (Left alone, the runner would end it after
    // its first hanging case and record it.)
    assert.equal(summary.recordError, undefined, summary.recordError);
    assert.equal(summary.attempt, undefined, `the stopped run was recorded: ${JSON.stringify(summary.result.cases.map((c) => c.verdict))}`);
    assert.ok(!summary.result.cases.some((c) => c.verdict === 'passed'), 'a case passed after Stop');
    const stored = await api.session.session.history.getAttempt(drill.attempt.id);
    assert.equal(stored.attempt?.runs.length, 0, 'the stopped run is in history');
  });
});
