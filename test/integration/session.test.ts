import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { timerState } from '../../src/core/timer/index';
import type { RunRecordWithCoverage } from '../../src/core/session/index';
import { failureMessage, type HiddenRunSummary } from '../../src/vscode/testController';
import { workspaceDir } from './drillsHelpers';
import { screenshot } from './screenshots';
import { drillsApi, setSetting, startDrill, until, useDrillSuite, VALID_PLAN, writeSolutionFrom, writeThroughEditor } from './sessionHelpers';

const PROBLEM = 'first-unique-title';
/** Where this suite's attempts go, inside the workspace. */
const ATTEMPTS = 'session-drills';

interface Manifest {
  contributes: { menus: Record<string, { command: string; when?: string }[]> };
}

describe('Drill session: plan gate, hidden tests, timer', function () {
  // Runs spawn real interpreters on a shared 2-core machine.
  this.timeout(120_000);

  useDrillSuite(ATTEMPTS);

  it('the run command is hidden by when clauses until the plan is accepted', async () => {
    const { extensionPath } = await drillsApi();
    const manifest = JSON.parse(fs.readFileSync(path.join(extensionPath, 'package.json'), 'utf8')) as Manifest;
    for (const menu of ['commandPalette', 'editor/title', 'editor/context']) {
      const entries = manifest.contributes.menus[menu]?.filter((m) => m.command === 'drills.runHiddenTests') ?? [];
      assert.ok(entries.length > 0, `drills.runHiddenTests has no ${menu} entry`);
      for (const e of entries) assert.match(e.when ?? '', /(^|&& )drills\.testsRevealed( |$)/, `${menu} shows drills.runHiddenTests without the plan gate`);
    }
  });

  it('a started drill has an attempt, PLAN.md, and no test item before the plan; a bad plan gets diagnostics, a good one reveals one item per hidden case', async () => {
    const { api } = await drillsApi();
    const { start, drill } = await startDrill(api, PROBLEM);
    const planPath = path.join(start.attemptDir, 'PLAN.md');
    assert.ok(fs.existsSync(planPath), 'PLAN.md was not scaffolded');
    assert.match(fs.readFileSync(planPath, 'utf8'), /## 2\. Edge cases/);
    assert.equal(drill.attempt.mode, 'strict');
    assert.equal(api.contextValue('drills.activeDrill'), true);
    assert.equal(api.contextValue('drills.testsRevealed'), false);
    assert.equal(api.session.tests.controller.items.size, 0, 'hidden tests are visible before the plan');
    assert.equal(await vscode.commands.executeCommand('drills.runHiddenTests'), undefined, 'the run command ran before the plan');
    const saved = await api.session.session.history.getAttempt(drill.attempt.id);
    assert.equal(saved.attempt?.problemId, PROBLEM, 'the attempt is not in history');

    // The gate as the candidate meets it: PLAN.md beside the solution, its "Submit plan" lens above the headings.
    await vscode.window.showTextDocument(vscode.Uri.file(planPath), { viewColumn: vscode.ViewColumn.One });
    // The statement stays in view while the plan is written (a locked preview does not follow PLAN.md).
    const tabLabels = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label));
    await until(`the statement preview beside PLAN.md (tabs: ${tabLabels().join(', ')})`, () => tabLabels().some((l) => /statement\.md/.test(l)));
    assert.ok(!tabLabels().some((l) => /Preview PLAN\.md/.test(l)), `the statement preview turned into PLAN.md: ${tabLabels().join(', ')}`);
    await screenshot('plan-gate', '.part.editor .codelens-decoration');

    // The template as scaffolded is empty: refused, with a diagnostic per issue at its line.
    const refused = await api.session.plan.submit(vscode.Uri.file(planPath));
    assert.ok(refused && 'error' in refused && refused.issues && refused.issues.length >= 4, 'the empty template was accepted');
    const diagnostics = vscode.languages.getDiagnostics(vscode.Uri.file(planPath));
    assert.equal(diagnostics.length, refused.issues.length);
    assert.deepEqual(
      diagnostics.map((d) => d.range.start.line + 1).sort((a, b) => a - b),
      refused.issues.map((i) => i.line).sort((a, b) => a - b),
    );
    assert.equal(api.session.tests.controller.items.size, 0);

    await writeThroughEditor(planPath, VALID_PLAN);
    const accepted = await api.session.plan.submit(vscode.Uri.file(planPath));
    assert.ok(accepted && 'attempt' in accepted, `the valid plan was refused: ${JSON.stringify(accepted)}`);
    assert.deepEqual(accepted.attempt.plan?.statedTags, ['duplicates', 'empty', 'single']);
    assert.equal(timerState(accepted.attempt.timer, api.session.session.clock.now()).phase, 'code');
    assert.equal(vscode.languages.getDiagnostics(vscode.Uri.file(planPath)).length, 0, 'diagnostics stayed after acceptance');
    assert.equal(api.contextValue('drills.testsRevealed'), true);
    const root = api.session.tests.controller.items.get(drill.attempt.id);
    assert.ok(root, 'no test item for the drill after the plan');
    const problem = drill.problem!;
    assert.equal(root.children.size, problem.cases.length);
    const first = root.children.get(`${drill.attempt.id}/0`)!;
    assert.equal(first.label, problem.cases[0].name);
    assert.equal(first.description, problem.cases[0].tags.join(', '));
    assert.deepEqual(first.tags.map((t) => t.id), problem.cases[0].tags);
  });

  it('a wrong solution fails with diffs and is recorded; the right one passes, closes the attempt as solved and stores the coverage', async () => {
    const { api, extensionPath } = await drillsApi();
    const { start, drill } = await startDrill(api, PROBLEM);
    await writeThroughEditor(path.join(start.attemptDir, 'PLAN.md'), VALID_PLAN);
    assert.ok(await api.session.plan.submit());

    await writeSolutionFrom(extensionPath, PROBLEM, 'wrong/plain-object-counts.js', start.solutionPath);
    const wrong = (await vscode.commands.executeCommand('drills.runHiddenTests')) as HiddenRunSummary | undefined;
    assert.ok(wrong, 'the run command returned nothing');
    assert.equal(wrong.result.error, undefined, wrong.result.error?.message);
    const failed = wrong.result.cases.filter((c) => c.verdict !== 'passed');
    assert.ok(failed.length > 0 && failed.length < wrong.result.cases.length, `expected some failures, got ${failed.length}`);
    assert.ok(failed.some((c) => c.name.includes('__proto__') || JSON.stringify(c.expected) === '"toString"'));
    assert.equal(wrong.attempt?.runs.length, 1);
    assert.equal(wrong.attempt?.status, 'in-progress');
    assert.ok(wrong.coverage, 'no coverage after the run');
    assert.deepEqual(wrong.coverage.anticipated.map((t) => t.tag).sort(), ['duplicates', 'empty', 'single']);
    // The failed run as the candidate sees it: the Testing view and the failure beside the solution.
    await vscode.window.showTextDocument(vscode.Uri.file(start.solutionPath), { viewColumn: vscode.ViewColumn.One });
    await vscode.commands.executeCommand('workbench.view.testing.focus');
    await screenshot('failed-run', '.part.sidebar .monaco-list-row');

    await writeSolutionFrom(extensionPath, PROBLEM, 'solutions/solution.js', start.solutionPath);
    const right = (await vscode.commands.executeCommand('drills.runHiddenTests', vscode.Uri.file(start.solutionPath))) as HiddenRunSummary | undefined;
    assert.ok(right);
    assert.equal(right.result.passed, right.result.cases.length, JSON.stringify(right.result.cases.filter((c) => c.verdict !== 'passed').map((c) => c.message)));
    assert.equal(right.attempt?.status, 'solved');
    assert.equal(right.late, false);
    const stored = await api.session.session.history.getAttempt(drill.attempt.id);
    assert.equal(stored.attempt?.runs.length, 2);
    const last = stored.attempt!.runs[1] as RunRecordWithCoverage;
    assert.deepEqual(last.coverage?.anticipated.sort(), ['duplicates', 'empty', 'single']);
    // The complexity measured after the solving run, kept with the attempt that run closed.
    const complexity = stored.attempt?.complexity;
    assert.ok(complexity, 'the complexity measured after the solving run is not in history');
    assert.match(complexity.sentence, /^Complexity: /);
    // Closed: no longer open, its cases still shown read-only, and the tree shows the problem solved.
    assert.equal(api.session.session.find(drill.attempt.id), undefined);
    assert.match(api.session.tests.controller.items.get(drill.attempt.id)?.description ?? '', /solved, read-only/);
    await until('the tree to show the problem solved', () => api.tree.stateOf('builtin', PROBLEM).state === 'solved');
  });

  for (const language of ['python', 'typescript'] as const) {
    it(`a ${language} drill starts from its starter, fails as the starter stands, and passes with the reference solution`, async () => {
      const { api, extensionPath } = await drillsApi();
      await setSetting('defaultLanguage', language);
      try {
        const { start } = await startDrill(api, PROBLEM);
        assert.equal(path.extname(start.solutionPath), language === 'python' ? '.py' : '.ts');
        assert.equal(fs.readFileSync(start.solutionPath, 'utf8'), fs.readFileSync(path.join(extensionPath, 'problems', PROBLEM, 'starter', path.basename(start.solutionPath)), 'utf8'));
        await writeThroughEditor(path.join(start.attemptDir, 'PLAN.md'), VALID_PLAN);
        assert.ok(await api.session.plan.submit());
        const starter = (await vscode.commands.executeCommand('drills.runHiddenTests')) as HiddenRunSummary | undefined;
        assert.ok(starter, 'the run command returned nothing');
        assert.equal(starter.result.passed, 0, 'the starter passed a case');
        assert.ok(starter.result.cases.every((c) => c.verdict === 'error'), JSON.stringify(starter.result.cases[0]));
        await writeSolutionFrom(extensionPath, PROBLEM, `solutions/${path.basename(start.solutionPath)}`, start.solutionPath);
        const right = (await vscode.commands.executeCommand('drills.runHiddenTests')) as HiddenRunSummary | undefined;
        assert.ok(right);
        assert.equal(right.result.error, undefined, right.result.error?.message);
        assert.equal(right.result.passed, right.result.cases.length, JSON.stringify(right.result.cases.filter((c) => c.verdict !== 'passed').map((c) => c.message)));
        assert.equal(right.attempt?.status, 'solved');
      } finally {
        await setSetting('defaultLanguage', 'javascript');
      }
    });
  }

  it('a solution that throws fails at its own line, with its own frames as the message\'s stack trace', async () => {
    const { api } = await drillsApi();
    const { start, drill } = await startDrill(api, PROBLEM);
    await writeThroughEditor(path.join(start.attemptDir, 'PLAN.md'), VALID_PLAN);
    assert.ok(await api.session.plan.submit());
    await writeThroughEditor(start.solutionPath, 'function check(titles) {\n  if (titles.length >= 0) throw new Error("not yet");\n}\nfunction firstUniqueTitle(titles) {\n  return check(titles);\n}\n');
    const run = (await vscode.commands.executeCommand('drills.runHiddenTests')) as HiddenRunSummary | undefined;
    assert.ok(run);
    const c = run.result.cases[0];
    assert.equal(c.verdict, 'error', JSON.stringify(c));
    const location = new vscode.Location(vscode.Uri.file(start.solutionPath), new vscode.Position(0, 0));
    const message = failureMessage(c, drill.problem!, location);
    const frames = message.stackTrace ?? [];
    assert.deepEqual(frames.slice(0, 2).map((f) => [f.label, f.uri?.fsPath, f.position?.line]), [
      ['check', start.solutionPath, 1],
      ['firstUniqueTitle', start.solutionPath, 4],
    ]);
    assert.ok(frames.every((f) => !/harness/.test(f.uri?.fsPath ?? '')), 'harness frames in the stack');
  });

  it('in interview mode the expiry closes the attempt, makes the solution read-only and leaves exactly one late run', async () => {
    const { api, extensionPath } = await drillsApi();
    const { start, drill } = await startDrill(api, PROBLEM);
    await writeThroughEditor(path.join(start.attemptDir, 'PLAN.md'), VALID_PLAN);
    assert.ok(await api.session.plan.submit());
    // Written in time; the one run allowed after the end judges it.
    await writeSolutionFrom(extensionPath, PROBLEM, 'solutions/solution.js', start.solutionPath);
    const session = api.session.session;
    const left = timerState(drill.attempt.timer, session.clock.now()).remainingMs;
    await api.clock.advance(left + 1000);
    const expired = await until('the attempt to expire', () => {
      const a = session.find(drill.attempt.id)?.attempt;
      return a && a.expiredAt !== undefined ? a : undefined;
    });
    assert.equal(expired.status, 'failed');
    assert.equal(expired.finalRunOpen, true);
    assert.ok(expired.acknowledgedEvents.includes('expired'));
    await until('the solution to be made read-only', () => api.session.timer.readOnlyFiles.has(start.solutionPath));
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, start.solutionPath);
    assert.match(api.timerText(), /time up · final run/);

    const final = (await vscode.commands.executeCommand('drills.runHiddenTests')) as HiddenRunSummary | undefined;
    assert.ok(final?.attempt, 'the final run was refused');
    assert.equal(final.late, true);
    assert.equal(final.attempt.runs[0].late, true);
    assert.equal(final.attempt.status, 'solved-late');
    assert.equal(final.attempt.finalRunOpen, false);
    // The final run is used: nothing left to run; the cases stay in view, read-only.
    assert.match(api.session.tests.controller.items.get(drill.attempt.id)?.description ?? '', /solved-late, read-only/);
    assert.equal(await vscode.commands.executeCommand('drills.runHiddenTests'), undefined);
  });

  it('a reload restores the open attempt and its timer from history, and shows events that fell due meanwhile once', async () => {
    const { api } = await drillsApi();
    await setSetting('mode', 'practice');
    try {
      const { drill } = await startDrill(api, PROBLEM);
      const id = drill.attempt.id;
      assert.equal(drill.attempt.mode, 'practice');
      // The window "closes", time passes past the clarify and plan phases, the window "opens" again.
      api.session.dispose();
      await api.clock.advance(7 * 60_000);
      const services = await api.reloadSession();
      const restored = services.session.find(id);
      assert.ok(restored, 'the open attempt was not restored');
      assert.equal(services.session.active?.attempt.id, id);
      const now = services.session.clock.now();
      assert.deepEqual(timerState(restored.attempt.timer, now), timerState(drill.attempt.timer, now));
      assert.ok(timerState(restored.attempt.timer, now).elapsedMs >= 7 * 60_000);
      const acknowledged = restored.attempt.acknowledgedEvents;
      assert.ok(acknowledged.includes('phase-end:clarify') && acknowledged.includes('phase-end:plan'), JSON.stringify(acknowledged));
      assert.deepEqual((await services.session.history.getAttempt(id)).attempt?.acknowledgedEvents, acknowledged, 'acknowledgements not persisted');

      // Practice pauses; the pause survives a reload too.
      const paused = await vscode.commands.executeCommand('drills.pauseTimer');
      assert.ok(paused && !('error' in (paused as object)), JSON.stringify(paused));
      await api.reloadSession();
      assert.match(api.timerText(), /\(paused\)/);
    } finally {
      await setSetting('mode', 'interview');
    }
  });

  it('interview mode refuses to pause; hints are revealed one at a time and recorded', async () => {
    const { api } = await drillsApi();
    const { start, drill } = await startDrill(api, PROBLEM);
    const refused = (await vscode.commands.executeCommand('drills.pauseTimer')) as { error?: string } | undefined;
    assert.match(refused?.error ?? '', /interview mode/);
    const hint = (await vscode.commands.executeCommand('drills.revealHint')) as { index: number; text: string } | undefined;
    assert.equal(hint?.index, 0);
    assert.equal(hint?.text, drill.problem!.hints[0]);
    const hintsFile = fs.readFileSync(path.join(start.attemptDir, 'HINTS.md'), 'utf8');
    assert.ok(hintsFile.includes(drill.problem!.hints[0]) && !hintsFile.includes(drill.problem!.hints[1]));
    assert.equal(api.session.session.find(drill.attempt.id)?.attempt.hintsRevealed.length, 1);
  });

  it('the hints preview open before a reload comes back after it, and stays closed once the candidate closed it', async () => {
    const { api } = await drillsApi();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const { drill } = await startDrill(api, PROBLEM);
    const hintsTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.label.includes('HINTS.md'));
    const tabLabels = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label)).join(', ');
    await vscode.commands.executeCommand('drills.revealHint');
    await until(`the hints preview (tabs: ${tabLabels()})`, () => hintsTabs().length === 1);

    // The window "closes" with its editors and "opens" again.
    api.session.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await until('no tab left', () => hintsTabs().length === 0);
    await api.reloadSession();
    await until(`the hints preview again after the reload (tabs: ${tabLabels()})`, () => hintsTabs().length === 1);

    // Closed by the candidate: a reload leaves it closed.
    await vscode.window.tabGroups.close(hintsTabs());
    await until('the hints preview closed', () => hintsTabs().length === 0);
    const services = await api.reloadSession();
    assert.equal(services.session.active?.attempt.id, drill.attempt.id);
    // A tab opened after the reload: once it shows, a preview the reload opened would show too.
    await vscode.window.showTextDocument(vscode.Uri.file(drill.attempt.solutionPath));
    await until('the solution tab', () => vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.fsPath === drill.attempt.solutionPath)));
    assert.equal(hintsTabs().length, 0, `the closed hints preview came back: ${tabLabels()}`);
  });

  it('a damaged history file is set aside and reported, and the rest of history still loads', async () => {
    const { api } = await drillsApi();
    const { drill } = await startDrill(api, PROBLEM);
    const dir = api.session.session.history.dir;
    fs.writeFileSync(path.join(dir, 'broken-1.json'), '{ not json');
    const services = await api.reloadSession();
    assert.ok(services.session.find(drill.attempt.id), 'the good attempt was lost');
    assert.ok(!fs.existsSync(path.join(dir, 'broken-1.json')));
    assert.ok(fs.readdirSync(dir).some((n) => n.startsWith('broken-1.json.corrupt-')), 'the damaged file was not set aside');
  });

  it('history lists past attempts with outcome and duration', async () => {
    const { api } = await drillsApi();
    const items = await api.session.history.items();
    assert.ok(items.length >= 3);
    assert.ok(items.some((i) => /First Unique Title/.test(i.label) && /javascript · solved · \d\d:\d\d/.test(i.description ?? '')), JSON.stringify(items.map((i) => i.description)));
    // The solved attempt shows the complexity measured after its passing run, against the plan's.
    assert.ok(items.some((i) => /First Unique Title/.test(i.label) && /· you stated O\(n\); /.test(i.detail ?? '')), JSON.stringify(items.map((i) => i.detail)));
  });

  it('a self-mock starts its problem as a strict attempt within the budget and finishes with a Markdown report', async () => {
    const { api } = await drillsApi();
    const mock = await api.session.mock.start({ count: 1, difficulty: { easy: 1 }, totalMinutes: 12 });
    assert.ok(mock, 'the mock did not start');
    assert.equal(mock.problems.length, 1);
    assert.equal(api.contextValue('drills.mockActive'), true);
    const attemptId = await until('the mock attempt', () => api.session.mock.current?.problems[0].attemptId);
    const attempt = api.session.session.find(attemptId)!.attempt;
    assert.equal(attempt.mode, 'strict');
    assert.equal(Math.round(timerState(attempt.timer, api.session.session.clock.now()).totalMs / 60_000), 12);
    const report = await api.session.mock.finishMock();
    assert.ok(report);
    assert.equal(report.problems[0].outcome, 'failed');
    assert.equal(api.session.mock.current, undefined);
    assert.equal(api.contextValue('drills.mockActive'), false);
    const file = api.session.mock.lastReportUri!;
    assert.match(fs.readFileSync(file.fsPath, 'utf8'), /^# Mock interview/);
    assert.equal(path.dirname(file.fsPath), path.join(workspaceDir(), 'drills'));
    fs.rmSync(file.fsPath);
  });

  it('a self-mock whose last problem is solved lists the complexity measured after that run in its report', async () => {
    const { api, extensionPath } = await drillsApi();
    const mock = await api.session.mock.start({ count: 1, difficulty: { easy: 1 }, totalMinutes: 30 });
    assert.ok(mock, 'the mock did not start');
    const attemptId = await until('the mock attempt', () => api.session.mock.current?.problems[0].attemptId);
    const attempt = api.session.session.find(attemptId)!.attempt;
    await writeThroughEditor(path.join(attempt.attemptDir, 'PLAN.md'), VALID_PLAN);
    assert.ok(await api.session.plan.submit(), 'the plan was refused');
    await writeSolutionFrom(extensionPath, attempt.problemId, `solutions/${path.basename(attempt.solutionPath)}`, attempt.solutionPath);
    const before = api.session.mock.lastReportUri;
    // The run solves the only problem, which ends the mock: its report waits for the measurement that follows the run.
    const run = (await vscode.commands.executeCommand('drills.runHiddenTests', vscode.Uri.file(attempt.solutionPath))) as HiddenRunSummary | undefined;
    assert.equal(run?.attempt?.status, 'solved', JSON.stringify(run?.result.cases.filter((c) => c.verdict !== 'passed').map((c) => c.message)));
    const file = await until('the mock report', () => api.session.mock.current === undefined && api.session.mock.lastReportUri !== before && api.session.mock.lastReportUri, 60_000);
    const text = fs.readFileSync(file.fsPath, 'utf8');
    assert.match(text, /## Complexity\n\n1\. \*\*.+\*\*: you stated O\(n\)/, text);
    fs.rmSync(file.fsPath);
  });
});
