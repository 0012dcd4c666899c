// Offline launcher for the integration suite: code-server (VS Code in a browser, Node extension host)
// driven by Debian's headless Chromium through playwright-core. Used where VS Code cannot be downloaded.
//
// The browser has no exit code and takes no environment, so the suite writes its results into the
// workspace it opened: `<workspace>/.drills-test/results.json` (and `progress.log` line by line, which is
// followed here). While it runs, the suite asks for screenshots (test/integration/screenshots.ts), saved to
// test-results/. Then, each counted as a test:
// - a UI smoke step opens the Drills view and saves test-results/drills-view.png;
// - a UI drill step starts a drill through the command palette and its quick picks, submits a plan and runs the
//   hidden tests, with no API (test-results/start-drill.png); another starts one in a window with no folder;
// - a mock loop step walks a coding, a design and a behavioural round with their breaks, a dismissed pick picked up
//   again from the palette, the questions asked and the report (test-results/mock-loop-*.png);
// - a languages step starts Java (from the Drills view), C++ and Go drills with the language pick, writes the
//   reference solutions and runs them to a pass (test-results/language-pick.png, run-java.png, run-cpp.png, run-go.png);
// - a reload step: a short suite (test/reload) leaves a drill open, the window is opened again without a suite and
//   reloaded, and the timer in the status bar must show the time left by the drill's stored start
//   (test-results/timer.png);
// - the Restricted Mode suite (test/restricted) runs in a second code-server whose profile enables Workspace
//   Trust, so the workspace opens untrusted.
//
// Usage: node scripts/test-offline.mjs   (env: DRILLS_TEST_TIMEOUT_MS: how long the suite may report nothing, default 10 minutes)
// While working on one part: DRILLS_TEST_STEPS=suite,ui,loop,mock-loop,languages,no-folder,reload,restricted (a comma list; default all)
// runs only those, and DRILLS_TEST_GREP=<pattern> only the suite's tests whose title matches.
// DRILLS_TEST_FILES=tree,startDrill runs only those files of the main suite (and, unless DRILLS_TEST_STEPS says
// otherwise, only the suite step); DRILLS_TEST_SHUFFLE=<seed>|random runs the suite files in a shuffled order, the
// seed printed so the order can be run again. Both reach the extension host through code-server's environment.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CHROMIUM_ARGS, draw, drawnOf, freshPage, screenshotOf, VIEWPORT } from './lib/browser.mjs';
import { freePort, RESTRICTED_USER_SETTINGS, startCodeServer, tail, workbenchUrl } from './lib/code-server.mjs';
import { repoRoot, suiteEntry, testResultsDir } from './lib/paths.mjs';
import { ensureChromium, provisionCodeServer } from './lib/provision.mjs';
import { countsLine, follower, readResults, reportResults } from './lib/results.mjs';
import { newRunDir } from './lib/run-dir.mjs';

const require = createRequire(import.meta.url);
const TIMEOUT_MS = Number(process.env.DRILLS_TEST_TIMEOUT_MS || 10 * 60_000);
const SMOKE_TIMEOUT_MS = 90_000;
/** How often a file on disk is checked for what a step waits for (results, a save): cheap, and each wait ends sooner. */
const POLL_MS = 50;
const RELOAD_SUITE = path.join(repoRoot, 'out', 'test', 'reload', 'index.js');
const RESTRICTED_SUITE = path.join(repoRoot, 'out', 'test', 'restricted', 'index.js');
/** The Restricted Mode pass: Workspace Trust on, no prompt, so the folder simply opens untrusted. */
const RESTRICTED_SETTINGS = RESTRICTED_USER_SETTINGS;
/** How far the timer read off the status bar may be from the one computed from the stored start, in ms. */
const TIMER_TOLERANCE_MS = 5000;
/** The timer's text in the status bar: the phase and its time left, then the total left (`code 18:41 · 23:41`). */
const TIMER_TEXT = /(clarify|plan|code|test) \d+:\d\d/;
/** The problem the UI flow starts: one no suite starts, so no earlier attempt asks to be resumed. */
const UI_PROBLEM = { id: 'merge-viewing-sessions', title: 'Merge Viewing Sessions' };
const UI_NO_FOLDER_PROBLEM = { id: 'title-edit-distance', title: 'Title Edit Distance' };
const BUILT_IN_PACK_NAME = 'Drills Starter Pack';

const log = (line) => console.log(line);

/** The steps asked for in DRILLS_TEST_STEPS; every step when it is unset, only the suite when DRILLS_TEST_FILES picks files of it. */
const STEPS = (process.env.DRILLS_TEST_STEPS || (process.env.DRILLS_TEST_FILES ? 'suite' : '')).split(',').map((x) => x.trim()).filter(Boolean);
const wanted = (step) => STEPS.length === 0 || STEPS.includes(step);
// The reload and Restricted Mode suites share the runner, and the file names picked are the main suite's.
if (process.env.DRILLS_TEST_FILES && (wanted('reload') || wanted('restricted'))) {
  console.error('DRILLS_TEST_FILES picks files of the main suite: run it with DRILLS_TEST_STEPS=suite (or other steps than reload and restricted).');
  process.exit(2);
}

/** Everything started here, stopped on every way out (including Ctrl-C and SIGTERM). */
const running = { servers: new Set(), browser: null };
async function stopAll() {
  const { servers, browser } = running;
  running.servers = new Set();
  running.browser = null;
  await Promise.allSettled([browser?.close(), ...[...servers].map((s) => s.stopAndWait())]);
}
/** Starts a code-server that stopAll ends. */
async function startServer(options) {
  const server = await startCodeServer(options);
  running.servers.add(server);
  return server;
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping code-server and Chromium`);
    void stopAll().finally(() => process.exit(130));
  });
}
process.on('exit', () => running.servers.forEach((s) => s.stop()));

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
function dumpLogs(files, print = log) {
  for (const file of files) print(`\n--- ${path.relative(repoRoot, file)} (last lines) ---\n${tail(file, 60)}`);
}

/** Waits for results.json, forwarding progress lines; returns the results or a reason there are none. */
async function waitForResults({ resultsFile, progressFile, server, page, screenshotsDir, print }) {
  const follow = follower(progressFile, print);
  // A deadline on progress, not on the whole suite: a busy machine slows every test, and mocha times each one out.
  let until = Date.now() + TIMEOUT_MS;
  let crashed = false;
  page.on('crash', () => (crashed = true));
  // The extension host reports a suite that throws (or cannot load) as an error whose stack runs through its
  // test runner; without this the launcher would wait for the whole timeout.
  let suiteError = null;
  page.on('console', (m) => {
    if (!suiteError && m.type() === 'error' && /\$extensionTestsExecute|_doHandleExtensionTests/.test(m.text())) suiteError = { text: m.text(), at: Date.now() };
  });
  for (;;) {
    if (follow() > 0) until = Date.now() + TIMEOUT_MS;
    if (screenshotsDir) await takeRequestedScreenshots(page, screenshotsDir);
    const results = readResults(resultsFile);
    if (results) return { results };
    // A failing suite rejects after writing its results: give the file a moment before calling it a crash.
    if (suiteError && Date.now() - suiteError.at > 5000) {
      return { reason: `the suite stopped with an error before writing results:\n${suiteError.text.replace(/^%c\s+\w+ color: #\w+ /, '').split('\n').slice(0, 12).join('\n')}` };
    }
    if (server.exited()) return { reason: `code-server exited (${server.exited().code ?? server.exited().signal}) before the suite finished` };
    if (crashed) return { reason: 'the browser page crashed before the suite finished' };
    if (Date.now() > until) return { reason: `the suite reported nothing for ${TIMEOUT_MS / 60_000} minutes` };
    // Often: a screenshot the suite asked for holds it up until taken.
    await sleep(POLL_MS);
  }
}

/** Serves the suite's screenshot requests (test/integration/screenshots.ts): `<name>.request` → test-results/<name>.png. */
async function takeRequestedScreenshots(page, dir) {
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.request'))) {
    const file = path.join(dir, name);
    let outcome = 'ok';
    try {
      const request = JSON.parse(fs.readFileSync(file, 'utf8'));
      await page.evaluate(draw, 'shown');
      if (request.waitFor) await page.locator(request.waitFor).first().waitFor({ timeout: 30_000 });
      // Let the layout settle (lenses, peek views and hovers animate in).
      await settled(page);
      await page.mouse.move(VIEWPORT.width - 10, VIEWPORT.height - 10);
      fs.mkdirSync(testResultsDir, { recursive: true });
      const target = path.join(testResultsDir, `${request.name}.png`);
      await page.screenshot({ path: target });
      log(`  (screenshot: ${path.relative(repoRoot, target)})`);
    } catch (e) {
      outcome = e.message.split('\n')[0];
    }
    await page.evaluate(draw, drawnOf(page)).catch(() => undefined);
    fs.rmSync(file, { force: true });
    // Whole or not at all: the suite polls for the file and must never read it half written.
    const done = file.replace(/\.request$/, '.done');
    fs.writeFileSync(`${done}.tmp`, outcome);
    fs.renameSync(`${done}.tmp`, done);
  }
}

