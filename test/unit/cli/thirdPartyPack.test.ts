import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../../src/cli/main';
import type { Io } from '../../../src/cli/io';
import { LANGUAGE_IDS } from '../../../src/core/languages/registry';
import { findOnPath } from '../../../src/core/runner/interpreters';

// A pack written from the documentation alone (docs/pack-format.md), with a reference solution in every language
// and known-wrong solutions, each wrong in a way one case is meant to catch. `drills check` must judge it exactly as
// its author expects: every reference passes every case, and every known-wrong solution is caught by that case,
// with that verdict.

// Compiled to out/test/unit/cli/: the repository is four levels up.
const root = path.resolve(__dirname, '../../../..');
const pack = path.join(root, 'test/fixtures/packs/third-party');

/** Each known-wrong solution, the first case that catches it, and how. */
const CAUGHT: Record<string, [string, string]> = {
  'compound/wrong/cents.js': ['three years', 'failed'],
  'compound/wrong/float32.cpp': ['a trillion dollars', 'failed'],
  'compound/wrong/float32.go': ['a trillion dollars', 'failed'],
  'compound/wrong/Float32.java': ['a trillion dollars', 'failed'],
  'compound/wrong/simple_interest.py': ['three years', 'failed'],
  'max-path/wrong/all_paths.go': ['a chain of 50,000 nodes', 'memory'],
  'max-path/wrong/Greedy.java': ['a greedy choice at the root is wrong', 'failed'],
  'max-path/wrong/half_leaf.cpp': ['a node with one child is not a leaf', 'failed'],
  'max-path/wrong/not_empty.go': ['a greedy choice at the root is wrong', 'failed'],
  'max-path/wrong/recursive.py': ['a chain of 50,000 nodes', 'error'],
  'mul-mod/wrong/no_check.py': ['a negative modulus is rejected', 'failed'],
  'mul-mod/wrong/numbers.js': ['product beyond 2^64', 'failed'],
  'mul-mod/wrong/overflow.cpp': ['product beyond 2^64', 'failed'],
  'mul-mod/wrong/remainder.go': ['negative factor', 'failed'],
  'pair-sums/wrong/larger_first.cpp': ['one pair', 'failed'],
  'pair-sums/wrong/no_check.py': ['a negative target is rejected', 'failed'],
  'pair-sums/wrong/self_pairs.go': ['several pairs in any order', 'failed'],
  'pair-sums/wrong/wrong_error.java': ['a negative target is rejected', 'failed'],
  'polygon-area/wrong/scale_once.go': ['scaled', 'failed'],
  'polygon-area/wrong/signed.ts': ['clockwise triangle', 'failed'],
  'polygon-area/wrong/truncated.cpp': ['fractional corners, within the tolerance', 'failed'],
  'token-count/wrong/case_kept.py': ['case ignored', 'failed'],
  'token-count/wrong/double_digits.go': ['big numbers keep every digit', 'failed'],
  'token-count/wrong/empty_allowed.cpp': ['an empty token is rejected', 'failed'],
  'token-count/wrong/NoBase.java': ['base counts are added to', 'failed'],
  'token-count/wrong/pair_list.js': ['200,000 generated tokens', 'timeout'],
  'window-sum/wrong/newest_first.cpp': ['fills then slides', 'failed'],
  'window-sum/wrong/NoEvict.java': ['fills then slides', 'failed'],
  'window-sum/wrong/one_extra.ts': ['fills then slides', 'failed'],
  'window-sum/wrong/rescan.js': ['100,000 slides stay O(1)', 'timeout'],
};

interface SolutionReport { path: string; language: string; ok: boolean; passed: number; total: number; failures: { case: string; verdict: string; message?: string }[] }
interface ProblemReport { id: string; ok: boolean; cases: number; references: SolutionReport[]; wrong: SolutionReport[]; diagnostics: unknown[] }

const missing = ['javac', 'g++', 'go'].filter((tool) => !findOnPath(tool, process.env.PATH));

(missing.length === 0 ? describe : describe.skip)(`a third-party pack written from the docs, in every language${missing.length ? ` (skipped: no ${missing.join(', ')})` : ''}`, function () {
  // Cold, the C++ harness and every solution are compiled; the builds are shared with the runner suites.
  this.timeout(600_000);
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-third-party-'));
  const sharedBuilds = path.join(os.tmpdir(), 'drills-test-builds');
  fs.mkdirSync(sharedBuilds, { recursive: true });
  fs.symlinkSync(sharedBuilds, path.join(cacheDir, 'builds'));
  after(() => fs.rmSync(cacheDir, { recursive: true, force: true }));

  let report: { ok: boolean; packs: { diagnostics: unknown[]; problems: ProblemReport[] }[] };
  let exitCode: number;
  let stderr: string[];
  before(async () => {
    const stdout: string[] = [];
    stderr = [];
    const io: Io = {
      out: (t) => stdout.push(t),
      err: (t) => stderr.push(t),
      isTTY: false,
      env: process.env,
      version: '9.9.9',
      resolve: (p) => path.resolve(root, p),
      harnessDir: path.join(root, 'out/harness'),
      cacheDir,
    };
    exitCode = await main(['check', pack, '--json'], io);
    report = JSON.parse(stdout.join('\n'));
  });

  it('loads without a diagnostic and passes check', () => {
    assert.deepEqual(report.packs[0].diagnostics, []);
    for (const p of report.packs[0].problems) assert.deepEqual(p.diagnostics, [], p.id);
    assert.equal(exitCode, 0, stderr.join('\n'));
    assert.equal(report.ok, true);
    assert.deepEqual(report.packs[0].problems.map((p) => p.id).sort(), ['compound', 'max-path', 'mul-mod', 'pair-sums', 'polygon-area', 'token-count', 'window-sum']);
  });

  it('passes every reference solution on every case, in every language', () => {
    for (const p of report.packs[0].problems) {
      assert.deepEqual(p.references.map((r) => r.language).sort(), [...LANGUAGE_IDS].sort(), p.id);
      for (const r of p.references) {
        assert.equal(r.ok && r.passed === r.total && r.total === p.cases, true, `${path.relative(pack, r.path)}: ${JSON.stringify(r.failures)}`);
      }
    }
  });

  it('catches every known-wrong solution with the case meant to catch it', () => {
    const caught: Record<string, [string, string]> = {};
    for (const p of report.packs[0].problems) {
      for (const w of p.wrong) {
        assert.equal(w.ok, true, `${w.path} was not caught`);
        caught[path.relative(pack, w.path)] = [w.failures[0].case, w.failures[0].verdict];
      }
    }
    assert.deepEqual(caught, CAUGHT);
  });
});
