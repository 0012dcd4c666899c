// Packaged-extension check: builds the .vsix with vsce, installs it into code-server with `--install-extension`
// (as a user would install a downloaded .vsix), then opens the workbench in headless Chromium, in a trusted and in a
// restricted (untrusted) workspace, each time with a fresh profile: clicks the Drills icon, waits for the built-in
// pack's row and the problems under it, and fails on any "No tree item with id" in the logs (a redraw racing the
// view's expansion, which left the pack empty in one of two runs before the view redrew only rows that changed; the
// integration suite's tree test checks that cause on every run). Saves test-results/vsix-view-<mode>.png and checks
// that the package holds no reference or known-wrong solutions. Ends with `N passed, N failed` and a non-zero exit on
// any failure.
//
// Usage: node scripts/test-vsix.mjs   (it runs `npm run package` itself, which leaves the production build in out/)
//   DRILLS_VSIX_RUNS=1  how many windows per mode (trusted, restricted); more to hunt an intermittent failure, each
//                       window with a profile of its own
//   DRILLS_VSIX=<file>  check this .vsix, packaged earlier, instead of packaging one (`npm test` packages first, so
//                       that this check can run while other tests use the development build in out/)
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { CHROMIUM_ARGS, freshPage, screenshotOf } from './lib/browser.mjs';
import { freePort, RESTRICTED_USER_SETTINGS, startCodeServer, tail, TEST_USER_SETTINGS } from './lib/code-server.mjs';
import { repoRoot, testResultsDir } from './lib/paths.mjs';
import { ensureChromium, provisionCodeServer } from './lib/provision.mjs';
import { newRunDir } from './lib/run-dir.mjs';

const require = createRequire(import.meta.url);
const TIMEOUT_MS = 120_000;
const BUILT_IN_PACK_NAME = 'Drills Starter Pack';
/** A problem of the built-in pack: its row shows once the pack's rows under it are drawn. */
const BUILT_IN_PROBLEM = 'First Unique Title';
const RUNS = Number(process.env.DRILLS_VSIX_RUNS || 1);
/** What the extension host logs when the tree is redrawn while the view expands a row. */
const TREE_RACE = /No tree item with id/;
const results = [];

function record(title, error) {
  results.push({ title, error });
  console.log(error ? `  ✘ ${title}\n      ${String(error.message ?? error).split('\n').join('\n      ')}` : `  ✔ ${title}`);
}

async function main() {
  let vsix = path.join(repoRoot, 'drills.vsix');
  if (process.env.DRILLS_VSIX) {
    vsix = path.resolve(process.env.DRILLS_VSIX);
    if (!fs.existsSync(vsix)) throw new Error(`DRILLS_VSIX names ${vsix}, which does not exist.`);
  } else {
    fs.rmSync(vsix, { force: true });
    execFileSync('npm', ['run', '--silent', 'package'], { cwd: repoRoot, stdio: 'inherit' });
  }

  const listing = spawnSync('unzip', ['-Z1', vsix], { encoding: 'utf8' });
  const files = listing.status === 0 ? listing.stdout.split('\n').filter(Boolean) : [];
  const leaked = files.filter((f) => /\/problems\/[^/]+\/(solutions|wrong)\//.test(f) || f.includes('/_tools/') || f.endsWith('.map'));
  const needed = ['extension/out/extension.js', 'extension/out/cli.js', 'extension/out/sucrase.js', 'extension/out/harness/node-harness.js', 'extension/out/harness/py_harness.py', 'extension/problems/drills-pack.yaml'];
  const missing = listing.status === 0 ? needed.filter((f) => !files.includes(f)) : ['(unzip failed: is unzip installed?)'];
  record('the .vsix holds what runs and no reference or known-wrong solutions', leaked.length || missing.length ? new Error(`missing: ${missing.join(', ') || 'none'}; should not ship: ${leaked.slice(0, 5).join(', ') || 'none'}`) : undefined);

  const chromiumPath = ensureChromium();
  const install = await provisionCodeServer();
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  try {
    for (const [mode, settings] of [['trusted', TEST_USER_SETTINGS], ['restricted', RESTRICTED_USER_SETTINGS]]) {
      for (let run = 1; run <= RUNS; run++) await installedWindow({ install, browser, vsix, mode, settings, run });
    }
  } finally {
    await browser.close().catch(() => undefined);
  }
}

/** One fresh profile with the .vsix installed, one window: the Drills view lists the pack and its problems, no race logged. */
async function installedWindow({ install, browser, vsix, mode, settings, run }) {
  const title = `installed, ${mode}${RUNS > 1 ? ` (${run}/${RUNS})` : ''}: the Drills view lists "${BUILT_IN_PACK_NAME}" with its problems and logs no tree error`;
  const { dir, workspace, userDataDir, extensionsDir } = newRunDir(`vsix-${mode}`, settings);
  const installed = spawnSync(install.node, [install.entry, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix], { encoding: 'utf8' });
  if (installed.status !== 0 || !/successfully installed/i.test(installed.stdout)) {
    record(title, new Error(`code-server did not install the .vsix:\n${installed.stdout}\n${installed.stderr}`));
    return;
  }
  const server = await startCodeServer({ install, port: await freePort(), userDataDir, extensionsDir, folder: workspace, logFile: path.join(dir, 'code-server.log'), disableExtensions: false });
  const consoleLines = [];
  const { context, page } = await freshPage(browser, { onConsole: (line) => consoleLines.push(line) });
  let error;
  try {
    await page.goto(`${server.origin}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: TIMEOUT_MS });
    await page.locator('.part.activitybar [aria-label^="Drills"]').first().click({ timeout: TIMEOUT_MS });
    await page.locator('.part.sidebar .monaco-list-row', { hasText: BUILT_IN_PACK_NAME }).first().waitFor({ timeout: TIMEOUT_MS });
    await page.locator('.part.sidebar .monaco-list-row', { hasText: BUILT_IN_PROBLEM }).first().waitFor({ timeout: TIMEOUT_MS });
    // The extension has drawn its view from its history too once the Drills log says it activated.
    await waitForLog(userDataDir, /Drills activated/, TIMEOUT_MS);
  } catch (e) {
    error = new Error(`${e.message}\ncode-server log:\n${tail(server.logFile, 30)}`);
  } finally {
    if (run === 1) {
      fs.mkdirSync(testResultsDir, { recursive: true });
      await screenshotOf(page, path.join(testResultsDir, `vsix-view-${mode}.png`)).catch(() => undefined);
    }
    await context.close();
    await server.stopAndWait();
  }
  const raced = [...logLines(userDataDir), ...consoleLines].filter((l) => TREE_RACE.test(l));
  if (!error && raced.length > 0) error = new Error(`logged:\n${raced.slice(0, 3).join('\n')}`);
  record(title, error);
}

/** Every line of the profile's log files (extension host, window, Drills channel). */
function logLines(userDataDir) {
  const logs = path.join(userDataDir, 'logs');
  if (!fs.existsSync(logs)) return [];
  return fs
    .readdirSync(logs, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.log'))
    .flatMap((f) => fs.readFileSync(path.join(logs, f), 'utf8').split('\n'));
}

/** Resolves once a log line matches `pattern`; throws after `timeoutMs`. */
async function waitForLog(userDataDir, pattern, timeoutMs) {
  const until = Date.now() + timeoutMs;
  while (!logLines(userDataDir).some((l) => pattern.test(l))) {
    if (Date.now() > until) throw new Error(`no log line matched ${pattern} within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 300));
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
