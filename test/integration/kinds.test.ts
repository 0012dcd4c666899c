import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { drillsApi, until, workspaceDir } from './drillsHelpers';
import { screenshot } from './screenshots';
import { DESIGN_RUBRIC } from '../../src/core/kinds/design/format';
import { REHEARSAL_RUBRIC } from '../../src/core/kinds/story/rehearsal';
import type { KindsUi } from '../../src/vscode/kindsConstants';
import type { KindNode } from '../../src/vscode/kindsTree';
import type { SubmitOutcome } from '../../src/vscode/designDrill';
import type { RehearsalOutcome } from '../../src/vscode/storyRehearsal';

/** Answers the drills' quick picks from a script (a label or description to pick, or undefined to cancel) and keeps the messages. */
function scriptedUi(): KindsUi & { answers: (string | undefined)[]; titles: string[]; messages: string[] } {
  const ui = {
    answers: [] as (string | undefined)[],
    titles: [] as string[],
    messages: [] as string[],
    async pick<T extends vscode.QuickPickItem>(items: T[], options: vscode.QuickPickOptions): Promise<T | undefined> {
      ui.titles.push(options.title ?? '');
      assert.ok(ui.answers.length > 0, `an unexpected pick: ${options.title}`);
      const answer = ui.answers.shift();
      if (answer === undefined) return undefined;
      const item = items.find((i) => i.label === answer || i.description === answer);
      assert.ok(item, `no item "${answer}" in ${items.map((i) => i.label).join(', ')}`);
      return item;
    },
    info: (m: string) => void ui.messages.push(m),
    warn: (m: string) => void ui.messages.push(m),
  };
  return ui;
}

const errorsIn = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);

async function replaceText(uri: vscode.Uri, text: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
  assert.ok(await vscode.workspace.applyEdit(edit));
  assert.ok(await doc.save());
  return doc;
}

