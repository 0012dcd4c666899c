import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { abandon, linkMockAttempt, mockReport, startMockSession, type Attempt } from '../../src/core/attempt/index';
import { addDays, dayOf } from '../../src/core/progress/index';
import type { DrillsApi } from '../../src/vscode/extension';
import type { RenderReport } from '../../src/webview/protocol';
import { makeAttempt } from '../unit/progress/helpers';
import { makeDesign, makeRehearsal } from '../unit/progress/kindHelpers';
import type { KindHistoryEntry } from '../../src/core/kinds/history';
import { ContextKeys } from '../../src/vscode/constants';
import { screenshot } from './screenshots';
import { abandonAll, drillsApi, setHistoryAside, setSetting, startDrill, until, VALID_PLAN, writeThroughEditor } from './sessionHelpers';
import { workspaceDir } from './drillsHelpers';

const DAY = 86_400_000;
const ATTEMPTS = 'dashboard-attempts';

/** A history of closed attempts on built-in problems over the last two weeks, one failed a week ago (due for review). */
function seededHistory(now: number): Attempt[] {
  const plan: [string, Parameters<typeof makeAttempt>[0]['ending'], number][] = [
    ['merge-viewing-sessions', 'solved', 14],
    ['genre-tree-depth', 'failed', 12],
    ['top-k-ad-impressions', 'solved', 10],
    ['title-edit-distance', 'solved-late', 9],
    ['cheapest-route-k-hops', 'abandoned', 7],
    ['longest-binge-streak', 'solved', 5],
    ['merge-viewing-sessions', 'solved', 3],
    ['top-k-ad-impressions', 'solved', 2],
  ];
  return plan.map(([problemId, ending, daysAgo], i) => ({
    ...makeAttempt({ id: `seeded-${i}`, problemId, start: now - daysAgo * DAY, ending, after: 14 + i * 3, tags: i % 2 ? ['empty', 'ordering'] : ['empty', 'duplicates'], hints: i % 3 === 0 ? 1 : 0 }),
    attemptDir: path.join(workspaceDir(), ATTEMPTS, `seeded-${i}`),
  }));
}

async function waitForRender(api: DrillsApi, what: string, check: (r: RenderReport) => boolean, timeoutMs = 30_000): Promise<RenderReport> {
  return until(what, () => {
    const r = api.session.progress.dashboard.lastRender;
    return r && check(r) ? r : undefined;
  }, timeoutMs);
}

/** A design drill scored 1 of 4 (Again) and a story told over three minutes (Hard) a few days ago: both due now. */
function seededKinds(now: number, design: { packId: string; id: string }): KindHistoryEntry[] {
  return [
    makeDesign({ id: 'design-seeded-1', packId: design.packId, problemId: design.id, start: now - 6 * DAY, score: 1, anticipated: 5 }),
    makeRehearsal({ id: 'story-seeded-1', type: 'incident', start: now - 5 * DAY, seconds: 215, score: 4 }),
  ];
}

