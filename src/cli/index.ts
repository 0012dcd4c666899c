import * as os from 'node:os';
import * as path from 'node:path';
import { main } from './main';

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
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`drills: internal error: ${(err as Error)?.stack ?? String(err)}\n`);
    process.exitCode = 2;
  },
);

declare const DRILLS_VERSION: string | undefined;