/**
 * Runs one suite (`testsPath`) in a fresh browser context on `workspace`; resolves with its results, or a reason
 * there are none (after printing the logs that may say why).
 */
async function runSuite({ browser, server, workspace, testsPath, userDataDir, consoleLog, screenshots = false, print = log }) {
  const outDir = path.join(workspace, '.drills-test');
  const resultsFile = path.join(outDir, 'results.json');
  const progressFile = path.join(outDir, 'progress.log');
  const screenshotsDir = path.join(outDir, 'screenshots');
  for (const f of [resultsFile, progressFile]) fs.rmSync(f, { force: true });
  fs.rmSync(screenshotsDir, { recursive: true, force: true });
  if (screenshots) fs.mkdirSync(screenshotsDir, { recursive: true });
  const { context, page } = await openPage(browser, consoleLog, 'hidden');
  try {
    await page.goto(workbenchUrl(server.origin, { folder: workspace, extensionPath: repoRoot, testsPath }));
    const outcome = await waitForResults({ resultsFile, progressFile, server, page, screenshotsDir: screenshots ? screenshotsDir : undefined, print });
    if (!outcome.results) dumpLogs([server.logFile, ...extensionHostLogs(userDataDir), consoleLog], print);
    return outcome;
  } finally {
    await context.close();
  }
}

/** Opens the command palette afresh and types a command's title into it. */
async function typeInPalette(page, title) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ timeout: 10_000 });
  // Shown a moment ago: an input that is gone again was closed by a view or editor taking the focus (the caller retries).
  await input.fill(`>${title}`, { timeout: 5000 });
}

/** Runs a command from the command palette, as a person would; retries while the palette does not list it yet. */
async function runFromPalette(page, title) {
  const until = Date.now() + SMOKE_TIMEOUT_MS;
  for (;;) {
    const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
    try {
      // Inside the retry: a view or editor the previous command reveals can close the palette while it is typed in.
      await typeInPalette(page, title);
      await row.waitFor({ timeout: 3000 });
      await clickRow(page, row);
      return;
    } catch (e) {
      if (Date.now() > until) throw new Error(`the command palette never listed "${title}"`, { cause: e });
    }
  }
}

/** Whether the command palette lists a command now (a `when` clause hides it otherwise). */
async function paletteLists(page, title) {
  await typeInPalette(page, title);
  // The palette filters as it is typed: its answer is the command's row, or, when no command has that title, its
  // "No matching commands" or the "similar commands" it offers instead.
  const rows = page.locator('.quick-input-widget .monaco-list-row', { hasText: title });
  const none = page.locator('.quick-input-widget', { hasText: /No matching commands|similar commands/ });
  await rows.or(none).first().waitFor({ timeout: 5000 }).catch(() => undefined);
  const listed = (await rows.count()) > 0;
  await page.keyboard.press('Escape');
  return listed;
}

/** Types `text` into the open quick pick and picks the first row showing every one of `shows` (default: the text). */
async function pickInQuickPick(page, text, shows = [text]) {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ timeout: 30_000 });
  await input.fill(text, { timeout: 10_000 });
  let rows = page.locator('.quick-input-widget .monaco-list-row');
  for (const part of shows) rows = rows.filter({ hasText: part });
  const row = rows.first();
  await row.waitFor({ timeout: 30_000 });
  await clickRow(page, row);
}

/**
 * Clicks a quick input's row as a person would. The pointer resting on a row for a moment shows a hover over it (a
 * quick pick row's description), and the hover then takes every click aimed at the row: the pointer left where the
 * last pick was clicked rests on the next quick pick's first row, and on a busy machine a click that had to wait (the
 * list still filtering) meets one. So the pointer is moved away first, which closes any hover, and again before each
 * new try. A quick input that closed meanwhile (a view or editor a command reveals takes the focus) is an error at
 * once, for the caller to open it again, rather than a row waited for until the timeout.
 */
async function clickRow(page, row, timeout = 30_000) {
  const until = Date.now() + timeout;
  for (;;) {
    await page.mouse.move(VIEWPORT.width - 10, VIEWPORT.height - 10);
    try {
      await row.click({ timeout: Math.min(2000, Math.max(1, until - Date.now())) });
      return;
    } catch (e) {
      if (Date.now() >= until) throw e;
      if (!(await page.locator('.quick-input-widget').first().isVisible())) throw new Error('the quick input closed before its row was clicked', { cause: e });
    }
  }
}

/** A plan that passes the gate (the same sections as test/integration/sessionHelpers.ts's). */
const UI_PLAN = [
  '# Plan',
  '## 1. Problem restated',
  'Given viewing sessions as [start, end] pairs, merge the overlapping ones and return them sorted by start.',
  '## 2. Edge cases',
  'no sessions at all',
  'a single session',
  'sessions that only touch at an end',
  '## 3. Invariant',
  'The last merged session ends at the latest end seen among the sessions that start before the next one.',
  '## 4. Complexity',
  'Time: O(n log n), space: O(n)',
  '',
].join('\n');

/**
 * The drill loop through the real UI, no API: Start Drill from the command palette, the problem and the
 * language from its quick picks; the run command absent from the palette until the plan is submitted, then
 * present; the starter's run failing in the Testing view.
 */
async function uiDrillFlow({ browser, server, folder, consoleLog, opened }) {
  // A window on the folder: the one the smoke step left open (it opened the Drills view only), else a fresh one.
  const { context, page } = opened ?? (await openPage(browser, consoleLog));
  const shot = path.join(testResultsDir, 'start-drill.png');
  try {
    if (!opened) await page.goto(workbenchUrl(server.origin, { folder, extensionPath: repoRoot }));
    await page.locator('.monaco-workbench').waitFor({ timeout: SMOKE_TIMEOUT_MS });
    await runFromPalette(page, 'Drills: Start Drill');
    await pickInQuickPick(page, UI_PROBLEM.title);
    // Asked unless drills.defaultLanguage is set (the suites leave it unset).
    await pickInQuickPick(page, 'Python');
    await page.locator('.part.editor .tab', { hasText: 'solution.py' }).first().waitFor({ timeout: SMOKE_TIMEOUT_MS });
    // Beside it, the statement rendered (a locked Markdown preview).
    await page.locator('.part.editor .tab', { hasText: 'statement.md' }).first().waitFor({ timeout: SMOKE_TIMEOUT_MS });
    await page.locator('.part.editor .tab', { hasText: 'PLAN.md' }).first().waitFor({ timeout: SMOKE_TIMEOUT_MS });
    await page.locator('.part.statusbar .statusbar-item', { hasText: /clarify \d+:\d\d · \d+:\d\d/ }).first().waitFor({ timeout: SMOKE_TIMEOUT_MS });
    await page.mouse.move(VIEWPORT.width - 10, VIEWPORT.height - 10);
    // The statement renders in a webview a moment after its tab shows: it is drawn once its text is in the frame.
    await previewText(page, UI_PROBLEM.title);
    await settled(page);
    fs.mkdirSync(testResultsDir, { recursive: true });
    await screenshotOf(page, shot);

    if (await paletteLists(page, 'Drills: Run Hidden Tests')) throw new Error('"Drills: Run Hidden Tests" is in the command palette before the plan');
    // The candidate opens the scaffolded PLAN.md with Go to File, replaces its text, saves and submits it.
    const plan = path.join(folder, 'drills', UI_PROBLEM.id, 'PLAN.md');
    if (!fs.existsSync(plan)) throw new Error(`no PLAN.md scaffolded at ${plan}`);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+P');
    await pickInQuickPick(page, `${UI_PROBLEM.id}/PLAN.md`, ['PLAN.md', UI_PROBLEM.id]);
    await page.locator('.part.editor .tab.active', { hasText: 'PLAN.md' }).first().waitFor({ timeout: 30_000 });
    await page.keyboard.press('Control+A');
    // Typed in one go, as a paste: no auto-closing or auto-indenting gets in the way.
    await page.keyboard.insertText(UI_PLAN);
    await page.keyboard.press('Control+S');
    const saved = Date.now() + 30_000;
    while (fs.readFileSync(plan, 'utf8') !== UI_PLAN) {
      if (Date.now() > saved) throw new Error('PLAN.md was not saved with the typed plan');
      await sleep(POLL_MS);
    }
    await runFromPalette(page, 'Drills: Submit Plan');
    await page.locator('.part.statusbar .statusbar-item', { hasText: /code \d+:\d\d/ }).first().waitFor({ timeout: SMOKE_TIMEOUT_MS });
    await runFromPalette(page, 'Drills: Run Hidden Tests');
    // The starter raises: the run fails, and the Testing view says so.
    // The accepted plan reveals the Testing view; the icon toggles the side bar, so it is clicked only when the view
    // is not showing. Forced: the icon's badge (tests running, then the failed count) covers its centre and takes
    // the click, which the icon's action handles all the same.
    if (!(await page.locator('.part.sidebar .composite.title', { hasText: 'Testing' }).first().isVisible())) await page.locator('.part.activitybar [aria-label^="Testing"]').first().click({ timeout: SMOKE_TIMEOUT_MS, force: true });
    await page.locator('.part.sidebar .monaco-list-row', { hasText: UI_PROBLEM.title }).first().waitFor({ timeout: SMOKE_TIMEOUT_MS });
    await page.locator('.part.sidebar .codicon-testing-failed-icon').first().waitFor({ timeout: SMOKE_TIMEOUT_MS });
    return `screenshot: ${path.relative(repoRoot, shot)}`;
  } catch (e) {
    await screenshotOf(page, path.join(testResultsDir, 'ui-drill-flow-failure.png')).catch(() => undefined);
    throw e;
  } finally {
    await context.close();
  }
}

