import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Io } from '../../../src/cli/io';
import { main } from '../../../src/cli/main';
import { escapeControl, formatRun } from '../../../src/cli/report';
import { createStyle } from '../../../src/cli/style';
import { loadProblemFromDir } from '../../../src/core/pack/index';
import { createInterpreterResolver, runSolution } from '../../../src/core/runner/index';

// Compiled to out/test/unit/cli/: the repository is four levels up.
const root = path.resolve(__dirname, '../../../..');
const good = path.join(root, 'test/fixtures/cli/good');
const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-cli-cache-'));
const ESC = String.fromCharCode(27);

function fakeIo(): Io & { stdout: string[]; stderr: string[]; text: () => string } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    text: () => [...stdout, ...stderr].join('\n'),
    out: (t) => stdout.push(t),
    err: (t) => stderr.push(t),
    isTTY: false,
    env: { ...process.env, DRILLS_NO_CACHE: '1' },
    version: '9.9.9',
    resolve: (p) => path.resolve(root, p),
    harnessDir: path.join(root, 'out/harness'),
    cacheDir,
  };
}

const temps: string[] = [];
/** A copy of the `good` pack in a temp folder, with files replaced (null removes one). */
function goodPackWith(files: Record<string, string | null> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-author-'));
  temps.push(dir);
  fs.cpSync(good, dir, { recursive: true });
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(dir, relative);
    if (content === null) fs.rmSync(file, { force: true });
    else {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content);
    }
  }
  return dir;
}

const BROKEN_TESTS = 'cases:\n  - {name: fine, args: [1, 2], expected: 3}\n  - {name: three args, args: [1, 2, 3], expected: 6}\n  - {name: from nowhere, from: cases/none.json}\n';

