// Offline launcher for the integration suite: code-server (VS Code in a browser, Node extension host)
// driven by Debian's headless Chromium through playwright-core. Used where VS Code cannot be downloaded.
//
// The browser has no exit code and takes no environment, so the suite writes its results into the
// workspace it opened: `<workspace>/.drills-test/results.json` (and `progress.log` line by line, which is
// followed here). After the suite, a UI smoke step opens the Drills view and saves a screenshot to
// test-results/drills-view.png.
//
// Usage: node scripts/test-offline.mjs   (env: DRILLS_TEST_TIMEOUT_MS, default 10 minutes)
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort, startCodeServer, tail, workbenchUrl } from './lib/code-server.mjs';
import { repoRoot, suiteEntry, testResultsDir } from './lib/paths.mjs';
import { ensureChromium, provisionCodeServer } from './lib/provision.mjs';
import { countsLine, follower, readResults, reportResults } from './lib/results.mjs';
import { newRunDir } from './lib/run-dir.mjs';

const require = createRequire(import.meta.url);
const TIMEOUT_MS = Number(process.env.DRILLS_TEST_TIMEOUT_MS || 10 * 60_000);
const SMOKE_TIMEOUT_MS = 90_000;
const VIEWPORT = { width: 1400, height: 900 };
const BUILT_IN_PACK_NAME = 'Drills Starter Pack';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  // This machine's network is closed: without these Chromium keeps trying to reach Google's hosts.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const log = (line) => console.log(line);

/** Everything started here, stopped on every way out (including Ctrl-C and SIGTERM). */
const running = { server: null, browser: null };
async function stopAll() {
  const { server, browser } = running;
  running.server = running.browser = null;
  await Promise.allSettled([browser?.close(), server?.stopAndWait()]);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping code-server and Chromium`);
    void stopAll().finally(() => process.exit(130));
  });
}
process.on('exit', () => running.server?.stop());

/** The extension hosts' own logs and the Drills channel, under the profile's logs folder. */
function extensionHostLogs(userDataDir) {
  const logs = path.join(userDataDir, 'logs');
  if (!fs.existsSync(logs)) return [];
  return fs
    .readdirSync(logs, { recursive: true })
    .map(String)
    .filter((f) => /(^|\/)(remoteexthost|Drills)\.log$/.test(f))
    .sort()
    .map((f) => path.join(logs, f));
}

/** Prints the end of each log, for a failure that happened outside the suite. */
function dumpLogs(files) {
  for (const file of files) console.log(`\n--- ${path.relative(repoRoot, file)} (last lines) ---\n${tail(file, 60)}`);
}

/** Waits for results.json, forwarding progress lines; returns the results or a reason there are none. */
async function waitForResults({ resultsFile, progressFile, server, page }) {
  const follow = follower(progressFile);
  const until = Date.now() + TIMEOUT_MS;
  let crashed = false;
  page.on('crash', () => (crashed = true));
  // The extension host reports a suite that throws (or cannot load) as an error whose stack runs through its
  // test runner; without this the launcher would wait for the whole timeout.
  let suiteError = null;
  page.on('console', (m) => {
    if (!suiteError && m.type() === 'error' && /\$extensionTestsExecute|_doHandleExtensionTests/.test(m.text())) suiteError = { text: m.text(), at: Date.now() };
  });
  for (;;) {
    follow();
    const results = readResults(resultsFile);
    if (results) return { results };
    // A failing suite rejects after writing its results: give the file a moment before calling it a crash.
    if (suiteError && Date.now() - suiteError.at > 5000) {
      return { reason: `the suite stopped with an error before writing results:\n${suiteError.text.replace(/^%c\s+\w+ color: #\w+ /, '').split('\n').slice(0, 12).join('\n')}` };
    }
    if (server.exited()) return { reason: `code-server exited (${server.exited().code ?? server.exited().signal}) before the suite finished` };
    if (crashed) return { reason: 'the browser page crashed before the suite finished' };
    if (Date.now() > until) return { reason: `the suite did not finish within ${TIMEOUT_MS / 60_000} minutes` };
    await sleep(500);
  }
}

/** Appends the browser console of every page in the context to a file. */
function recordConsole(context, file) {
  context.on('console', (m) => fs.appendFileSync(file, `[${m.type()}] ${m.text()}\n`));
  context.on('weberror', (e) => fs.appendFileSync(file, `[pageerror] ${e.error().stack ?? e.error().message}\n`));
}