/**
 * Start Drill in a window with no folder: it asks for one (VS Code's own folder dialog), writes the attempt there,
 * adds the folder (the window restarts as a workspace) and the restarted window opens the drill with its timer.
 */
async function uiNoFolderFlow({ browser, server, parent, consoleLog }) {
  const folder = fs.mkdtempSync(path.join(parent, 'no-folder-'));
  const { context, page } = await openPage(browser, consoleLog);
  // On a busy machine. In `npm test` the unit tests beside keep every core at work already; run alone, the step adds
  // one process per idle core (two on a 2-core machine) for its whole length.
  const idleCores = Math.max(0, Math.round(os.cpus().length - os.loadavg()[0]));
  const load = Array.from({ length: idleCores }, () => spawn('yes', [], { stdio: ['ignore', 'ignore', 'ignore'] }));
  try {
    await page.goto(workbenchUrl(server.origin, { extensionPath: repoRoot, emptyWindow: true }));
    await page.locator('.monaco-workbench').waitFor({ timeout: SMOKE_TIMEOUT_MS });
    const before = page.url();
    await runFromPalette(page, 'Drills: Start Drill');
    await pickInQuickPick(page, UI_NO_FOLDER_PROBLEM.title);
    // The folder dialog (a quick input in the browser): go to the folder, then its button takes it.
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await page.locator('.quick-input-widget', { hasText: 'Choose a folder for your attempts' }).first().waitFor({ timeout: 30_000 });
    // The dialog lists the folder once it got there: it is empty, so only "..". It may still be listing the home
    // folder it opened on and overwrite what was typed: type it again until it sticks.
    for (let attempt = 1; ; attempt++) {
      await input.fill(`${folder}/`);
      try {
        await page.waitForFunction(
          (typed) => {
            const value = document.querySelector('.quick-input-widget .quick-input-box input')?.value;
            const rows = [...document.querySelectorAll('.quick-input-widget .monaco-list-row')].map((r) => (r.textContent ?? '').trim());
            return value === typed && rows.length === 1 && rows[0].startsWith('..');
          },
          `${folder}/`,
          { timeout: 10_000 },
        );
        break;
      } catch (e) {
        if (attempt >= 3) throw new Error(`the folder dialog did not go to ${folder}`, { cause: e });
      }
    }
    // Its button takes the folder; the next question is the language (the dialog may still be settling: retry).
    const languageQuestion = page.locator('.quick-input-widget', { hasText: `Start ${UI_NO_FOLDER_PROBLEM.title}` }).first();
    const folderDialog = page.locator('.quick-input-widget', { hasText: 'Choose a folder for your attempts' }).first();
    for (let attempt = 1; ; attempt++) {
      await page.locator('.quick-input-widget .monaco-button', { hasText: 'Use for Drills' }).first().click({ timeout: 30_000 });
      try {
        await languageQuestion.waitFor({ timeout: 5000 });
        break;
      } catch (e) {
        if (!(await folderDialog.isVisible())) {
          // The folder was taken; the question is only slow to come.
          await languageQuestion.waitFor({ timeout: SMOKE_TIMEOUT_MS });
          break;
        }
        if (attempt >= 5) throw new Error('the folder dialog did not take the folder', { cause: e });
      }
    }
    await pickInQuickPick(page, 'JavaScript');
    const solution = path.join(folder, 'drills', UI_NO_FOLDER_PROBLEM.id, 'solution.js');
    const written = Date.now() + 30_000;
    while (!fs.existsSync(solution)) {
      if (Date.now() > written) throw new Error(`no starter written at ${solution}`);
      await sleep(POLL_MS);
    }
    // The window reopens on the chosen folder, and finishes the drill there.
    await page.waitForURL((url) => url.toString() !== before && url.searchParams.get('folder') === folder, { timeout: SMOKE_TIMEOUT_MS });
    await page.locator('.monaco-workbench').waitFor({ timeout: SMOKE_TIMEOUT_MS });
    await page.locator('.part.editor .tab', { hasText: 'solution.js' }).first().waitFor({ timeout: SMOKE_TIMEOUT_MS });
    await page.locator('.part.statusbar .statusbar-item', { hasText: /clarify \d+:\d\d · \d+:\d\d/ }).first().waitFor({ timeout: SMOKE_TIMEOUT_MS });
    return `attempt in ${path.relative(repoRoot, path.dirname(solution))}`;
  } catch (e) {
    await screenshotOf(page, path.join(testResultsDir, 'ui-no-folder-failure.png')).catch(() => undefined);
    throw e;
  } finally {
    for (const p of load) p.kill();
    await context.close();
  }
}

/** `mm:ss` or `h:mm:ss` → milliseconds. */
function parseClock(text) {
  return text.split(':').reduce((acc, part) => acc * 60 + Number(part), 0) * 1000;
}

/** The timer's text in the status bar (`code 18:41 · 23:41`), once the restored drill shows it; the total left. */
async function readStatusTimer(page) {
  const item = page.locator('.part.statusbar .statusbar-item', { hasText: TIMER_TEXT }).first();
  await item.waitFor({ timeout: SMOKE_TIMEOUT_MS });
  const text = (await item.innerText()).trim();
  const match = /(\w+) (\d+(?::\d\d){1,2})(?: · (\d+(?::\d\d){1,2}))?/.exec(text);
  if (!match) throw new Error(`unexpected timer text "${text}"`);
  return { text, remainingMs: parseClock(match[3] ?? match[2]), phase: match[1] };
}

/**
 * The reload step: the drill the hand-off suite left open must come back in a window opened without a suite, and
 * again after the page reloads, with the time left that its stored start gives (not reset, not frozen).
 */
async function reloadStep({ browser, server, workspace, consoleLog }) {
  const handOff = JSON.parse(fs.readFileSync(path.join(workspace, '.drills-test', 'reload.json'), 'utf8'));
  const { context, page } = await openPage(browser, consoleLog);
  const screenshot = path.join(testResultsDir, 'timer.png');
  try {
    await page.goto(workbenchUrl(server.origin, { folder: workspace, extensionPath: repoRoot }));
    const check = async (when) => {
      const shown = await readStatusTimer(page);
      const expected = handOff.endsAt - Date.now();
      // The status bar rounds up to the second and re-renders each second.
      if (Math.abs(shown.remainingMs - expected) > TIMER_TOLERANCE_MS) {
        throw new Error(`${when}: the status bar shows "${shown.text}" (${Math.round(shown.remainingMs / 1000)} s left), but the drill started for ${Math.round(expected / 1000)} s left`);
      }
      return shown;
    };
    const first = await check('after opening the window');
    // The timer must be seen to run across the reload: it shows seconds, so its text changes within a couple of them.
    await page.locator('.part.statusbar .statusbar-item', { hasText: TIMER_TEXT }).filter({ hasNotText: first.text }).first().waitFor({ timeout: 10_000 });
    await page.reload();
    await page.locator('.monaco-workbench').waitFor({ timeout: SMOKE_TIMEOUT_MS });
    const second = await check('after reloading the page');
    if (second.remainingMs >= first.remainingMs) throw new Error(`the timer did not run across the reload: "${first.text}" then "${second.text}"`);
    // For the screenshot: the Drills view beside, and the timer's tooltip (phases, mode) over the status bar.
    await page.locator('.part.activitybar [aria-label^="Drills"]').first().click({ timeout: 10_000 }).catch(() => undefined);
    await page.locator('.part.statusbar .statusbar-item', { hasText: TIMER_TEXT }).first().hover({ timeout: 10_000 }).catch(() => undefined);
    await page.locator('.monaco-hover, .workbench-hover').first().waitFor({ timeout: 5000 }).catch(() => undefined);
    await settled(page);
    return `${first.text} → reload → ${second.text}`;
  } finally {
    fs.mkdirSync(testResultsDir, { recursive: true });
    await screenshotOf(page, screenshot).catch(() => undefined);
    await context.close();
  }
}

/** Adds one step the launcher checks itself to the suite's results. */
async function countStep(results, title, step, logsOnFailure) {
  const began = Date.now();
  const took = () => `${Math.round((Date.now() - began) / 1000)} s`;
  try {
    const detail = await step();
    results.passed++;
    log(`  ✔ ${title} (${took()}${detail ? `; ${detail}` : ''})`);
  } catch (e) {
    results.failed++;
    results.failures.push({ title, message: e.message, stack: '' });
    log(`  ✘ ${title} (${took()}): ${e.message.split('\n')[0]}`);
    dumpLogs(logsOnFailure);
  }
}

/** A page of its own (see lib/browser.mjs `freshPage`), its console appended to `consoleLog`. */
function openPage(browser, consoleLog, drawn = 'transparent') {
  return freshPage(browser, { drawn, onConsole: (line) => fs.appendFileSync(consoleLog, `${line}\n`) });
}

