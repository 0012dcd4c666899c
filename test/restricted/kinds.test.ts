import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { KindNode } from '../../src/vscode/kindsTree';
import type { SubmitOutcome } from '../../src/vscode/designDrill';
import { drillsApi, until, workspaceDir } from '../integration/drillsHelpers';

describe('Restricted Mode: design and story drills run no code and stay available', function () {
  this.timeout(60_000);

  it('starts a design drill, checks its gate, and creates and checks a story bank in an untrusted workspace', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the launcher must open this suite in an untrusted workspace');
    const { api } = await drillsApi();
    const node = api.kinds.tree.getChildren({ kind: 'group', group: 'design' }).find((n): n is Extract<KindNode, { kind: 'design' }> => n.kind === 'design');
    assert.ok(node, 'no design prompt listed');
    await vscode.commands.executeCommand('drills.design.start', node);
    const entry = api.kinds.design.current!;
    assert.ok(fs.existsSync(entry.documentPath));
    const refused = (await vscode.commands.executeCommand('drills.design.submit')) as SubmitOutcome;
    assert.equal(refused.accepted, false);
    assert.match(refused.message, /gate is closed/);
    await vscode.commands.executeCommand('drills.design.abandon');
    assert.equal(api.kinds.design.current!.state.stage, 'abandoned');

    const written = (await vscode.commands.executeCommand('drills.story.createBank')) as string[];
    assert.ok(written.includes(path.join(workspaceDir(), 'stories', 'incident.md')));
    const uri = vscode.Uri.file(path.join(workspaceDir(), 'stories', 'incident.md'));
    await vscode.workspace.openTextDocument(uri);
    await until('story diagnostics', () => vscode.languages.getDiagnostics(uri).some((d) => d.code === 'field-empty') || undefined);

    // The bank's own slogans: phrases are flagged, patterns (regular expressions from the workspace) are not run.
    fs.writeFileSync(path.join(workspaceDir(), 'stories', 'story-bank.yaml'), 'slogans:\n  - phrase: moonshot mindset\n    why: a phrase.\n  - phrase: zip top\n    pattern: "zz+top"\n    why: a pattern.\n');
    const conflict = vscode.Uri.file(path.join(workspaceDir(), 'stories', 'conflict.md'));
    const doc = await vscode.workspace.openTextDocument(conflict);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(conflict, doc.positionAt(doc.getText().indexOf('## Situation') + '## Situation'.length), '\n\nMoonshot mindset, and zzztop.\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(await doc.save());
    const slogans = await until('the bank slogan flagged', () => {
      const found = vscode.languages.getDiagnostics(conflict).filter((d) => d.code === 'slogan');
      return found.length > 0 ? found : undefined;
    });
    assert.deepEqual(slogans.map((d) => doc.getText(d.range).toLowerCase()), ['moonshot mindset']);
    fs.rmSync(path.join(workspaceDir(), 'stories'), { recursive: true, force: true });
    fs.rmSync(path.join(workspaceDir(), 'drills', 'design'), { recursive: true, force: true });
    if (fs.readdirSync(path.join(workspaceDir(), 'drills')).length === 0) fs.rmdirSync(path.join(workspaceDir(), 'drills'));
  });
});
