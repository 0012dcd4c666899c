// Packaged-extension check: builds the .vsix with vsce, installs it into a fresh code-server with
// `--install-extension` (as a user would install a downloaded .vsix), opens the workbench in headless
// Chromium, clicks the Drills icon and waits for the built-in pack's row. Saves
// test-results/vsix-view.png and checks that the package holds no reference or known-wrong solutions.
// Ends with `N passed, N failed` and a non-zero exit on any failure.
//
// Usage: node scripts/test-vsix.mjs   (after `npm run build`; it runs `npm run package` itself)
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { freePort, startCodeServer, tail } from './lib/code-server.mjs';
import { repoRoot, testResultsDir } from './lib/paths.mjs';
import { ensureChromium, provisionCodeServer } from './lib/provision.mjs';
import { newRunDir } from './lib/run-dir.mjs';

const require = createRequire(import.meta.url);
const TIMEOUT_MS = 120_000;
const BUILT_IN_PACK_NAME = 'Drills Starter Pack';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const results = [];

function record(title, error) {
  results.push({ title, error });
  console.log(error ? `  ✘ ${title}\n      ${String(error.message ?? error).split('\n').join('\n      ')}` : `  ✔ ${title}`);
}

async function main() {
  const vsix = path.join(repoRoot, 'drills.vsix');
  fs.rmSync(vsix, { force: true });
  execFileSync('npm', ['run', '--silent', 'package'], { cwd: repoRoot, stdio: 'inherit' });

  const listing = spawnSync('unzip', ['-Z1', vsix], { encoding: 'utf8' });
  const files = listing.status === 0 ? listing.stdout.split('\n').filter(Boolean) : [];
  const leaked = files.filter((f) => /\/problems\/[^/]+\/(solutions|wrong)\//.test(f) || f.includes('/_tools/') || f.endsWith('.map'));
  const needed = ['extension/out/extension.js', 'extension/out/cli.js', 'extension/out/sucrase.js', 'extension/out/harness/node-harness.js', 'extension/out/harness/py_harness.py', 'extension/problems/drills-pack.yaml'];
  const missing = listing.status === 0 ? needed.filter((f) => !files.includes(f)) : ['(unzip failed: is unzip installed?)'];
  record('the .vsix holds what runs and no reference or known-wrong solutions', leaked.length || missing.length ? new Error(`missing: ${missing.join(', ') || 'none'}; should not ship: ${leaked.slice(0, 5).join(', ') || 'none'}`) : undefined);

  const chromiumPath = ensureChromium();
  const install = await provisionCodeServer();
  const { dir, workspace, userDataDir, extensionsDir } = newRunDir('vsix');
  const installed = spawnSync(install.node, [install.entry, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix], { encoding: 'utf8' });
  record('code-server installs the .vsix with --install-extension', installed.status === 0 && /successfully installed/i.test(installed.stdout) ? undefined : new Error(`${installed.stdout}\n${installed.stderr}`));

  const port = await freePort();
  const server = await startCodeServer({ install, port, userDataDir, extensionsDir, folder: workspace, logFile: path.join(dir, 'code-server.log'), disableExtensions: false });
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  const screenshot = path.join(testResultsDir, 'vsix-view.png');
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    try {
      await page.goto(`${server.origin}/?folder=${encodeURIComponent(workspace)}`);
      await page.locator('.monaco-workbench').waitFor({ timeout: TIMEOUT_MS });
      await page.locator('.part.activitybar [aria-label^="Drills"]').first().click({ timeout: TIMEOUT_MS });
      await page.locator('.part.sidebar .monaco-list-row', { hasText: BUILT_IN_PACK_NAME }).first().waitFor({ timeout: TIMEOUT_MS });
      record(`the installed extension shows "${BUILT_IN_PACK_NAME}" in the Drills view`);
    } catch (e) {
      record(`the installed extension shows "${BUILT_IN_PACK_NAME}" in the Drills view`, new Error(`${e.message}\ncode-server log:\n${tail(server.logFile, 30)}`));
    } finally {
      fs.mkdirSync(testResultsDir, { recursive: true });
      await page.screenshot({ path: screenshot }).catch(() => undefined);
    }
  } finally {
    await browser.close().catch(() => undefined);
    await server.stopAndWait();
  }
}

try {
  await main();
} catch (e) {
  record('the packaged-extension check ran', e);
}
const failed = results.filter((r) => r.error).length;
console.log(`\n${results.length - failed} passed, ${failed} failed`);
process.exitCode = failed > 0 || results.length === 0 ? 1 : 0;