/**
 * Resolves once nothing in the page is animating but what loops for ever (a blinking cursor, a spinner), two frames
 * later: lenses, peek views, hovers and fades are in place for a screenshot. Gives up after a few seconds.
 */
async function settled(page) {
  await page
    .waitForFunction(
      () =>
        document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity) &&
        new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(true)))),
      undefined,
      { timeout: 5000, polling: 100 },
    )
    .catch(() => undefined);
}

/** A rows locator: quick-input rows showing `text`. */
const quickRow = (page, text) => page.locator('.quick-input-widget .monaco-list-row', { hasText: text }).first();
/** The status bar item of the timer. */
const timerItem = (page, text = TIMER_TEXT) => page.locator('.part.statusbar .statusbar-item', { hasText: text }).first();

/**
 * Replaces the active editor's text as a paste would, saves, and waits until the file on disk has it. On a busy
 * machine the keys can reach the editor before it has the focus: then the editor of that file is clicked and the
 * paste done again (twice at most), as a person would.
 */
async function pasteAndSave(page, file, text) {
  const name = path.basename(file);
  for (let attempt = 1; ; attempt++) {
    if (attempt > 1) {
      await page.locator('.part.editor .tab.active', { hasText: name }).first().waitFor({ timeout: 30_000 });
      await page.locator('.part.editor .editor-group-container.active .monaco-editor .view-lines').first().click({ timeout: 30_000 });
    }
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(text);
    await page.keyboard.press('Control+S');
    const until = Date.now() + (attempt < 3 ? 15_000 : 30_000);
    while (fs.readFileSync(file, 'utf8') !== text) {
      if (Date.now() > until) break;
      await sleep(POLL_MS);
    }
    if (fs.readFileSync(file, 'utf8') === text) return;
    if (attempt === 3) throw new Error(`${name} was not saved with the typed text`);
  }
}

/** Opens a file of the workspace with Go to File, as a person would. */
async function goToFile(page, relative) {
  const name = path.basename(relative);
  await page.keyboard.press('Escape');
  const tab = page.locator('.part.editor .tab', { hasText: name }).first();
  if (await tab.isVisible()) await tab.click();
  else {
    await page.keyboard.press('Control+P');
    await pickInQuickPick(page, relative, [name, path.basename(path.dirname(relative))]);
  }
  await page.locator('.part.editor .tab.active', { hasText: name }).first().waitFor({ timeout: 30_000 });
  // The focus in the text, where typing goes.
  await page.locator('.part.editor .editor-group-container.active .monaco-editor .view-lines').first().click();
}

/** The text of the notification matching `pattern`, read in the notification centre (toasts hide on their own). */
async function notificationText(page, pattern) {
  await runFromPalette(page, 'Notifications: Show Notifications');
  const item = page.locator('.notifications-center .notification-list-item', { hasText: pattern }).first();
  const text = await item.innerText({ timeout: SMOKE_TIMEOUT_MS });
  // Closed again with the status bar's bell, as a person would.
  await page.locator('.part.statusbar .statusbar-item[id*="notifications"], .part.statusbar .codicon-bell, .part.statusbar .codicon-bell-dot').first().click({ timeout: 10_000 }).catch(() => page.keyboard.press('Escape'));
  await page.locator('.notifications-center.visible').waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
  return text;
}

/** Sets user settings as the settings editor would: the profile's settings.json, which the window watches. */
function setUserSettings(userDataDir, values) {
  const file = path.join(userDataDir, 'User', 'settings.json');
  const settings = { ...JSON.parse(fs.readFileSync(file, 'utf8')), ...values };
  for (const [k, v] of Object.entries(values)) if (v === undefined) delete settings[k];
  fs.writeFileSync(file, JSON.stringify(settings, null, 2));
}

/**
 * Settings of the machine the extension host runs on: code-server is a remote set-up, where a setting of machine
 * scope (`drills.toolchains`: paths on that machine) is read from these, not from the user's.
 */
