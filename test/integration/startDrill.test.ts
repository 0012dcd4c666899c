import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { allNodes, drillsApi, until, workspaceDir } from './drillsHelpers';
import type { DrillNode } from '../../src/vscode/drillsTree';
import type { DrillPrompts, DrillStart } from '../../src/vscode/startDrill';
import type { Language, ProblemSummary } from '../../src/core/pack/types';

/** Prompts that answer from a script and record what was asked; any question not scripted fails the test. */
function scriptedPrompts(answers: { resume?: 'resume' | 'new'; language?: Language }) {
  const asked: string[] = [];
  const unavailable = new Map<Language, string>();
  const prompts: DrillPrompts = {
    pickProblem: async () => assert.fail('asked for a problem'),
    pickLanguage: async (_p, order, _note, missing) => {
      asked.push(`language:${order.join(',')}`);
      for (const [language, message] of missing ?? []) unavailable.set(language, message);
      return answers.language ?? assert.fail('asked for a language');
    },
    resumeOrNew: async (_p, existing) => {
      asked.push(`resume:${path.basename(existing.dir)}`);
      return answers.resume ?? assert.fail('asked to resume');
    },
    pickFolder: async () => assert.fail('asked for a folder'),
    explainRestricted: async () => assert.fail('told the workspace is restricted'),
    showError: async (message) => assert.fail(`error shown: ${message}`),
  };
  return { prompts, asked, unavailable };
}

function builtInProblem(nodes: DrillNode[], extensionPath: string, index: number): Extract<DrillNode, { kind: 'problem' }> {
  const problems = nodes.filter((n): n is Extract<DrillNode, { kind: 'problem' }> => n.kind === 'problem' && n.source.pack.dir === path.join(extensionPath, 'problems'));
  const unique = [...new Map(problems.map((n) => [n.problem.id, n])).values()];
  assert.ok(unique[index], `the built-in pack has fewer than ${index + 1} problems`);
  return unique[index];
}

/** Every file under a folder, relative, sorted. */
function filesUnder(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();
}

