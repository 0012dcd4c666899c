import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DrillsApi } from '../../src/vscode/extension';

const EXTENSION_ID = 'drills.drills';

interface Manifest {
  publisher: string;
  name: string;
  contributes: { commands?: { command: string }[]; views?: Record<string, { id: string }[]> };
}

/** The extension under test, activated; fails the test when it is not installed. */
async function activated(): Promise<{ ext: vscode.Extension<DrillsApi>; api: DrillsApi }> {
  const ext = vscode.extensions.getExtension<DrillsApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
  const api = await ext.activate();
  return { ext, api };
}

/** package.json read from disk, so commands added later are covered without touching this file. */
function manifestOf(ext: vscode.Extension<unknown>): Manifest {
  return JSON.parse(fs.readFileSync(path.join(ext.extensionPath, 'package.json'), 'utf8')) as Manifest;
}

describe('Activation', () => {
  it('the extension id is publisher.name from package.json', async () => {
    const { ext } = await activated();
    const manifest = manifestOf(ext);
    assert.equal(`${manifest.publisher}.${manifest.name}`, EXTENSION_ID);
  });

  it('the extension activates and hands back its API', async () => {
    const { ext, api } = await activated();
    assert.equal(ext.isActive, true);
    assert.equal(typeof api?.logErrors, 'function', 'activate() should return { logErrors }');
  });

  it('activation logs no error', async () => {
    const { api } = await activated();
    assert.deepEqual(api.logErrors(), []);
  });

  it('every command contributed in package.json is registered', async () => {
    const { ext } = await activated();
    const contributed = (manifestOf(ext).contributes.commands ?? []).map((c) => c.command);
    assert.ok(contributed.length > 0, 'package.json contributes no command');
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(contributed.filter((c) => !registered.has(c)), [], 'contributed but not registered');
  });
});

describe('The Drills view', () => {
  it('the Drills container and its Problem Packs view can be focused', async () => {
    const { ext } = await activated();
    const views = manifestOf(ext).contributes.views?.drills ?? [];
    assert.ok(views.some((v) => v.id === 'drills.problems'), 'package.json has no drills.problems view');
    await vscode.commands.executeCommand('workbench.view.extension.drills');
    await vscode.commands.executeCommand('drills.problems.focus');
  });

  it('refreshing the packs logs no error', async () => {
    const { api } = await activated();
    await vscode.commands.executeCommand('drills.refresh');
    assert.deepEqual(api.logErrors(), []);
  });
});