function setMachineSettings(userDataDir, values) {
  const file = path.join(userDataDir, 'Machine', 'settings.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const settings = { ...(fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {}), ...values };
  for (const [k, v] of Object.entries(values)) if (v === undefined) delete settings[k];
  fs.writeFileSync(file, JSON.stringify(settings, null, 2));
}

/**
 * The loop as a newcomer walks it, through the UI only: the Drills view by difficulty; a TypeScript drill (no
 * "Cannot find name" in the Problems panel for a correct solution, Timer Actions in interview mode, the plan gate's
 * hand-off to the solution, a wrong answer's results, the solve and its "solved in"); a JavaScript drill in practice
 * mode (Pause offered and working); a mock of two problems whose language pick is dismissed (asked again), and whose
 * Finish Drill asks first. Screenshots: tree.png, result-panel.png, solved.png, mock.png.
 */
async function uiLoopWalk({ browser, server, folder, userDataDir, consoleLog }) {
  let { context, page } = await openPage(browser, consoleLog);
  const shots = [];
  const shot = async (name) => {
    await page.mouse.move(VIEWPORT.width - 10, VIEWPORT.height - 10);
    await settled(page);
    const file = path.join(testResultsDir, `${name}.png`);
    await screenshotOf(page, file);
    shots.push(path.relative(repoRoot, file));
  };
  try {
    // Typed text goes in as typed (Playwright types a whole text at once): no auto-indent, closing or suggestion
    // accepted on Enter, or the code would drift to the right.
    setUserSettings(userDataDir, EDITOR_AS_TYPED);
    await page.goto(workbenchUrl(server.origin, { folder, extensionPath: repoRoot }));
    await page.locator('.monaco-workbench').waitFor({ timeout: SMOKE_TIMEOUT_MS });
    fs.mkdirSync(testResultsDir, { recursive: true });

    // The Drills view: packs by difficulty, named apart from VS Code's Problems panel.
    await page.locator('.part.activitybar [aria-label^="Drills"]').first().click({ timeout: SMOKE_TIMEOUT_MS });
    // The container holds two views (Problem Packs, Design & Stories): each is named in its own section header.
    await page.locator('.part.sidebar .composite.title, .part.sidebar .pane-header', { hasText: 'Problem Packs' }).first().waitFor({ timeout: SMOKE_TIMEOUT_MS });
    for (const row of ['Easy', 'Medium', 'Hard', 'Genre Tree Depth']) await page.locator('.part.sidebar .monaco-list-row', { hasText: row }).first().waitFor({ timeout: SMOKE_TIMEOUT_MS });
    await shot('tree');

    // TypeScript, interview mode (the default).
    await runFromPalette(page, 'Drills: Start Drill');
    await pickInQuickPick(page, 'Genre Tree Depth');
    await pickInQuickPick(page, 'TypeScript');
    const dir = path.join(folder, 'drills', 'genre-tree-depth');
    const solution = path.join(dir, 'solution.ts');
    await page.locator('.part.editor .tab', { hasText: 'solution.ts' }).first().waitFor({ timeout: SMOKE_TIMEOUT_MS });
    await timerItem(page, /clarify \d+:\d\d · \d+:\d\d/).waitFor({ timeout: SMOKE_TIMEOUT_MS });
    // The start ends with PLAN.md opening (and taking the focus): wait for it, or it lands in the middle of what follows.
    await page.locator('.part.editor .tab', { hasText: 'PLAN.md' }).first().waitFor({ timeout: SMOKE_TIMEOUT_MS });
    // Timer Actions: a plain title, no Pause in interview mode.
    await timerItem(page).click();
    const title = (await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Genre Tree Depth ·' }).first().innerText({ timeout: 30_000 })).trim();
    if (title.includes('$(') || !title.includes('interview mode')) throw new Error(`Timer Actions title: "${title}"`);
    await quickRow(page, 'Reveal Next Hint').waitFor({ timeout: 30_000 });
    if ((await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Pause Timer' }).count()) > 0) throw new Error('Timer Actions offers Pause Timer in interview mode');
    await page.keyboard.press('Escape');

    // A correct solution: the Problems panel has nothing to say (after showing it does look: a deliberate error first).
    await goToFile(page, 'genre-tree-depth/solution.ts');
    const reference = fs.readFileSync(path.join(repoRoot, 'problems', 'genre-tree-depth', 'solutions', 'solution.ts'), 'utf8');
    await pasteAndSave(page, solution, `${reference}\nconst drillsProbe: number = 'text';\n`);
    await page.keyboard.press('Control+Shift+M');
    const markers = page.locator('.markers-panel');
    await markers.locator('.monaco-list-row', { hasText: 'not assignable' }).first().waitFor({ timeout: SMOKE_TIMEOUT_MS });
    await goToFile(page, 'genre-tree-depth/solution.ts');
    await pasteAndSave(page, solution, reference);
    await page.locator('.part.panel', { hasText: 'No problems have been detected' }).first().waitFor({ timeout: SMOKE_TIMEOUT_MS });

    // The plan, then the hand-off: the solution has the focus, the Testing view shows the cases.
    await goToFile(page, 'genre-tree-depth/PLAN.md');
    await pasteAndSave(page, path.join(dir, 'PLAN.md'), UI_PLAN);
    await runFromPalette(page, 'Drills: Submit Plan');
    await page.locator('.part.editor .tab.active', { hasText: 'solution.ts' }).first().waitFor({ timeout: SMOKE_TIMEOUT_MS });
    await page.locator('.part.sidebar .monaco-list-row', { hasText: 'Genre Tree Depth' }).first().waitFor({ timeout: SMOKE_TIMEOUT_MS });
    // A wrong answer: the result panel shows where it differs, the input and expected/got.
    const wrong = 'function genreTreeDepth(root: TreeNode | null): number {\n  let depth = 0;\n  for (let node = root; node !== null; node = node.left) depth++;\n  return depth;\n}\n';
    await goToFile(page, 'genre-tree-depth/solution.ts');
    await pasteAndSave(page, solution, wrong);
    await runFromPalette(page, 'Drills: Run Hidden Tests');
    await page.locator('.part.sidebar .codicon-testing-failed-icon').first().waitFor({ timeout: SMOKE_TIMEOUT_MS });
    // One count: the Testing view counts what the notification says (the cases, not the drill's root).
    const said = (await notificationText(page, /\d+\/\d+ hidden cases passed/)).match(/(\d+)\/(\d+) hidden cases passed/);
    const counted = (await page.locator('.part.sidebar').first().innerText()).match(/^\s*(\d+)\/(\d+)\s*$/m);
    if (!said || !counted || said[1] !== counted[1] || said[2] !== counted[2]) throw new Error(`the Testing view counts ${counted?.[0]?.trim()} where the run says ${said?.[0]}`);
    // The result panel: the failed case's message with the input beside expected and got.
    await typeInPalette(page, 'Focus on Test Results View');
    await clickRow(page, quickRow(page, 'Test Results'), 10_000);
    // A failed case's own message: where it differs, the input, expected and got.
    await page.locator('.part.panel .monaco-list-row', { hasText: 'Wrong answer' }).first().click({ timeout: 30_000 });
    await page.locator('.part.panel .monaco-list-row', { hasText: 'Input:' }).first().click({ timeout: 30_000 });
    await page.locator('.part.panel', { hasText: 'Expected:' }).first().waitFor({ timeout: 30_000 });
    await shot('result-panel');
    // The solve: results stay, "solved in" where the timer was and in a notification.
    await goToFile(page, 'genre-tree-depth/solution.ts');
    await pasteAndSave(page, solution, reference);
    await runFromPalette(page, 'Drills: Run Hidden Tests');
    await timerItem(page, /solved in \d\d:\d\d/).waitFor({ timeout: SMOKE_TIMEOUT_MS });
    await notificationText(page, /solved in \d\d:\d\d/);
    // The Testing view (the icon toggles the side bar: clicked only when the view is not already showing).
    if (!(await page.locator('.part.sidebar .composite.title', { hasText: 'Testing' }).first().isVisible())) await page.locator('.part.activitybar [aria-label^="Testing"]').first().click({ timeout: SMOKE_TIMEOUT_MS, force: true });
    await page.locator('.part.sidebar .monaco-list-row', { hasText: 'Genre Tree Depth' }).first().waitFor({ timeout: SMOKE_TIMEOUT_MS });
    await shot('solved');

    // JavaScript in practice mode (set before the window opens again, as after changing the setting and
    // reloading): Timer Actions offers Pause, and it pauses.
    await context.close();
    setUserSettings(userDataDir, { 'drills.mode': 'practice' });
    ({ context, page } = await openPage(browser, consoleLog));
    await page.goto(workbenchUrl(server.origin, { folder, extensionPath: repoRoot }));
    await page.locator('.monaco-workbench').waitFor({ timeout: SMOKE_TIMEOUT_MS });
    await runFromPalette(page, 'Drills: Start Drill');
    await pickInQuickPick(page, 'Longest Binge Streak');
    await pickInQuickPick(page, 'JavaScript');
    await page.locator('.part.editor .tab', { hasText: 'solution.js' }).first().waitFor({ timeout: SMOKE_TIMEOUT_MS });
    await page.locator('.part.editor .tab', { hasText: 'PLAN.md' }).first().waitFor({ timeout: SMOKE_TIMEOUT_MS });
    await timerItem(page, /clarify \d+:\d\d/).click({ timeout: SMOKE_TIMEOUT_MS });
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Longest Binge Streak ·' }).filter({ hasText: 'practice mode' }).first().waitFor({ timeout: 30_000 });
    await clickRow(page, quickRow(page, 'Pause Timer'), 30_000);
    await timerItem(page, /\(paused\)/).waitFor({ timeout: SMOKE_TIMEOUT_MS });
    await runFromPalette(page, 'Drills: Abandon Drill');
    setUserSettings(userDataDir, { 'drills.mode': undefined });

    // A mock of two problems: the first language pick dismissed, asked again; Finish Drill asks before moving on.
    await runFromPalette(page, 'Drills: Start Mock Interview');
    await pickInQuickPick(page, '2 problems');
    await clickRow(page, quickRow(page, ''), 30_000);
    const minutes = page.locator('.quick-input-widget .quick-input-box input');
    await minutes.fill('40');
    await page.keyboard.press('Enter');
    await quickRow(page, 'JavaScript').waitFor({ timeout: SMOKE_TIMEOUT_MS });
    await page.keyboard.press('Escape');
    await page.locator('.monaco-dialog-box .monaco-button', { hasText: 'Choose Again' }).first().click({ timeout: SMOKE_TIMEOUT_MS });
    await pickInQuickPick(page, 'JavaScript');
    await timerItem(page, /problem 1 of 2, mock (?:\d+:)?\d+:\d\d left/).waitFor({ timeout: SMOKE_TIMEOUT_MS });
    await runFromPalette(page, 'Drills: Finish Drill');
    await page.locator('.monaco-dialog-box .monaco-button', { hasText: 'Finish Without a Passing Run' }).first().click({ timeout: SMOKE_TIMEOUT_MS });
    await pickInQuickPick(page, 'Python');
    await timerItem(page, /problem 2 of 2, mock (?:\d+:)?\d+:\d\d left/).waitFor({ timeout: SMOKE_TIMEOUT_MS });
    // The second problem's statement drawn beside its plan (its title is the plan's heading).
    await previewText(page, newestPlanTitle(folder));
    await shot('mock');
    await runFromPalette(page, 'Drills: Finish Mock Interview and Show Report');
    return `screenshots: ${shots.join(', ')}`;
  } catch (e) {
    await screenshotOf(page, path.join(testResultsDir, 'ui-loop-failure.png')).catch(() => undefined);
    throw e;
  } finally {
    setUserSettings(userDataDir, { 'drills.mode': undefined, ...Object.fromEntries(Object.keys(EDITOR_AS_TYPED).map((k) => [k, undefined])) });
    await context.close();
  }
}

/** The built-in pack's problems by title (the quick picks and notifications show titles). */
function problemIdsByTitle() {
  const dir = path.join(repoRoot, 'problems');
  const ids = new Map();
  for (const id of fs.readdirSync(dir)) {
    const file = path.join(dir, id, 'problem.yaml');
    if (!fs.existsSync(file)) continue;
    const title = /^title:\s*(.+)$/m.exec(fs.readFileSync(file, 'utf8'))?.[1].trim();
    if (title) ids.set(title.replace(/^['"]|['"]$/g, ''), id);
  }
  return ids;
}

/** Waits until `file` exists (a command writes it in the extension host). */
async function fileWritten(file, timeout = SMOKE_TIMEOUT_MS) {
  const until = Date.now() + timeout;
  while (!fs.existsSync(file)) {
    if (Date.now() > until) throw new Error(`${path.relative(repoRoot, file)} was never written`);
    await sleep(200);
  }
}

/** Waits for the quick pick whose title shows `title`, then picks its row labelled `label` (typed to filter). */
async function pickWithTitle(page, title, label) {
  await page.locator('.quick-input-widget .quick-input-title', { hasText: title }).first().waitFor({ timeout: SMOKE_TIMEOUT_MS });
  await pickInQuickPick(page, label);
}

/** Opens the notification centre and clicks `button` on the notification matching `pattern`. */
async function clickInNotification(page, pattern, button) {
  await runFromPalette(page, 'Notifications: Show Notifications');
  const item = page.locator('.notifications-center .notification-list-item', { hasText: pattern }).first();
  await item.waitFor({ timeout: SMOKE_TIMEOUT_MS });
  await item.locator('.monaco-button', { hasText: button }).first().click({ timeout: 30_000 });
}

/** The text of the rendered Markdown preview showing `heading` (a webview: an iframe in an iframe). */
async function previewText(page, heading) {
  const until = Date.now() + SMOKE_TIMEOUT_MS;
  for (;;) {
    for (const frame of page.frames().filter((f) => f !== page.mainFrame())) {
      const text = await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '');
      if (text.includes(heading)) return text;
    }
    if (Date.now() > until) throw new Error(`no preview shows "${heading}"`);
    await sleep(250);
  }
}

/** The problem title in the heading of the newest PLAN.md under `folder` (the drill started last). */
function newestPlanTitle(folder) {
  const plans = fs
    .readdirSync(folder, { recursive: true })
    .map(String)
    .filter((f) => path.basename(f) === 'PLAN.md')
    .map((f) => path.join(folder, f))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  const heading = plans.length > 0 ? /^# Plan: (.+)$/m.exec(fs.readFileSync(plans[0], 'utf8')) : undefined;
  if (!heading) throw new Error(`no PLAN.md with a "# Plan:" heading under ${folder}`);
  return heading[1].trim();
}

/** A screenshot helper for a step: moves the mouse out of the way, lets animations end, saves test-results/<name>.png. */
function screenshotter(getPage, shots) {
  return async (name) => {
    const page = getPage();
    await page.mouse.move(VIEWPORT.width - 10, VIEWPORT.height - 10);
    await settled(page);
    fs.mkdirSync(testResultsDir, { recursive: true });
    const file = path.join(testResultsDir, `${name}.png`);
    await screenshotOf(page, file);
    shots.push(path.relative(repoRoot, file));
  };
}

/** The attempt folders of the mock loop's coding round (beside the suites' own, which use `drills/`). */
const MOCK_LOOP_ATTEMPTS = 'ui-loop';

/**
 * The mock loop through the real UI: started from the palette by its title; the coding round's language pick
 * dismissed (the loop waits, and the palette offers the next round and the finish), then the round started again,
 * planned, solved with the reference solution; after the break (its notification's button) the design round:
 * DESIGN.md written, submitted through the gate, a probe revealed, the rubric scored; after the next break (from the
 * palette) the behavioural round: a story picked, its timer, stopped from the status bar and rated; at the end the
 * questions asked, and the report. Screenshots: mock-loop-start.png, mock-loop-design.png, mock-loop-story.png,
 * mock-loop-report.png.
 */
async function uiMockLoopWalk({ browser, server, folder, userDataDir, consoleLog }) {
  const { context, page } = await openPage(browser, consoleLog);
  const shots = [];
  const shot = screenshotter(() => page, shots);
  try {
    setUserSettings(userDataDir, { ...EDITOR_AS_TYPED, 'drills.attemptFolder': `${MOCK_LOOP_ATTEMPTS}/\${problemId}` });
    await page.goto(workbenchUrl(server.origin, { folder, extensionPath: repoRoot }));
    await page.locator('.monaco-workbench').waitFor({ timeout: SMOKE_TIMEOUT_MS });

    // The story bank first, one story written (the behavioural round picks it).
    const incident = path.join(folder, 'stories', 'incident.md');
    if (!fs.existsSync(incident)) {
      await runFromPalette(page, 'Drills: Create Story Bank');
      await fileWritten(incident);
      // The command ends by opening the first story (and would close a quick open that came before it).
      await page.locator('.part.editor .tab.active', { hasText: 'trade-off.md' }).first().waitFor({ timeout: SMOKE_TIMEOUT_MS });
    }
    await goToFile(page, 'stories/incident.md');
    await pasteAndSave(page, incident, fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'kinds', 'incident.md'), 'utf8'));

    // Round 1, coding: the language pick dismissed. The loop waits for the drill and says how to go on.
    await runFromPalette(page, 'Drills: Start Mock Loop (Coding, Design, Behavioural)');
    const pickTitle = page.locator('.quick-input-widget .quick-input-title', { hasText: /^Start / }).first();
    const title = (await pickTitle.innerText({ timeout: SMOKE_TIMEOUT_MS })).trim().replace(/^Start /, '');
    const id = problemIdsByTitle().get(title);
    if (!id) throw new Error(`the coding round's problem "${title}" is not in the built-in pack`);
    await quickRow(page, 'Python').waitFor({ timeout: SMOKE_TIMEOUT_MS });
    await page.keyboard.press('Escape');
    await notificationText(page, /round 1 .* is waiting for its drill to start/);
    for (const command of ['Drills: Next Mock Loop Round', 'Drills: Finish Mock Loop']) {
      if (!(await paletteLists(page, command))) throw new Error(`after the dismissed pick, the palette does not offer "${command}"`);
    }
    // Not stranded: the next round command starts the round's drill (it does not skip the round).
    await runFromPalette(page, 'Drills: Next Mock Loop Round');
    await pickWithTitle(page, `Start ${title}`, 'Python');
    const dir = path.join(folder, MOCK_LOOP_ATTEMPTS, id);
    await page.locator('.part.editor .tab', { hasText: 'solution.py' }).first().waitFor({ timeout: SMOKE_TIMEOUT_MS });
    await page.locator('.part.editor .tab', { hasText: 'PLAN.md' }).first().waitFor({ timeout: SMOKE_TIMEOUT_MS });
    await timerItem(page, /clarify \d+:\d\d · \d+:\d\d/).waitFor({ timeout: SMOKE_TIMEOUT_MS });
    await shot('mock-loop-start');
    await goToFile(page, `${id}/PLAN.md`);
    await pasteAndSave(page, path.join(dir, 'PLAN.md'), UI_PLAN);
    await runFromPalette(page, 'Drills: Submit Plan');
    await timerItem(page, /code \d+:\d\d/).waitFor({ timeout: SMOKE_TIMEOUT_MS });
    await goToFile(page, `${id}/solution.py`);
    await pasteAndSave(page, path.join(dir, 'solution.py'), fs.readFileSync(path.join(repoRoot, 'problems', id, 'solutions', 'solution.py'), 'utf8'));
    await runFromPalette(page, 'Drills: Run Hidden Tests');
    await timerItem(page, /solved in \d\d:\d\d/).waitFor({ timeout: SMOKE_TIMEOUT_MS });

    // The break, then round 2 from the notification's button: the design drill.
    await clickInNotification(page, /round 1 is over \(solved\)\. Take a 10:00 break; next: .+ \(design, \d+ min\)/, 'Start Next Round');
    await page.locator('.part.editor .tab', { hasText: 'DESIGN.md' }).first().waitFor({ timeout: SMOKE_TIMEOUT_MS });
    await timerItem(page, /1\/6 .+ \d\d:\d\d/).waitFor({ timeout: SMOKE_TIMEOUT_MS });
    const designs = path.join(folder, 'drills', 'design');
    const designDoc = fs
      .readdirSync(designs, { recursive: true })
      .map(String)
      .filter((f) => path.basename(f) === 'DESIGN.md')
      .map((f) => path.join(designs, f))
      .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
    if (!designDoc) throw new Error('no DESIGN.md scaffolded');
    await goToFile(page, path.relative(folder, designDoc));
    await pasteAndSave(page, designDoc, fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'kinds', 'DESIGN.passing.md'), 'utf8'));
    await runFromPalette(page, 'Drills: Submit Design for the Probes');
    await timerItem(page, /Probe 1\/\d+ \d\d:\d\d/).waitFor({ timeout: SMOKE_TIMEOUT_MS });
    await runFromPalette(page, 'Drills: Reveal Next Probe');
    await timerItem(page, /Probe 2\/\d+ \d\d:\d\d/).waitFor({ timeout: SMOKE_TIMEOUT_MS });
    // The probe is written into DESIGN.md (and saved) just after the status bar moves on.
    const probeBy = Date.now() + 30_000;
    while (!fs.readFileSync(designDoc, 'utf8').includes('### Probe 2:')) {
      if (Date.now() > probeBy) throw new Error('the second probe is not in DESIGN.md');
      await sleep(200);
    }
    await shot('mock-loop-design');
    await runFromPalette(page, 'Drills: Score the Design Against the Rubric');
    for (let i = 1; i <= 5; i++) await pickWithTitle(page, `Rubric ${i}/5`, String(1 + (i % 4)));

    // The next break, cut short from the palette: round 3, a behavioural question answered with the incident story.
    await notificationText(page, /round 2 is over \(rated\)/);
    await runFromPalette(page, 'Drills: Next Mock Loop Round');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: /^“.+”$/ }).first().waitFor({ timeout: SMOKE_TIMEOUT_MS });
    await quickRow(page, 'incident.md').click({ timeout: 30_000 });
    const answer = timerItem(page, /Answer 0[23]:\d\d/);
    await answer.waitFor({ timeout: SMOKE_TIMEOUT_MS });
    await page.locator('.part.editor .tab.active', { hasText: 'rehearsal-incident.md' }).first().waitFor({ timeout: SMOKE_TIMEOUT_MS });
    await shot('mock-loop-story');
    await answer.click();
    for (let i = 1; i <= 4; i++) await pickWithTitle(page, new RegExp(`Rate your answer .* ${i}/4: `), String(i === 1 ? 4 : 3));

    // The end: the questions asked, then the report.
    const questions = page.locator('.quick-input-widget', { hasText: 'Questions you asked the interviewer' }).first();
    await questions.waitFor({ timeout: SMOKE_TIMEOUT_MS });
    await questions.locator('.quick-input-box input').fill('What does on-call look like?; How do you decide what to build next?');
    await page.keyboard.press('Enter');
    const report = await previewText(page, 'Mock loop report');
    for (const expected of [/Coding\s+solved/, /System design\s+rated/, /Behavioural\s+a story that/, /What does on-call look like\?/, /How do you decide what to build next\?/]) {
      if (!expected.test(report)) throw new Error(`the report does not show ${expected}:\n${report}`);
    }
    if (await paletteLists(page, 'Drills: Finish Mock Loop')) throw new Error('"Drills: Finish Mock Loop" is still offered after the loop ended');
    // The report is a file of the workspace (drills/mock-loop-<date>.md), shown full width: the groups were joined.
    await page.locator('.part.editor .tab.active', { hasText: /^\[Preview\] mock-loop-[\d-]+\.md/ }).first().waitFor({ timeout: SMOKE_TIMEOUT_MS });
    if ((await page.locator('.part.editor .editor-group-container').count()) !== 1) throw new Error('the report did not open full width');
    await previewText(page, 'Mock loop report');
    await shot('mock-loop-report');
    return `coding round: ${title}; screenshots: ${shots.join(', ')}`;
  } catch (e) {
    await screenshotOf(page, path.join(testResultsDir, 'ui-mock-loop-failure.png')).catch(() => undefined);
    throw e;
  } finally {
    setUserSettings(userDataDir, { 'drills.attemptFolder': undefined, ...Object.fromEntries(Object.keys(EDITOR_AS_TYPED).map((k) => [k, undefined])) });
    await context.close();
  }
}

