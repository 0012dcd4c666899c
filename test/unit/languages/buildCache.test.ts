import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildKey, cachedBuild, compilerDiagnostics, defaultBuildCacheDir, pruneBuilds, type Compiled } from '../../../src/core/languages/buildCache';
import type { BuildInput } from '../../../src/core/languages/types';
import { makeProblem } from '../runner/helpers';

describe('languages: the build cache of compiled languages', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-build-cache-test-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const harnessDir = path.join(dir, 'harness');
  fs.mkdirSync(harnessDir);
  fs.writeFileSync(path.join(harnessDir, 'Main.x'), 'harness v1');
  const solutionPath = path.join(dir, 'solution.x');
  fs.writeFileSync(solutionPath, 'solve v1');
  const input = (over: Partial<BuildInput> = {}): BuildInput => ({
    solutionPath,
    harnessDir,
    spec: { kind: 'function', name: 'solve', params: ['int'], returns: 'int' },
    problem: makeProblem({ cases: [] }),
    toolchain: { command: '/usr/bin/xc', version: 'xc 1.0' },
    cacheDir: path.join(dir, 'cache'),
    tmpDir: os.tmpdir(),
    ...over,
  });

  /** A compile step that writes an artifact and counts its calls. */
  function compiler(result: (dir: string) => Compiled = () => ({ ok: true, artifact: 'app' })): { compile: (d: string) => Promise<Compiled>; calls: () => number } {
    let calls = 0;
    return {
      compile: async (d) => {
        calls++;
        fs.writeFileSync(path.join(d, 'app'), `built ${calls}`);
        return result(d);
      },
      calls: () => calls,
    };
  }

  it('the key changes with the source, a harness file, the signature and the toolchain version, and only with them', async () => {
    const base = await buildKey(input(), ['Main.x']);
    assert.equal(await buildKey(input(), ['Main.x']), base);
    assert.notEqual(await buildKey(input({ toolchain: { command: '/usr/bin/xc', version: 'xc 1.1' } }), ['Main.x']), base);
    assert.notEqual(await buildKey(input({ spec: { kind: 'function', name: 'solve2', params: ['int'], returns: 'int' } }), ['Main.x']), base);
    assert.notEqual(await buildKey(input(), ['Main.x'], ['-O2']), base);
    fs.writeFileSync(solutionPath, 'solve v2');
    const changedSource = await buildKey(input(), ['Main.x']);
    assert.notEqual(changedSource, base);
    fs.writeFileSync(path.join(harnessDir, 'Main.x'), 'harness v2');
    assert.notEqual(await buildKey(input(), ['Main.x']), changedSource);
  });

  it('an unchanged build is compiled once and reused from the cache', async () => {
    const cacheDir = path.join(dir, 'reuse');
    const c = compiler();
    const first = await cachedBuild(cacheDir, 'k1', c.compile);
    assert.deepEqual(first, { ok: true, artifact: path.join(cacheDir, 'k1', 'app'), cached: false });
    const second = await cachedBuild(cacheDir, 'k1', c.compile);
    assert.deepEqual(second, { ok: true, artifact: path.join(cacheDir, 'k1', 'app'), cached: true });
    assert.equal(c.calls(), 1);
    assert.equal(fs.readFileSync(path.join(cacheDir, 'k1', 'app'), 'utf8'), 'built 1');
    await cachedBuild(cacheDir, 'k2', c.compile);
    assert.equal(c.calls(), 2, 'another key is another build');
  });

  it('a failed build is not kept: the next run compiles again', async () => {
    const cacheDir = path.join(dir, 'failing');
    const error = { kind: 'build-failed' as const, message: 'solution.x:1:1: error: nope' };
    const c = compiler(() => ({ ok: false, error }));
    assert.deepEqual(await cachedBuild(cacheDir, 'k', c.compile), { ok: false, error });
    assert.deepEqual(await cachedBuild(cacheDir, 'k', c.compile), { ok: false, error });
    assert.equal(c.calls(), 2);
    assert.deepEqual(fs.readdirSync(cacheDir), [], 'no folder left behind');
  });

  it('two runs building the same key at once both get a build', async () => {
    const cacheDir = path.join(dir, 'race');
    const c = compiler();
    const [a, b] = await Promise.all([cachedBuild(cacheDir, 'k', c.compile), cachedBuild(cacheDir, 'k', c.compile)]);
    assert.ok(a.ok && b.ok);
    assert.ok(fs.existsSync(a.artifact) && fs.existsSync(b.artifact));
    assert.deepEqual(fs.readdirSync(cacheDir), ['k']);
  });

  it('two builds of the same key at once in one process compile once; after a failed one the other compiles itself', async () => {
    const cacheDir = path.join(dir, 'shared');
    const c = compiler();
    const [a, b, d] = await Promise.all([cachedBuild(cacheDir, 'k', c.compile), cachedBuild(cacheDir, 'k', c.compile), cachedBuild(cacheDir, 'k', c.compile)]);
    assert.ok(a.ok && b.ok && d.ok);
    assert.equal(c.calls(), 1);
    // Which of the three builds depends on which looked at the cache first (the file system answers in any order).
    assert.deepEqual([a.cached, b.cached, d.cached].sort(), [false, true, true]);
    assert.ok(b.artifact === a.artifact && d.artifact === a.artifact);
    let failNext = true;
    const flaky = compiler(() => (failNext ? ((failNext = false), { ok: false, error: { kind: 'build-failed', message: 'cancelled' } }) : { ok: true, artifact: 'app' }));
    const [first, second] = await Promise.all([cachedBuild(cacheDir, 'j', flaky.compile), cachedBuild(cacheDir, 'j', flaky.compile)]);
    // The one that compiled first failed; the one that waited for it compiled itself.
    assert.deepEqual([first.ok, second.ok].sort(), [false, true], 'the second compiles itself when the one it waited for failed');
    assert.equal(flaky.calls(), 2);
  });

  it('pruning keeps the most recently used builds', async () => {
    const cacheDir = path.join(dir, 'prune');
    const c = compiler();
    for (const k of ['a', 'b', 'c']) await cachedBuild(cacheDir, k, c.compile);
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(path.join(cacheDir, 'a'), old, old);
    fs.utimesSync(path.join(cacheDir, 'c'), old, old);
    await cachedBuild(cacheDir, 'a', c.compile); // used again: touched
    await pruneBuilds(cacheDir, 2);
    assert.deepEqual(fs.readdirSync(cacheDir).sort(), ['a', 'b']);
  });

  it('pruning keeps the four most recently used harness builds apart from the solution builds', async () => {
    const cacheDir = path.join(dir, 'prune-harness');
    const keys = ['harness-1', 'harness-2', 'harness-3', 'harness-4', 'harness-5', 'harness-6', 's1', 's2', 's3'];
    // Oldest first: harness-1 the least recently used of all.
    keys.forEach((k, i) => {
      fs.mkdirSync(path.join(cacheDir, k), { recursive: true });
      const t = new Date(Date.now() - (keys.length - i) * 60_000);
      fs.utimesSync(path.join(cacheDir, k), t, t);
    });
    await pruneBuilds(cacheDir, 2);
    assert.deepEqual(fs.readdirSync(cacheDir).sort(), ['harness-3', 'harness-4', 'harness-5', 'harness-6', 's2', 's3']);
  });

  it('lives under XDG_CACHE_HOME or ~/.cache', () => {
    assert.equal(defaultBuildCacheDir({ XDG_CACHE_HOME: '/x' }, '/home/u'), path.join('/x', 'drills', 'builds'));
    assert.equal(defaultBuildCacheDir({}, '/home/u'), path.join('/home/u', '.cache', 'drills', 'builds'));
  });
});

