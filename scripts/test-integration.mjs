// Runs the integration suite with the launcher that fits this machine:
//   DRILLS_TEST_LAUNCHER=electron  @vscode/test-electron (downloads VS Code; needs a display on Linux)
//   DRILLS_TEST_LAUNCHER=offline   code-server + headless Chromium (Linux, from the npm registry and Debian)
// Unset: electron when VS Code's download host answers quickly (and a display is there or xvfb-run can
// make one), otherwise offline.
//
// Usage: node scripts/test-integration.mjs [--choose | --provision]
//   --choose     print the launcher that would run, and exit
//   --provision  install what the chosen launcher needs (Chromium, code-server) and the compiled languages'
//                toolchains (Debian packages default-jdk-headless, g++, golang-go: those missing, when root), and
//                exit: 0 when all is there, 3 when only toolchains are missing (not root: the message names them),
//                1 when the launcher could not be provisioned
import { spawnSync } from 'node:child_process';
import * as https from 'node:https';
import * as path from 'node:path';
import { repoRoot } from './lib/paths.mjs';
import { ensureChromium, ensureToolchains, MissingToolchainsError, provisionCodeServer } from './lib/provision.mjs';

const DOWNLOAD_HOST_PROBE = 'https://update.code.visualstudio.com/api/releases/stable';
const PROBE_TIMEOUT_MS = 4000;

/** True when VS Code's download host answers within a few seconds. */
function downloadHostAnswers() {
  return new Promise((resolve) => {
    const req = https.request(DOWNLOAD_HOST_PROBE, { method: 'HEAD', timeout: PROBE_TIMEOUT_MS }, (res) => {
      res.resume();
      resolve((res.statusCode ?? 500) < 500);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve(false));
    req.end();
  });
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** 'electron' or 'offline', with the reason. */
async function chooseLauncher() {
  const forced = process.env.DRILLS_TEST_LAUNCHER;
  if (forced) {
    if (forced !== 'electron' && forced !== 'offline') throw new Error(`DRILLS_TEST_LAUNCHER must be electron or offline, not "${forced}".`);
    return { launcher: forced, why: 'DRILLS_TEST_LAUNCHER' };
  }
  const display = process.platform !== 'linux' || Boolean(process.env.DISPLAY) || onPath('xvfb-run');
  if (display && (await downloadHostAnswers())) return { launcher: 'electron', why: 'VS Code can be downloaded' };
  if (process.platform !== 'linux') throw new Error('VS Code cannot be downloaded and the offline launcher runs on Linux only.');
  return { launcher: 'offline', why: display ? 'VS Code cannot be downloaded' : 'no display for the desktop VS Code' };
}

/** The command that runs a launcher: electron under xvfb-run when Linux has no display. */
function commandOf(launcher) {
  const script = path.join(repoRoot, 'scripts', `test-${launcher}.mjs`);
  if (launcher === 'electron' && process.platform === 'linux' && !process.env.DISPLAY && onPath('xvfb-run')) {
    return ['xvfb-run', ['-a', process.execPath, script]];
  }
  return [process.execPath, [script]];
}

async function main() {
  const { launcher, why } = await chooseLauncher();
  if (process.argv.includes('--choose')) {
    console.log(launcher);
    return 0;
  }
  if (process.argv.includes('--provision')) {
    // The toolchains first and apart: their absence fails the step, yet the launcher can still be provisioned.
    let toolchains = 0;
    try {
      ensureToolchains();
    } catch (e) {
      if (!(e instanceof MissingToolchainsError)) throw e;
      console.error(e.message);
      toolchains = 3;
    }
    console.log(`Integration launcher: ${launcher} (${why})`);
    if (launcher === 'offline') {
      ensureChromium();
      await provisionCodeServer();
    }
    return toolchains;
  }
  console.log(`Integration launcher: ${launcher} (${why})`);
  const [cmd, args] = commandOf(launcher);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

try {
  process.exitCode = await main();
} catch (e) {
  console.error(e.message);
  process.exitCode = 1;
}
