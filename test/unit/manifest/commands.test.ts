import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMMAND_IDS, Commands, KindCommands, SESSION_COMMANDS } from '../../../src/vscode/constants';

interface Manifest {
  contributes: { commands: { command: string; category?: string }[]; menus: Record<string, { command?: string }[]> };
}

const manifest = JSON.parse(fs.readFileSync(path.resolve('package.json'), 'utf8')) as Manifest;

describe('manifest: the command table', () => {
  it('the command ids are exactly the commands package.json contributes, each once', () => {
    const contributed = manifest.contributes.commands.map((c) => c.command);
    assert.equal(new Set(COMMAND_IDS).size, COMMAND_IDS.length, 'an id is listed twice');
    assert.deepEqual([...COMMAND_IDS].sort(), [...contributed].sort());
    assert.equal(COMMAND_IDS.length, Object.keys(Commands).length + Object.keys(KindCommands).length);
  });

  it('every menu entry names a command of the table', () => {
    const known = new Set<string>(COMMAND_IDS);
    for (const [menu, entries] of Object.entries(manifest.contributes.menus)) {
      for (const entry of entries) if (entry.command) assert.ok(known.has(entry.command), `${menu}: ${entry.command} is not a command of the table`);
    }
  });

  it('the session\'s commands are commands of the table', () => {
    for (const id of SESSION_COMMANDS) assert.ok((COMMAND_IDS as readonly string[]).includes(id), id);
  });
});
