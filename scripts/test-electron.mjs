// Desktop launcher for the integration suite: @vscode/test-electron downloads VS Code (cached outside the
// clone, next to the offline install) and runs the suite in its extension host. The suite writes its
// results to $DRILLS_TEST_OUTPUT_DIR, read here for the counts line.
//
// Usage: node scripts/test-electron.mjs   (env: DRILLS_VSCODE_VERSION, default "stable"; e.g. 1.95.0,
// the minimum in package.json's engines.vscode)
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fixtureWorkspace, repoRoot, suiteEntry } from './lib/paths.mjs';
import { outerCacheDir } from './lib/provision.mjs';
import { countsLine, readResults, reportResults } from './lib/results.mjs';
import { newRunDir } from './lib/run-dir.mjs';

const require = createRequire(import.meta.url);

async function main() {
  if (!fs.existsSync(suiteEntry)) throw new Error(`${path.relative(repoRoot, suiteEntry)} is missing: run \`npm run build\` first.`);
  if (process.platform === 'linux' && !process.env.DISPLAY) {
    throw new Error('No DISPLAY: run under a virtual display (`xvfb-run -a node scripts/test-electron.mjs`) or use DRILLS_TEST_LAUNCHER=offline.');
  }
  const { runTests } = require('@vscode/test-electron');
  const { dir: runDir, workspace, userDataDir, extensionsDir } = newRunDir('electron');
  const outDir = path.join(runDir, 'results');
  const version = process.env.DRILLS_VSCODE_VERSION || 'stable';
  console.log(`Running the integration suite in VS Code ${version} (run folder ${path.relative(repoRoot, runDir)}); workspace from ${path.relative(repoRoot, fixtureWorkspace)}`);
  let launchError = null;
  try {
    await runTests({
      version,
      cachePath: path.join(outerCacheDir(), 'vscode'),
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: suiteEntry,
      extensionTestsEnv: { DRILLS_TEST_OUTPUT_DIR: outDir },
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--user-data-dir', userDataDir,
        '--extensions-dir', extensionsDir,
      ],
    });
  } catch (e) {
    // runTests rejects when the suite failed too; the results file tells the two apart.
    launchError = e;
  }
  const results = readResults(path.join(outDir, 'results.json'));
  if (!results) {
    console.log(`\nThe integration suite did not run to the end: ${launchError?.message ?? 'VS Code exited without writing results'}.`);
    console.log(`\n${countsLine({ passed: 0, failed: 1, pending: 0 })}`);
    return 1;
  }
  return reportResults(results);
}

try {
  process.exitCode = await main();
} catch (e) {
  console.log(`\nThe desktop integration launcher failed: ${e.message}`);
  console.log(`\n${countsLine({ passed: 0, failed: 1, pending: 0 })}`);
  process.exitCode = 1;
}