describe('Start Drill', () => {
  const settings = () => vscode.workspace.getConfiguration('drills');
  let drillsDir: string;

  before(async () => {
    drillsDir = path.join(workspaceDir(), 'drills');
    await settings().update('defaultLanguage', 'python', vscode.ConfigurationTarget.Workspace);
  });

  after(async () => {
    await settings().update('defaultLanguage', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(drillsDir, { recursive: true, force: true });
  });

  it('the command writes only the starter into the workspace, opens it and announces the drill', async () => {
    const { api, extensionPath } = await drillsApi();
    const node = builtInProblem(allNodes(api), extensionPath, 0);
    // What other suites left in the workspace (a design drill's DESIGN.md…) is not this start's doing.
    const before = new Set(fs.existsSync(drillsDir) ? filesUnder(drillsDir) : []);
    const announced: DrillStart[] = [];
    const sub = api.drills.onDidStartDrill((s) => announced.push(s));
    const start = await vscode.commands.executeCommand<DrillStart | undefined>('drills.startDrill', node);
    sub.dispose();
    assert.ok(start, 'the command returned nothing');
    const dir = path.join(drillsDir, node.problem.id);
    assert.deepEqual(
      { language: start.language, attemptDir: start.attemptDir, solutionPath: start.solutionPath, resumed: start.resumed, written: start.starterWritten },
      { language: 'python', attemptDir: dir, solutionPath: path.join(dir, 'solution.py'), resumed: false, written: true },
    );
    assert.equal(fs.readFileSync(start.solutionPath, 'utf8'), fs.readFileSync(path.join(node.problem.dir, 'starter', 'solution.py'), 'utf8'));
    // Only the starter (and the session's PLAN.md): no statement copy, no tests, no reference or wrong solutions.
    assert.deepEqual(filesUnder(drillsDir).filter((f) => path.basename(f) !== 'PLAN.md' && !before.has(f)), [path.join(node.problem.id, 'solution.py')]);
    assert.equal(start.statementPath, path.join(node.problem.dir, 'statement.md'));
    assert.equal(announced.length, 1);
    assert.equal(announced[0]!.solutionPath, start.solutionPath);
    await until('the solution to be the active editor', () => vscode.window.activeTextEditor?.document.uri.fsPath === start.solutionPath);
    assert.equal(vscode.window.activeTextEditor?.viewColumn, vscode.ViewColumn.One);
  });

  it('starting again offers to resume, and resuming keeps what the user wrote', async () => {
    const { api, extensionPath } = await drillsApi();
    const node = builtInProblem(allNodes(api), extensionPath, 0);
    const solution = path.join(drillsDir, node.problem.id, 'solution.py');
    fs.writeFileSync(solution, '# my work\n');
    const { prompts, asked } = scriptedPrompts({ resume: 'resume' });
    const start = await api.drills.start(node, prompts);
    assert.deepEqual(asked, [`resume:${node.problem.id}`]);
    assert.equal(start?.resumed, true);
    assert.equal(start?.solutionPath, solution);
    assert.equal(fs.readFileSync(solution, 'utf8'), '# my work\n');
  });

  it('"Start New" puts the new attempt in a numbered folder beside the old one', async () => {
    const { api, extensionPath } = await drillsApi();
    const node = builtInProblem(allNodes(api), extensionPath, 0);
    const { prompts, asked } = scriptedPrompts({ resume: 'new' });
    const start = await api.drills.start(node.problem, prompts);
    assert.deepEqual(asked, [`resume:${node.problem.id}`]);
    assert.equal(start?.attemptDir, path.join(drillsDir, `${node.problem.id}-2`));
    assert.equal(start?.starterWritten, true);
    assert.equal(fs.readFileSync(path.join(drillsDir, node.problem.id, 'solution.py'), 'utf8'), '# my work\n');
    // The next restart offers the newest attempt.
    const again = scriptedPrompts({ resume: 'resume' });
    await api.drills.start(node.problem, again.prompts);
    assert.deepEqual(again.asked, [`resume:${node.problem.id}-2`]);
  });

  it('without a default language the last one chosen is offered first', async () => {
    const { api, extensionPath } = await drillsApi();
    await settings().update('defaultLanguage', undefined, vscode.ConfigurationTarget.Workspace);
    try {
      await until('the setting to read as unset', () => api.config.get('defaultLanguage') === null);
      // A language chosen here first, whatever the tests or suites before chose.
      const first = builtInProblem(allNodes(api), extensionPath, 1);
      const chosen = scriptedPrompts({ language: 'javascript' });
      const start = await api.drills.start(first, chosen.prompts);
      assert.equal(chosen.asked.length, 1, 'the language was not asked for');
      assert.equal(start?.solutionPath, path.join(drillsDir, first.problem.id, 'solution.js'));
      assert.ok(fs.existsSync(start!.solutionPath));
      const next = builtInProblem(allNodes(api), extensionPath, 2);
      const second = scriptedPrompts({ language: 'python' });
      await api.drills.start(next, second.prompts);
      assert.equal(second.asked[0]?.split(':')[1]?.split(',')[0], 'javascript');
      const third = scriptedPrompts({ language: 'javascript' });
      await api.drills.start(builtInProblem(allNodes(api), extensionPath, 3), third.prompts);
      assert.equal(third.asked[0]?.split(':')[1]?.split(',')[0], 'python');
    } finally {
      await settings().update('defaultLanguage', 'python', vscode.ConfigurationTarget.Workspace);
    }
  });

  it('a language whose toolchain is not found stays in the pick, marked with what to install, and still starts', async () => {
    const { api, extensionPath } = await drillsApi();
    const missingJava = path.join(workspaceDir(), 'no-such-jdk', 'javac');
    await settings().update('defaultLanguage', undefined, vscode.ConfigurationTarget.Workspace);
    await settings().update('toolchains', { java: missingJava }, vscode.ConfigurationTarget.Workspace);
    try {
      await until('the settings to be read', () => api.config.get('defaultLanguage') === null && (api.config.get('toolchains') as Record<string, string>).java === missingJava);
      const problem = builtInProblem(allNodes(api), extensionPath, 4);
      // An attempt another suite left is set aside: this start is a new one.
      const script = scriptedPrompts({ language: 'java', resume: 'new' });
      const start = await api.drills.start(problem, script.prompts);
      assert.ok(script.asked.some((a) => a.startsWith('language:') && a.includes('java')), script.asked.join(' '));
      assert.deepEqual([...script.unavailable.keys()], ['java']);
      assert.match(script.unavailable.get('java')!, /no-such-jdk.*drills\.toolchains/s);
      assert.equal(start?.language, 'java');
      assert.ok(fs.existsSync(start!.solutionPath), 'the starter was written all the same');
    } finally {
      await settings().update('toolchains', undefined, vscode.ConfigurationTarget.Workspace);
      await settings().update('defaultLanguage', 'python', vscode.ConfigurationTarget.Workspace);
    }
  });

  it('no hidden test or reference solution ever lands in the workspace', async () => {
    const leaked = filesUnder(workspaceDir()).filter((f) => /(^|\/)(tests\.yaml|solutions|wrong|cases)(\/|$)/.test(f) && !f.startsWith('.drills-test'));
    assert.deepEqual(leaked, []);
  });

  it('a problem no longer in any pack is refused with a message, nothing written', async () => {
    const { api } = await drillsApi();
    const ghost: ProblemSummary = { id: 'ghost', packId: 'no-such-pack', title: 'Ghost', difficulty: 'easy', topics: [], minutes: 10, dir: '/nowhere', languages: ['python'] };
    const errors: string[] = [];
    const { prompts } = scriptedPrompts({});
    const start = await api.drills.start(ghost, { ...prompts, showError: async (m) => void errors.push(m) });
    assert.equal(start, undefined);
    assert.match(errors.join('\n'), /no longer in any pack/);
    assert.equal(fs.existsSync(path.join(drillsDir, 'ghost')), false);
  });
});
