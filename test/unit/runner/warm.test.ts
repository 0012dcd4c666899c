import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pendingCleanups } from '../../../src/core/runner/cleanup';
import { runSolution } from '../../../src/core/runner/run';
import { WarmRunner, WarmSlot, type WarmTarget, type WarmTimers } from '../../../src/core/runner/warm';
import type { Language, Problem } from '../../../src/core/pack/types';
import type { RunResult } from '../../../src/core/runner/types';
import { isAlive, makeProblem, tc, tempDir, testEnv } from './helpers';
import { strayProcesses, waitFor } from './processes';

/** Timers a test fires by hand: nothing waits for the real idle time. */
class ManualTimers implements WarmTimers {
  private next = 1;
  readonly pending = new Map<number, { callback: () => void; ms: number }>();
  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.next++;
    this.pending.set(id, { callback, ms });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  /** Fires every pending timer set for `ms`. */
  fire(ms: number): void {
    for (const [id, t] of [...this.pending]) {
      if (t.ms !== ms) continue;
      this.pending.delete(id);
      t.callback();
    }
  }
}

const SOLUTIONS = {
  python: {
    ext: '.py',
    verdicts: 'import os\ndef solve(a):\n    if a == "pid":\n        return os.getpid()\n    if a == "raise":\n        raise ValueError("bad")\n    if a == "loop":\n        while True:\n            pass\n    if a == "memory":\n        hog = bytearray(400 << 20)\n        return len(hog)\n    return a * 2\n',
    counter: 'import builtins\ndef solve(a):\n    builtins.drills_seen = getattr(builtins, "drills_seen", 0) + 1\n    return builtins.drills_seen\n',
    constant: (n: number) => `def solve(a):\n    return ${n}\n`,
  },
  javascript: {
    ext: '.js',
    verdicts: 'function solve(a) {\n  if (a === "pid") return process.pid;\n  if (a === "raise") throw new Error("bad");\n  if (a === "loop") for (;;) {}\n  if (a === "memory") return Buffer.alloc(400 << 20, 1).length;\n  return a * 2;\n}\nmodule.exports = { solve };\n',
    counter: 'function solve(a) {\n  globalThis.drillsSeen = (globalThis.drillsSeen ?? 0) + 1;\n  return globalThis.drillsSeen;\n}\nmodule.exports = { solve };\n',
    constant: (n: number) => `function solve(a) {\n  return ${n};\n}\nmodule.exports = { solve };\n`,
  },
  typescript: {
    ext: '.ts',
    verdicts: 'export function solve(a: any): any {\n  if (a === "pid") return process.pid;\n  if (a === "raise") throw new Error("bad");\n  if (a === "loop") for (;;) {}\n  if (a === "memory") return Buffer.alloc(400 << 20, 1).length;\n  return a * 2;\n}\n',
    counter: 'export function solve(a: number): number {\n  const g = globalThis as any;\n  g.drillsSeen = (g.drillsSeen ?? 0) + 1;\n  return g.drillsSeen;\n}\n',
    constant: (n: number) => `export function solve(a: number): number {\n  return ${n};\n}\n`,
  },
  java: {
    ext: '.java',
    verdicts:
      'class Solution {\n  public Object solve(Object a) {\n    if ("pid".equals(a)) return ProcessHandle.current().pid();\n    if ("raise".equals(a)) throw new IllegalStateException("bad");\n' +
      '    if ("loop".equals(a)) { long n = 0; while (n >= 0) n = (n + 1) % 1000; }\n    if ("memory".equals(a)) { byte[] hog = new byte[400 << 20]; return hog.length; }\n    return ((Number) a).longValue() * 2;\n  }\n}\n',
    counter: 'class Solution {\n  static int seen;\n  public int solve(Object a) {\n    return ++seen;\n  }\n}\n',
    constant: (n: number) => `class Solution {\n  public int solve(Object a) {\n    return ${n};\n  }\n}\n`,
  },
} satisfies Partial<Record<Language, unknown>>;

/** A result without what differs between two runs of the same code (times, process ids, memory measured, stacks). */
const comparable = (r: RunResult): unknown =>
  r.cases.map(({ durationMs: _d, cpuMs: _c, stack: _s, actual, message, ...c }) => (c.name === 'pid' ? { ...c, actual: typeof actual } : { ...c, actual, message: message?.replace(/used \d+ MB/, 'used … MB') }));

