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
function drills(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: path.join(cwd, 'cache') } });
}

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
});
