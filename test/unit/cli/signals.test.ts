import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isAlive } from '../runner/helpers';
import { pidFrom, strayProcesses } from '../runner/processes';

// Compiled to out/test/unit/cli/: the repository is four levels up.
const root = path.resolve(__dirname, '../../../..');
const cli = path.join(root, 'out/cli.js');

/** add-two that writes its process id to `pidfile` and then loops forever. */
function hanging(language: 'python' | 'javascript' | 'typescript', pidfile: string): string {
  const file = JSON.stringify(pidfile);
  if (language === 'python') return `import os\ndef add_two(a, b):\n    with open(${file} + ".tmp", "w") as f:\n        f.write(str(os.getpid()))\n    os.rename(${file} + ".tmp", ${file})\n    while True:\n        pass\n`;
  const sig = language === 'typescript' ? 'export function addTwo(a: number, b: number): number' : 'function addTwo(a, b)';
  return `const fs = require('fs');\n${sig} {\n  fs.writeFileSync(${file} + '.tmp', String(process.pid));\n  fs.renameSync(${file} + '.tmp', ${file});\n  for (;;) {}\n}\n`;
}

const SIGNALS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const;
const CASES = [
  ['python', 'SIGINT'],
  ['javascript', 'SIGTERM'],
  ['typescript', 'SIGHUP'],
  ['typescript', 'SIGINT'],
  ['python', 'SIGHUP'],
  ['javascript', 'SIGINT'],
] as const;

describe('drills run: ending on a signal', function () {
  this.timeout(30_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-cli-signal-'));
  const pack = path.join(dir, 'pack');
  fs.cpSync(path.join(root, 'test/fixtures/cli/good'), pack, { recursive: true });
  afterEach(() => assert.deepEqual(strayProcesses(dir), []));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const [language, signal] of CASES) {
    it(`${signal} ends the run, its processes and its temporary files, and exits ${128 + SIGNALS[signal]} (${language})`, async () => {
      const work = fs.mkdtempSync(path.join(dir, `${language}-${signal}-`));
      const tmp = path.join(work, 'tmp');
      fs.mkdirSync(tmp);
      const pidfile = path.join(work, 'harness.pid');
      const solution = path.join(work, `solution.${language === 'python' ? 'py' : language === 'javascript' ? 'js' : 'ts'}`);
      fs.writeFileSync(solution, hanging(language, pidfile));
      const child = spawn(process.execPath, [cli, 'run', '--problem', 'add-two', '--pack', pack, '--lang', language, solution], {
        cwd: work,
        stdio: 'ignore',
        env: { ...process.env, TMPDIR: tmp, XDG_CACHE_HOME: path.join(work, 'cache'), NO_COLOR: '1' },
      });
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, sig) => resolve({ code, signal: sig })));
      const harness = await pidFrom(pidfile);
      child.kill(signal);
      const how = await exited;
      assert.deepEqual(how, { code: 128 + SIGNALS[signal], signal: null });
      assert.equal(isAlive(harness), false, `harness ${harness} still runs`);
      assert.deepEqual(fs.readdirSync(tmp), [], 'temporary files left');
    });
  }
});