describe('languages: compiler messages as diagnostics', () => {
  it('keeps the messages about the compiled file, at the user\'s lines, and drops notes and the harness\'s', () => {
    const output = [
      '/tmp/b/solution.cpp: In member function \'int Solution::f()\':',
      '/tmp/b/solution.cpp:12:5: error: \'x\' was not declared in this scope',
      '/tmp/b/solution.cpp:12:5: note: suggested alternative: \'y\'',
      '/tmp/b/harness.cpp:40:3: error: no matching function',
      '/tmp/b/solution.cpp:2:1: warning: unused variable',
      '/tmp/b/solution.cpp:1:1: error: in code before the user\'s',
    ].join('\n');
    assert.deepEqual(compilerDiagnostics(output, '/tmp/b/solution.cpp', '/work/two-sum/solution.cpp', 1), [
      { file: '/work/two-sum/solution.cpp', line: 11, column: 5, severity: 'error', message: '\'x\' was not declared in this scope' },
      { file: '/work/two-sum/solution.cpp', line: 1, column: 1, severity: 'warning', message: 'unused variable' },
    ]);
  });

  it('reads javac\'s file:line: error: (no column) and relative names from the compiler\'s folder', () => {
    const output = 'Solution.java:3: error: cannot find symbol\n        retun x;\n        ^\n1 error\n';
    assert.deepEqual(compilerDiagnostics(output, '/tmp/j/Solution.java', '/w/solution.java', 0, '/tmp/j'), [
      { file: '/w/solution.java', line: 3, column: 1, severity: 'error', message: 'cannot find symbol' },
    ]);
  });
});
