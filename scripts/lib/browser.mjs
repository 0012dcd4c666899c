// The Chromium the launchers drive: its flags, its windows, and how they are drawn between screenshots.
import { BROWSER_HEADERS } from './code-server.mjs';

/** Chromium's flags for the launchers' windows. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  // This machine's network is closed: without these Chromium keeps trying to reach Google's hosts.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The size of every window. */
export const VIEWPORT = { width: 1400, height: 900 };

/**
 * How a window is drawn between its screenshots; drawing a workbench nobody looks at was a third of the processor time
 * of the browser's part of the integration tests.
 * - `hidden`, a suite's window: laid out, not painted. Playwright sees nothing in it; the suite works through the
 *   extension's API.
 * - `transparent`, a browser step's window: laid out and hit-tested as on screen, so clicks, typing and the
 *   visibility Playwright waits for are those of a window on screen, but Chromium composites and rasterises nothing.
 * - `shown`: for a screenshot (see `screenshotOf`).
 * Runs in the page.
 */
export function draw(how) {
  const style = document.documentElement.style;
  style.visibility = how === 'hidden' ? 'hidden' : '';
  style.opacity = how === 'transparent' ? '0' : '';
}

/** How each page is drawn between screenshots. */
const drawnAs = new WeakMap();

/** How `page` is drawn between screenshots (see `draw`). */
export function drawnOf(page) {
  return drawnAs.get(page) ?? 'shown';
}

/**
 * A page in a browser context of its own (nothing remembered from another window), drawn between screenshots as
 * `drawn` says (see `draw`); each line of its console goes to `onConsole`. Close the context when done.
 */
export async function freshPage(browser, { drawn = 'transparent', onConsole } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT, extraHTTPHeaders: BROWSER_HEADERS });
  if (onConsole) {
    context.on('console', (m) => onConsole(`[${m.type()}] ${m.text()}`));
    context.on('weberror', (e) => onConsole(`[pageerror] ${e.error().stack ?? e.error().message}`));
  }
  const page = await context.newPage();
  drawnAs.set(page, drawn);
  // Before the workbench's own scripts, and again after each reload.
  await page.addInitScript(draw, drawn);
  return { context, page };
}

/** Saves the window as `file`, drawn as on screen for as long as it takes. */
export async function screenshotOf(page, file) {
  const drawn = drawnOf(page);
  if (drawn !== 'shown') {
    await page.evaluate(draw, 'shown');
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  }
  try {
    await page.screenshot({ path: file });
  } finally {
    if (drawn !== 'shown') await page.evaluate(draw, drawn).catch(() => undefined);
  }
}
