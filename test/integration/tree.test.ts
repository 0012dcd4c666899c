import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { allNodes, drillsApi, labelOf, packNode, until, workspaceDir } from './drillsHelpers';
import type { DrillNode } from '../../src/vscode/drillsTree';

const NO_FILTER = { difficulties: [], topics: [], states: [] };

describe('Drills view: the tree', () => {
  // Tests here inject their own state provider; each puts back the history's, which the rest of the run relies on.
  afterEach(async () => {
    const { api } = await drillsApi();
    api.tree.setFilter(NO_FILTER);
    api.tree.setStateProvider(api.session.history.stateOf);
  });

  it('lists the built-in pack by difficulty, each problem once with its topics as description, each row with a unique id', async () => {
    const { api, extensionPath } = await drillsApi();
    const builtIn = packNode(api, path.join(extensionPath, 'problems'));
    assert.ok(builtIn, 'no built-in pack row');
    assert.equal(labelOf(api, builtIn), 'Drills Starter Pack');
    const groups = api.tree.getChildren(builtIn);
    assert.deepEqual(groups.map((g) => labelOf(api, g)), ['Easy', 'Medium', 'Hard']);
    // A colour that reads at any width, not a word cut to "medi…".
    assert.deepEqual(groups.map((g) => ((api.tree.getTreeItem(g).iconPath as vscode.ThemeIcon).color as vscode.ThemeColor).id), ['charts.green', 'charts.yellow', 'charts.red']);
    const problems = groups.flatMap((g) => api.tree.getChildren(g));
    const pack = builtIn.kind === 'pack' ? builtIn.source.pack : undefined;
    assert.equal(problems.length, pack?.problems.length, 'a problem is listed more than once, or not at all');
    const first = problems[0]!;
    assert.equal(first.kind, 'problem');
    assert.equal(first.kind === 'problem' && first.problem.difficulty, 'easy');
    const item = api.tree.getTreeItem(first);
    assert.equal(item.description, first.kind === 'problem' ? first.problem.topics.join(', ') : '');
    assert.equal(item.contextValue, 'problem');
    // Other suites may have started this problem already: any state icon will do here; the
    // state-to-icon mapping has its own test with an injected provider.
    assert.ok(['circle-outline', 'debug-pause', 'pass-filled', 'pass', 'error'].includes((item.iconPath as vscode.ThemeIcon).id));
    assert.match((item.tooltip as vscode.MarkdownString).value, /Difficulty[\s\S]*Topics[\s\S]*min[\s\S]*Languages[\s\S]*Best time/);
    const ids = allNodes(api).map((n) => api.tree.getTreeItem(n).id);
    assert.equal(new Set(ids).size, ids.length, 'tree item ids are not unique');
    // Each row's parent is the row it is listed under (reveal walks up this way).
    for (const g of groups) for (const p of api.tree.getChildren(g)) assert.equal(api.tree.getTreeItem(api.tree.getParent(p)!).id, api.tree.getTreeItem(g).id);
  });

  it('redraws only when a row changed: re-indexing the same packs leaves the view alone', async () => {
    const { api } = await drillsApi();
    let fired = 0;
    const sub = api.tree.onDidChangeTreeData(() => fired++);
    try {
      api.tree.refresh();
      await api.packs.reload();
      api.tree.refresh();
      assert.equal(fired, 0, 'the view was redrawn with nothing changed');
      api.tree.setFilter({ difficulties: ['hard'], topics: [], states: [] });
      assert.equal(fired, 1);
    } finally {
      sub.dispose();
      api.tree.setFilter(NO_FILTER);
    }
  });

  it('the state provider decides the icons, and refresh redraws', async () => {
    const { api } = await drillsApi();
    const problem = allNodes(api).find((n): n is Extract<DrillNode, { kind: 'problem' }> => n.kind === 'problem')!;
    let fired = 0;
    const sub = api.tree.onDidChangeTreeData(() => fired++);
    api.tree.setStateProvider((packId, id) => (packId === problem.problem.packId && id === problem.problem.id ? { state: 'solved', bestMs: 754_000 } : { state: 'failed' }));
    sub.dispose();
    assert.ok(fired > 0, 'setting the provider did not redraw');
    const item = api.tree.getTreeItem(problem);
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'pass-filled');
    assert.match((item.tooltip as vscode.MarkdownString).value, /12:34/);
  });

  it('a filter narrows the rows and shows in the view; Clear Filter brings them back', async () => {
    const { api } = await drillsApi();
    const countProblems = () => allNodes(api).filter((n) => n.kind === 'problem').length;
    const before = countProblems();
    api.tree.setFilter({ difficulties: ['easy'], topics: [], states: [] });
    const easy = allNodes(api).filter((n): n is Extract<DrillNode, { kind: 'problem' }> => n.kind === 'problem');
    assert.ok(easy.length > 0 && easy.length < before, `filter did not narrow: ${easy.length} of ${before}`);
    assert.ok(easy.every((n) => n.problem.difficulty === 'easy'));
    assert.match(api.tree.view.description ?? '', /easy/);
    api.tree.setStateProvider(() => ({ state: 'solved' }));
    api.tree.setFilter({ difficulties: [], topics: [], states: ['new'] });
    // Packs only: the "Due for review" group above them follows the review schedule (attempts other suites left), not the filter.
    assert.equal(api.tree.getChildren().filter((n) => n.kind === 'pack').length, 0, 'a state filter no problem matches still lists packs');
    assert.match(api.tree.view.message ?? '', /No problem matches/);
    await vscode.commands.executeCommand('drills.clearFilter');
    api.tree.setStateProvider(api.session.history.stateOf);
    assert.equal(countProblems(), before);
    assert.equal(api.tree.view.description, undefined);
  });
});