describe('drills for pack authors', () => {
  after(() => {
    for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('hidden tests with errors', () => {
    it('run prints the diagnostics at their places and exits 2 without running a case', async () => {
      const dir = goodPackWith({ 'add-two/tests.yaml': BROKEN_TESTS });
      const io = fakeIo();
      const code = await main(['run', '--problem', 'add-two', '--pack', dir, '--lang', 'python', path.join(dir, 'add-two/solutions/solution.py')], io);
      assert.equal(code, 2);
      const err = io.stderr.join('\n');
      assert.match(err, /^add-two\/tests\.yaml:3:\d+: error: `args` has 3 values/m);
      assert.match(err, /^add-two\/tests\.yaml:4:\d+: error: `cases\/none\.json` does not exist/m);
      assert.doesNotMatch(io.text(), /passed/);
    });

    it('the runner refuses a problem whose tests have errors: an error naming them, every case not run', async () => {
      const dir = goodPackWith({ 'add-two/tests.yaml': BROKEN_TESTS });
      const { problem } = await loadProblemFromDir(path.join(dir, 'add-two'), dir);
      assert.ok(problem);
      const result = await runSolution(
        { problem, language: 'python', solutionPath: path.join(dir, 'add-two/solutions/solution.py') },
        { harnessDir: path.join(root, 'out/harness'), interpreters: createInterpreterResolver({ pathEnv: process.env.PATH }), now: () => performance.now() },
      );
      assert.equal(result.error?.kind, 'tests-broken');
      assert.match(result.error?.message ?? '', /have 2 errors[\s\S]*tests\.yaml:3:\d+: `args` has 3 values/);
      assert.equal(result.error?.diagnostics?.length, 2);
      assert.deepEqual(result.cases.map((c) => c.verdict), ['notRun']);
      assert.equal(result.passed, 0);
    });

    it('list reads every file of the pack: a broken tests.yaml is reported and exits 1', async () => {
      const dir = goodPackWith({ 'add-two/tests.yaml': BROKEN_TESTS });
      const io = fakeIo();
      assert.equal(await main(['list', dir], io), 1);
      assert.match(io.stderr.join('\n'), /add-two\/tests\.yaml:3:\d+: error: `args` has 3 values/);
      assert.equal(await main(['list', good], fakeIo()), 0);
    });

    it('check runs no solution of a problem whose tests have errors, and says so', async () => {
      const dir = goodPackWith({ 'add-two/tests.yaml': BROKEN_TESTS });
      const io = fakeIo();
      assert.equal(await main(['check', dir], io), 1);
      const text = io.stdout.join('\n');
      assert.match(text, /no solution was run: the hidden tests have errors/);
      assert.doesNotMatch(text, /reference/);
    });
  });

  describe('what check reports', () => {
    it('counts a problem that does not load as failed, and names it', async () => {
      const dir = goodPackWith({ 'broken/problem.yaml': 'id: broken\ntitle: [\n', 'broken/statement.md': '# B\n' });
      const io = fakeIo();
      assert.equal(await main(['check', dir], io), 1);
      const text = io.stdout.join('\n');
      assert.match(text, /^✗ broken does not load: problem\.yaml has errors$/m);
      assert.match(text, /^check: 1 passed, 1 failed \(1 did not load\)$/m);
    });

    it('prints each warning once, with its path relative to the pack', async () => {
      const dir = goodPackWith({ 'add-two/starter/solution.js': null });
      const io = fakeIo();
      await main(['check', dir], io);
      const text = io.stdout.join('\n');
      const warnings = text.split('\n').filter((l) => l.includes('No javascript starter'));
      assert.equal(warnings.length, 1, text);
      assert.match(warnings[0], /^\s*add-two\/problem\.yaml:1:1: warning: /);
      assert.doesNotMatch(text, /\.\.\//);
    });

    it('an unknown top-level key of problem.yaml fails check, though list only warns', async () => {
      const problemYaml = fs.readFileSync(path.join(good, 'add-two/problem.yaml'), 'utf8') + 'authorNotes: remember to add more cases\n';
      const dir = goodPackWith({ 'add-two/problem.yaml': problemYaml });
      const listed = fakeIo();
      assert.equal(await main(['list', dir], listed), 0);
      assert.match(listed.stderr.join('\n'), /warning: Unknown key `authorNotes`/);
      const checked = fakeIo();
      assert.equal(await main(['check', dir], checked), 1);
      assert.match(checked.stdout.join('\n'), /add-two\/problem\.yaml:\d+:1: error: Unknown key `authorNotes`.*drills check` fails on unknown keys/);
    });

    it('says why each known-wrong solution was caught: the case, the verdict and the message', async () => {
      const io = fakeIo();
      assert.equal(await main(['check', good], io), 0);
      assert.match(io.stdout.join('\n'), /✓ wrong {5}add-two\/wrong\/abs\.py caught by negatives add: failed \(Expected -3, got 5\.\)/);
    });

    it('runs every starter: each must load and pass no case', async () => {
      const io = fakeIo();
      assert.equal(await main(['check', good], io), 0);
      assert.match(io.stdout.join('\n'), /✓ starter {3}add-two\/starter\/solution\.py passes none of \d+/);
      assert.match(io.stdout.join('\n'), /✓ starter {3}add-two\/starter\/solution\.js passes none of \d+/);
    });

    it('fails a starter that passes a case, naming the case, and one that does not load', async () => {
      // The Python starter answers the cases where b is 2 (a wrong guess an author could leave in); the JavaScript one
      // has a syntax error, which a candidate would meet on their first run.
      const dir = goodPackWith({
        'add-two/starter/solution.py': 'def add_two(a, b):\n    return a + 2\n',
        'add-two/starter/solution.js': 'function addTwo(a, b) {\n  return (\n}\n',
      });
      const io = fakeIo();
      assert.equal(await main(['check', dir], io), 1);
      const text = io.stdout.join('\n');
      assert.match(text, /✗ starter {3}add-two\/starter\/solution\.py passes \d+ of \d+ cases: a starter must pass none/);
      assert.match(text, /^ {8}passed \S/m);
      assert.match(text, /✗ starter {3}add-two\/starter\/solution\.js does not run: /);
      assert.match(text, /check: 0 passed, 1 failed/);
      const json = fakeIo();
      assert.equal(await main(['check', dir, '--json'], json), 1);
      const starters = JSON.parse(json.stdout.join('\n')).packs[0].problems[0].starters as { language: string; ok: boolean; passing?: string[]; error?: string }[];
      const python = starters.find((t) => t.language === 'python')!;
      assert.equal(python.ok, false);
      assert.ok((python.passing ?? []).length > 0);
      assert.equal(starters.find((t) => t.language === 'javascript')!.ok, false);
    });
  });

  describe('how check runs solutions', () => {
    // One case the wrong solution fails at once; three more it would spend its whole time limit on.
    const slowWrong = {
      'add-two/problem.yaml': fs.readFileSync(path.join(good, 'add-two/problem.yaml'), 'utf8').replace('timeMs: 2000', 'timeMs: 400'),
      'add-two/tests.yaml':
        'cases:\n  - {name: first, args: [-1, 2], expected: 1}\n  - {name: second, args: [1, 2], expected: 3}\n  - {name: third, args: [2, 2], expected: 4}\n  - {name: fourth, args: [3, 2], expected: 5}\n',
      'add-two/wrong/abs.py': 'def add_two(a, b):\n    if a < 0:\n        return 0\n    while True:\n        pass\n',
    };

    it('stops a known-wrong solution at its first failing case, and runs every case with --all', async () => {
      const dir = goodPackWith(slowWrong);
      const quick = fakeIo();
      assert.equal(await main(['check', dir, '--json'], quick), 0);
      const wrong = JSON.parse(quick.stdout.join('\n')).packs[0].problems[0].wrong[0];
      assert.deepEqual(wrong.failures.map((f: { case: string; verdict: string }) => [f.case, f.verdict]), [['first', 'failed']]);
      assert.equal(wrong.skipped, 3);
      const all = fakeIo();
      assert.equal(await main(['check', dir, '--json', '--all'], all), 0);
      const every = JSON.parse(all.stdout.join('\n')).packs[0].problems[0].wrong[0];
      // No early stop: the case after the first failure runs too. Hanging cases after the first time-out share one
      // more time limit of wall time (the judge's bound on a run), so the last two are not run.
      assert.deepEqual(every.failures.map((f: { verdict: string }) => f.verdict), ['failed', 'timeout']);
      assert.equal(every.skipped, 2);
    });

    it('runs independent solutions at the same time, up to --jobs', async () => {
      // Each reference solution passes only if the other is running while it waits for it.
      const waitFor = (mine: string, other: string) => ({
        py: `import os, time\nHERE = os.path.dirname(os.path.abspath(__file__))\ndef add_two(a, b):\n    open(os.path.join(HERE, '${mine}'), 'w').close()\n    end = time.time() + 3\n    while time.time() < end:\n        if os.path.exists(os.path.join(HERE, '${other}')):\n            return a + b\n        time.sleep(0.02)\n    return 0\n`,
        js: `const fs = require('fs');\nconst path = require('path');\nfunction addTwo(a, b) {\n  fs.writeFileSync(path.join(__dirname, '${mine}'), '');\n  const end = Date.now() + 3000;\n  while (Date.now() < end) {\n    if (fs.existsSync(path.join(__dirname, '${other}'))) return a + b;\n    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);\n  }\n  return 0;\n}\n`,
      });
      const files = {
        'add-two/problem.yaml': fs.readFileSync(path.join(good, 'add-two/problem.yaml'), 'utf8').replace('timeMs: 2000', 'timeMs: 5000'),
        'add-two/tests.yaml': 'cases:\n  - {name: one, tags: [single], args: [1, 2], expected: 3}\n',
        'add-two/solutions/solution.py': waitFor('py.mark', 'js.mark').py,
        'add-two/solutions/solution.js': waitFor('js.mark', 'py.mark').js,
        'add-two/wrong/abs.py': 'def add_two(a, b):\n    return 0\n',
      };
      const together = fakeIo();
      assert.equal(await main(['check', goodPackWith(files), '--jobs', '2'], together), 0, together.text());
      const alone = fakeIo();
      assert.equal(await main(['check', goodPackWith(files), '--jobs', '1'], alone), 1, 'one at a time, the first waits in vain');
    });

    it('rejects a --jobs that is not a whole number at least 1', async () => {
      for (const jobs of ['0', 'two', '1.5']) {
        const io = fakeIo();
        assert.equal(await main(['check', good, '--jobs', jobs], io), 2, jobs);
        assert.match(io.stderr.join('\n'), /--jobs must be a whole number/);
      }
    });
  });

  describe('the report is safe to print', () => {
    it('escapes control characters a solution prints or raises, so it cannot clear the screen or fake a line', async () => {
      const dir = goodPackWith({
        'add-two/solutions/evil.py': `import sys\ndef add_two(a, b):\n    print("\\x1b[2J\\x1b[H\\x1b[32m✓ 3/3 passed\\x1b[0m\\rok")\n    raise ValueError("\\x1b]0;title\\x07\\u202egnp.exe")\n`,
      });
      const io = fakeIo();
      assert.equal(await main(['run', '--problem', 'add-two', '--pack', dir, '--lang', 'python', path.join(dir, 'add-two/solutions/evil.py')], io), 1);
      const text = io.text();
      assert.ok(!text.includes(ESC), 'no escape character reaches the terminal');
      assert.ok(!text.includes('\r'), 'no carriage return reaches the terminal');
      assert.ok(!text.includes('\u202e'), 'no bidirectional override reaches the terminal');
      assert.match(text, /\\x1b\[2J/);
      assert.match(text, /\\u202e/);
    });

    it('list and show escape control characters in what a pack declares', async () => {
      const problemYaml = fs.readFileSync(path.join(good, 'add-two/problem.yaml'), 'utf8').replace('title: Add Two', 'title: "Add\\e[2J Two"');
      const dir = goodPackWith({ 'add-two/problem.yaml': problemYaml });
      for (const args of [['list', dir], ['show', '--problem', 'add-two', '--pack', dir]]) {
        const io = fakeIo();
        assert.equal(await main(args, io), 0, io.text());
        assert.ok(!io.text().includes(ESC), args[0]);
        assert.match(io.text(), /Add\\x1b\[2J Two/);
      }
    });

    it('keeps colour codes of its own and newlines, escaping only what came from outside', () => {
      assert.equal(escapeControl('a\r\nb\tc\u0007\u009b'), 'a\nb\tc\\x07\\x9b');
      const style = createStyle({ isTTY: true }, { FORCE_COLOR: '1' });
      const lines = formatRun(
        {
          problemId: 'p',
          language: 'python',
          solutionPath: '/x.py',
          passed: 0,
          failed: 1,
          durationMs: 1,
          cases: [{ index: 0, name: `c${ESC}[2J`, tags: [], verdict: 'error', message: `m${ESC}[31m`, durationMs: 1, output: `o${ESC}c` }],
        },
        style,
      );
      const text = lines.join('\n');
      assert.ok(text.includes(`${ESC}[31m`), 'the report is still coloured');
      assert.ok(!text.includes(`${ESC}[2J`) && !text.includes(`${ESC}c`), text);
    });
  });

  describe('failure messages of large values', () => {
    it('name the first differing index with both sides around it, not the first characters of each', async () => {
      const dir = goodPackWith({
        'add-two/problem.yaml': fs.readFileSync(path.join(good, 'add-two/problem.yaml'), 'utf8').replace('returns: int', 'returns: "int[]"'),
        'add-two/tests.yaml': `cases:\n  - {name: long, args: [0, 1000], expected: ${JSON.stringify(Array.from({ length: 1000 }, (_, i) => i))}}\n`,
        'add-two/solutions/off.py': 'def add_two(a, b):\n    r = list(range(a, b))\n    r[700] = -1\n    return r\n',
      });
      const io = fakeIo();
      assert.equal(await main(['run', '--problem', 'add-two', '--pack', dir, '--lang', 'python', path.join(dir, 'add-two/solutions/off.py')], io), 1);
      const text = io.stdout.join('\n');
      assert.match(text, /Differs at \[700\]: expected 700, got -1 \(around it: expected \[…, 697, 698, 699, 700, 701, 702, 703, …\], got \[…, 697, 698, 699, -1, 701, 702, 703, …\]\)/);
      assert.doesNotMatch(text, /\[0,1,2,3,4,5/);
    });
  });

  describe('show', () => {
    it('prints what a problem declares without revealing its cases', async () => {
      const io = fakeIo();
      assert.equal(await main(['show', '--problem', 'add-two', '--pack', good], io), 0);
      const text = io.stdout.join('\n');
      assert.match(text, /signature\s+function addTwo\(a: int, b: int\) -> int \(python: add_two\)/);
      assert.match(text, /limits\s+2000 ms of CPU time per case, 128 MB of memory/);
      assert.match(text, /phases\s+none/);
      assert.match(text, /hints\s+0/);
      assert.match(text, /cases\s+3 hidden: single×1 empty×1 negative×1/);
      assert.match(text, /solutions\s+2 reference, 1 known-wrong/);
      for (const secret of ['small numbers add', '-4', '-3']) assert.ok(!text.includes(secret), `reveals ${secret}`);
      const json = fakeIo();
      assert.equal(await main(['show', '--problem', 'add-two', '--pack', good, '--json'], json), 0);
      const outline = JSON.parse(json.stdout.join('\n'));
      assert.deepEqual(outline.cases.byTag, { single: 1, empty: 1, negative: 1 });
      assert.deepEqual(outline.limits, { timeMs: 2000, memoryMb: 128 });
    });

    it('exits 2 for an unknown problem', async () => {
      const io = fakeIo();
      assert.equal(await main(['show', '--problem', 'nope', '--pack', good], io), 2);
      assert.match(io.stderr.join('\n'), /No problem 'nope'/);
    });
  });

  describe('new', () => {
    it('writes a pack and a problem that pass check as written', async () => {
      const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-new-'));
      temps.push(parent);
      const dir = path.join(parent, 'My Pack');
      const made = fakeIo();
      assert.equal(await main(['new', 'pack', dir], made), 0, made.text());
      assert.equal(await main(['new', 'problem', 'merge-intervals', '--pack', dir], fakeIo()), 0);
      const io = fakeIo();
      const code = await main(['check', dir, '--json'], io);
      const report = JSON.parse(io.stdout.join('\n'));
      const problems = report.packs[0].problems;
      assert.equal(report.packs[0].id, 'my-pack');
      assert.deepEqual(problems.map((p: { id: string }) => p.id).sort(), ['average', 'find-duplicate', 'merge-intervals', 'min-stack', 'tree-depth', 'two-sum']);
      for (const p of problems) {
        assert.equal(p.ok, true, JSON.stringify(p, null, 1));
        assert.ok(p.wrong.length > 0, `${p.id} has a known-wrong solution`);
      }
      assert.deepEqual(report.packs[0].diagnostics, []);
      assert.equal(code, 0);
    });

    it('never writes over a folder or a problem that exists', async () => {
      const dir = goodPackWith();
      const io = fakeIo();
      assert.equal(await main(['new', 'pack', dir], io), 2);
      assert.match(io.stderr.join('\n'), /is not empty/);
      const again = fakeIo();
      assert.equal(await main(['new', 'problem', 'add-two', '--pack', dir], again), 2);
      assert.match(again.stderr.join('\n'), /already has a problem 'add-two'/);
      assert.equal(await main(['new', 'problem', '../escape', '--pack', dir], fakeIo()), 2);
    });
  });
});
