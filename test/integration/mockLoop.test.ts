import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LoopPrompts } from '../../src/vscode/mockLoop';
import type { Language } from '../../src/core/pack/types';
import { abandonAll, drillsApi, noPrompts, setSetting, until as untilFor } from './sessionHelpers';

/** Waits long: each step starts a drill, which writes files and opens editors. */
const until = <T>(what: string, check: () => T | undefined | false) => untilFor(what, check, 90_000);

describe('Mock loop: a coding, a design and a behavioural round under one schedule', function () {
  // Three drills start one after another on a shared, busy machine.
  this.timeout(300_000);

  before(async () => {
    await setSetting('defaultLanguage', 'javascript');
    await setSetting('attemptFolder', 'loop-drills/${problemId}');
  });

  after(async () => {
    const { api } = await drillsApi();
    await abandonAll(api);
    if (api.loop.current) await api.loop.finish();
    await setSetting('attemptFolder', undefined);
    await setSetting('defaultLanguage', undefined);
    // The report it left open is not the next suite's.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('runs the rounds in order, each ended by its own drill, and the report gives each outcome and the questions asked', async () => {
    const { api } = await drillsApi();
    await abandonAll(api);
    await api.kinds.design.abandon();
    const breaks: string[] = [];
    const prompts: LoopPrompts = {
      nextRound: async (message) => {
        breaks.push(message);
        return true;
      },
      confirmSkip: async () => true,
      questionsAsked: async () => ['What does on-call look like?', ''],
      drill: noPrompts,
    };
    const loop = await api.loop.start(prompts);
    assert.ok(loop, 'the loop did not start');
    assert.deepEqual(loop.rounds.map((r) => r.kind), ['coding', 'design', 'story']);
    assert.equal(api.contextValue('drills.loopActive'), true);

    // Round 1: the coding drill, strict, with the round's minutes; abandoning it ends the round.
    const attemptId = await until('the coding round\'s attempt', () => api.loop.current?.rounds[0].ref);
    const drill = api.session.session.find(attemptId);
    assert.equal(drill?.attempt.mode, 'strict');
    await vscode.commands.executeCommand('drills.abandonDrill');

    // Round 2 starts after the break prompt: the design drill on the round's prompt; abandoning it ends the round.
    const designId = await until('the design round\'s drill', () => api.loop.current?.rounds[1].ref);
    assert.equal(api.kinds.design.current?.id, designId);
    assert.equal(api.kinds.design.current?.state.problemId, loop.rounds[1].subjectId);
    assert.match(breaks[0], /round 1 is over \(abandoned\)\. Take a 10:00 break; next: /);
    await api.kinds.design.abandon();

    // Round 3: skipped from the command; the loop ends with the questions asked.
    await until('the behavioural round to start', () => api.loop.current?.rounds[2].startedAt !== undefined || undefined);
    await vscode.commands.executeCommand('drills.loop.next');
    const report = await until('the report', () => (api.loop.current === undefined ? api.loop.lastReport : undefined));
    assert.match(report, /\| 1\. .+ \| Coding \| abandoned \| \d\d:\d\d \/ \d\d:\d\d \|/);
    assert.match(report, /\| 2\. .+ \| System design \| abandoned \|/);
    assert.match(report, /\| 3\. .+ \| Behavioural \| skipped \|/);
    assert.match(report, /## Questions you asked the interviewer\n\n- What does on-call look like\?\n/);
    assert.equal(api.contextValue('drills.loopActive'), false);
    // The report is a file in the workspace, so closing it never asks to save an untitled document.
    const file = await until('the report file', () => api.loop.lastReportUri);
    assert.equal(file.scheme, 'file');
    assert.match(file.fsPath, /[\\/]drills[\\/]mock-loop-[\d-]+\.md$/);
    assert.equal(fs.readFileSync(file.fsPath, 'utf8'), report);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.isUntitled && d.getText() === report), 'the report was left in an untitled document');
    // Shown as a locked preview: it stays the report when the next Markdown file (a drill's PLAN.md) is opened.
    const tabLabels = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label));
    const reportTab = new RegExp(`^\\[Preview\\] ${path.basename(file.fsPath).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    await until(`the report's locked preview (tabs: ${tabLabels().join(', ')})`, () => tabLabels().some((l) => reportTab.test(l)));
    const other = path.join(path.dirname(file.fsPath), `notes-${Date.now()}.md`);
    fs.writeFileSync(other, '# Notes\n');
    try {
      const editor = await vscode.window.showTextDocument(vscode.Uri.file(other));
      await until('the other Markdown file active', () => vscode.window.activeTextEditor === editor || undefined);
      assert.ok(tabLabels().some((l) => reportTab.test(l)), `the report's preview followed the other file: ${tabLabels().join(', ')}`);
      assert.ok(!tabLabels().some((l) => l === `Preview ${path.basename(other)}`), `a preview followed the other file: ${tabLabels().join(', ')}`);
    } finally {
      fs.rmSync(other, { force: true });
    }
  });
  it('a round whose drill was dismissed waits for it: Next Mock Loop Round starts that drill instead of skipping the round', async () => {
    const { api } = await drillsApi();
    await abandonAll(api);
    await api.kinds.design.abandon();
    // The language is asked: the first time the candidate dismisses the pick.
    await setSetting('defaultLanguage', undefined);
    const languages: (Language | undefined)[] = [undefined, 'javascript'];
    let skipAsked = 0;
    const prompts: LoopPrompts = {
      nextRound: async () => false,
      confirmSkip: async () => {
        skipAsked++;
        return true;
      },
      questionsAsked: async () => [],
      drill: { ...noPrompts, pickLanguage: async () => languages.shift() },
    };
    try {
      const loop = await api.loop.start(prompts);
      assert.ok(loop, 'the loop did not start');
      assert.equal(languages.length, 1, 'the language was not asked');
      assert.notEqual(loop.rounds[0].startedAt, undefined);
      assert.equal(loop.rounds[0].ref, undefined, 'a drill started although the pick was dismissed');
      assert.equal(api.session.session.open.length, 0);

      await vscode.commands.executeCommand('drills.loop.next');
      assert.equal(skipAsked, 0, 'the round was offered to be skipped instead of started');
      assert.equal(languages.length, 0, 'the language was not asked again');
      const attemptId = await until('the coding round\'s attempt', () => api.loop.current?.rounds[0].ref);
      assert.equal(api.loop.current?.rounds[0].skipped, undefined);
      assert.equal(api.session.session.find(attemptId)?.attempt.language, 'javascript');
    } finally {
      await abandonAll(api);
      if (api.loop.current) await api.loop.finish();
      await setSetting('defaultLanguage', 'javascript');
    }
  });
});
