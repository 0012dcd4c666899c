import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { HiddenRunSummary } from '../../src/vscode/testController';
import { workspaceDir } from './drillsHelpers';
import { abandonAll, drillsApi, setSetting, startDrill, until, VALID_PLAN, writeThroughEditor } from './sessionHelpers';

/** The extension host's living child processes that `matches` picks, by their environment's variables and pid. */
function childProcesses(matches: (environ: string[], pid: string) => boolean): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) !== process.pid || fields[0] === 'Z') continue;
      if (matches(fs.readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0'), entry)) pids.push(Number(entry));
    } catch {
      // Gone meanwhile.
    }
  }
  return pids;
}

/** The extension host's test processes started ahead and waiting for a run (their environment names the ready pipe). */
const waitingTestProcesses = (): number[] => childProcesses((environ) => environ.some((v) => v.startsWith('DRILLS_READY_FD=')));

/** The extension host's processes of a built C++ program that wait for a run: the program's file is a cached build. */
const waitingPrograms = (): number[] =>
  childProcesses((environ, pid) => environ.some((v) => v.startsWith('DRILLS_RUN=')) && fs.readlinkSync(`/proc/${pid}/exe`).includes(`${path.sep}builds${path.sep}cpp${path.sep}`));

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

  (process.platform === 'linux' ? it : it.skip)('keeps the active drill\'s next test process started once its plan is accepted, and ends it when the setting is off or the drill closes', async () => {
    const { api } = await drillsApi();
    const { start } = await startDrill(api, PROBLEM);
    assert.deepEqual(waitingTestProcesses(), [], 'a process was started before the plan was accepted');
    await writeThroughEditor(path.join(start.attemptDir, 'PLAN.md'), VALID_PLAN);
    assert.ok(await api.session.plan.submit());
    const first = await until('a test process waiting for the run', () => waitingTestProcesses()[0]);
    const summary = await vscode.commands.executeCommand<HiddenRunSummary | undefined>('drills.runHiddenTests', vscode.Uri.file(start.solutionPath));
    assert.ok(summary && summary.result.cases.length > 0, 'the run gave no cases');
    // The run took the waiting process; the next one is a new process.
    const next = await until('the next process waiting', () => waitingTestProcesses().find((pid) => pid !== first));
    assert.notEqual(next, first);
    await setSetting('warmRuns', false);
    await until('no process waiting with drills.warmRuns off', () => waitingTestProcesses().length === 0);
    await setSetting('warmRuns', undefined);
    await until('a process waiting again', () => waitingTestProcesses().length === 1);
    await abandonAll(api);
    await until('no process waiting once the drill closed', () => waitingTestProcesses().length === 0);
  });

  (process.platform === 'linux' ? it : it.skip)('keeps the program a C++ run built started and waiting, a re-run of the unchanged file takes it, and the drill opened again on that file starts it before any run', async function () {
    this.timeout(240_000);
    const { api } = await drillsApi();
    await setSetting('defaultLanguage', 'cpp');
    try {
      const { start } = await startDrill(api, PROBLEM);
      assert.equal(path.extname(start.solutionPath), '.cpp');
      // A file never built before, whatever the build cache holds from earlier runs.
      const solution = `${fs.readFileSync(start.solutionPath, 'utf8')}\n// ${Date.now()} ${Math.random()}\n`;
      await writeThroughEditor(start.solutionPath, solution);
      await writeThroughEditor(path.join(start.attemptDir, 'PLAN.md'), VALID_PLAN);
      assert.ok(await api.session.plan.submit());
      assert.deepEqual(waitingPrograms(), [], 'a program waited before a run built it');
      const run = (file = start.solutionPath): Thenable<HiddenRunSummary | undefined> => vscode.commands.executeCommand<HiddenRunSummary | undefined>('drills.runHiddenTests', vscode.Uri.file(file));
      const first = await run();
      assert.ok(first && first.result.cases.length > 0 && first.result.error === undefined, `the first run: ${JSON.stringify(first?.result.error)}`);
      const waiting = await until('the built program waiting for the next run', () => waitingPrograms()[0]);
      const second = await run();
      assert.deepEqual(second?.result.cases.map((c) => c.verdict), first.result.cases.map((c) => c.verdict));
      // The re-run took the waiting program; the one after it waits in a new process.
      await until('a new process of the program waiting', () => waitingPrograms().find((pid) => pid !== waiting));
      assert.ok(!waitingPrograms().includes(waiting), 'the re-run did not take the waiting program');
      await abandonAll(api);
      await until('no program waiting once the drill closed', () => waitingPrograms().length === 0);
      // The same problem again with the same code: its program is in the build cache, so it waits before any run.
      const { start: again } = await startDrill(api, PROBLEM);
      await writeThroughEditor(again.solutionPath, solution);
      await writeThroughEditor(path.join(again.attemptDir, 'PLAN.md'), VALID_PLAN);
      assert.ok(await api.session.plan.submit());
      const early = await until('the program built before waiting before the first run', () => waitingPrograms()[0]);
      const third = await run(again.solutionPath);
      assert.deepEqual(third?.result.cases.map((c) => c.verdict), first.result.cases.map((c) => c.verdict), 'the run on the drill opened again');
      await until('a new process of the program waiting after that run', () => waitingPrograms().find((pid) => pid !== early));
      assert.ok(!waitingPrograms().includes(early), 'the first run did not take the program started before it');
      await abandonAll(api);
      await until('no program waiting once the drill closed again', () => waitingPrograms().length === 0);
    } finally {
      await setSetting('defaultLanguage', 'javascript');
    }
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
