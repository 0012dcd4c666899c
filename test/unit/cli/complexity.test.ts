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
      'p/tests.yaml': 'cases:\n  - { name: one, args: [[5, 7]], expected: 2 }\n  - name: big\n    tags: [large]\n    generate: {n: 100000, seed: 3}\n',
      // Sixteen steps an element: long enough to time at every size, the call alone (not its input) being timed.
      'p/solutions/solution.js': 'exports.f = (xs) => { let c = 0; for (const x of xs) { let y = x; for (let k = 0; k < 16; k++) y = (y * 31 + k) % 1000003; if (y % 2) c++; } return c; };\n',
      'work/solution.js': 'exports.f = (xs) => { let c = 0; for (const x of xs) { let y = x; for (let k = 0; k < 16; k++) y = (y * 31 + k) % 1000003; if (y % 2) c++; } return c; };\n',
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
    // A linear solution: O(n) alone or a range holding it, below the stated O(n²) (a busy machine widens the range).
    assert.match(out, /Complexity: you stated O\(n²\); measured (≈ O\(n\)|between O\((1|log n|n)\) and O\((n|n log n)\)) — faster than stated\./);
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

describe('drills check --complexity', function () {
  this.timeout(240_000);
  let dir: string;
  let remove: () => void;
  before(() => {
    ({ dir, remove } = tempDir());
    // Distinct values marked in a table of fixed size, with some arithmetic per value: linear in the list, with nothing
    // that grows with it (a Set growing in V8's young generation is copied by every minor collection during the call,
    // which a busy machine measured as O(n²)), and long enough a call to time on a fast machine.
    const distinct =
      'exports.f = (xs) => { const seen = new Uint8Array(1000003); let c = 0; for (const x of xs) { let y = x; for (let k = 0; k < 16; k++) y = (y * 31 + k) % 1000003; if (!seen[x]) { seen[x] = 1; c++; } if (y < 0) c--; } return c; };\n';
    writeTree(dir, minimalPack({
      'p/problem.yaml': [
        'id: p\ntitle: P\ndifficulty: easy\ntopics: [arrays]\nfunction: { name: f, params: [{ name: xs, type: "int[]" }], returns: int }',
        // Stated one class above the reference's O(n): a scan of a table larger than the caches can measure "between
        // n and n log n" on a busy machine, and at or below O(n log n) is what check must prove; O(n²) is still above it.
        'limits: {timeMs: 400, memoryMb: 256}\ngenerator: {script: generator.js, sizes: [2000, 64000]}\ncomplexity: O(n log n)\ntooSlow: [pairs]\n',
      ].join('\n'),
      // Distinct values (7919 is prime to 1000003), so the pair loop never stops early.
      'p/generator.js': 'module.exports = (n, seed) => [Array.from({ length: n }, (_, i) => (i * 7919 + seed) % 1000003)];\n',
      'p/tests.yaml': 'cases:\n  - { name: two, args: [[1, 2]], expected: 2 }\n  - { name: empty, args: [[]], expected: 0 }\n  - name: big\n    tags: [large]\n    generate: {n: 100000, seed: 3}\n    expected: 100000\n',
      'p/solutions/solution.js': distinct,
      // Right, but O(n²): the big case times out, and it is the one `tooSlow` names.
      'p/wrong/pairs.js': 'exports.f = (xs) => { let c = 0; for (let i = 0; i < xs.length; i++) { let seen = false; for (let j = 0; j < i; j++) if (xs[j] === xs[i]) { seen = true; break; } if (!seen) c++; } return c; };\n',
      // O(n) like the reference, and times out too, only on the empty list: not slower in n, so not named.
      'p/wrong/hangs-on-empty.js': 'exports.f = (xs) => { while (xs.length === 0); return new Set(xs).size; };\n',
    }));
  });
  after(() => remove());

  it('proves the reference at or below the stated class and each solution named in tooSlow above it, and measures no other', async () => {
    const io = fakeIo();
    const code = await main(['check', dir, '--complexity', '--json'], io);
    const report = JSON.parse(io.stdout.join('\n')) as { ok: boolean; packs: { problems: { references: { path: string; complexity?: { ok: boolean; wanted: string; label: string } }[]; wrong: { path: string; failures: { verdict: string }[]; complexity?: { ok: boolean; wanted: string; label: string } }[] }[] }[] };
    const problem = report.packs[0].problems[0];
    const byName = (list: { path: string }[], name: string) => list.find((s) => path.basename(s.path) === name)!;
    const reference = byName(problem.references, 'solution.js') as (typeof problem.references)[number];
    const pairs = byName(problem.wrong, 'pairs.js') as (typeof problem.wrong)[number];
    const hangs = byName(problem.wrong, 'hangs-on-empty.js') as (typeof problem.wrong)[number];
    const shown = JSON.stringify(problem, null, 1);
    assert.equal(hangs.failures[0]?.verdict, 'timeout', shown);
    assert.equal(hangs.complexity, undefined, shown);
    assert.deepEqual([reference.complexity?.wanted, reference.complexity?.ok], ['at-or-below', true], shown);
    assert.deepEqual([pairs.complexity?.wanted, pairs.complexity?.ok], ['above', true], shown);
    assert.equal(code, 0, shown);
    assert.equal(report.ok, true);
  });
});
