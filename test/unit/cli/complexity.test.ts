import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../../src/cli/main';
import type { Io } from '../../../src/cli/io';
import { minimalPack, tempDir, writeTree } from '../pack/helpers';

const root = path.resolve(__dirname, '../../../..');
const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-cli-cache-'));

function fakeIo(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), isTTY: false, env: { ...process.env, DRILLS_NO_CACHE: '1' }, version: '9.9.9', resolve: (p) => path.resolve(root, p), harnessDir: path.join(root, 'out/harness'), cacheDir };
}

describe('drills digest and run --complexity', function () {
  this.timeout(120_000);
  let dir: string;
  let remove: () => void;
  before(() => {
    ({ dir, remove } = tempDir());
    writeTree(dir, minimalPack({
      'p/problem.yaml': 'id: p\ntitle: P\ndifficulty: easy\ntopics: [arrays]\nfunction: { name: f, params: [{ name: xs, type: "int[]" }], returns: int }\ngenerator: {script: generator.js, sizes: [4000, 512000]}\ncomplexity: O(n)\n',
      'p/generator.js': 'module.exports = (n, seed) => [Array.from({ length: n }, (_, i) => (i * 7919 + seed) % 1000003)];\n',
      'p/tests.yaml': 'cases:\n  - { name: one, args: [[1, 2]], expected: 1 }\n  - name: big\n    tags: [large]\n    generate: {n: 100000, seed: 3}\n',
      'p/solutions/solution.js': 'exports.f = (xs) => { let c = 0; for (const x of xs) if (x % 2) c++; return c; };\n',
      'work/solution.js': 'exports.f = (xs) => { let c = 0; for (const x of xs) if (x % 2) c++; return c; };\n',
      'work/PLAN.md': '# Plan\n\n## 4. Complexity\n\n- Time: O(n^2)\n- Space: O(1)\n',
    }));
  });
  after(() => remove());

  it('digest writes the expected results of generated cases; run --complexity prints the verdict, then the measurement against the plan', async () => {
    const digestIo = fakeIo();
    assert.equal(await main(['digest', dir], digestIo), 0, digestIo.stderr.join('\n'));
    assert.match(digestIo.stdout.join('\n'), /^p: 1 generated case, 1 digest written$/);
    assert.match(fs.readFileSync(path.join(dir, 'p/tests.yaml'), 'utf8'), /generate: \{n: 100000, seed: 3\}\n {4}digest: \{sha256: [0-9a-f]{64}, shape: "\d+"\}/);

    const io = fakeIo();
    assert.equal(await main(['run', '--problem', 'p', '--pack', dir, '--lang', 'javascript', '--complexity', path.join(dir, 'work/solution.js')], io), 0, io.stderr.join('\n'));
    const out = io.stdout.join('\n');
    const verdict = out.indexOf('2/2 passed');
    const measured = out.indexOf('Complexity: you stated O(n²); measured ');
    assert.ok(verdict >= 0 && measured > verdict, out);
    assert.match(out, /Complexity: you stated O\(n²\); measured (≈ O\(n\)|between O\(log n\) and O\(n\)|between O\(n\) and O\(n log n\)|between O\(log n\) and O\(n log n\)) — faster than stated\./);
    assert.match(out, /\n {2}n = [\d,]+: [\d.]+ ms\n/);
  });

  it('measures nothing after a failing run', async () => {
    const wrong = path.join(dir, 'work/wrong.js');
    fs.writeFileSync(wrong, 'exports.f = () => 0;\n');
    const io = fakeIo();
    assert.equal(await main(['run', '--problem', 'p', '--pack', dir, '--lang', 'javascript', '--complexity', wrong], io), 1);
    assert.match(io.stdout.join('\n'), /Complexity: not measured: measured only after every case passes\./);
  });
});
