import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createInterpreterResolver, defaultInterpreterCacheFile, findOnPath } from '../../../src/core/runner/interpreters';
import { makeProblem, runCode, tc, tempDir } from './helpers';

const REAL_PYTHON = spawnSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).stdout.trim();

describe('runner: interpreters', function () {
  this.timeout(20_000);
  const dir = tempDir();
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const problem = makeProblem({ cases: [tc([1], 1), tc([2], 2)] });

  it('finds executables on a PATH and nothing on an empty one', () => {
    const bin = path.join(dir, 'bin');
    fs.mkdirSync(bin, { recursive: true });
    fs.writeFileSync(path.join(bin, 'tool'), '#!/bin/sh\n', { mode: 0o755 });
    fs.writeFileSync(path.join(bin, 'notexec'), '', { mode: 0o644 });
    assert.equal(findOnPath('tool', `/nonexistent${path.delimiter}${bin}`), path.join(bin, 'tool'));
    assert.equal(findOnPath('notexec', bin), undefined);
    assert.equal(findOnPath('tool', ''), undefined);
  });

  it('reports a missing Python as a value naming the setting, with every case not run', async () => {
    const interpreters = createInterpreterResolver({ pathEnv: path.join(dir, 'empty-path') });
    const run = await runCode(dir, 'python', 'def solve(a):\n    return a\n', problem, { env: { interpreters } });
    assert.equal(run.error?.kind, 'interpreter-missing');
    assert.match(run.error?.message ?? '', /Python 3 was not found.*apt-get install python3.*"drills\.toolchains": \{ "python"/);
    assert.deepEqual(run.cases.map((c) => c.verdict), ['notRun', 'notRun']);
    assert.equal(run.passed, 0);
  });

  it('reports a configured Python that does not exist', async () => {
    const resolved = await createInterpreterResolver({ paths: { python: path.join(dir, 'no-python') } }).resolve('python');
    assert.equal(resolved.ok, false);
    assert.match(resolved.ok ? '' : resolved.message, /no-python.*"drills\.toolchains": \{ "python"/);
  });

  it('falls back to the editor\'s runtime with ELECTRON_RUN_AS_NODE when node is not on the PATH', async () => {
    const looked: string[] = [];
    const interpreters = createInterpreterResolver({ lookPath: (name) => (looked.push(name), undefined), execPath: process.execPath });
    const resolved = await interpreters.resolve('node');
    assert.deepEqual(resolved, { ok: true, interpreter: { command: process.execPath, env: { ELECTRON_RUN_AS_NODE: '1' } } });
    assert.deepEqual(looked, ['node']);
    const run = await runCode(dir, 'javascript', 'const solve = (a) => process.env.ELECTRON_RUN_AS_NODE === "1" ? a : -1;', problem, { env: { interpreters } });
    assert.deepEqual(run.cases.map((c) => c.verdict), ['passed', 'passed']);
  });

  it('uses node from the PATH when it is there', async () => {
    const resolved = await createInterpreterResolver({ lookPath: (name) => (name === 'node' ? '/opt/node/bin/node' : undefined) }).resolve('node');
    assert.deepEqual(resolved, { ok: true, interpreter: { command: '/opt/node/bin/node' } });
  });

  it('resolves the Python launcher to the real binary once and caches it in memory and on disk', async () => {
    const cacheFile = path.join(dir, 'cache', 'interpreters.json');
    const launcher = path.join(dir, 'shim', 'python3');
    fs.mkdirSync(path.dirname(launcher), { recursive: true });
    fs.writeFileSync(launcher, `#!/bin/sh\nexec ${REAL_PYTHON} "$@"\n`, { mode: 0o755 });
    let probes = 0;
    const probe = (command: string, args: string[]): string | undefined => {
      probes++;
      return spawnSync(command, args, { encoding: 'utf8' }).stdout;
    };
    const options = { cacheFile, probe, lookPath: (name: string) => (name === 'python3' ? launcher : undefined) };
    const first = createInterpreterResolver(options);
    assert.deepEqual(await first.resolve('python'), { ok: true, interpreter: { command: REAL_PYTHON } });
    assert.deepEqual(await first.resolve('python'), { ok: true, interpreter: { command: REAL_PYTHON } });
    assert.equal(probes, 1, 'the second resolution did not spawn');
    assert.deepEqual(JSON.parse(fs.readFileSync(cacheFile, 'utf8')), { [launcher]: REAL_PYTHON });
    await createInterpreterResolver(options).resolve('python');
    assert.equal(probes, 1, 'a new resolver read the cache file instead of spawning');
    fs.writeFileSync(cacheFile, JSON.stringify({ [launcher]: path.join(dir, 'gone', 'python3') }));
    assert.deepEqual(await createInterpreterResolver(options).resolve('python'), { ok: true, interpreter: { command: REAL_PYTHON } });
    assert.equal(probes, 2, 'a cached binary that no longer exists is resolved again');
  });

  it('lets a configured Python path win over the PATH', async () => {
    const looked: string[] = [];
    const resolved = await createInterpreterResolver({ paths: { python: REAL_PYTHON }, lookPath: (n) => (looked.push(n), '/usr/bin/elsewhere') }).resolve('python');
    assert.deepEqual(resolved, { ok: true, interpreter: { command: REAL_PYTHON } });
    assert.deepEqual(looked, []);
  });

  it('puts the cache under XDG_CACHE_HOME or ~/.cache', () => {
    assert.equal(defaultInterpreterCacheFile({ XDG_CACHE_HOME: '/x' }, '/home/u'), path.join('/x', 'drills', 'interpreters.json'));
    assert.equal(defaultInterpreterCacheFile({}, '/home/u'), path.join('/home/u', '.cache', 'drills', 'interpreters.json'));
  });
});
