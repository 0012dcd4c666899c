import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { strayProcesses, waitFor } from '../runner/processes';

// Compiled to out/test/unit/cli/: the repository is four levels up.
const root = path.resolve(__dirname, '../../../..');
const cli = path.join(root, 'out/cli.js');

const CODE = {
  python: { file: 'solution.py', right: 'def add_two(a, b):\n    return a + b\n', wrong: 'def add_two(a, b):\n    return a - b\n' },
  javascript: { file: 'solution.js', right: 'function addTwo(a, b) {\n  return a + b;\n}\n', wrong: 'function addTwo(a, b) {\n  return a - b;\n}\n' },
} as const;

describe('drills run --watch', function () {
  this.timeout(60_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-cli-watch-'));
  const pack = path.join(dir, 'pack');
  fs.cpSync(path.join(root, 'test/fixtures/cli/good'), pack, { recursive: true });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const language of ['python', 'javascript'] as const) {
    it(`runs the file, runs it again on each save (in place or by rename) with a process started ahead, and Ctrl-C ends it with that process (${language})`, async () => {
      const work = fs.mkdtempSync(path.join(dir, `${language}-`));
      const { file, right, wrong } = CODE[language];
      const solution = path.join(work, file);
      fs.writeFileSync(solution, right);
      const child = spawn(process.execPath, [cli, 'run', '--problem', 'add-two', '--pack', pack, '--lang', language, solution, '--watch'], {
        cwd: work,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, XDG_CACHE_HOME: path.join(work, 'cache'), NO_COLOR: '1' },
      });
      let out = '';
      let err = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
      child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
      const reports = (): string[] => out.split(/^── /m).slice(1);
      const summary = (report: string | undefined): string | undefined => /(\d+\/\d+) passed in/.exec(report ?? '')?.[1];
      try {
        await waitFor('the first report', () => reports().length === 1 && /Watching/.test(out));
        const total = summary(reports()[0])?.split('/')[1];
        assert.equal(summary(reports()[0]), `${total}/${total}`, out);
        await waitFor('a process waiting for the next run', () => strayProcesses(work).length === 1);

        // Saved in place.
        fs.writeFileSync(solution, wrong);
        await waitFor('the second report', () => reports().length === 2 && /Watching[^]*Watching/.test(out), 20_000);
        assert.match(reports()[1], /solution\.\w+ saved/);
        assert.notEqual(summary(reports()[1]), `${total}/${total}`, 'the edited (wrong) solution was judged');

        // Saved by writing another file and renaming it over this one, as some editors do.
        fs.writeFileSync(`${solution}.tmp`, right);
        fs.renameSync(`${solution}.tmp`, solution);
        await waitFor('the third report', () => reports().length === 3 && /(Watching[^]*){3}/.test(out), 20_000);
        assert.equal(summary(reports()[2]), `${total}/${total}`, out);

        await waitFor('a process waiting for the next run', () => strayProcesses(work).length === 1);
        const waiting = strayProcesses(work)[0];

        child.kill('SIGINT');
        const how = await exited;
        assert.deepEqual(how, { code: 130, signal: null }, err);
        await waitFor(`no process left (the waiting ${waiting})`, () => strayProcesses(work).length === 0, 5000);
      } finally {
        child.kill('SIGKILL');
      }
    });
  }
});
