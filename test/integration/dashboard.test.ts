import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { abandon, linkMockAttempt, mockReport, startMockSession, type Attempt } from '../../src/core/attempt/index';
import { addDays, dayOf } from '../../src/core/progress/index';
import type { DrillsApi } from '../../src/vscode/extension';
import type { RenderReport } from '../../src/webview/protocol';
import { makeAttempt } from '../unit/progress/helpers';
import { screenshot } from './screenshots';
import { abandonAll, drillsApi, setHistoryAside, setSetting, startDrill, until } from './sessionHelpers';
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

describe('Progress: dashboard, spaced review and interview conditions', function () {
  this.timeout(180_000);
  let seeded: Attempt[] = [];
  let theme: unknown;
  let putHistoryBack = () => {};

  before(async () => {
    const { api } = await drillsApi();
    // The due reviews and recent ratings are read from the whole history: only the seeded one, whatever ran before.
    putHistoryBack = await setHistoryAside(api);
    const now = api.session.session.clock.now();
    seeded = seededHistory(now);
    for (const a of seeded) await api.session.session.history.saveAttempt(a);
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
    assert.equal(due[0].problemId, 'genre-tree-depth', 'the most overdue (failed a week and a half ago) comes first');
    const [first] = api.tree.getChildren();
    assert.equal(first.kind, 'reviewGroup');
    const rows = api.tree.getChildren(first);
    assert.deepEqual(rows.map((r) => (r.kind === 'problem' ? r.problem.id : r.kind)), due.map((d) => d.problemId));
    assert.equal(api.tree.getTreeItem(first).label, 'Due for review');
    assert.deepEqual(api.tree.getParent(rows[0]), first);
    assert.equal(api.tree.view.badge?.value, due.length);
    await vscode.commands.executeCommand('workbench.view.extension.drills');
    await screenshot('review-group', '.part.sidebar .monaco-list-row:has-text("Due for review")');
  });

  it('the dashboard opens from its command with plots drawn from the history, in dark, light and high contrast themes, and no CSP violation', async () => {
    const { api } = await drillsApi();
    const dashboard = api.session.progress.dashboard;
    await vscode.workspace.getConfiguration('workbench').update('colorTheme', 'Default Dark Modern', vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('drills.openDashboard');
    const dark = await waitForRender(api, 'the dashboard drawn in a dark theme', (r) => r.view === 'plan' && r.theme === 'vscode-dark');
    assert.ok(dark.plots >= 5, `expected the five plots, drew ${dark.plots}`);
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