describe('Drills view: packs in the workspace', () => {
  it('a broken pack shows its valid problems and reports its mistakes in the Problems panel', async () => {
    const { api, extensionPath } = await drillsApi();
    const target = path.join(workspaceDir(), 'broken-pack');
    fs.cpSync(path.join(extensionPath, 'test', 'fixtures', 'packs', 'broken'), target, { recursive: true });
    try {
      const pack = await until('the broken pack to be indexed', () => packNode(api, target));
      assert.equal(labelOf(api, pack), 'Broken Pack');
      assert.match(String(api.tree.getTreeItem(pack).description), /\d+ errors?/);
      const problems = api.tree.getChildren(pack).flatMap((t) => api.tree.getChildren(t));
      assert.ok(problems.some((n) => n.kind === 'problem' && n.problem.id === 'good'), 'the valid problem is not listed');
      const inPack = await until('diagnostics for the broken pack', () => {
        const list = vscode.languages.getDiagnostics().filter(([uri]) => uri.fsPath.startsWith(target + path.sep));
        return list.length > 0 ? list : undefined;
      });
      const syntax = inPack.find(([uri]) => uri.fsPath === path.join(target, 'syntax', 'problem.yaml'));
      assert.ok(syntax, `no diagnostic on syntax/problem.yaml; files: ${inPack.map(([u]) => u.fsPath).join(', ')}`);
      assert.ok(syntax[1].some((d) => d.severity === vscode.DiagnosticSeverity.Error && d.source === 'drills'));
    } finally {
      fs.rmSync(target, { recursive: true, force: true });
    }
    await until('the removed pack to leave the tree', () => !packNode(api, target));
    await until('its diagnostics to be cleared', () => vscode.languages.getDiagnostics().every(([uri, ds]) => !uri.fsPath.startsWith(target + path.sep) || ds.length === 0));
  });

  it('a problem written into a workspace pack appears without a reload', async () => {
    const { api } = await drillsApi();
    const ws = workspaceDir();
    const dir = path.join(ws, 'added-at-test-time');
    try {
      fs.mkdirSync(path.join(dir, 'starter'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'statement.md'), '# Added\n\nReturn the sum.\n');
      fs.writeFileSync(path.join(dir, 'starter', 'solution.py'), 'def total(xs):\n    pass\n');
      fs.writeFileSync(
        path.join(dir, 'problem.yaml'),
        'id: added\ntitle: Added At Test Time\ndifficulty: medium\ntopics: [watching]\nfunction: { name: total, params: [{ name: xs, type: "int[]" }], returns: int }\n',
      );
      const found = await until('the new problem in the tree', () =>
        allNodes(api).find((n) => n.kind === 'problem' && n.problem.id === 'added' && path.resolve(n.source.pack.dir) === path.resolve(ws)),
      );
      assert.equal(labelOf(api, found), 'Added At Test Time');
      fs.writeFileSync(path.join(dir, 'problem.yaml'), fs.readFileSync(path.join(dir, 'problem.yaml'), 'utf8').replace('Added At Test Time', 'Renamed'));
      await until('the renamed title', () => allNodes(api).some((n) => n.kind === 'problem' && n.problem.id === 'added' && labelOf(api, n) === 'Renamed'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    await until('the deleted problem to leave the tree', () => !allNodes(api).some((n) => n.kind === 'problem' && n.problem.id === 'added'));
  });
});