describe('Progress: dashboard, spaced review and interview conditions', function () {
  this.timeout(180_000);
  let seeded: Attempt[] = [];
  let kindEntries: KindHistoryEntry[] = [];
  let kindFilesBefore: string[] = [];
  let theme: unknown;
  let putHistoryBack = () => {};

  before(async () => {
    const { api } = await drillsApi();
    // The due reviews and recent ratings are read from the whole history: only the seeded one, whatever ran before.
    putHistoryBack = await setHistoryAside(api);
    const now = api.session.session.clock.now();
    seeded = seededHistory(now);
    for (const a of seeded) await api.session.session.history.saveAttempt(a);
    kindFilesBefore = fs.readdirSync(api.kinds.history.dir);
    const design = api.kinds.designs.all[0].problem;
    kindEntries = seededKinds(now, design);
    for (const e of kindEntries) await api.kinds.history.save(e);
    // A date, so the dashboard does not ask for one.
    await setSetting('interviewDate', addDays(dayOf(now, -new Date(now).getTimezoneOffset()), 12));
    await api.session.progress.progress.refresh();
    await api.session.history.refresh();
    theme = vscode.workspace.getConfiguration('workbench').inspect('colorTheme')?.globalValue;
  });

  after(async () => {
    const { api } = await drillsApi();
    await abandonAll(api);
    api.session.progress.dashboard.webviewPanel?.dispose();
    for (const a of seeded) fs.rmSync(path.join(api.session.session.history.dir, `${a.id}.json`), { force: true });
    for (const name of fs.readdirSync(api.kinds.history.dir)) if (!kindFilesBefore.includes(name)) fs.rmSync(path.join(api.kinds.history.dir, name), { force: true });
    putHistoryBack();
    fs.rmSync(path.join(api.session.session.history.dir, '..', 'mocks'), { recursive: true, force: true });
    await vscode.workspace.getConfiguration('workbench').update('colorTheme', theme, vscode.ConfigurationTarget.Global);
    await setSetting('interviewDate', undefined);
    await setSetting('defaultLanguage', undefined);
    await setSetting('attemptFolder', undefined);
    await setSetting('mode', undefined);
    await api.session.progress.progress.refresh();
    await api.session.history.refresh();
    fs.rmSync(path.join(workspaceDir(), ATTEMPTS), { recursive: true, force: true });
  });

  it('the Drills view shows the problems due for review first, with their count as the view badge', async () => {
    const { api } = await drillsApi();
    const due = api.session.progress.progress.due();
    assert.ok(due.length >= 2, `expected due reviews from the seeded history, got ${JSON.stringify(due)}`);
    assert.equal(due.filter((d) => d.kind === 'coding')[0].problemId, 'genre-tree-depth', 'the most overdue problem (failed a week and a half ago) comes first');
    const [first] = api.tree.getChildren();
    assert.equal(first.kind, 'reviewGroup');
    const rows = api.tree.getChildren(first);
    // Problem rows first (most overdue first), then the design prompts and stories due.
    const order = [...due.filter((d) => d.kind === 'coding'), ...due.filter((d) => d.kind !== 'coding')];
    assert.deepEqual(rows.map((r) => (r.kind === 'problem' ? r.problem.id : r.kind === 'reviewItem' ? r.id : r.kind)), order.map((d) => d.problemId));
    assert.equal(api.tree.getTreeItem(first).label, 'Due for review');
    assert.deepEqual(api.tree.getParent(rows[0]), first);
    assert.equal(api.tree.view.badge?.value, due.length);
    await vscode.commands.executeCommand('workbench.view.extension.drills');
    await screenshot('review-group', '.part.sidebar .monaco-list-row:has-text("Due for review")');
  });

  it('a design drill and a story rehearsal are reviews: their items are due in the review group, the forecast and the plan, with plots of their own', async () => {
    const { api } = await drillsApi();
    const progress = api.session.progress.progress;
    const design = api.kinds.designs.all[0].problem;
    const due = progress.due();
    assert.deepEqual(due.filter((d) => d.kind !== 'coding').map((d) => [d.kind, d.problemId]), [['design', design.id], ['story', 'incident']]);
    const rows = api.tree.getChildren(api.tree.getChildren()[0]).filter((r) => r.kind === 'reviewItem');
    assert.deepEqual(rows.map((r) => api.tree.getTreeItem(r).label), [design.title, 'A production incident']);
    assert.equal(api.tree.getTreeItem(rows[0]).command?.command, 'drills.design.start');
    assert.equal(api.tree.getTreeItem(rows[1]).command?.command, 'drills.story.rehearse');
    const model = progress.model();
    assert.deepEqual(model.series.designs.map((d) => [d.attemptId, d.coverage, d.rubricAverage]), [['design-seeded-1', 0.63, 1]]);
    assert.deepEqual(model.series.stories.map((s) => [s.attemptId, s.spokenMinutes, s.targetMinutes, s.overtime]), [['story-seeded-1', 3.58, 3, true]]);
    assert.equal(model.plan.weeks[1].items[0].id, 'design');
    assert.notEqual(model.plan.weeks[1].items[0].state, 'not-available');
    const items = model.plan.weeks.flatMap((w) => w.items);
    assert.deepEqual(items.filter((i) => i.kind === 'story').map((i) => i.id), ['stories:written', 'stories:rehearsed']);
    // A rehearsal recorded now is reviewed at once: the story is no longer due, and its rating shows in the dashboard.
    await api.kinds.history.save(makeRehearsal({ id: 'story-seeded-2', type: 'incident', start: api.session.session.clock.now() - 300_000, seconds: 150, score: 3 }));
    await until('the new rehearsal reviewed', () => progress.reviewState.items['story:bank/incident']?.reviews.length === 2);
    assert.ok(!progress.due().some((d) => d.kind === 'story'), 'the story is still due after its rehearsal');
    assert.equal(progress.model().recent.find((r) => r.attemptId === 'story-seeded-2')?.rating, 'good');
    // One click on a due design prompt starts its design drill.
    const action = progress.model().due.find((d) => d.kind === 'design');
    assert.ok(action);
    await api.session.progress.dashboard.handleRequest({ kind: 'start', action: { kind: 'startDesign', packId: action.packId, problemId: action.problemId, title: action.title } });
    await until('the design drill started from the dashboard', () => api.kinds.design.current?.state.problemId === design.id && api.kinds.design.current.state.stage === 'writing');
    await vscode.commands.executeCommand('drills.design.abandon');
    await until('the design drill abandoned', () => api.kinds.design.current?.state.stage === 'abandoned');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('the dashboard opens from its command with plots drawn from the history, in dark, light and high contrast themes, and no CSP violation', async () => {
    const { api } = await drillsApi();
    const dashboard = api.session.progress.dashboard;
    await vscode.workspace.getConfiguration('workbench').update('colorTheme', 'Default Dark Modern', vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('drills.openDashboard');
    const dark = await waitForRender(api, 'the dashboard drawn in a dark theme', (r) => r.view === 'plan' && r.theme === 'vscode-dark');
    assert.ok(dark.plots >= 7, `expected the seven plots (five of coding, design drills, story length), drew ${dark.plots}`);
    assert.ok(dark.points >= seeded.length * 2, `the plots hold only ${dark.points} points`);
    await screenshot('dashboard-dark', '.part.editor .tab:has-text("Drills Dashboard")');
    await vscode.workspace.getConfiguration('workbench').update('colorTheme', 'Default Light Modern', vscode.ConfigurationTarget.Global);
    const light = await waitForRender(api, 'the dashboard redrawn in a light theme', (r) => r.theme === 'vscode-light');
    assert.equal(light.plots, dark.plots);
    await screenshot('dashboard-light', '.part.editor .tab:has-text("Drills Dashboard")');
    await vscode.workspace.getConfiguration('workbench').update('colorTheme', 'Default High Contrast', vscode.ConfigurationTarget.Global);
    const contrast = await waitForRender(api, 'the dashboard redrawn in high contrast', (r) => r.theme === 'vscode-high-contrast');
    assert.equal(contrast.plots, dark.plots);
    await screenshot('dashboard-high-contrast', '.part.editor .tab:has-text("Drills Dashboard")');
    assert.deepEqual(dashboard.cspViolations, []);
    assert.deepEqual(api.logErrors().filter((e) => /Content Security Policy/.test(e)), []);
  });

  it('a rating override changes the review schedule and survives a refresh', async () => {
    const { api } = await drillsApi();
    const progress = api.session.progress.progress;
    const failed = seeded[1];
    assert.equal(progress.model().recent.find((r) => r.attemptId === failed.id)?.rating, 'again');
    await progress.setRating(failed.id, 'easy');
    await progress.refresh();
    const review = progress.reviewState.items[`coding:builtin/${failed.problemId}`].reviews.find((r) => r.attemptId === failed.id);
    assert.deepEqual([review?.rating, review?.derived, review?.overridden], ['easy', 'again', true]);
    await progress.setRating(failed.id, null);
    assert.equal(progress.model().recent.find((r) => r.attemptId === failed.id)?.rating, 'again');
  });

  it('asks for the interview date once, on the first open without one; dismissing the question leaves the dashboard drawn with a plan from today', async () => {
    const { api } = await drillsApi();
    const dashboard = api.session.progress.dashboard;
    const seededDate = vscode.workspace.getConfiguration('drills').get<string>('interviewDate');
    const real = dashboard.askDate;
    let asked = 0;
    let answer: Promise<string | null | undefined> | undefined;
    dashboard.askDate = () => {
      asked++;
      answer = real();
      return answer;
    };
    /** Dismisses the input box as a user would (Escape), retried until the question is settled. */
    const dismiss = async () => {
      let settled = false;
      void answer!.then(() => (settled = true));
      await until('the date question dismissed', () => {
        if (!settled) void vscode.commands.executeCommand('workbench.action.closeQuickOpen');
        return settled;
      }, 30_000);
      return answer!;
    };
    try {
      dashboard.webviewPanel?.dispose();
      await setSetting('interviewDate', undefined);
      await dashboard.forgetDateAsked();
      dashboard.lastRender = undefined;
      await vscode.commands.executeCommand('drills.openDashboard');
      assert.equal(asked, 1, 'the first open without a date did not ask for it');
      assert.equal(dashboard.dateAsked, true);
      // The question does not block the dashboard: it is drawn while the input box is up.
      await waitForRender(api, 'the plan drawn while the date is asked', (r) => r.view === 'plan');
      assert.equal(await dismiss(), undefined);
      assert.equal(vscode.workspace.getConfiguration('drills').get('interviewDate'), null, 'dismissing the question set a date');
      assert.ok(dashboard.webviewPanel, 'the dashboard closed with the question');
      const model = api.session.progress.progress.model();
      assert.deepEqual([model.interviewDate, model.plan.days], [undefined, 21]);
      assert.ok(model.next, 'no next item without a date');
      dashboard.webviewPanel?.dispose();
      await vscode.commands.executeCommand('drills.openDashboard');
      assert.equal(asked, 1, 'asked again on the next open');
      // The way back: the dashboard's button and the command ask whenever the user wants.
      void dashboard.handleRequest({ kind: 'setInterviewDate' });
      await until('asked from the button', () => asked === 2);
      await dismiss();
    } finally {
      dashboard.askDate = real;
      await setSetting('interviewDate', seededDate);
      await api.session.progress.progress.refresh();
    }
  });

  it('the walkthrough steps complete by the events themselves: a command that exists, a context key the extension sets on the event, or a setting', async () => {
    const { api, extensionPath } = await drillsApi();
    const manifest = JSON.parse(fs.readFileSync(path.join(extensionPath, 'package.json'), 'utf8')) as {
      contributes: { walkthroughs: { steps: { id: string; completionEvents: string[] }[] }[]; configuration: { properties: Record<string, unknown> } | { properties: Record<string, unknown> }[] };
    };
    const commands = await vscode.commands.getCommands(true);
    const keys: string[] = Object.values(ContextKeys);
    const configs = Array.isArray(manifest.contributes.configuration) ? manifest.contributes.configuration : [manifest.contributes.configuration];
    const settings = configs.flatMap((c) => Object.keys(c.properties));
    const contexts = new Map<string, string>();
    for (const step of manifest.contributes.walkthroughs.flatMap((w) => w.steps)) {
      assert.ok(step.completionEvents.length > 0, `${step.id} has no completion event`);
      for (const event of step.completionEvents) {
        const [kind, name] = event.split(/:(.*)/s);
        if (kind === 'onCommand') assert.ok(commands.includes(name), `${step.id}: ${name} is not a registered command`);
        else if (kind === 'onContext') {
          assert.ok(keys.includes(name), `${step.id}: ${name} is not a context key Drills sets`);
          contexts.set(step.id, name);
        } else if (kind === 'onSettingChanged') assert.ok(settings.includes(name), `${step.id}: ${name} is not a Drills setting`);
        else assert.fail(`${step.id}: unexpected completion event ${event}`);
      }
    }
    assert.deepEqual([...contexts.keys()], ['firstDrill', 'plan', 'runTests', 'dashboard']);
    const key = (step: string) => api.contextValue(contexts.get(step) as Parameters<DrillsApi['contextValue']>[0]);
    // Each context key turns true by the user's own action, however it was started.
    await setSetting('mode', 'practice');
    await setSetting('defaultLanguage', 'javascript');
    await setSetting('attemptFolder', `${ATTEMPTS}/\${problemId}`);
    const { start } = await startDrill(api, 'first-unique-title');
    assert.equal(key('firstDrill'), true);
    await writeThroughEditor(path.join(start.attemptDir, 'PLAN.md'), VALID_PLAN);
    assert.ok(await api.session.plan.submit(), 'the plan was refused');
    assert.equal(key('plan'), true);
    // A run from the Testing view's run profile: no command runs, the step still completes.
    const source = new vscode.CancellationTokenSource();
    const runs = await api.session.tests.runRequest(new vscode.TestRunRequest(), source.token);
    source.dispose();
    assert.ok(runs.length > 0, 'nothing ran');
    await until('the tests-ran key', () => key('runTests') === true);
    // Opened from elsewhere than its command (a mock report, a link): the step completes all the same.
    api.session.progress.dashboard.webviewPanel?.dispose();
    await api.session.progress.dashboard.open();
    assert.equal(key('dashboard'), true, 'a dashboard opened without its command does not complete the step');
    await abandonAll(api);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('a finished mock opens its report in the dashboard with its own plots', async () => {
    const { api } = await drillsApi();
    const summaries = ['merge-viewing-sessions', 'genre-tree-depth'].map((id) => api.packs.findProblem('builtin', id)!);
    let session = startMockSession({ id: 'mock-seeded', problems: summaries, totalMinutes: 90 }, seeded[0].timer.startedAt);
    session = linkMockAttempt(linkMockAttempt(session, 0, seeded[0].id), 1, seeded[1].id);
    await api.session.progress.dashboard.showMock(session, mockReport(session, seeded, api.session.session.clock.now()));
    const drawn = await waitForRender(api, 'the mock report in the dashboard', (r) => r.view === 'mock');
    assert.ok(drawn.plots >= 3 && drawn.points > 0, JSON.stringify(drawn));
    assert.ok(api.session.progress.progress.model().mocks.some((m) => m.id === 'mock-seeded'));
    await screenshot('dashboard-mock', '.part.editor .tab:has-text("Drills Dashboard")');
    assert.deepEqual(api.session.progress.dashboard.cspViolations, []);
  });

  it('an exported history imports back without duplicating attempts; the CSV has a row per attempt', async () => {
    const { api } = await drillsApi();
    const progress = api.session.progress.progress;
    const json = await progress.exportText('json');
    const csv = await progress.exportText('csv');
    for (const a of seeded) assert.ok(csv.includes(`\r\n${a.id},builtin,${a.problemId},`), `no CSV row for ${a.id}`);
    fs.rmSync(path.join(api.session.session.history.dir, `${seeded[2].id}.json`));
    const first = await progress.importText(json);
    assert.equal(first.added, 1);
    assert.ok(first.duplicates >= seeded.length - 1);
    assert.deepEqual((await api.session.session.history.getAttempt(seeded[2].id)).attempt, JSON.parse(JSON.stringify(seeded[2])));
    const again = await progress.importText(json);
    assert.equal(again.added, 0);
  });

  describe('interview conditions', () => {
    const scoped = (languageId: string) => vscode.workspace.getConfiguration(undefined, { languageId });
    const wsValue = (key: string, languageId: string) => scoped(languageId).inspect(key)?.workspaceLanguageValue;

    before(async () => {
      await setSetting('defaultLanguage', 'javascript');
      await setSetting('attemptFolder', `${ATTEMPTS}/\${problemId}`);
    });

    it('are on while an interview drill runs, only in this workspace for its languages, and put back exactly when it ends', async () => {
      const { api } = await drillsApi();
      await setSetting('mode', 'interview');
      await scoped('javascript').update('editor.formatOnType', true, vscode.ConfigurationTarget.Workspace, true);
      const userBefore = vscode.workspace.getConfiguration('editor').inspect('parameterHints.enabled')?.globalValue;
      const { drill } = await startDrill(api, 'first-unique-title');
      await until('interview conditions on', () => api.session.progress.conditions.active?.attemptIds.includes(drill.attempt.id) === true, 60_000);
      assert.equal(wsValue('editor.formatOnType', 'javascript'), false);
      assert.equal(wsValue('editor.parameterHints.enabled', 'javascript'), false);
      assert.equal(wsValue('editor.inlineSuggest.enabled', 'markdown'), false);
      assert.deepEqual(wsValue('editor.quickSuggestions', 'javascript'), { other: 'off', comments: 'off', strings: 'off' });
      assert.equal(vscode.workspace.getConfiguration('editor').inspect('parameterHints.enabled')?.globalValue, userBefore, 'the user setting changed');
      await screenshot('interview-conditions', '.part.statusbar .statusbar-item:has-text("Interview conditions")');
      await vscode.commands.executeCommand('drills.abandonDrill');
      await until('interview conditions off', () => api.session.progress.conditions.active === undefined, 60_000);
      assert.equal(wsValue('editor.formatOnType', 'javascript'), true, 'a value that was there is put back');
      assert.equal(wsValue('editor.parameterHints.enabled', 'javascript'), undefined, 'a value that was not there is removed');
      assert.equal(wsValue('editor.inlineSuggest.enabled', 'markdown'), undefined);
      await scoped('javascript').update('editor.formatOnType', undefined, vscode.ConfigurationTarget.Workspace, true);
    });

    it('stay on across a reload mid-drill and are put back to the values from before the drill when it ends', async () => {
      const { api } = await drillsApi();
      await setSetting('mode', 'interview');
      await scoped('javascript').update('editor.parameterHints.enabled', true, vscode.ConfigurationTarget.Workspace, true);
      const { drill } = await startDrill(api, 'first-unique-title');
      await until('interview conditions on', () => api.session.progress.conditions.active?.attemptIds.includes(drill.attempt.id) === true, 60_000);
      assert.equal(wsValue('editor.parameterHints.enabled', 'javascript'), false);
      const services = await api.reloadSession();
      assert.deepEqual(services.progress.conditions.active?.attemptIds, [drill.attempt.id], 'the reloaded window does not know the conditions are on');
      assert.equal(wsValue('editor.parameterHints.enabled', 'javascript'), false);
      await services.session.update(drill.attempt.id, abandon);
      await until('interview conditions off after the reload', () => api.session.progress.conditions.active === undefined, 60_000);
      assert.equal(wsValue('editor.parameterHints.enabled', 'javascript'), true, 'not the value seen at the reload (off), the one from before the drill');
      await scoped('javascript').update('editor.parameterHints.enabled', undefined, vscode.ConfigurationTarget.Workspace, true);
    });

    it('one click on today\'s suggestion in the dashboard starts that drill', async () => {
      const { api } = await drillsApi();
      await setSetting('mode', 'practice');
      const next = api.session.progress.progress.model().next;
      assert.ok(next && next.action.kind === 'startDrill', `no drill suggested: ${JSON.stringify(next)}`);
      await api.session.progress.dashboard.handleRequest({ kind: 'start', action: next.action });
      const action = next.action;
      const drill = await until('the suggested drill', () => api.session.session.open.find((d) => d.attempt.problemId === action.problemId));
      assert.equal(drill.attempt.packId, action.packId);
      await abandonAll(api);
    });

    it('are on right after the drill starts, in one settings write per language', async () => {
      const { api } = await drillsApi();
      await setSetting('mode', 'interview');
      const affected = ['editor.formatOnType', 'editor.parameterHints.enabled', 'editor.inlineSuggest.enabled', 'editor.quickSuggestions'];
      let changes = 0;
      const listener = vscode.workspace.onDidChangeConfiguration((e) => {
        if (affected.some((k) => e.affectsConfiguration(k, { languageId: 'javascript' }) || e.affectsConfiguration(k, { languageId: 'markdown' }))) changes++;
      });
      try {
        const { drill } = await startDrill(api, 'first-unique-title');
        // The reconcile the start set off is queued before this one: once this returns, the conditions are on.
        await api.session.progress.conditions.reconcile();
        assert.deepEqual(api.session.progress.conditions.active?.attemptIds, [drill.attempt.id], 'not on once the drill started');
        assert.equal(wsValue('editor.parameterHints.enabled', 'javascript'), false);
        assert.equal(wsValue('editor.inlineSuggest.enabled', 'markdown'), false);
        assert.equal(changes, 2, `the conditions took ${changes} configuration changes, not one for JavaScript and one for Markdown`);
      } finally {
        listener.dispose();
        await abandonAll(api);
        await until('interview conditions off', () => api.session.progress.conditions.active === undefined, 60_000);
      }
    });

    it('never refuse a workspace setting changed while they go on or off, nor leave the settings file unsaved', async () => {
      const { api } = await drillsApi();
      await setSetting('mode', 'interview');
      const settingsFile = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, '.vscode', 'settings.json');
      const refused: string[] = [];
      let value = 0;
      // What a user does in the window meanwhile: changes a workspace setting, again and again.
      const changeASetting = async () => {
        value++;
        try {
          await scoped('python').update('editor.tabSize', 2 + (value % 4), vscode.ConfigurationTarget.Workspace, true);
        } catch (e) {
          refused.push(e instanceof Error ? e.message : String(e));
        }
      };
      // Several at once, as fast as the window takes them: the editor queues its own writes, so one is always pending.
      const changingUntil = async (done: () => boolean) => {
        const lane = async () => {
          do await changeASetting();
          while (!done());
        };
        await Promise.all([lane(), lane(), lane()]);
      };
      try {
        for (let round = 0; round < 3; round++) {
          const { drill } = await startDrill(api, 'first-unique-title');
          const on = api.session.progress.conditions.reconcile();
          let settled = false;
          void on.finally(() => (settled = true));
          await changingUntil(() => settled);
          assert.deepEqual(api.session.progress.conditions.active?.attemptIds, [drill.attempt.id]);
          const off = api.session.session.update(drill.attempt.id, abandon).then(() => api.session.progress.conditions.reconcile());
          settled = false;
          void off.finally(() => (settled = true));
          await changingUntil(() => settled);
          assert.equal(api.session.progress.conditions.active, undefined);
        }
        assert.deepEqual(refused, [], 'a setting change was refused');
        const dirty = vscode.workspace.textDocuments.find((d) => d.uri.toString() === settingsFile.toString() && d.isDirty);
        assert.equal(dirty, undefined, 'the settings file was left with unsaved changes');
        assert.equal(scoped('python').inspect('editor.tabSize')?.workspaceLanguageValue, 2 + (value % 4), 'the last change did not take');
        assert.equal(wsValue('editor.parameterHints.enabled', 'javascript'), undefined, 'the conditions were not put back');
      } finally {
        await abandonAll(api);
        await scoped('python').update('editor.tabSize', undefined, vscode.ConfigurationTarget.Workspace, true).then(undefined, () => undefined);
      }
    });

    it('leave the editor alone in practice mode', async () => {
      const { api } = await drillsApi();
      await setSetting('mode', 'practice');
      const { drill } = await startDrill(api, 'first-unique-title');
      assert.equal(drill.attempt.mode, 'practice');
      await api.session.progress.conditions.reconcile();
      assert.equal(api.session.progress.conditions.active, undefined);
      assert.equal(wsValue('editor.parameterHints.enabled', 'javascript'), undefined);
      await abandonAll(api);
    });
  });
});