/** The attempt folders of the compiled-language drills (beside the suites' own, which use `drills/`). */
const LANGUAGE_ATTEMPTS = 'ui-languages';
/** Every language the language pick lists, in its order. */
const ALL_LANGUAGE_LABELS = ['Python', 'JavaScript', 'TypeScript', 'Java', 'C++', 'Go'];
/** The compiled languages walked, each on its own problem, started and run a different way. */
const COMPILED_DRILLS = [
  { label: 'Java', problem: 'first-unique-title', file: 'Solution.java', shot: 'run-java', start: 'tree', run: 'editor-title' },
  { label: 'C++', problem: 'stream-deduplicator', file: 'solution.cpp', shot: 'run-cpp', start: 'palette', run: 'testing-view' },
  { label: 'Go', problem: 'top-k-ad-impressions', file: 'solution.go', shot: 'run-go', start: 'palette', run: 'palette' },
];

/** Shows the Testing view in the side bar (its icon toggles the side bar: clicked only when the view is not showing). */
async function showTestingView(page) {
  if (!(await page.locator('.part.sidebar .composite.title', { hasText: 'Testing' }).first().isVisible())) {
    // Forced: the icon's badge (tests running, then the failed count) covers its centre and takes the click.
    await page.locator('.part.activitybar [aria-label^="Testing"]').first().click({ timeout: SMOKE_TIMEOUT_MS, force: true });
  }
}

