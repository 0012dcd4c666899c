// Shared by the drill session suites (not a suite itself: the name does not end in .test.ts).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { abandon } from '../../src/core/attempt/index';
import type { DrillsApi } from '../../src/vscode/extension';
import type { DrillPrompts, DrillStart } from '../../src/vscode/startDrill';
import type { OpenDrill } from '../../src/vscode/session';
import { drillsApi, until, workspaceDir } from './drillsHelpers';

/** Prompts that never ask: a new attempt each time, and any other question fails the test. */
export const noPrompts: DrillPrompts = {
  pickProblem: () => Promise.reject(new Error('unexpected problem prompt')),
  pickLanguage: () => Promise.reject(new Error('unexpected language prompt: drills.defaultLanguage should decide')),
  resumeOrNew: () => Promise.resolve('new'),
  pickFolder: () => Promise.reject(new Error('unexpected folder prompt')),
  explainRestricted: () => Promise.reject(new Error('unexpected restricted prompt')),
  showError: (message) => Promise.reject(new Error(`unexpected error: ${message}`)),
};

/** A plan that passes the gate, stating empty, single and duplicates. */
export const VALID_PLAN = [
  '# Plan',
  '## 1. Problem restated',
  'Given watch events, return the earliest title id that occurs exactly once, or "".',
  '## 2. Edge cases',
  '- empty history',
  '- a single event',
  '- duplicates everywhere',
  '## 3. Invariant',
  'After the first pass, counts hold the total occurrences of every id.',
  '## 4. Complexity',
  'Time: O(n), space: O(n)',
  '',
].join('\n');

/** Replaces a file's text through the editor and saves it, as the user would (the editor may hold it open). */
export async function writeThroughEditor(file: string, text: string): Promise<void> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), text);
  assert.ok(await vscode.workspace.applyEdit(edit), `could not edit ${file}`);
  assert.ok(await document.save(), `could not save ${file}`);
  assert.equal(fs.readFileSync(file, 'utf8'), text);
}

/** Sets a `drills.*` user setting and waits until the configuration reads it back. */
export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('drills').update(key, value, vscode.ConfigurationTarget.Global);
  await until(`drills.${key} = ${JSON.stringify(value)}`, () => JSON.stringify(vscode.workspace.getConfiguration('drills').inspect(key)?.globalValue) === JSON.stringify(value));
}

/** Starts a drill on a built-in problem in JavaScript and waits for its attempt. */
export async function startDrill(api: DrillsApi, problemId: string): Promise<{ start: DrillStart; drill: OpenDrill }> {
  const problem = api.packs.findProblem('builtin', problemId);
  assert.ok(problem, `no built-in problem ${problemId}`);
  const start = await api.drills.start(problem, noPrompts);
  assert.ok(start, 'the drill did not start');
  const drill = await until('the attempt of the new drill', () => {
    const d = api.session.session.active;
    return d && path.resolve(d.attempt.attemptDir) === path.resolve(start.attemptDir) ? d : undefined;
  });
  return { start, drill };
}

/** Closes every open attempt (abandoned), so each test starts with none. */
export async function abandonAll(api: DrillsApi): Promise<void> {
  for (const d of api.session.session.open) {
    await api.session.session.update(d.attempt.id, abandon);
  }
}

/**
 * Moves every file of the history aside (closing open attempts first), so that a suite reading the whole history
 * (review schedule, dashboard) sees only what it writes itself, whichever suites ran before. Returns the function
 * that puts them back.
 */
export async function setHistoryAside(api: DrillsApi): Promise<() => void> {
  await abandonAll(api);
  const dir = api.session.session.history.dir;
  // A sibling folder: a rename within one file system.
  const aside = `${dir}.aside-${process.pid}`;
  fs.mkdirSync(aside, { recursive: true });
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) fs.renameSync(path.join(dir, name), path.join(aside, name));
  return () => {
    for (const name of fs.readdirSync(aside)) fs.renameSync(path.join(aside, name), path.join(dir, name));
    fs.rmSync(aside, { recursive: true, force: true });
  };
}

/**
 * The hooks of a suite that starts drills: JavaScript by default, interview mode and its attempts in `folder` (inside
 * the workspace, so other suites find the workspace's drills/ folder as they left it) for the suite; no open attempt
 * before each test; afterwards every attempt closed, the settings unset, no editor open and `folder` removed.
 * Call it at the top of a `describe`.
 */
export function useDrillSuite(folder: string): void {
  before(async () => {
    // What an earlier suite left open (a Markdown preview that follows the active editor) is not this suite's.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await setSetting('defaultLanguage', 'javascript');
    await setSetting('mode', 'interview');
    await setSetting('attemptFolder', `${folder}/\${problemId}`);
  });

  beforeEach(async () => {
    const { api } = await drillsApi();
    await abandonAll(api);
  });

  after(async () => {
    const { api } = await drillsApi();
    await abandonAll(api);
    await setSetting('mode', undefined);
    await setSetting('defaultLanguage', undefined);
    await setSetting('attemptFolder', undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(path.join(workspaceDir(), folder), { recursive: true, force: true });
  });
}

/** Copies a built-in problem's file (a reference or a wrong solution) over the attempt's solution. */
export async function writeSolutionFrom(extensionPath: string, problemId: string, relative: string, solutionPath: string): Promise<void> {
  await writeThroughEditor(solutionPath, fs.readFileSync(path.join(extensionPath, 'problems', problemId, relative), 'utf8'));
}

export { drillsApi, until };
