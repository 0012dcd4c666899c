import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The root hook plugin as built next to this file (out/test/unit/rejections.js). */
const HOOKS = path.resolve(__dirname, '..', 'rejections.js');
const MOCHA = require.resolve('mocha/bin/mocha.js');

function runMocha(spec: string, extra: string[] = []): { status: number | null; output: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-rejections-'));
  try {
    const file = path.join(dir, 'fixture.test.js');
    fs.writeFileSync(file, spec);
    const r = spawnSync(process.execPath, [MOCHA, '--no-config', '--require', HOOKS, ...extra, file], { encoding: 'utf8', timeout: 60_000 });
    return { status: r.status, output: `${r.stdout}${r.stderr}` };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('the unit suite and unhandled promise rejections', () => {
  it('a floating rejection fails the run, naming the test it surfaced in, and the other tests still run', () => {
    const { status, output } = runMocha(`
      describe('fixture', () => {
        it('floats a rejection', async () => { void Promise.reject(new Error('nobody awaited me')); await new Promise((r) => setTimeout(r, 20)); });
        it('runs after it', () => {});
      });
    `);
    assert.notEqual(status, 0, output);
    assert.match(output, /2 passing/);
    assert.match(output, /1 unhandled promise rejection\(s\):\s+during "fixture floats a rejection": Error: nobody awaited me/);
  });

  it('the same under --parallel, where a worker drops listeners between files', () => {
    const { status, output } = runMocha(`
      describe('fixture', () => {
        it('floats a rejection', () => { void Promise.reject(new Error('left behind')); });
      });
    `, ['--parallel', '--jobs', '2']);
    assert.notEqual(status, 0, output);
    assert.match(output, /unhandled promise rejection\(s\):[\s\S]*left behind/);
  });

  it('a run without one passes', () => {
    const { status, output } = runMocha(`describe('fixture', () => { it('awaits what it starts', async () => { await Promise.resolve(1); }); });`);
    assert.equal(status, 0, output);
  });
});
