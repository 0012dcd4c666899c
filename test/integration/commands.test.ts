import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { drillsApi } from './drillsHelpers';

/** The command ids package.json contributes, read from disk. */
function contributedCommands(extensionPath: string): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(extensionPath, 'package.json'), 'utf8')) as { contributes: { commands: { command: string }[] } };
  return manifest.contributes.commands.map((c) => c.command);
}

describe('Commands: one table, registered before anything is restored', () => {
  it('the registered table holds exactly the commands of package.json', async () => {
    const { api, extensionPath } = await drillsApi();
    assert.deepEqual([...api.commandIds()].sort(), contributedCommands(extensionPath).sort());
  });

  it('when restoring history fails, every command stays registered and a session command says why it cannot run', async () => {
    const { api, extensionPath } = await drillsApi();
    // A storage folder whose `attempts` is a file: opening the history fails as a damaged disk would make it.
    const broken = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-broken-storage-'));
    fs.writeFileSync(path.join(broken, 'attempts'), 'not a folder');
    const errorsBefore = api.logErrors().length;
    try {
      await assert.rejects(api.reloadSession({ storageDir: broken }));
      assert.throws(() => api.session, /No drill session/);
      assert.match(api.logErrors().slice(errorsBefore).join('\n'), /could not be restored from history/);
      const registered = new Set(await vscode.commands.getCommands(true));
      assert.deepEqual(contributedCommands(extensionPath).filter((id) => !registered.has(id)), [], 'contributed but not registered');
      // A session command runs and answers, rather than "command not found".
      assert.equal(await vscode.commands.executeCommand('drills.showHistory'), undefined);
      assert.equal(await vscode.commands.executeCommand('drills.pauseTimer'), undefined);
    } finally {
      await api.reloadSession();
      fs.rmSync(broken, { recursive: true, force: true });
    }
    // Restored again: the same registrations reach the new session.
    assert.ok(api.session.session.history);
    assert.equal(await vscode.commands.executeCommand('drills.revealHint'), undefined);
  });
});
