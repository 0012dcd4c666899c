// Serves the extension under development in a local code-server, rebuilding on change, until Ctrl-C.
// Usage: node scripts/start.mjs [FOLDER]   (env: DRILLS_PORT, default 3580 when free)
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { freePort, startCodeServer, workbenchUrl, writeUserSettings } from './lib/code-server.mjs';
import { repoRoot, vscodeTestDir } from './lib/paths.mjs';
import { provisionCodeServer } from './lib/provision.mjs';

const PREFERRED_PORT = Number(process.env.DRILLS_PORT || 3580);
const START_SETTINGS = {
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

/** The preferred port when nothing listens on it, else any free one. */
function portToUse() {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(freePort()));
    probe.listen(PREFERRED_PORT, '127.0.0.1', () => probe.close(() => resolve(PREFERRED_PORT)));
  });
}

async function main() {
  const install = await provisionCodeServer();
  const home = path.join(vscodeTestDir, 'start');
  const folder = path.resolve(process.argv[2] ?? path.join(home, 'workspace'));
  fs.mkdirSync(folder, { recursive: true });
  const userDataDir = path.join(home, 'user-data');
  // The profile persists between starts: settings are written once and then belong to the person.
  if (!fs.existsSync(path.join(userDataDir, 'User', 'settings.json'))) writeUserSettings(userDataDir, START_SETTINGS);

  const server = await startCodeServer({
    install,
    port: await portToUse(),
    userDataDir,
    extensionsDir: path.join(home, 'extensions'),
    folder,
    logFile: path.join(home, 'code-server.log'),
  });
  // Rebuild on change: "Developer: Reload Window" in the browser picks the new bundle up.
  const watch = spawn(process.execPath, [path.join(repoRoot, 'esbuild.js'), '--watch'], { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });

  const stop = (code) => {
    watch.kill();
    server.stop();
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(0));
  server.child.on('exit', (code) => {
    console.error(`code-server exited (${code}); its log: ${server.logFile}`);
    stop(1);
  });

  console.log(`\nDrills is running in code-server with the folder ${folder}.`);
  console.log('Open this address in a browser (Ctrl-C here to stop):\n');
  console.log(`  ${workbenchUrl(server.origin, { folder, extensionPath: repoRoot })}\n`);
}

main().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
