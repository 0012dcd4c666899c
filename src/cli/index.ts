import * as os from 'node:os';
import * as path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { main } from './main';

// A CLI run lasts well under a second, mostly in code that runs once (the YAML parser reading tests.yaml).
// V8's default budget sends such code to its optimizing compiler after a few loops, on a background thread:
// ~100 ms of CPU per run (a quarter of the process) that the run never earns back, and that a busy machine
// takes from the run itself. A budget 16 times V8's default (67584) still optimizes code that stays hot, such
// as comparing large outputs. Only this process: the harness runs solutions with Node's defaults.
setFlagsFromString('--interrupt-budget=1048576');

// Entry of the `drills` bundle (out/cli.js): the harnesses sit beside it in out/harness.
const cacheHome = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
main(process.argv.slice(2), {
  out: (t) => process.stdout.write(t + '\n'),
  err: (t) => process.stderr.write(t + '\n'),
  isTTY: !!process.stdout.isTTY,
  env: process.env,
  version: typeof DRILLS_VERSION === 'string' ? DRILLS_VERSION : 'dev',
  resolve: (p) => path.resolve(p),
  harnessDir: path.join(__dirname, 'harness'),
  cacheDir: path.join(cacheHome, 'drills'),
}).then(
  (code) => {
    // Exit once stdout and stderr have taken everything written, rather than when the event loop drains:
    // that also tears the heap down page by page, ~30-40 ms of a run spent on nothing the user sees.
    process.exitCode = code;
    process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
  },
  (err: unknown) => {
    process.stderr.write(`drills: internal error: ${(err as Error)?.stack ?? String(err)}\n`);
    process.exitCode = 2;
  },
);

declare const DRILLS_VERSION: string | undefined;