/**
 * Java, C++ and Go drills through the real UI: Java started from the Drills view's inline action, C++ and Go from the
 * palette, the language picked in the quick pick (which lists all six: language-pick.png), the plan submitted, the
 * reference solution written into the scaffolded file and run (from the editor's title bar, the Testing view and the
 * palette), every case passing. Screenshots: language-pick.png, run-java.png, run-cpp.png, run-go.png.
 */
async function uiCompiledLanguagesWalk({ browser, server, folder, userDataDir, consoleLog }) {
  const { context, page } = await openPage(browser, consoleLog);
  const shots = [];
  const shot = screenshotter(() => page, shots);
  const titles = new Map([...problemIdsByTitle()].map(([title, id]) => [id, title]));
  const times = [];
  try {
    // Wrapped lines: the narrow editor beside the statement shows the whole solution in the screenshots.
    // Go pointed at a file that is not there for the first pick: it stays listed, marked with what to install.
    setUserSettings(userDataDir, { ...EDITOR_AS_TYPED, 'editor.wordWrap': 'on', 'drills.attemptFolder': `${LANGUAGE_ATTEMPTS}/\${problemId}` });
    setMachineSettings(userDataDir, { 'drills.toolchains': { go: path.join(folder, 'no-go-here', 'go') } });
    await page.goto(workbenchUrl(server.origin, { folder, extensionPath: repoRoot }));
    await page.locator('.monaco-workbench').waitFor({ timeout: SMOKE_TIMEOUT_MS });
    for (const drill of COMPILED_DRILLS) {
      const began = Date.now();
      const title = titles.get(drill.problem);
      if (drill.start === 'tree') {
        // The Drills view, the problem's row, its inline Start Drill action (shown on hover).
        await page.keyboard.press('Escape');
        if (!(await page.locator('.part.sidebar .composite.title, .part.sidebar .pane-header', { hasText: 'Problem Packs' }).first().isVisible())) {
          await page.locator('.part.activitybar [aria-label^="Drills"]').first().click({ timeout: SMOKE_TIMEOUT_MS });
        }
        const row = page.locator('.part.sidebar .monaco-list-row', { hasText: title }).first();
        await row.hover({ timeout: SMOKE_TIMEOUT_MS });
        await row.locator('.action-label[aria-label^="Start Drill"]').first().click({ timeout: 30_000 });
      } else {
        await runFromPalette(page, 'Drills: Start Drill');
        // Out of the way: the next list draws under the pointer, and the hover of a row's description takes the click.
        await page.mouse.move(VIEWPORT.width - 10, VIEWPORT.height - 10);
        await pickInQuickPick(page, title);
      }
      await page.locator('.quick-input-widget .quick-input-title', { hasText: `Start ${title}` }).first().waitFor({ timeout: SMOKE_TIMEOUT_MS });
      if (shots.length === 0) {
        // The language pick lists every language, in the registry's order.
        // Each row's first name is its language (a marked row has its detail as a second line).
        await page.locator('.quick-input-widget .monaco-list-row').nth(ALL_LANGUAGE_LABELS.length - 1).waitFor({ timeout: 30_000 });
        const listed = await page.$$eval('.quick-input-widget .monaco-list-row', (rows) => rows.map((r) => (r.querySelector('.label-name')?.textContent ?? '').trim()));
        if (listed.slice().sort().join() !== ALL_LANGUAGE_LABELS.slice().sort().join()) throw new Error(`the language pick lists ${listed.join(', ')}`);
        const goRow = page.locator('.quick-input-widget .monaco-list-row', { hasText: /^Go/ }).first();
        await goRow.locator('.label-description', { hasText: 'not found' }).first().waitFor({ timeout: 30_000 });
        const goText = (await goRow.innerText()).replace(/\s+/g, ' ');
        if (!/not an executable file/.test(goText) || !/drills\.toolchains/.test(goText)) throw new Error(`the Go row does not say what is wrong and which setting: ${goText}`);
        await shot('language-pick');
      }
      await pickInQuickPick(page, drill.label);
      // Go found again (the setting cleared) long before its own drill starts.
      setMachineSettings(userDataDir, { 'drills.toolchains': undefined });
      const dir = path.join(folder, LANGUAGE_ATTEMPTS, drill.problem);
      await page.locator('.part.editor .tab', { hasText: drill.file }).first().waitFor({ timeout: SMOKE_TIMEOUT_MS });
      await page.locator('.part.editor .tab', { hasText: 'PLAN.md' }).first().waitFor({ timeout: SMOKE_TIMEOUT_MS });
      await timerItem(page, /clarify \d+:\d\d · \d+:\d\d/).waitFor({ timeout: SMOKE_TIMEOUT_MS });
      await goToFile(page, `${drill.problem}/PLAN.md`);
      await pasteAndSave(page, path.join(dir, 'PLAN.md'), UI_PLAN);
      await runFromPalette(page, 'Drills: Submit Plan');
      await page.locator('.part.editor .tab.active', { hasText: drill.file }).first().waitFor({ timeout: SMOKE_TIMEOUT_MS });
      await goToFile(page, `${drill.problem}/${drill.file}`);
      await pasteAndSave(page, path.join(dir, drill.file), fs.readFileSync(path.join(repoRoot, 'problems', drill.problem, 'solutions', drill.file), 'utf8'));
      if (drill.run === 'editor-title') {
        await page.locator('.part.editor .editor-group-container.active .editor-actions .action-label[aria-label*="Run Hidden Tests"]').first().click({ timeout: 30_000 });
      } else if (drill.run === 'testing-view') {
        await showTestingView(page);
        const root = page.locator('.part.sidebar .monaco-list-row', { hasText: title }).first();
        await root.hover({ timeout: SMOKE_TIMEOUT_MS });
        await root.locator('.action-label[aria-label*="Run Test"]').first().click({ timeout: 30_000 });
      } else {
        await runFromPalette(page, 'Drills: Run Hidden Tests');
      }
      await timerItem(page, /solved in \d\d:\d\d/).waitFor({ timeout: 3 * SMOKE_TIMEOUT_MS });
      const said = await notificationText(page, /\d+\/\d+ hidden cases passed|solved in/);
      await showTestingView(page);
      await page.locator('.part.sidebar .monaco-list-row', { hasText: title }).first().locator('.codicon-testing-passed-icon').waitFor({ timeout: SMOKE_TIMEOUT_MS });
      // Every case of this drill passed: its root shows passed (awaited above), and the run said so. (A drill an
      // earlier step left with failures keeps its own root, read-only, in the view.)
      const counts = /(\d+)\/(\d+) hidden cases passed/.exec(said);
      if (counts ? counts[1] !== counts[2] : !/solved in/.test(said)) throw new Error(`${drill.label}: not every case passed: ${said}`);
      // The solution from its first line, beside the passing cases.
      await goToFile(page, `${drill.problem}/${drill.file}`);
      await page.keyboard.press('Control+Home');
      await shot(drill.shot);
      times.push(`${drill.label} ${Math.round((Date.now() - began) / 1000)} s (${said.split('\n')[0].trim()})`);
    }
    return `${times.join('; ')}; screenshots: ${shots.join(', ')}`;
  } catch (e) {
    await screenshotOf(page, path.join(testResultsDir, 'ui-languages-failure.png')).catch(() => undefined);
    throw e;
  } finally {
    setMachineSettings(userDataDir, { 'drills.toolchains': undefined });
    setUserSettings(userDataDir, { 'drills.attemptFolder': undefined, 'editor.wordWrap': undefined, ...Object.fromEntries(Object.keys(EDITOR_AS_TYPED).map((k) => [k, undefined])) });
    await context.close();
  }
}