describe('runner: warm re-runs', function () {
  this.timeout(60_000);
  const dir = tempDir();
  const runners: WarmRunner[] = [];
  afterEach(() => runners.splice(0).forEach((r) => r.dispose()));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const warmRunner = (language: Language, solutionPath: string, extra: { timers?: WarmTimers; idleMs?: number; memoryMb?: number; problem?: Problem } = {}): WarmRunner => {
    const runner = new WarmRunner({ language, solutionPath, env: testEnv(), memoryMb: 128, ...extra });
    runners.push(runner);
    return runner;
  };

  for (const language of ['python', 'javascript', 'typescript', 'java'] as const) {
    const fixture = SOLUTIONS[language];
    const folder = path.join(dir, language);
    fs.mkdirSync(folder);
    const file = (name: string, code: string): string => {
      const p = path.join(folder, `${name}${fixture.ext}`);
      fs.writeFileSync(p, code);
      return p;
    };

    it(`gives the verdicts of a cold run, pass, fail, error, timeout and memory, in the process that waited (${language})`, async function () {
      this.timeout(120_000);
      const solutionPath = file('verdicts', fixture.verdicts);
      const problem = makeProblem({
        // Room for the memory case to reach its limit on a busy machine before its time is up.
        limits: { timeMs: 1500, memoryMb: 128 },
        cases: [tc(['pid'], 0, { name: 'pid' }), tc([2], 4), tc([3], 7), tc(['raise'], 0), tc(['memory'], 0), tc([5], 10), tc(['loop'], 0), tc([6], 12)],
      });
      const cold = await runSolution({ problem, language, solutionPath }, testEnv());
      const runner = warmRunner(language, solutionPath);
      runner.warm();
      const pid = await runner.ready();
      assert.ok(pid, 'a process waits');
      const warm = await runner.run({ problem, language, solutionPath });
      assert.equal(warm.cases[0].actual, pid, 'the first case ran in the waiting process');
      // After a kill (memory, timeout) the rest run in a fresh, cold process, as in a cold run.
      assert.deepEqual(warm.cases.map((c) => c.verdict), ['failed', 'passed', 'failed', 'error', 'memory', 'passed', 'timeout', 'passed']);
      assert.deepEqual(comparable(warm), comparable(cold));
      assert.deepEqual(warm.error, cold.error);
    });

    it(`runs each run in a fresh process: a global set by one run is not seen by the next (${language})`, async () => {
      const solutionPath = file('counter', fixture.counter);
      const problem = makeProblem({ cases: [tc([0], 1)] });
      const runner = warmRunner(language, solutionPath);
      runner.warm();
      const first = await runner.ready();
      const run1 = await runner.run({ problem, language, solutionPath });
      const second = await runner.ready();
      const run2 = await runner.run({ problem, language, solutionPath });
      assert.ok(first && second && first !== second, `two processes (${first}, ${second})`);
      assert.deepEqual([run1.cases[0].actual, run2.cases[0].actual], [1, 1]);
      assert.ok(!isAlive(first), 'the first run\'s process is gone');
    });

    it(`judges the solution as saved at the run, when it was edited after the process started (${language})`, async () => {
      const solutionPath = file('edited', fixture.constant(1));
      const problem = makeProblem({ cases: [tc([0], 2)] });
      const runner = warmRunner(language, solutionPath);
      runner.warm();
      await runner.ready();
      assert.equal((await runner.run({ problem, language, solutionPath })).cases[0].verdict, 'failed');
      assert.ok(await runner.ready(), 'the next process waits');
      fs.writeFileSync(solutionPath, fixture.constant(2));
      const after = await runner.run({ problem, language, solutionPath });
      assert.equal(after.cases[0].verdict, 'passed', after.cases[0].message);
    });
  }

  it('starts the next process after each run, and ends a process left idle after the idle time', async () => {
    const timers = new ManualTimers();
    const solutionPath = path.join(dir, 'idle.py');
    fs.writeFileSync(solutionPath, SOLUTIONS.python.constant(1));
    const runner = warmRunner('python', solutionPath, { timers, idleMs: 123_000 });
    runner.warm();
    const pid = await runner.ready();
    assert.ok(pid && isAlive(pid));
    timers.fire(123_000);
    await waitFor(`process ${pid} to end`, () => !isAlive(pid));
    assert.equal(await runner.ready(), undefined, 'nothing waits once idle');
    // The next run is cold, and warms the one after it.
    const run = await runner.run({ problem: makeProblem({ cases: [tc([0], 1)] }), language: 'python', solutionPath });
    assert.equal(run.cases[0].verdict, 'passed');
    const next = await runner.ready();
    assert.ok(next && isAlive(next), 'a process waits again after the run');
    assert.deepEqual([...timers.pending.values()].map((t) => t.ms), [123_000], 'one idle timer, for the new process');
  });

  it('leaves no process and no cleanup behind after dispose, even when disposed while the process starts', async () => {
    const solutionPath = path.join(dir, 'disposed.js');
    fs.writeFileSync(solutionPath, SOLUTIONS.javascript.constant(1));
    const cleanupsBefore = pendingCleanups();
    const runner = warmRunner('javascript', solutionPath);
    runner.warm();
    const pid = await runner.ready();
    assert.ok(pid && isAlive(pid));
    runner.dispose();
    await waitFor(`process ${pid} to end`, () => !isAlive(pid));
    const early = warmRunner('javascript', solutionPath);
    early.warm();
    early.dispose();
    early.warm();
    await waitFor('no process of the runner', () => strayProcesses(dir).length === 0);
    await waitFor('every cleanup unregistered', () => pendingCleanups() === cleanupsBefore);
  });

  it('runs cold when the run needs another memory limit than the process started with, and warms the next with it', async () => {
    const solutionPath = path.join(dir, 'limit.js');
    fs.writeFileSync(solutionPath, 'function solve(a) {\n  return process.pid;\n}\nmodule.exports = { solve };\n');
    const runner = warmRunner('javascript', solutionPath, { memoryMb: 64 });
    runner.warm();
    const first = await runner.ready();
    const problem = makeProblem({ limits: { timeMs: 1000, memoryMb: 200 }, cases: [tc([0], 0)] });
    const run1 = await runner.run({ problem, language: 'javascript', solutionPath });
    assert.notEqual(run1.cases[0].actual, first, 'not run under the other --max-old-space-size');
    const second = await runner.ready();
    const run2 = await runner.run({ problem, language: 'javascript', solutionPath });
    assert.equal(run2.cases[0].actual, second, 'the next process started with the run\'s limit');
  });

  it('keeps one process, for the solution wanted now: another one ends it and starts its own, none ends it', async () => {
    const made: WarmRunner[] = [];
    const slot = new WarmSlot((t) => {
      const runner = warmRunner(t.language, t.solutionPath, { memoryMb: t.memoryMb });
      made.push(runner);
      return runner;
    });
    const a: WarmTarget = { key: 'attempt-a', language: 'python', solutionPath: path.join(dir, 'a.py'), memoryMb: 128 };
    const b: WarmTarget = { key: 'attempt-b', language: 'javascript', solutionPath: path.join(dir, 'b.js'), memoryMb: 128 };
    slot.want(a);
    slot.want(a);
    assert.equal(made.length, 1, 'wanting the same solution again keeps its runner');
    const pidA = await made[0].ready();
    assert.ok(pidA && isAlive(pidA));
    assert.equal(slot.runnerFor(a), made[0]);
    assert.equal(slot.runnerFor({ ...a, solutionPath: path.join(dir, 'other.py') }), undefined);
    slot.want(b);
    await waitFor(`process ${pidA} of the solution no longer wanted to end`, () => !isAlive(pidA));
    const pidB = await made[1].ready();
    assert.ok(pidB && isAlive(pidB));
    assert.equal(slot.runnerFor(a), undefined);
    slot.want(undefined);
    await waitFor(`process ${pidB} to end`, () => !isAlive(pidB));
    assert.equal(slot.runnerFor(b), undefined);
  });

  it('runs in the process started for it even when the run comes before that process is up', async () => {
    const solutionPath = path.join(dir, 'early.js');
    fs.writeFileSync(solutionPath, 'function solve(a) {\n  return process.pid;\n}\nmodule.exports = { solve };\n');
    const runner = warmRunner('javascript', solutionPath);
    runner.warm();
    const waiting = runner.ready();
    const run = await runner.run({ problem: makeProblem({ cases: [tc([0], 0)] }), language: 'javascript', solutionPath });
    assert.equal(run.cases[0].actual, await waiting, 'the case ran in the process warm() started');
  });

  it('keeps javac waiting beside a Java drill\'s JVM, compiles each edit, and ends it with the runner', async function () {
    this.timeout(120_000);
    /** This process's children running the compiler that waits (DrillsCompiler). */
    const compilers = (): number[] =>
      fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p)).map(Number).filter((pid) => {
        try {
          const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
          const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
          return ppid === process.pid && fs.readFileSync(`/proc/${pid}/cmdline`, 'latin1').includes('DrillsCompiler') && isAlive(pid);
        } catch {
          return false;
        }
      });
    const before = compilers();
    const solutionPath = path.join(dir, 'java', 'Edited.java');
    fs.writeFileSync(solutionPath, SOLUTIONS.java.constant(1));
    const problem = makeProblem({ cases: [tc([0], 2)] });
    const runner = warmRunner('java', solutionPath);
    runner.warm();
    await runner.ready();
    await waitFor('a javac waiting', () => compilers().length > before.length);
    const [compiler] = compilers().filter((pid) => !before.includes(pid));
    assert.equal((await runner.run({ problem, language: 'java', solutionPath })).cases[0].verdict, 'failed');
    fs.writeFileSync(solutionPath, SOLUTIONS.java.constant(2));
    const edited = await runner.run({ problem, language: 'java', solutionPath });
    assert.equal(edited.cases[0].verdict, 'passed', edited.cases[0].message);
    assert.ok(compilers().includes(compiler), 'the same javac waits after both runs');
    await runner.close();
    await waitFor('the javac ended', () => !isAlive(compiler));
  });

  // C++ and Go: the process is the program a run built, so one waits only once a run built it, and only a run whose
  // build is that same program (the file unchanged) takes it.
  const BUILT = {
    cpp: {
      ext: '.cpp',
      verdicts:
        '#include <string>\n#include <vector>\n#include <stdexcept>\n#include <unistd.h>\nusing namespace std;\nclass Solution {\npublic:\n    int solve(string a, int x) {\n' +
        '        if (a == "pid") return getpid();\n        if (a == "raise") throw runtime_error("bad");\n        if (a == "loop") { volatile long n = 0; while (n >= 0) n = (n + 1) % 1000; }\n' +
        '        if (a == "memory") { vector<char> hog(400 << 20, 1); return hog[x]; }\n        return x * 2;\n    }\n};\n',
      edited: (n: number) => `class Solution {\npublic:\n    int solve(std::string a, int x) { return ${n}; }\n};\n`,
    },
    go: {
      ext: '.go',
      verdicts:
        'package main\n\nimport "os"\n\nfunc solve(a string, x int) int {\n\tswitch a {\n\tcase "pid":\n\t\treturn os.Getpid()\n\tcase "raise":\n\t\tpanic("bad")\n' +
        '\tcase "loop":\n\t\tfor n := 0; n >= 0; n = (n + 1) % 1000 {\n\t\t}\n\tcase "memory":\n\t\thog := make([]byte, 400<<20)\n\t\tfor i := range hog {\n\t\t\thog[i] = 1\n\t\t}\n\t\treturn int(hog[x])\n\t}\n\treturn x * 2\n}\n',
      edited: (n: number) => `package main\n\nfunc solve(a string, x int) int {\n\treturn ${n}\n}\n`,
    },
  } satisfies Partial<Record<Language, unknown>>;
  const builtProblem = (cases: ReturnType<typeof tc>[], timeMs = 1000): ReturnType<typeof makeProblem> =>
    makeProblem({ limits: { timeMs, memoryMb: 128 }, function: { name: 'solve', params: [{ name: 'a', type: 'string' }, { name: 'x', type: 'int' }], returns: 'int' }, cases });

  for (const language of ['cpp', 'go'] as const) {
    const fixture = BUILT[language];
    const folder = path.join(dir, language);
    fs.mkdirSync(folder);

    it(`waits in the program the last run built, and gives the verdicts of a cold run in it (${language})`, async function () {
      this.timeout(180_000);
      const solutionPath = path.join(folder, `verdicts${fixture.ext}`);
      fs.writeFileSync(solutionPath, fixture.verdicts);
      const problem = builtProblem(
        [tc(['pid', 0], 0, { name: 'pid' }), tc(['double', 2], 4), tc(['double', 3], 7), tc(['raise', 0], 0), tc(['memory', 0], 0), tc(['double', 5], 10), tc(['loop', 0], 0), tc(['double', 6], 12)],
        500,
      );
      const runner = warmRunner(language, solutionPath);
      runner.warm();
      assert.equal(await runner.ready(), undefined, 'nothing waits before a run built the program');
      const cold = await runner.run({ problem, language, solutionPath });
      assert.equal(cold.error, undefined, cold.error?.message);
      const pid = await runner.ready();
      assert.ok(pid, 'a process of the built program waits after the run');
      const warm = await runner.run({ problem, language, solutionPath });
      assert.equal(warm.cases[0].actual, pid, 'the first case ran in the waiting process');
      assert.notEqual(cold.cases[0].actual, pid);
      assert.deepEqual(warm.cases.map((c) => c.verdict), ['failed', 'passed', 'failed', 'error', 'memory', 'passed', 'timeout', 'passed']);
      // Go's out-of-memory report dumps its goroutines, with numbers and addresses of their own in each process.
      const sameOutput = (r: RunResult): RunResult => ({ ...r, cases: r.cases.map((c) => (c.verdict === 'memory' ? { ...c, output: '' } : c)) });
      assert.deepEqual(comparable(sameOutput(warm)), comparable(sameOutput(cold)));
      assert.deepEqual(warm.error, cold.error);
    });

    it(`starts the program a build left in the cache when the drill opens, before any run, for the file as it is only (${language})`, async function () {
      this.timeout(180_000);
      const solutionPath = path.join(folder, `reopened${fixture.ext}`);
      fs.writeFileSync(solutionPath, fixture.verdicts);
      const problem = builtProblem([tc(['pid', 0], 0, { name: 'pid' }), tc(['double', 2], 4)]);
      // Built by an earlier session (another runner, no process left).
      const earlier = await runSolution({ problem, language, solutionPath }, testEnv());
      assert.equal(earlier.error, undefined, earlier.error?.message);
      const reopened = warmRunner(language, solutionPath, { problem });
      reopened.warm();
      const pid = await reopened.ready();
      assert.ok(pid, 'the program built before waits as the drill opens');
      const first = await reopened.run({ problem, language, solutionPath });
      assert.equal(first.cases[0].actual, pid, 'the first run ran in it');
      assert.deepEqual(first.cases.map((c) => c.verdict), ['failed', 'passed']);
      // Edited since its last build: no program for the file as it is, so nothing starts until a run builds one.
      fs.appendFileSync(solutionPath, '\n// edited\n');
      const edited = warmRunner(language, solutionPath, { problem });
      edited.warm();
      assert.equal(await edited.ready(), undefined, 'nothing waits for a file not built as it is');
    });

    it(`runs an edited file in its own new build, ending the process of the old one (${language})`, async function () {
      this.timeout(180_000);
      const solutionPath = path.join(folder, `edited${fixture.ext}`);
      fs.writeFileSync(solutionPath, fixture.edited(1));
      const problem = builtProblem([tc(['x', 0], 2)]);
      const runner = warmRunner(language, solutionPath);
      assert.equal((await runner.run({ problem, language, solutionPath })).cases[0].verdict, 'failed');
      const stale = await runner.ready();
      assert.ok(stale, 'the old program waits');
      fs.writeFileSync(solutionPath, fixture.edited(2));
      const after = await runner.run({ problem, language, solutionPath });
      assert.equal(after.cases[0].verdict, 'passed', after.cases[0].message);
      await waitFor('the old program\'s process ended', () => !isAlive(stale));
      const next = await runner.ready();
      assert.ok(next && next !== stale, 'the new program waits for the next run');
    });
  }
});