/** Opens the Drills view in a fresh window of the extension under development and saves a screenshot. */
async function uiSmoke({ browser, server, folder, screenshot, consoleLog }) {
  // A context of its own: nothing remembered from the suite's window, so the view starts closed.
  const context = await browser.newContext({ viewport: VIEWPORT });
  recordConsole(context, consoleLog);
  const page = await context.newPage();
  try {
    await page.goto(workbenchUrl(server.origin, { folder, extensionPath: repoRoot }));
    await page.locator('.monaco-workbench').waitFor({ timeout: SMOKE_TIMEOUT_MS });
    // As a person would: click the Drills icon in the activity bar (the view starts closed).
    await page.locator('.part.activitybar [aria-label^="Drills"]').first().click({ timeout: SMOKE_TIMEOUT_MS });
    await page.locator('.part.sidebar .monaco-list-row', { hasText: BUILT_IN_PACK_NAME }).first().waitFor({ timeout: SMOKE_TIMEOUT_MS });
    // Let the expanded pack render its topics and the hover fade, for a screenshot worth looking at.
    await page.mouse.move(800, 600);
    await sleep(1500);
  } finally {
    fs.mkdirSync(path.dirname(screenshot), { recursive: true });
    await page.screenshot({ path: screenshot }).catch(() => undefined);
    await context.close();
  }
}

async function main() {
  if (!fs.existsSync(suiteEntry)) throw new Error(`${path.relative(repoRoot, suiteEntry)} is missing: run \`npm run build\` first.`);
  const chromiumPath = ensureChromium(log);
  const install = await provisionCodeServer(log);

  const { dir: runDir, workspace, userDataDir, extensionsDir } = newRunDir('offline');
  // The suite writes here when no environment variable says otherwise (test/integration/index.ts).
  const outDir = path.join(workspace, '.drills-test');
  const resultsFile = path.join(outDir, 'results.json');
  const progressFile = path.join(outDir, 'progress.log');
  const consoleLog = path.join(runDir, 'browser-console.log');
  const port = await freePort();

  log(`Starting code-server on 127.0.0.1:${port} (run folder ${path.relative(repoRoot, runDir)})`);
  const server = (running.server = await startCodeServer({
    install,
    port,
    userDataDir,
    extensionsDir,
    folder: workspace,
    logFile: path.join(runDir, 'code-server.log'),
  }));

  const { chromium } = require('playwright-core');
  const browser = (running.browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS }));
  const context = await browser.newContext({ viewport: VIEWPORT });
  recordConsole(context, consoleLog);
  const page = await context.newPage();
  log('Running the integration suite in the extension host:');
  await page.goto(workbenchUrl(server.origin, { folder: workspace, extensionPath: repoRoot, testsPath: suiteEntry }));

  const { results, reason } = await waitForResults({ resultsFile, progressFile, server, page });
  if (!results) {
    console.log(`\nThe integration suite did not run to the end: ${reason}.`);
    dumpLogs([server.logFile, ...extensionHostLogs(userDataDir), consoleLog]);
    console.log(`\n${countsLine({ passed: 0, failed: 1, pending: 0 })}`);
    return 1;
  }
  await page.close();

  // The UI smoke step counts as one more test.
  const screenshot = path.join(testResultsDir, 'drills-view.png');
  const smokeTitle = `UI smoke: the Drills view lists "${BUILT_IN_PACK_NAME}"`;
  try {
    await uiSmoke({ browser, server, folder: workspace, screenshot, consoleLog });
    results.passed++;
    log(`  ✔ ${smokeTitle} (screenshot: ${path.relative(repoRoot, screenshot)})`);
  } catch (e) {
    results.failed++;
    results.failures.push({ title: smokeTitle, message: `${e.message}\n  screenshot: ${screenshot}`, stack: '' });
    log(`  ✘ ${smokeTitle}`);
    dumpLogs([consoleLog]);
  }
  return reportResults(results);
}

try {
  process.exitCode = await main();
} catch (e) {
  console.error(`\nThe offline integration launcher failed: ${e.message}`);
  console.log(`\n${countsLine({ passed: 0, failed: 1, pending: 0 })}`);
  process.exitCode = 1;
} finally {
  await stopAll();
}
