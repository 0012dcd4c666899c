// Paths every launcher shares.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository (extension) root: two levels above this file. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Per-run folders of the launchers (git-ignored). */
export const vscodeTestDir = path.join(repoRoot, '.vscode-test');
/** Screenshots and other artefacts a person looks at (git-ignored). */
export const testResultsDir = path.join(repoRoot, 'test-results');
/** The workspace the integration suite opens (copied per run, never written in place). */
export const fixtureWorkspace = path.join(repoRoot, 'test', 'fixtures', 'workspace');
/** The suite's entry point, as built by esbuild.js. */
export const suiteEntry = path.join(repoRoot, 'out', 'test', 'integration', 'index.js');
