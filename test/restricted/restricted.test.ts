import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PackSummary } from '../../src/core/pack/types';
import type { DrillPrompts } from '../../src/vscode/startDrill';
import type { HiddenRunSummary } from '../../src/vscode/testController';
import { allNodes, workspaceDir } from '../integration/drillsHelpers';
import { abandonAll, drillsApi, noPrompts, setSetting, startDrill, until, VALID_PLAN, writeSolutionFrom, writeThroughEditor } from '../integration/sessionHelpers';

const PROBLEM = 'first-unique-title';
/** A copy of a built-in problem in the workspace's own pack (test/fixtures/workspace/drills-pack.yaml). */
const WORKSPACE_PROBLEM_DIR = 'restricted-pack-problems';

describe('Restricted Mode: workspace packs are listed but do not run; the built-in pack works', function () {
  this.timeout(120_000);
  let workspacePack: PackSummary;

  before(async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the launcher must open this suite in an untrusted workspace');
    const { api, extensionPath } = await drillsApi();
    await setSetting('defaultLanguage', 'javascript');
    const target = path.join(workspaceDir(), WORKSPACE_PROBLEM_DIR, PROBLEM);
    fs.cpSync(path.join(extensionPath, 'problems', PROBLEM), target, { recursive: true });
    workspacePack = await until('the workspace pack to list the copied problem', () =>
      api.packs.packs.find((p) => !api.packs.isBuiltIn(p) && p.problems.some((q) => q.id === PROBLEM)),
    30_000);
  });

  after(async () => {
    const { api } = await drillsApi();
    await abandonAll(api);
    await setSetting('defaultLanguage', undefined);
    fs.rmSync(path.join(workspaceDir(), WORKSPACE_PROBLEM_DIR), { recursive: true, force: true });
  });

  it('lists the workspace pack and its problems marked as restricted, with the reason in the tooltip', async () => {
    const { api } = await drillsApi();
    assert.equal(api.packs.canRun(workspacePack), false);
    const builtIn = api.packs.packs.find((p) => api.packs.isBuiltIn(p));
    assert.ok(builtIn && api.packs.canRun(builtIn), 'the built-in pack must run in Restricted Mode');
    const nodes = allNodes(api);
    const packRow = nodes.find((n) => n.kind === 'pack' && n.source.pack.dir === workspacePack.dir);
    assert.ok(packRow, 'no row for the workspace pack');
    const packItem = api.tree.getTreeItem(packRow);
    assert.equal(packItem.contextValue, 'pack.restricted');
    assert.match((packItem.tooltip as vscode.MarkdownString).value, /Restricted Mode/);
    const problemRows = nodes.filter((n) => n.kind === 'problem' && n.problem.packId === workspacePack.id);
    assert.ok(problemRows.length > 0, 'the workspace problem is not listed');
    for (const row of problemRows) assert.equal(api.tree.getTreeItem(row).contextValue, 'problem.restricted');
    const builtInRow = nodes.find((n) => n.kind === 'problem' && n.problem.packId === builtIn.id);
    assert.equal(builtInRow && api.tree.getTreeItem(builtInRow).contextValue, 'problem');
  });

  it('refuses to start a workspace problem and says why; nothing is written to the workspace', async () => {
    const { api } = await drillsApi();
    const explained: string[] = [];
    const prompts: DrillPrompts = { ...noPrompts, explainRestricted: (pack) => (explained.push(pack.id), Promise.resolve()) };
    const problem = api.packs.findProblem(workspacePack.id, PROBLEM);
    assert.ok(problem);
    const before = new Set(fs.readdirSync(workspaceDir()));
    assert.equal(await api.drills.start(problem, prompts), undefined);
    assert.deepEqual(explained, [workspacePack.id]);
    assert.deepEqual(fs.readdirSync(workspaceDir()).filter((n) => !before.has(n)), [], 'the refused start wrote into the workspace');
    assert.equal(api.session.session.open.length, 0);
  });

  it('does not run the hidden tests of a workspace-pack attempt begun before the workspace lost trust', async () => {
    const { api } = await drillsApi();
    const problem = api.packs.findProblem(workspacePack.id, PROBLEM)!;
    const attemptDir = path.join(workspaceDir(), 'restricted-attempt');
    fs.mkdirSync(attemptDir, { recursive: true });
    const solutionPath = path.join(attemptDir, 'solution.js');
    fs.writeFileSync(solutionPath, 'module.exports = { firstUniqueTitle: () => "" };\n');
    // As the session would have it after a reload: the attempt exists, its plan accepted.
    const attempt = await api.session.session.startFor({ problem, language: 'javascript', attemptDir, solutionPath, statementPath: '', resumed: false, starterWritten: true });
    await writeThroughEditor(path.join(attemptDir, 'PLAN.md'), VALID_PLAN);
    assert.ok(await api.session.plan.submit(vscode.Uri.file(path.join(attemptDir, 'PLAN.md'))));
    const result = (await vscode.commands.executeCommand('drills.runHiddenTests', vscode.Uri.file(solutionPath))) as HiddenRunSummary | undefined;
    assert.equal(result, undefined, 'the hidden tests of a workspace pack ran in Restricted Mode');
    const stored = await api.session.session.history.getAttempt(attempt.id);
    assert.equal(stored.attempt?.runs.length, 0);
    await abandonAll(api);
    fs.rmSync(attemptDir, { recursive: true, force: true });
  });

  it('starts a built-in drill and runs its hidden tests as in a trusted workspace', async () => {
    const { api, extensionPath } = await drillsApi();
    const { start } = await startDrill(api, PROBLEM);
    assert.ok(fs.existsSync(start.solutionPath));
    await writeThroughEditor(path.join(start.attemptDir, 'PLAN.md'), VALID_PLAN);
    assert.ok(await api.session.plan.submit());
    await writeSolutionFrom(extensionPath, PROBLEM, 'solutions/solution.js', start.solutionPath);
    const run = (await vscode.commands.executeCommand('drills.runHiddenTests', vscode.Uri.file(start.solutionPath))) as HiddenRunSummary | undefined;
    assert.ok(run, 'the built-in drill did not run');
    assert.equal(run.result.error, undefined, run.result.error?.message);
    assert.equal(run.result.passed, run.result.cases.length);
    fs.rmSync(start.attemptDir, { recursive: true, force: true });
  });
});
