import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// Compiled to out/test/unit/cli/: the repository is four levels up.
const root = path.resolve(__dirname, '../../../..');
const cli = path.join(root, 'out/cli.js');
const good = path.join(root, 'test/fixtures/cli/good');

/** Runs the built `drills` as a program, its output through pipes. */
function drills(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: path.join(cwd, 'cache'), ...env } });
}

const yamlEntries = (cwd: string): string[] => {
  const dir = path.join(cwd, 'cache', 'drills', 'yaml');
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => n.endsWith('.bin')) : [];
};

describe('the built drills bundle', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-bundle-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('runs a TypeScript solution, loading the transpiler from beside the bundle only then', () => {
    const file = path.join(dir, 'solution.ts');
    fs.writeFileSync(file, 'export function addTwo(a: number, b: number): number {\n  return a + b;\n}\n');
    const r = drills(['run', '--problem', 'add-two', '--pack', good, '--lang', 'typescript', file], dir);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /3\/3 passed/);
    assert.ok(fs.existsSync(path.join(root, 'out/sucrase.js')), 'the transpiler is a file of its own');
    assert.ok(!fs.readFileSync(cli, 'utf8').includes('function transform('), 'the CLI bundle does not carry the transpiler');
  });

  it('reports a TypeScript syntax error at its line, from the transpiler beside the bundle', () => {
    const file = path.join(dir, 'solution.ts');
    fs.writeFileSync(file, 'export function addTwo(a: number, b: number): number {\n  return a +;\n}\n');
    const r = drills(['run', '--problem', 'add-two', '--pack', good, '--lang', 'typescript', file, '--json'], dir);
    assert.equal(r.status, 1, r.stderr);
    const result = JSON.parse(r.stdout);
    assert.equal(result.error.kind, 'load-failed');
    assert.equal(result.error.location.line, 2);
  });

  it('delivers its whole report through a pipe and exits with the run\'s code', () => {
    const file = path.join(dir, 'solution.js');
    // Every case fails and prints: a report well beyond one pipe buffer.
    fs.writeFileSync(file, `function addTwo(a, b) {\n  console.log('x'.repeat(100000));\n  return a - b;\n}\nmodule.exports = { addTwo };\n`);
    const r = drills(['run', '--problem', 'add-two', '--pack', good, '--lang', 'javascript', file, '--json'], dir);
    assert.equal(r.status, 1, r.stderr);
    const result = JSON.parse(r.stdout);
    assert.equal(result.cases.length, 3);
    assert.ok(result.cases.every((c: { output: string }) => c.output.length > 100000));
  });

  it('runs a problem again from its cached YAML with the same report, and writes no cache under DRILLS_NO_CACHE', () => {
    const file = path.join(dir, 'solution.js');
    fs.writeFileSync(file, 'function addTwo(a, b) {\n  return a === 0 ? -1 : a + b;\n}\nmodule.exports = { addTwo };\n');
    const args = ['run', '--problem', 'add-two', '--pack', good, '--lang', 'javascript', file, '--json'];
    const summary = (stdout: string): unknown => (JSON.parse(stdout) as { cases: { name: string; verdict: string; actual: unknown; expected: unknown }[] }).cases.map((c) => [c.name, c.verdict, c.actual, c.expected]);
    const first = drills(args, dir);
    const entries = yamlEntries(dir);
    // drills-pack.yaml, problem.yaml and tests.yaml.
    assert.equal(entries.length, 3, first.stderr);
    const second = drills(args, dir);
    assert.equal(second.status, first.status);
    assert.deepEqual(summary(second.stdout), summary(first.stdout));
    assert.deepEqual(yamlEntries(dir), entries);

    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-bundle-'));
    try {
      const uncached = drills(args, other, { DRILLS_NO_CACHE: '1' });
      assert.deepEqual(summary(uncached.stdout), summary(first.stdout));
      assert.deepEqual(yamlEntries(other), []);
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });
});
