// Starting and stopping code-server, and the URLs that load the extension under development into it.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { URL, URLSearchParams } from 'node:url';

/** User settings for a profile the launchers create: quiet, no auto-save, the test folder trusted. */
export const TEST_USER_SETTINGS = {
  // The web client saves on its own by default; tests that edit files must control saving.
  'files.autoSave': 'off',
  // An extension under development activates even in Restricted Mode; trust everything to test trusted behaviour.
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'git.enabled': false,
  // Nothing animates that a test does not need: each frame of an animation is drawn in software here, and a
  // screenshot waits for animations to end.
  'workbench.reduceMotion': 'on',
  'editor.cursorBlinking': 'solid',
  'editor.smoothScrolling': false,
  // The TypeScript server would install type packages from the npm registry for a drill's .ts file (npm install
  // types-registry): no test reaches the network.
  'typescript.disableAutomaticTypeAcquisition': true,
};

/**
 * Headers for the browser contexts that load code-server's workbench: code-server gzips each response as it sends it
 * (its compression middleware), several MB of the workbench's JavaScript for every window, which over the loopback
 * costs its process more than it saves.
 */
export const BROWSER_HEADERS = { 'Accept-Encoding': 'identity' };

/** A profile with Workspace Trust on and no prompt, so a folder simply opens untrusted (Restricted Mode). */
export const RESTRICTED_USER_SETTINGS = {
  ...TEST_USER_SETTINGS,
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
  'security.workspace.trust.emptyWindow': false,
};

/** A TCP port nothing listens on at the moment of asking. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Writes `<userDataDir>/User/settings.json`. */
export function writeUserSettings(userDataDir, settings = TEST_USER_SETTINGS) {
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
}

/** Resolves with the HTTP status of a GET, or 0 when nothing answers. */
function statusOf(url) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

/**
 * Starts code-server on 127.0.0.1:`port` with its own process group, so `stop()` ends it and every child
 * (extension host, file watcher, pty host). Output goes to `logFile`. Resolves once `/healthz` answers.
 */
export async function startCodeServer({ install, port, userDataDir, extensionsDir, folder, logFile, timeoutMs = 90_000, disableExtensions = true }) {
  fs.mkdirSync(extensionsDir, { recursive: true });
  const out = fs.openSync(logFile, 'a');
  const args = [
    install.entry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    // Makes the web client honour the `payload` query parameter (extensionDevelopmentPath / extensionTestsPath).
    '--vscode-option', 'enable-smoke-test-driver',
    // As `--disable-extensions` on the desktop: only the extension under development (and built-ins) load.
    ...(disableExtensions ? ['--vscode-option', 'disable-extensions'] : []),
    // Its own config file, so nothing is written to ~/.config/code-server.
    '--config', path.join(userDataDir, 'code-server.yaml'),
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    ...(folder ? [folder] : []),
  ];
  fs.mkdirSync(userDataDir, { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'code-server.yaml'), 'auth: none\ncert: false\n');
  const child = spawn(install.node, args, { stdio: ['ignore', out, out], detached: true });
  fs.closeSync(out);
  let exited = null;
  child.on('exit', (code, signal) => {
    exited = { code, signal };
  });
  const server = {
    child,
    port,
    origin: `http://127.0.0.1:${port}`,
    logFile,
    exited: () => exited,
    /** Ends code-server's whole process group; safe to call more than once. */
    stop() {
      if (exited || child.pid === undefined) return;
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    },
    /** Waits for the group to go, then kills what is left. */
    async stopAndWait(graceMs = 5000) {
      server.stop();
      const until = Date.now() + graceMs;
      while (!exited && Date.now() < until) await sleep(25);
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    },
  };
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (exited) throw new Error(`code-server exited (${exited.code ?? exited.signal}) before answering; its log:\n${tail(logFile)}`);
    if ((await statusOf(`${server.origin}/healthz`)) === 200) return server;
    await sleep(50);
  }
  server.stop();
  throw new Error(`code-server did not answer on ${server.origin} within ${timeoutMs / 1000} s; its log:\n${tail(logFile)}`);
}

/** The last lines of a text file, for error messages. */
export function tail(file, lines = 60) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * The workbench URL for `folder` (or an empty window) with the extension at `extensionPath` loaded as under
 * development, and the suite at `testsPath` run in the extension host when given. Paths are absolute on this machine.
 */
export function workbenchUrl(origin, { folder, extensionPath, testsPath, emptyWindow = false }) {
  const remote = (p) => `vscode-remote://${new URL(origin).host}${p.split(path.sep).join('/')}`;
  const payload = [['extensionDevelopmentPath', remote(extensionPath)]];
  if (testsPath) payload.push(['extensionTestsPath', remote(testsPath)]);
  const query = new URLSearchParams();
  if (folder) query.set('folder', folder);
  // Without it, code-server reopens the folder it opened last.
  if (emptyWindow) query.set('ew', 'true');
  query.set('payload', JSON.stringify(payload));
  return `${origin}/?${query.toString()}`;
}