/** Editor settings under which typed code lands exactly as typed. */
const EDITOR_AS_TYPED = {
  'editor.autoIndent': 'none',
  'editor.autoClosingBrackets': 'never',
  'editor.autoClosingQuotes': 'never',
  'editor.autoClosingComments': 'never',
  'typescript.suggest.completeJSDocs': false,
  'javascript.suggest.completeJSDocs': false,
  'editor.autoSurround': 'never',
  'editor.formatOnType': false,
  'editor.quickSuggestions': { other: false, comments: false, strings: false },
  'editor.suggestOnTriggerCharacters': false,
  'editor.acceptSuggestionOnEnter': 'off',
};

/**
 * Opens the Drills view in a fresh window of the extension under development and saves a screenshot; resolves with
 * the window, left open for the next step (whose to close).
 */
async function uiSmoke({ browser, server, folder, screenshot, consoleLog }) {
  // A context of its own: nothing remembered from the suite's window, so the view starts closed.
  const { context, page } = await openPage(browser, consoleLog);
  let passed = false;
  try {
    await page.goto(workbenchUrl(server.origin, { folder, extensionPath: repoRoot }));
    await page.locator('.monaco-workbench').waitFor({ timeout: SMOKE_TIMEOUT_MS });
    // As a person would: click the Drills icon in the activity bar (the view starts closed).
    await page.locator('.part.activitybar [aria-label^="Drills"]').first().click({ timeout: SMOKE_TIMEOUT_MS });
    await page.locator('.part.sidebar .monaco-list-row', { hasText: BUILT_IN_PACK_NAME }).first().waitFor({ timeout: SMOKE_TIMEOUT_MS });
    // Let the expanded pack render its topics and the hover fade, for a screenshot worth looking at.
    await page.mouse.move(800, 600);
    await settled(page);
    passed = true;
    return { context, page };
  } finally {
    fs.mkdirSync(path.dirname(screenshot), { recursive: true });
    await screenshotOf(page, screenshot).catch(() => undefined);
    if (!passed) await context.close();
  }
}

/**
 * The Restricted Mode suite in a code-server of its own whose profile enables Workspace Trust; resolves (never
 * rejects) with its outcome and the lines it printed, kept to be shown together.
 */
async function restrictedSuite({ browser, install }) {
  const lines = [];
  const print = (line) => lines.push(line);
  const restricted = newRunDir('restricted', RESTRICTED_SETTINGS);
  let server;
  try {
    server = await startServer({
      install,
      port: await freePort(),
      userDataDir: restricted.userDataDir,
      extensionsDir: restricted.extensionsDir,
      folder: restricted.workspace,
      logFile: path.join(restricted.dir, 'code-server.log'),
    });
    const outcome = await runSuite({
      browser,
      server,
      workspace: restricted.workspace,
      testsPath: RESTRICTED_SUITE,
      userDataDir: restricted.userDataDir,
      consoleLog: path.join(restricted.dir, 'browser-console.log'),
      print,
    });
    return { outcome, lines };
  } catch (e) {
    return { outcome: { reason: e.message }, lines };
  } finally {
    await server?.stopAndWait();
  }
}

async function main() {
  for (const entry of [suiteEntry, RELOAD_SUITE, RESTRICTED_SUITE]) {
    if (!fs.existsSync(entry)) throw new Error(`${path.relative(repoRoot, entry)} is missing: run \`npm run build\` first.`);
  }
  const chromiumPath = ensureChromium(log);
  const install = await provisionCodeServer(log);
  const { chromium } = require('playwright-core');
  const browser = (running.browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS }));

  const { dir: runDir, workspace, userDataDir, extensionsDir } = newRunDir('offline');
  const consoleLog = path.join(runDir, 'browser-console.log');
  const port = await freePort();
  log(`Starting code-server on 127.0.0.1:${port} (run folder ${path.relative(repoRoot, runDir)})`);
  const server = await startServer({ install, port, userDataDir, extensionsDir, folder: workspace, logFile: path.join(runDir, 'code-server.log') });
  // Beside everything else: it has a code-server, a profile and a workspace of its own, so it shares nothing with the
  // other steps, and it mostly waits on its window, as they do. Its output is printed once it is over.
  const restrictedRun = wanted('restricted') ? restrictedSuite({ browser, install }) : undefined;

  let results = { passed: 0, failed: 0, pending: 0, failures: [], tests: [] };
  if (wanted('suite')) {
    log('Running the integration suite in the extension host:');
    const suite = await runSuite({ browser, server, workspace, testsPath: suiteEntry, userDataDir, consoleLog, screenshots: true });
    if (!suite.results) {
      console.log(`\nThe integration suite did not run to the end: ${suite.reason}.`);
      console.log(`\n${countsLine({ passed: 0, failed: 1, pending: 0 })}`);
      return 1;
    }
    results = suite.results;
  }

  if (wanted('ui')) {
    const screenshot = path.join(testResultsDir, 'drills-view.png');
    // The smoke step's window goes on to the drill flow: one window fewer to open.
    let opened;
    await countStep(results, `UI smoke: the Drills view lists "${BUILT_IN_PACK_NAME}"`, async () => {
      opened = await uiSmoke({ browser, server, folder: workspace, screenshot, consoleLog });
      return `screenshot: ${path.relative(repoRoot, screenshot)}`;
    }, [consoleLog]);

    await countStep(results, 'UI: Start Drill from the command palette, plan, then Run Hidden Tests (Python)', () => uiDrillFlow({ browser, server, folder: workspace, consoleLog, opened }), [consoleLog]);
  }

  if (wanted('ui') || wanted('loop')) {
    await countStep(results, 'UI: the loop in TypeScript (interview) and JavaScript (practice), and a mock of two problems with a dismissed pick', () => uiLoopWalk({ browser, server, folder: workspace, userDataDir, consoleLog }), [consoleLog, ...extensionHostLogs(userDataDir)]);
  }

  if (wanted('mock-loop')) {
    await countStep(results, 'UI: a mock loop of a coding, a design and a behavioural round, a dismissed pick resumed from the palette, the questions asked and the report', () => uiMockLoopWalk({ browser, server, folder: workspace, userDataDir, consoleLog }), [consoleLog, ...extensionHostLogs(userDataDir)]);
  }

  if (wanted('languages')) {
    await countStep(results, 'UI: Java (from the Drills view), C++ and Go drills started with the language pick, the reference solutions run and passing', () => uiCompiledLanguagesWalk({ browser, server, folder: workspace, userDataDir, consoleLog }), [consoleLog, ...extensionHostLogs(userDataDir)]);
  }

  if (wanted('no-folder')) {
    await countStep(results, 'UI: with no folder open, Start Drill asks for one and the restarted window opens the drill', () => uiNoFolderFlow({ browser, server, parent: runDir, consoleLog }), [consoleLog, ...extensionHostLogs(userDataDir)]);
  }

  if (wanted('reload')) {
  log('Reload: a drill left open, then the window opened again and reloaded:');
  await countStep(results, 'Reload: the status bar timer resumes with the time left from the stored start', async () => {
    const handOff = await runSuite({ browser, server, workspace, testsPath: RELOAD_SUITE, userDataDir, consoleLog });
    if (!handOff.results) throw new Error(`the hand-off suite did not run to the end: ${handOff.reason}`);
    if (handOff.results.failed > 0 || handOff.results.passed === 0) throw new Error(`the hand-off suite failed: ${handOff.results.failures.map((f) => f.message).join('; ')}`);
    return reloadStep({ browser, server, workspace, consoleLog });
  }, [server.logFile, ...extensionHostLogs(userDataDir), consoleLog]);
  }
  await server.stopAndWait();
  if (restrictedRun) {
    const { outcome, lines } = await restrictedRun;
    log('The Restricted Mode suite in an untrusted workspace (run beside the steps above):');
    for (const line of lines) log(line);
    if (!outcome.results) {
      results.failed++;
      results.failures.push({ title: 'Restricted Mode suite', message: `did not run to the end: ${outcome.reason}`, stack: '' });
    } else {
      results.passed += outcome.results.passed;
      results.failed += outcome.results.failed;
      results.pending += outcome.results.pending;
      results.failures.push(...outcome.results.failures);
    }
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
