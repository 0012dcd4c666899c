import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../../src/cli/main';
import type { Io } from '../../../src/cli/io';

// Compiled to out/test/unit/cli/: the repository is four levels up.
const root = path.resolve(__dirname, '../../../..');
const fixtures = path.join(root, 'test/fixtures/cli');
const good = path.join(fixtures, 'good');
const toothless = path.join(fixtures, 'toothless');
const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-cli-cache-'));

function fakeIo(env: NodeJS.ProcessEnv = process.env): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (t) => stdout.push(t),
    err: (t) => stderr.push(t),
    isTTY: false,
    env,
    version: '9.9.9',
    resolve: (p) => path.resolve(root, p),
    harnessDir: path.join(root, 'out/harness'),
    cacheDir,
  };
}

describe('drills command line', () => {
  it('prints usage and exits 2 for an unknown command', async () => {
    const io = fakeIo();
    assert.equal(await main(['frobnicate'], io), 2);
    assert.match(io.stderr.join('\n'), /unknown command 'frobnicate'[\s\S]*Usage: drills/);
  });

  it('exits 2 when run is missing its problem, language or file', async () => {
    for (const args of [['run', '--lang', 'python', 'x.py'], ['run', '--problem', 'add-two', 'x.py'], ['run', '--problem', 'add-two', '--lang', 'python']]) {
      const io = fakeIo();
      assert.equal(await main(args, io), 2, args.join(' '));
    }
  });

  it('rejects an unknown language with exit 2', async () => {
    const io = fakeIo();
    const file = path.join(good, 'add-two/solutions/solution.py');
    assert.equal(await main(['run', '--problem', 'add-two', '--pack', good, '--lang', 'cobol', file], io), 2);
    assert.match(io.stderr.join('\n'), /unknown language 'cobol'/);
  });

  it('lists packs as JSON with their problems', async () => {
    const io = fakeIo();
    assert.equal(await main(['list', good, '--json'], io), 0);
    const data = JSON.parse(io.stdout.join('\n'));
    assert.equal(data.packs[0].id, 'cli-good');
    assert.deepEqual(data.packs[0].problems.map((p: { id: string }) => p.id), ['add-two']);
    assert.deepEqual(data.diagnostics, []);
  });

  it('exits 2 when a folder holds no pack', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-empty-'));
    const io = fakeIo();
    assert.equal(await main(['list', empty], io), 2);
    assert.match(io.stderr.join('\n'), /No packs under/);
    assert.equal(await main(['check', empty], fakeIo()), 2);
  });

  it('runs a passing solution with exit 0 and a failing one with exit 1', async () => {
    const ok = fakeIo();
    assert.equal(await main(['run', '--problem', 'add-two', '--pack', good, '--lang', 'javascript', path.join(good, 'add-two/solutions/solution.js')], ok), 0);
    assert.match(ok.stdout.join('\n'), /3\/3 passed/);
    const bad = fakeIo();
    assert.equal(await main(['run', '--problem', 'add-two', '--pack', good, '--lang', 'python', path.join(good, 'add-two/wrong/abs.py'), '--json'], bad), 1);
    const result = JSON.parse(bad.stdout.join('\n'));
    const failed = result.cases.filter((c: { verdict: string }) => c.verdict === 'failed');
    assert.deepEqual(failed.map((c: { name: string; actual: number; expected: number }) => [c.name, c.actual, c.expected]), [['negatives add', 5, -3]]);
  });

  it('names the known problems when the id is wrong', async () => {
    const io = fakeIo();
    assert.equal(await main(['run', '--problem', 'nope', '--pack', good, '--lang', 'python', path.join(good, 'add-two/solutions/solution.py')], io), 2);
    assert.match(io.stderr.join('\n'), /No problem 'nope'.*Known: add-two/);
  });

  it('check passes a pack whose references pass and whose wrong solutions are caught', async () => {
    const io = fakeIo();
    assert.equal(await main(['check', good, '--json'], io), 0);
    const report = JSON.parse(io.stdout.join('\n'));
    const problem = report.packs[0].problems[0];
    assert.equal(problem.ok, true);
    assert.deepEqual(problem.tags, { single: 1, empty: 1, negative: 1 });
    assert.equal(problem.references.length, 2);
    assert.deepEqual(problem.wrong[0].failures.map((f: { case: string }) => f.case), ['negatives add']);
  });

  it('check fails, exit 1, when a known-wrong solution passes every case', async () => {
    const io = fakeIo();
    assert.equal(await main(['check', toothless], io), 1);
    const text = io.stdout.join('\n');
    assert.match(text, /passes every case: the tests do not catch it/);
    assert.match(text, /^check: 0 passed, 1 failed$/m);
  });

  it('check reports a missing reference solution for a declared language', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-noref-'));
    fs.cpSync(good, dir, { recursive: true });
    fs.rmSync(path.join(dir, 'add-two/solutions/solution.js'));
    const io = fakeIo();
    assert.equal(await main(['check', dir, '--json'], io), 1);
    const problem = JSON.parse(io.stdout.join('\n')).packs[0].problems[0];
    assert.ok(problem.diagnostics.some((d: { message: string }) => /No reference solution in javascript/.test(d.message)));
  });

  it('the built bundle runs as a program and honours NO_COLOR', () => {
    const r = spawnSync(process.execPath, [path.join(root, 'out/cli.js'), 'list', good], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '1' } });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /CLI Test Pack/);
    assert.ok(!r.stdout.includes(String.fromCharCode(27)), "no escape codes");
    const v = spawnSync(process.execPath, [path.join(root, 'out/cli.js'), '--version'], { encoding: 'utf8' });
    assert.equal(v.stdout.trim(), JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version);
  });
});
