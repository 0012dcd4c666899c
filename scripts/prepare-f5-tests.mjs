// Prepares the "Extension Tests" launch configuration (.vscode/launch.json): a fresh copy of the fixture
// workspace at .vscode-test/f5/workspace, since the suite writes into the folder it opens.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixtureWorkspace, vscodeTestDir } from './lib/paths.mjs';

const target = path.join(vscodeTestDir, 'f5', 'workspace');
fs.rmSync(path.join(vscodeTestDir, 'f5'), { recursive: true, force: true });
fs.cpSync(fixtureWorkspace, target, { recursive: true });
console.log(`Test workspace ready: ${target}`);