describe('Design and story drills in the editor', function () {
  this.timeout(120_000);

  after(async () => {
    // Other suites list what is under drills/: leave the workspace as it was.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const dir of [path.join('drills', 'design'), 'stories']) fs.rmSync(path.join(workspaceDir(), dir), { recursive: true, force: true });
  });

  it('the Design & Stories view lists the built-in design prompts and the story bank', async () => {
    const { api } = await drillsApi();
    await vscode.commands.executeCommand('drills.kinds.focus');
    const [design, stories] = api.kinds.tree.getChildren();
    const prompts = api.kinds.tree.getChildren(design);
    assert.deepEqual(prompts.map((n) => (n.kind === 'design' ? n.problem.id : '')).sort(), ['ads-pacing-service', 'global-reliability-control-plane', 'home-recommendations-serving', 'playback-quality-pipeline']);
    const bank = api.kinds.tree.getChildren(stories);
    assert.equal(bank.length, 7);
    assert.equal(api.kinds.tree.getTreeItem(bank[0]).description, 'not written');
  });

  it('walks a design drill: scaffold, gate refused then accepted, probes one by one with their timer, rubric, history', async () => {
    const { api, extensionPath } = await drillsApi();
    const ui = scriptedUi();
    api.kinds.ui = ui;
    const node = api.kinds.tree.getChildren({ kind: 'group', group: 'design' }).find((n): n is Extract<KindNode, { kind: 'design' }> => n.kind === 'design' && n.problem.id === 'playback-quality-pipeline')!;
    const problem = node.problem;

    // Scaffold: DESIGN.md in the attempt folder, open, the round's first phase in the status bar.
    await vscode.commands.executeCommand('drills.design.start', node);
    const entry = api.kinds.design.current!;
    assert.equal(entry.documentPath, path.join(workspaceDir(), 'drills', 'design', problem.id, 'DESIGN.md'));
    assert.match(fs.readFileSync(entry.documentPath, 'utf8'), /## Decision log/);
    const uri = vscode.Uri.file(entry.documentPath);
    await until('DESIGN.md in the editor', () => vscode.window.visibleTextEditors.some((e) => e.document.uri.fsPath === uri.fsPath));
    await until('the phase timer', () => /1\/6 Requirements.* \d\d:\d\d/.test(api.kinds.status.text) || undefined);

    // The gate on save: the empty scaffold has errors in the Problems panel; submitting is refused, naming them.
    await replaceText(uri, fs.readFileSync(entry.documentPath, 'utf8') + '\n');
    await until('gate diagnostics after save', () => errorsIn(uri).length > 0 || undefined);
    assert.ok(errorsIn(uri).some((d) => /Requirements and success metrics.*empty/.test(d.message)));
    const refused = (await vscode.commands.executeCommand('drills.design.submit')) as SubmitOutcome;
    assert.equal(refused.accepted, false);
    assert.match(refused.message, /gate is closed/);
    assert.match(refused.message, /Requirements and success metrics/);
    assert.equal(api.kinds.design.current!.state.gateRefusals, 1);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await screenshot('design-gate-refused');

    // A complete design: no error left, the gate opens with the coverage report and the first probe.
    await replaceText(uri, fs.readFileSync(path.join(extensionPath, 'test', 'fixtures', 'kinds', 'DESIGN.passing.md'), 'utf8'));
    await until('no gate error after save', () => errorsIn(uri).length === 0 || undefined);
    const accepted = (await vscode.commands.executeCommand('drills.design.submit')) as SubmitOutcome;
    assert.equal(accepted.accepted, true, accepted.message);
    assert.match(accepted.message, /Anticipated: .*backpressure/i);
    assert.match(accepted.message, /Missed: /);
    const total = problem.probes.length;
    for (let n = 1; n <= total; n++) {
      if (n > 1) await vscode.commands.executeCommand('drills.design.nextProbe');
      const state = api.kinds.design.current!.state;
      assert.equal(state.revealed.length, n, `probe ${n} revealed alone`);
      const text = fs.readFileSync(entry.documentPath, 'utf8');
      assert.ok(text.includes(`### Probe ${n}: ${problem.probes[n - 1].question}`), `probe ${n} is not in the document`);
      assert.ok(!text.includes(`### Probe ${n + 1}:`), `probe ${n + 1} shown too early`);
      if (n > 1) assert.ok(state.revealed[n - 2].closedAt !== undefined, 'the previous probe\'s timer did not stop');
      await until(`probe ${n}'s timer`, () => new RegExp(`Probe ${n}/${total} 0[0-${problem.probes[n - 1].minutes}]:\\d\\d`).test(api.kinds.status.text) || undefined);
      if (n === 1) await screenshot('design-probe-1');
    }

    // A reload mid-drill comes back at the same probe.
    const reloaded = await api.kinds.reloadDesign();
    assert.equal(reloaded.current!.state.stage, 'probing');
    assert.equal(reloaded.current!.state.revealed.length, total);
    await until('the probe timer after reload', () => new RegExp(`Probe ${total}/${total}`).test(api.kinds.status.text) || undefined);

    // The rubric: a cancelled pick leaves the drill at the rubric, resumable; then every criterion scored.
    ui.answers.push('3', undefined);
    await vscode.commands.executeCommand('drills.design.score');
    assert.equal(api.kinds.design.current!.state.stage, 'rating');
    await until('the rubric in the status bar', () => /Score the design/.test(api.kinds.status.text) || undefined);
    const scores = ['3', '4', '2', '3', '4'];
    assert.equal(scores.length, DESIGN_RUBRIC.length);
    ui.answers.push(...scores);
    await vscode.commands.executeCommand('drills.design.statusAction');
    const done = api.kinds.design.current!;
    assert.equal(done.state.stage, 'done');
    assert.equal(ui.answers.length, 0);
    assert.equal(api.kinds.status.text, '');
    // The model outline, shown last.
    await until('the outline', () => vscode.workspace.textDocuments.some((d) => d.uri.scheme === 'drills-kinds' && d.getText().startsWith('# Model answer: Playback quality pipeline')));
    // Beside DESIGN.md, locked: going back to DESIGN.md to compare must not turn the outline into a preview of it.
    const outlineTab = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label.includes(`outline-${problem.id}.md`));
    const outline = await until('the outline\'s preview', outlineTab);
    assert.match(outline.label, /^\[Preview\] /, `the outline's preview is not locked: "${outline.label}"`);
    await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.One, preserveFocus: false });
    await until('DESIGN.md active', () => vscode.window.activeTextEditor?.document.uri.fsPath === uri.fsPath || undefined);
    assert.ok(outlineTab(), 'the outline\'s preview turned into a preview of another document');
    await screenshot('design-outline');
    const { entries } = await api.kinds.history.list();
    const record = entries.find((e) => e.id === done.id)!.record;
    assert.equal(record.kind, 'design');
    assert.equal(record.kind === 'design' && record.status, 'rated');
    assert.equal(record.score, 16);
    assert.equal(record.kind === 'design' && record.gateRefusals, 1);
    assert.equal(record.kind === 'design' && record.probes.length, total);
  });

  it('creates the story bank, checks each story on save, and rehearses one with the story hidden and a timer', async () => {
    const { api, extensionPath } = await drillsApi();
    const ui = scriptedUi();
    api.kinds.ui = ui;
    const written = (await vscode.commands.executeCommand('drills.story.createBank')) as string[];
    assert.equal(written.length, 7);
    const incident = path.join(workspaceDir(), 'stories', 'incident.md');
    assert.ok(written.includes(incident));

    // A template is all fields empty: errors in the file and in the tree.
    const uri = vscode.Uri.file(incident);
    await vscode.window.showTextDocument(uri);
    await replaceText(uri, fs.readFileSync(incident, 'utf8') + '\n');
    await until('story diagnostics', () => errorsIn(uri).some((d) => d.code === 'field-empty') || undefined);
    const storyNode = () => api.kinds.tree.getChildren({ kind: 'group', group: 'stories' }).find((n) => n.kind === 'story' && n.story.type === 'incident')!;
    await until('the error state in the tree', () => (api.kinds.tree.getTreeItem(storyNode()).iconPath as vscode.ThemeIcon).id === 'error' || undefined);

    // A written story: no error left, its spoken length in the tree.
    await replaceText(uri, fs.readFileSync(path.join(extensionPath, 'test', 'fixtures', 'kinds', 'incident.md'), 'utf8'));
    await until('no story error after save', () => errorsIn(uri).length === 0 || undefined);
    await until('the story state in the tree', () => ['pass', 'warning'].includes((api.kinds.tree.getTreeItem(storyNode()).iconPath as vscode.ThemeIcon).id) || undefined);
    assert.match(String(api.kinds.tree.getTreeItem(storyNode()).description), /^\d:\d\d\/3:00/);
    await vscode.commands.executeCommand('drills.kinds.focus');
    await screenshot('story-bank');

    // Cancelling the story pick ends the rehearsal cleanly.
    ui.answers.push(undefined);
    const cancelled = (await vscode.commands.executeCommand('drills.story.rehearse')) as RehearsalOutcome;
    assert.deepEqual(cancelled, { cancelled: 'story' });
    assert.equal(api.kinds.rehearsals.current, undefined);
    assert.equal(api.kinds.status.text, '');

    // The rehearsal: a question, the incident story picked, its text hidden behind its headings, a three-minute timer.
    ui.answers.push('incident.md');
    const started = (await vscode.commands.executeCommand('drills.story.rehearse')) as RehearsalOutcome;
    assert.ok('started' in started, JSON.stringify(started));
    assert.match(ui.titles[ui.titles.length - 1], /^“.+”$/);
    await until('the answer timer', () => /Answer 0[23]:\d\d/.test(api.kinds.status.text) || undefined);
    assert.ok(!vscode.window.tabGroups.all.flatMap((g) => g.tabs).some((t) => t.input instanceof vscode.TabInputText && t.input.uri.fsPath === incident), 'the story is still open');
    const shown = vscode.window.activeTextEditor!.document;
    assert.equal(shown.uri.scheme, 'drills-kinds');
    assert.match(shown.getText(), /## Situation/);
    assert.ok(!shown.getText().includes('40 million play starts'), 'the story\'s text is visible');
    await screenshot('story-rehearsal');

    // Cancelling the rating ends the rehearsal without a record; the next one is recorded.
    ui.answers.push('4', undefined);
    assert.deepEqual(await vscode.commands.executeCommand('drills.story.stopRehearsal'), { cancelled: 'rating' });
    assert.equal(api.kinds.rehearsals.current, undefined);
    assert.equal(api.kinds.status.text, '');
    assert.ok(!(await api.kinds.history.list()).entries.some((e) => e.kind === 'story'), 'a cancelled rehearsal was recorded');
    ui.answers.push('incident.md');
    assert.ok('started' in ((await vscode.commands.executeCommand('drills.story.rehearse')) as RehearsalOutcome));

    // Stop, rate, recorded.
    ui.answers.push('4', '3', '3', '2');
    assert.equal(REHEARSAL_RUBRIC.length, 4);
    const rated = (await vscode.commands.executeCommand('drills.story.stopRehearsal')) as RehearsalOutcome;
    assert.ok('recorded' in rated, JSON.stringify(rated));
    assert.equal(rated.recorded.score, 12);
    assert.equal(rated.recorded.storyType, 'incident');
    assert.equal(api.kinds.status.text, '');
    const { entries } = await api.kinds.history.list();
    assert.ok(entries.some((e) => e.kind === 'story' && e.record.askedAt === rated.recorded.askedAt));
  });
});
