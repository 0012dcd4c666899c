import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MockPrompts } from '../../src/vscode/mock';
import { timerActions } from '../../src/vscode/timerStatusBar';
import { failureMessage, failureMessages, failureText, wrapWords, type HiddenRunSummary } from '../../src/vscode/testController';
import { screenshot } from './screenshots';
import { refusalText } from '../../src/vscode/planGate';
import { statementPreviewTabs } from '../../src/vscode/startDrill';
import { timerState } from '../../src/core/timer/index';
import { abandonAll, drillsApi, noPrompts, setSetting, startDrill, until, useDrillSuite, VALID_PLAN, writeSolutionFrom, writeThroughEditor } from './sessionHelpers';

/** Where this suite's attempts go, inside the workspace. */
const ATTEMPTS = 'loop-drills';

interface Manifest {
  contributes: { menus: Record<string, { command: string; when?: string }[]> };
}

describe('The drill loop as a candidate meets it', function () {
  this.timeout(180_000);

  useDrillSuite(ATTEMPTS);

  it('a run reports one result per hidden case and none for the drill itself, so the Testing view counts what the message says', async () => {
    const { api } = await drillsApi();
    const { start, drill } = await startDrill(api, 'first-unique-title');
    await writeThroughEditor(path.join(start.attemptDir, 'PLAN.md'), VALID_PLAN);
    assert.ok(await api.session.plan.submit());
    const run = (await vscode.commands.executeCommand('drills.runHiddenTests')) as HiddenRunSummary | undefined;
    assert.ok(run, 'the run command returned nothing');
    const cases = drill.problem!.cases.length;
    assert.equal(run.result.cases.length, cases);
    assert.equal(run.reported.length, cases, `reported ${run.reported.length} results for ${cases} cases: ${run.reported.map((r) => r.id).join(', ')}`);
    assert.ok(!run.reported.some((r) => r.id === drill.attempt.id), 'the drill root was reported as a test');
    assert.equal(run.reported.filter((r) => r.state === 'passed').length, run.result.passed);
    // After a reload, the Testing view shows that run's results again, from history.
    const services = await api.reloadSession();
    const restored = services.tests.restored.get(drill.attempt.id);
    assert.deepEqual(
      [...(restored ?? [])].sort((a, b) => a.id.localeCompare(b.id)),
      [...run.reported].map((r) => ({ id: r.id, state: r.state === 'errored' ? 'failed' : r.state })).sort((a, b) => a.id.localeCompare(b.id)),
    );
  });

  it('one statement preview at a time: starting drill after drill reuses it instead of piling up tabs', async () => {
    const { api } = await drillsApi();
    await startDrill(api, 'first-unique-title');
    await startDrill(api, 'longest-binge-streak');
    await startDrill(api, 'first-unique-title');
    await until(`a single statement preview (tabs: ${vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label)).join(', ')})`, () => statementPreviewTabs().length === 1);
  });

  it('Timer Actions offers no Pause in interview mode, titles itself in plain words, and the refusal says "interview"', async () => {
    const { api, extensionPath } = await drillsApi();
    const { drill } = await startDrill(api, 'first-unique-title');
    const { title, actions } = timerActions(drill, api.session.session.clock.now());
    assert.doesNotMatch(title, /\$\(/, `codicon syntax in the quick pick title: ${title}`);
    assert.match(title, /First Unique Title · clarify \d+:\d\d · \d+:\d\d · interview mode/);
    assert.ok(!actions.some((a) => a.command === 'drills.pauseTimer' || a.command === 'drills.resumeTimer'), JSON.stringify(actions.map((a) => a.label)));
    const refused = (await vscode.commands.executeCommand('drills.pauseTimer')) as { error?: string } | undefined;
    assert.match(refused?.error ?? '', /interview mode/);
    assert.doesNotMatch(refused?.error ?? '', /strict/);
    // The palette does not list Pause where it is always refused.
    const manifest = JSON.parse(fs.readFileSync(path.join(extensionPath, 'package.json'), 'utf8')) as Manifest;
    const pause = manifest.contributes.menus.commandPalette.find((m) => m.command === 'drills.pauseTimer');
    assert.match(pause?.when ?? '', /drills\.drillPausable/);
    assert.equal(api.contextValue('drills.drillPausable'), false);

    await setSetting('mode', 'practice');
    try {
      const practice = await startDrill(api, 'longest-binge-streak');
      const offered = timerActions(practice.drill, api.session.session.clock.now());
      assert.ok(offered.actions.some((a) => a.command === 'drills.pauseTimer'), 'no Pause in practice mode');
      assert.match(offered.title, /practice mode/);
      assert.equal(api.contextValue('drills.drillPausable'), true);
    } finally {
      await setSetting('mode', 'interview');
    }
  });

  it('after a solve the cases and their results stay, read-only, the status bar says "solved in mm:ss" (even with another drill open), until another drill starts', async () => {
    const { api, extensionPath } = await drillsApi();
    await abandonAll(api);
    // Another drill open in the same window: the solve must not hand the status bar to its timer.
    await startDrill(api, 'genre-tree-depth');
    const { start, drill } = await startDrill(api, 'first-unique-title');
    await writeThroughEditor(path.join(start.attemptDir, 'PLAN.md'), VALID_PLAN);
    assert.ok(await api.session.plan.submit());
    await writeSolutionFrom(extensionPath, 'first-unique-title', 'solutions/solution.js', start.solutionPath);
    const right = (await vscode.commands.executeCommand('drills.runHiddenTests')) as HiddenRunSummary | undefined;
    assert.equal(right?.attempt?.status, 'solved');
    const root = api.session.tests.controller.items.get(drill.attempt.id);
    assert.ok(root, 'the solved drill left the Testing view');
    assert.equal(root.children.size, drill.problem!.cases.length);
    assert.match(root.description ?? '', /solved, read-only/);
    assert.match(api.session.timer.item.text, /^\$\(pass\) solved in \d\d:\d\d$/);
    assert.match(api.timerText(), /solved in/);
    // Nothing runs on a closed attempt.
    assert.equal(await vscode.commands.executeCommand('drills.runHiddenTests'), undefined);

    const next = await startDrill(api, 'longest-binge-streak');
    await until('the solved drill\'s cases to go once another drill starts', () => api.session.tests.controller.items.get(drill.attempt.id) === undefined);
    assert.match(api.session.timer.item.text, /clarify \d+:\d\d · \d+:\d\d/);
    assert.equal(api.session.session.active?.attempt.id, next.drill.attempt.id);
    await abandonAll(api);
  });

  it('the timer shows the phase and the total left, warns in the last five minutes and turns to the error colour in overtime', async () => {
    const { api } = await drillsApi();
    await setSetting('mode', 'practice');
    try {
      const { drill } = await startDrill(api, 'first-unique-title');
      const timer = api.session.timer;
      const background = () => (timer.item.backgroundColor as vscode.ThemeColor | undefined)?.id;
      assert.match(api.timerText(), /^\$\(watch\) clarify \d\d:\d\d · \d\d:\d\d$/);
      assert.equal(background(), undefined);
      await screenshot('timer-running', '.part.statusbar');
      const clock = api.clock;
      await clock.advance(timerState(drill.attempt.timer, clock.now()).remainingMs - 4 * 60_000);
      assert.match(api.timerText(), /test 0[34]:\d\d$/);
      await until('the warning colour in the last five minutes', () => background() === 'statusBarItem.warningBackground');
      await screenshot('timer-warning', '.part.statusbar');
      await clock.advance(5 * 60_000);
      await until('the error colour in overtime', () => background() === 'statusBarItem.errorBackground');
      assert.match(api.timerText(), /overtime \+0\d:\d\d/);
      await screenshot('timer-overtime', '.part.statusbar');
    } finally {
      await setSetting('mode', 'interview');
    }
  });

  it('a refused plan names what is missing; an accepted one puts the focus in the solution with the cases revealed', async () => {
    const { api } = await drillsApi();
    const { start } = await startDrill(api, 'first-unique-title');
    const planPath = path.join(start.attemptDir, 'PLAN.md');
    const refused = await api.session.plan.submit(vscode.Uri.file(planPath));
    assert.ok(refused && 'error' in refused && refused.issues);
    const text = refusalText(refused.error, refused.issues.map((i) => i.message));
    assert.match(text, /^Plan not accepted, \d+ to fix: \(1\) /);
    for (const issue of refused.issues) assert.ok(text.includes(issue.message), `the refusal does not say: ${issue.message}`);
    await writeThroughEditor(planPath, VALID_PLAN);
    await vscode.window.showTextDocument(vscode.Uri.file(planPath));
    assert.ok(await api.session.plan.submit());
    await until('the solution to have the focus', () => vscode.window.activeTextEditor?.document.uri.fsPath === start.solutionPath);
  });

  it('a wrong answer reads at a glance: the first difference on one line, then the input beside expected and got', async () => {
    const { api, extensionPath } = await drillsApi();
    await setSetting('defaultLanguage', 'typescript');
    try {
      const { start, drill } = await startDrill(api, 'merge-viewing-sessions');
      await writeThroughEditor(path.join(start.attemptDir, 'PLAN.md'), VALID_PLAN);
      assert.ok(await api.session.plan.submit());
      await writeSolutionFrom(extensionPath, 'merge-viewing-sessions', 'wrong/keeps-inner-end.ts', start.solutionPath);
      const run = (await vscode.commands.executeCommand('drills.runHiddenTests')) as HiddenRunSummary | undefined;
      const wrong = run?.result.cases.find((c) => c.verdict === 'failed' && c.expected !== undefined);
      assert.ok(wrong, `no wrong answer among ${JSON.stringify(run?.result.cases.map((c) => c.verdict))}`);
      const { headline, text } = failureText(wrong, drill.problem!);
      assert.match(headline, /^Wrong answer: (differs at \[\d+\]|length differs)/, headline);
      assert.ok(!headline.includes('\n') && headline.length <= 160, headline);
      assert.match(text, /\n\nInput:\nsessions = \[/);
      assert.match(text, /\n\nExpected: \[.*\]\nGot: +\[.*\]|Expected:\n {2}\[/);
      const message = failureMessage(wrong, drill.problem!, new vscode.Location(vscode.Uri.file(start.solutionPath), new vscode.Position(0, 0)));
      assert.equal(typeof message.message === 'string' ? message.message.split('\n')[0] : '', headline);
      assert.ok(message.expectedOutput && message.actualOutput, 'no diff for a wrong answer');
      // Beside the diff, a message with the whole story, since the Test Results view shows a diff as two values alone.
      const messages = failureMessages(wrong, drill.problem!, new vscode.Location(vscode.Uri.file(start.solutionPath), new vscode.Position(0, 0)));
      assert.equal(messages.length, 2);
      assert.match(String(messages[1].message), /^Input:\nsessions = [\s\S]*\nExpected:[\s\S]*\nGot:[\s\S]*Wrong answer: /);
      // The coverage line is broken between words, never inside one.
      assert.match(run?.coverage?.text ?? '', /Anticipated|Missed/);
      const wrapped = wrapWords(`Edge-case coverage: ${run!.coverage!.text}`);
      assert.ok(wrapped.split('\n').every((l) => l.length <= 80), wrapped);
      assert.equal(wrapped.replace(/\n/g, ' '), `Edge-case coverage: ${run!.coverage!.text}`);
    } finally {
      await setSetting('defaultLanguage', 'javascript');
    }
  });

  it('a correct TypeScript solution using TreeNode shows no error in the editor', async () => {
    const { api, extensionPath } = await drillsApi();
    await setSetting('defaultLanguage', 'typescript');
    try {
      const { start } = await startDrill(api, 'genre-tree-depth');
      assert.ok(fs.existsSync(path.join(start.attemptDir, 'drills-env.d.ts')), 'no declarations beside the solution');
      const uri = vscode.Uri.file(start.solutionPath);
      await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.One });
      const reference = fs.readFileSync(path.join(extensionPath, 'problems', 'genre-tree-depth', 'solutions', 'solution.ts'), 'utf8');
      // First a deliberate type error: once it shows, the TypeScript service is looking at this file.
      await writeThroughEditor(start.solutionPath, `${reference}\nconst drillsProbe: number = 'not a number';\n`);
      await until('the TypeScript service to report the deliberate error', () => vscode.languages.getDiagnostics(uri).some((d) => String(typeof d.code === 'object' ? d.code.value : d.code) === '2322'), 120_000);
      await writeThroughEditor(start.solutionPath, reference);
      const describe = () => vscode.languages.getDiagnostics(uri).map((d) => `${d.range.start.line + 1}: ${d.message}`).join('; ');
      await until(`no diagnostics on the correct solution (now: ${describe()})`, () => vscode.languages.getDiagnostics(uri).length === 0, 60_000).catch((e: Error) => {
        throw new Error(`${e.message}; diagnostics: ${describe()}`);
      });
    } finally {
      await setSetting('defaultLanguage', 'javascript');
    }
  });

  it('a mock whose language pick is dismissed asks again or skips that problem, and never strands the mock', async () => {
    const { api } = await drillsApi();
    await setSetting('defaultLanguage', undefined);
    const asked: string[] = [];
    let dismissals = 0;
    const prompts: MockPrompts = {
      ...noPrompts,
      resumeOrNew: () => Promise.resolve('new'),
      // The first problem: dismissed once, then JavaScript. The second: dismissed, then skipped.
      pickLanguage: (problem) => {
        asked.push(`language:${problem.id}`);
        dismissals++;
        return Promise.resolve(dismissals === 2 ? 'javascript' : undefined);
      },
      afterCancel: (_title, index, count) => {
        asked.push(`cancelled:${index + 1}/${count}`);
        return Promise.resolve(index === 0 ? 'again' : 'skip');
      },
      // Finish Drill with no passing run asks first: "no" keeps the drill, "yes" moves on.
      confirmFinish: (_title, index, count) => {
        asked.push(`confirm:${index + 1}/${count}`);
        return Promise.resolve(asked.filter((a) => a.startsWith('confirm:')).length > 1);
      },
    };
    const before = api.session.mock.lastReportUri;
    try {
      const mock = await api.session.mock.start({ count: 2, totalMinutes: 60 }, prompts);
      assert.ok(mock, 'the mock did not start');
      const first = await until('the first problem\'s attempt', () => api.session.mock.current?.problems[0].attemptId);
      assert.ok(api.session.session.find(first), 'the first problem has no open attempt');
      assert.deepEqual(asked.slice(0, 3), [`language:${mock.problems[0].problemId}`, 'cancelled:1/2', `language:${mock.problems[0].problemId}`]);
      // The status bar says where the mock stands.
      assert.match(api.timerText(), /problem 1 of 2, mock (?:\d+:)?\d+:\d\d left/);
      // Finish Drill without a passing run asks; refused, the drill stays open.
      assert.equal(await vscode.commands.executeCommand('drills.finishDrill'), undefined);
      assert.ok(api.session.session.find(first), 'the drill finished although the confirmation was refused');
      // Done with the first: the second is offered, dismissed, skipped; the mock ends with its report.
      await vscode.commands.executeCommand('drills.finishDrill');
      assert.deepEqual(asked.filter((a) => a.startsWith('confirm:')), ['confirm:1/2', 'confirm:1/2']);
      const reportUri = await until('the mock\'s report after the skipped last problem', () => api.session.mock.current === undefined && api.session.mock.lastReportUri !== before && api.session.mock.lastReportUri);
      assert.ok(asked.includes('cancelled:2/2'), asked.join(', '));
      const report = fs.readFileSync(reportUri.fsPath, 'utf8');
      assert.match(report, /\| 2 \| [^|]+\| \w+ \| ⏭ skipped \|/);
      assert.equal(api.contextValue('drills.mockActive'), false);
      fs.rmSync(reportUri.fsPath);
    } finally {
      await setSetting('defaultLanguage', 'javascript');
    }
  });
});
