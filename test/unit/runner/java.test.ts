import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { java } from '../../../src/core/languages/java';
import { JavaCompilerServer } from '../../../src/core/languages/javaCompiler';
import { nodeClassesToAdd, parseJavacErrors, publicClassName } from '../../../src/core/languages/javaBuild';
import type { Problem, TestCase } from '../../../src/core/pack/types';
import { createInterpreterResolver } from '../../../src/core/runner/interpreters';
import { runSolution } from '../../../src/core/runner/run';
import type { RunResult } from '../../../src/core/runner/types';
import { HARNESS_DIR, isAlive, makeProblem, tc, tempDir, testEnv } from './helpers';
import { strayProcesses, waitFor } from './processes';

const fn = (name: string, params: string[], returns: string): Problem['function'] => ({ name, params: params.map((type, i) => ({ name: `p${i}`, type })), returns });

describe('Java: javac output and sources', () => {
  it('reads javac errors with their line and the caret\'s column, mapped to the user\'s file', () => {
    const out = [
      '/tmp/x/src/Solution.java:3: error: \';\' expected',
      '        int x = 1',
      '                 ^',
      '/tmp/x/src/Solution.java:5: error: cannot find symbol',
      '        return y;',
      '               ^',
      '  symbol:   variable y',
      '  location: class Solution',
      '/tmp/x/src/TreeNode.java:1: error: duplicate class: TreeNode',
      'class TreeNode {}',
      '^',
      '2 errors',
    ].join('\n');
    const errors = parseJavacErrors(out, (f) => (f === '/tmp/x/src/Solution.java' ? '/work/solution.java' : f));
    assert.deepEqual(errors, [
      { file: '/work/solution.java', line: 3, column: 18, message: '\';\' expected' },
      { file: '/work/solution.java', line: 5, column: 16, message: 'cannot find symbol (symbol: variable y; location: class Solution)' },
      { file: '/tmp/x/src/TreeNode.java', line: 1, column: 1, message: 'duplicate class: TreeNode' },
    ]);
  });

  it('adds TreeNode and ListNode only when the solution uses them without declaring them', () => {
    assert.deepEqual(nodeClassesToAdd('class Solution { int f(TreeNode t) { return 0; } }'), ['TreeNode']);
    assert.deepEqual(nodeClassesToAdd('class TreeNode { int val; TreeNode left, right; }\nclass Solution { ListNode f(TreeNode t) { return null; } }'), ['ListNode']);
    assert.deepEqual(nodeClassesToAdd('// uses a TreeNode in a comment only\nclass Solution { String s = "ListNode"; }'), []);
  });

  it('without a JDK, a run says what to install and which setting points at one', async () => {
    const dir = tempDir();
    try {
      const interpreters = createInterpreterResolver({ pathEnv: path.join(dir, 'no-jdk-here') });
      const r = await runSolution({ problem: makeProblem({ function: fn('solve', ['int'], 'int'), cases: [tc([1], 1)], languages: ['java'] }), language: 'java', solutionPath: path.join(dir, 'Solution.java') }, testEnv({ interpreters }));
      assert.equal(r.error?.kind, 'interpreter-missing');
      assert.match(r.error?.message ?? '', /a JDK \(javac and java\) was not found on the PATH \(looked for javac\)/);
      assert.match(r.error?.message ?? '', /default-jdk-headless/);
      assert.match(r.error?.message ?? '', /"drills\.toolchains": \{ "java": "<path>" \}/);
      assert.deepEqual(r.cases.map((c) => c.verdict), ['notRun']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads javac\'s version, and refuses a JDK older than 11', () => {
    const read = java.toolchain.probe!.read;
    assert.deepEqual(read('javac 17.0.15\n', '/usr/bin/javac'), { command: '/usr/bin/javac', version: '17.0.15' });
    assert.match((read('javac 1.8.0_392\n', '/opt/jdk8/bin/javac') as { message: string }).message, /javac 1\.8\.0_392; Drills needs a JDK 11 or newer/);
  });

  it('finds the public class javac wants the file named after', () => {
    assert.equal(publicClassName('import java.util.*;\npublic class Solution {}'), 'Solution');
    assert.equal(publicClassName('class Solution {}\n/* public class Other */'), undefined);
  });
});

describe('runner: Java', function () {
  this.timeout(120_000);
  const dir = tempDir();
  const cacheDir = path.join(dir, 'cache');
  const env = testEnv({ buildCacheDir: cacheDir });
  let n = 0;
  /** Writes the source as Solution.java in a folder of its own and runs it. */
  const run = (code: string, problem: Problem, file = 'Solution.java'): Promise<RunResult> => {
    const sub = path.join(dir, `s${n++}`);
    fs.mkdirSync(sub);
    const solutionPath = path.join(sub, file);
    fs.writeFileSync(solutionPath, code);
    return runSolution({ problem: { ...problem, languages: ['java'] }, language: 'java', solutionPath }, env);
  };
  afterEach(() => assert.deepEqual(strayProcesses(dir), []));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const MODES = `import java.util.*;

class Solution {
    public int solve(String mode) {
        switch (mode) {
            case "ok": return 42;
            case "wrong": return 41;
            case "throw": throw new IllegalStateException("bad input"); // THROW-LINE
            case "hang": for (;;) { }
            case "memory": { List<long[]> keep = new ArrayList<>(); for (;;) keep.add(new long[1 << 20]); }
            case "exit": System.out.println("leaving"); System.exit(3); return 0;
            case "flood": { StringBuilder line = new StringBuilder(); for (int i = 0; i < 1000; i++) line.append('x'); for (int i = 0; i < 3000; i++) System.out.println(line); return 42; }
            case "recurse": return solve(mode) + 1;
            case "print": System.out.println("hello from case"); System.err.println("and stderr"); return 42;
            default: throw new UnsupportedOperationException("solve is not implemented yet");
        }
    }
}
`;
  const modes = ['ok', 'wrong', 'throw', 'ok', 'exit', 'ok', 'memory', 'ok', 'flood', 'recurse', 'print', 'starter', 'hang', 'ok'];
  let modesRun: RunResult;
  const byMode = (mode: string, nth = 0): RunResult['cases'][number] => modesRun.cases.filter((_, i) => modes[i] === mode)[nth];
  before(async () => {
    const problem = makeProblem({ function: fn('solve', ['string'], 'int'), limits: { timeMs: 1500, memoryMb: 64 }, cases: modes.map((m) => tc([m], 42)) });
    modesRun = await run(MODES, problem);
  });

  it('passes a correct answer and fails a wrong one with actual and expected', () => {
    assert.equal(modesRun.error, undefined, modesRun.error?.message);
    assert.equal(byMode('ok').verdict, 'passed', JSON.stringify(byMode('ok')));
    const wrong = byMode('wrong');
    assert.equal(wrong.verdict, 'failed');
    assert.equal(wrong.actual, 41);
    assert.match(wrong.message ?? '', /Expected 42, got 41/);
  });

  it('reports an exception with the user\'s frames only, at the user\'s file and line', () => {
    const r = byMode('throw');
    assert.equal(r.verdict, 'error');
    assert.match(r.message ?? '', /IllegalStateException: bad input/);
    const solutionPath = modesRun.solutionPath;
    const line = MODES.split('\n').findIndex((l) => l.includes('THROW-LINE')) + 1;
    assert.deepEqual(r.location, { file: solutionPath, line });
    assert.ok(r.stack?.includes(`at Solution.solve(${solutionPath}:${line})`), r.stack);
    assert.doesNotMatch(r.stack ?? '', /DrillsHarness|reflect/);
    assert.deepEqual(java.stackFrames(r.stack ?? '')[0], { label: 'Solution.solve', file: solutionPath, line });
  });

  it('reports a solution that exits the JVM as an error with its output, and runs the rest', () => {
    const r = byMode('exit');
    assert.equal(r.verdict, 'error', JSON.stringify(r));
    assert.match(r.message ?? '', /exited the process \(it exited with code 3/);
    assert.match(r.output, /leaving/);
    assert.equal(modesRun.cases[modes.indexOf('exit') + 1].verdict, 'passed');
  });

  it('reports a full heap as out of memory and runs the rest', () => {
    const r = byMode('memory');
    assert.equal(r.verdict, 'memory', JSON.stringify(r));
    assert.match(r.message ?? '', /OutOfMemoryError/);
    assert.equal(modesRun.cases[modes.indexOf('memory') + 1].verdict, 'passed');
  });

  it('captures what a case prints, and caps it', () => {
    assert.match(byMode('print').output, /hello from case\n[\s\S]*and stderr/);
    const flood = byMode('flood');
    assert.equal(flood.verdict, 'passed');
    assert.equal(flood.outputTruncated, true);
    assert.ok(flood.output.length > 60_000 && flood.output.length <= 1024 * 1024, String(flood.output.length));
  });

  it('reports endless recursion as a stack overflow error, not a hang', () => {
    const r = byMode('recurse');
    assert.equal(r.verdict, 'error');
    assert.match(r.message ?? '', /StackOverflowError \(the recursion went too deep/);
    assert.ok((r.stack ?? '').split('\n').length < 60, 'the repeated frames are cut');
  });

  it('reports the starter\'s UnsupportedOperationException as not implemented', () => {
    const r = byMode('starter');
    assert.equal(r.verdict, 'error');
    assert.match(r.message ?? '', /^Not implemented yet: UnsupportedOperationException/);
  });

  it('times a hanging case out, kills the JVM, and runs the rest', () => {
    assert.equal(byMode('hang').verdict, 'timeout');
    assert.equal(modesRun.cases[modes.indexOf('hang') + 1].verdict, 'passed');
  });

  it('reports a compile error at the user\'s file, line and column, for every case', async () => {
    const code = 'class Solution {\n    public int solve(String mode) {\n        int x = 1\n        return x;\n    }\n}\n';
    const r = await run(code, makeProblem({ function: fn('solve', ['string'], 'int'), cases: [tc(['a'], 1), tc(['b'], 1)] }), 'solution.java');
    assert.equal(r.error?.kind, 'build-failed');
    assert.deepEqual(r.error?.location, { file: r.solutionPath, line: 3, column: 18 });
    assert.match(r.error?.message ?? '', /does not compile: solution\.java:3:18: ';' expected/);
    assert.deepEqual(r.error?.diagnostics?.map((d) => [d.file, d.line, d.column]), [[r.solutionPath, 3, 18]]);
    assert.doesNotMatch(r.error?.stack ?? '', /DrillsHarness|src\/Solution\.java/);
    assert.deepEqual(r.cases.map((c) => c.verdict), ['error', 'error']);
  });

  it('compiles a public class Solution whatever the file is called, and never compiles an unchanged file twice', async () => {
    const code = 'public class Solution {\n    public int twice(int a) { return 2 * a; }\n}\n';
    const sub = path.join(dir, 'cached');
    fs.mkdirSync(sub);
    const solutionPath = path.join(sub, 'solution.java');
    fs.writeFileSync(solutionPath, code);
    const problem = makeProblem({ function: fn('twice', ['int'], 'int'), cases: [tc([21], 42)], languages: ['java'] });
    const lookup = await env.interpreters.resolve('java');
    assert.ok(lookup.ok);
    const input = { solutionPath, harnessDir: HARNESS_DIR, spec: { kind: 'function' as const, name: 'twice', params: ['int'], returns: 'int' }, problem, toolchain: lookup.interpreter, cacheDir: path.join(cacheDir, 'java'), tmpDir: dir };
    const first = await java.build!(input);
    const second = await java.build!(input);
    assert.ok(first.ok && second.ok);
    assert.equal(second.cached, true);
    assert.equal(second.artifact, first.artifact);
    const r = await runSolution({ problem, language: 'java', solutionPath }, env);
    assert.equal(r.cases[0].verdict, 'passed', JSON.stringify(r));
    // The harness's class-data archive is there and maps: with -Xshare:on a JVM that cannot use it does not start.
    const harness = await java.harnessBuild!(input);
    assert.ok(harness.ok && harness.cached, 'the harness was built by the first build');
    const launch = java.run({ toolchain: lookup.interpreter, harnessPath: path.join(HARNESS_DIR, java.harnessFiles[0]), harnessArtifact: harness.artifact, limits: problem.limits });
    assert.ok(launch.args.some((a) => a.startsWith('-XX:SharedArchiveFile=')), launch.args.join(' '));
    const built = java.builtJob!(first.ok ? first.artifact : '');
    const job = JSON.stringify({ nonce: 'n', solutionPath, codePath: solutionPath, spec: input.spec, cases: [{ index: 0, args: [21] }], outputCapBytes: 1000, memoryMb: 64, built });
    const strict = spawnSync(launch.command, launch.args.map((a) => (a === '-Xshare:auto' ? '-Xshare:on' : a)), { input: job, encoding: 'utf8' });
    assert.equal(strict.status, 0, strict.stderr + strict.stdout);
    assert.match(strict.stdout, /"value":42/);
    fs.writeFileSync(solutionPath, code.replace('2 * a', '2 * a + 1'));
    const changed = await java.build!(input);
    assert.ok(changed.ok && !changed.cached);

    // The same cache reached through a link (a folder linked into another place) holds the same builds.
    const link = path.join(dir, 'linked-cache');
    fs.symlinkSync(path.join(cacheDir, 'java'), link);
    const throughLink = await java.build!({ ...input, cacheDir: link });
    assert.ok(throughLink.ok && throughLink.cached, JSON.stringify(throughLink));
  });

  it('converts every declared type to LeetCode\'s Java types and back', async () => {
    const code = `import java.util.*;

class Solution {
    public List<Object> all(int i, long big, double f, boolean b, String s, int[] xs, String[] names, int[][] grid,
                            List<Integer> list, List<List<Integer>> nested, Map<String, Integer> counts, Object any, char c) {
        List<Object> out = new ArrayList<>();
        out.add(i + 1); out.add(big + 1); out.add(f * 2); out.add(!b); out.add(s + "!");
        out.add(xs.length); out.add(String.join("+", names)); out.add(grid[1][0]); out.add(list.get(0));
        out.add(nested.get(1).size()); out.add(new TreeMap<>(counts)); out.add(any); out.add(String.valueOf(c));
        return out;
    }
    public long[] bigs(long[] xs) { return xs; }
    public Map<String, List<Integer>> groups(int n) { Map<String, List<Integer>> m = new TreeMap<>(); m.put("a", List.of(1, 2)); m.put("b", new ArrayList<>()); return m; }
    public double ratio(int a, int b) { return (double) a / b; }
    public int[] unordered(int n) { return new int[] {3, 1, 2}; }
    public Set<Integer> aSet(int n) { return new HashSet<>(List.of(1)); }
}
`;
    const big = 2n ** 60n + 1n;
    const problem = makeProblem({
      function: fn('all', ['int', 'int', 'float', 'bool', 'string', 'int[]', 'string[]', 'int[][]', 'int[]', 'int[][]', 'map<string,int>', 'any', 'string'], 'any[]'),
      cases: [tc([1, big, 1.25, true, 'hé', [1, 2, 3], ['a', 'b'], [[1], [7]], [9], [[1], [2, 3]], { z: 1, a: 2 }, { k: [1, 'x', null] }, 'q'], [2, big + 1n, 2.5, false, 'hé!', 3, 'a+b', 7, 9, 2, { a: 2, z: 1 }, { k: [1, 'x', null] }, 'q'])],
    });
    const r = await run(code, problem);
    assert.equal(r.cases[0].verdict, 'passed', r.cases[0].message);
    const others = await run(code, makeProblem({ function: fn('bigs', ['int[]'], 'int[]'), cases: [tc([[big, -big]], [big, -big])] }));
    assert.equal(others.cases[0].verdict, 'passed', others.cases[0].message);
    const groups = await run(code, makeProblem({ function: fn('groups', ['int'], 'map<string,int[]>'), cases: [tc([0], { a: [1, 2], b: [] })] }));
    assert.equal(groups.cases[0].verdict, 'passed', JSON.stringify(groups.cases[0]));
    const float = await run(code, makeProblem({ function: fn('ratio', ['int', 'int'], 'float'), compare: { kind: 'float', tolerance: 1e-6 }, cases: [tc([1, 3], 0.333333), tc([1, 2], 0.6)] }));
    assert.deepEqual(float.cases.map((c) => c.verdict), ['passed', 'failed']);
    const unordered = await run(code, makeProblem({ function: fn('unordered', ['int'], 'int[]'), compare: { kind: 'unordered' }, cases: [tc([0], [1, 2, 3])] }));
    assert.equal(unordered.cases[0].verdict, 'passed');
    const set = await run(code, makeProblem({ function: fn('aSet', ['int'], 'int[]'), cases: [tc([0], [1])] }));
    assert.equal(set.cases[0].verdict, 'failed');
    assert.match(set.cases[0].message ?? '', /not JSON \(a HashSet \(return a List\)\)/);
  });

  it('builds and returns trees and lists 100 000 deep without recursion', async () => {
    const code = `class Solution {
    public TreeNode tree(TreeNode root) { return root; }
    public ListNode list(ListNode head) { return head; }
    public int depth(TreeNode root) { int d = 0; while (root != null) { d++; root = root.left != null ? root.left : root.right; } return d; }
    public int maxDepth(TreeNode root) { return root == null ? 0 : 1 + Math.max(maxDepth(root.left), maxDepth(root.right)); }
    public ListNode[] heads(ListNode[] lists) { return lists; }
}
`;
    const chain: (number | null)[] = [1];
    for (let i = 0; i < 99_999; i++) chain.push(i % 2 === 0 ? 2 : null, i % 2 === 0 ? null : 3);
    const trimmed = [...chain];
    while (trimmed[trimmed.length - 1] === null) trimmed.pop();
    const values = Array.from({ length: 100_000 }, (_, i) => i);
    const tree = await run(code, makeProblem({ function: fn('tree', ['TreeNode'], 'TreeNode'), cases: [tc([chain], trimmed), tc([[]], [])] }));
    assert.deepEqual(tree.cases.map((c) => c.verdict), ['passed', 'passed'], tree.cases[0].message);
    const depth = await run(code, makeProblem({ function: fn('depth', ['TreeNode'], 'int'), cases: [tc([chain], 100_000)] }));
    assert.equal(depth.cases[0].verdict, 'passed', depth.cases[0].message);
    // The user's own recursion 100 000 calls deep fits the case thread's stack, under a small memory limit.
    const recursive = await run(code, makeProblem({ function: fn('maxDepth', ['TreeNode'], 'int'), limits: { timeMs: 5000, memoryMb: 32 }, cases: [tc([chain], 100_000)] }));
    assert.equal(recursive.cases[0].verdict, 'passed', recursive.cases[0].message);
    const list = await run(code, makeProblem({ function: fn('list', ['ListNode'], 'ListNode'), cases: [tc([values], values)] }));
    assert.equal(list.cases[0].verdict, 'passed', list.cases[0].message);
    const heads = await run(code, makeProblem({ function: fn('heads', ['ListNode[]'], 'ListNode[]'), cases: [tc([[[1, 2], [], [3]]], [[1, 2], [], [3]])] }));
    assert.equal(heads.cases[0].verdict, 'passed', heads.cases[0].message);
  });

  it('passes a raises case on the named exception or its superclass, and fails it on another', async () => {
    const code = 'class Solution {\n    public int check(int n) {\n        if (n < 0) throw new IllegalArgumentException("negative " + n);\n        return n;\n    }\n}\n';
    const raises = (extra: Partial<TestCase>): TestCase => ({ ...tc([-1]), ...extra });
    const r = await run(code, makeProblem({
      function: fn('check', ['int'], 'int'),
      cases: [raises({ raises: true }), raises({ raises: { java: 'IllegalArgumentException' } }), raises({ raises: { java: 'RuntimeException' } }), raises({ raises: { java: 'ArithmeticException' } }), { ...tc([1]), raises: true }],
    }));
    assert.deepEqual(r.cases.map((c) => c.verdict), ['passed', 'passed', 'passed', 'failed', 'failed']);
    assert.match(r.cases[3].message ?? '', /Expected an ArithmeticException, but the solution raised IllegalArgumentException: negative -1/);
  });

  it('runs class ops, with repeat blocks compared in the JVM', async () => {
    const code = `import java.util.*;

class Counter {
    private long total;
    public Counter(int start) { total = start; }
    public long add(long k) { total += k; return total; }
    public void reset() { total = 0; }
    public int fails() { throw new ArithmeticException("no"); }
}
`;
    const problem = makeProblem({
      function: undefined,
      class: { name: 'Counter', methods: [{ name: 'Counter', params: [{ name: 'start', type: 'int' }], returns: 'any' }, { name: 'add', params: [{ name: 'k', type: 'int' }], returns: 'int' }, { name: 'reset', params: [], returns: 'void' }, { name: 'fails', params: [], returns: 'int' }] },
      cases: [
        { name: 'ops', tags: [], ops: ['Counter', 'add', 'reset', 'add'], opArgs: [[5], [2], [], [1]], expected: [null, 7, null, 1] },
        { name: 'repeat', tags: [], ops: ['Counter'], opArgs: [[0]], expected: [null], repeat: { times: 1000, ops: ['add'], args: [[1]], expected: [{ $i: [1, 1] }] } },
        { name: 'repeat wrong', tags: [], ops: ['Counter'], opArgs: [[0]], expected: [null], repeat: { times: 10, ops: ['add'], args: [[{ $i: [0, 1, 5] }]], expected: [{ $i: [1, 2] }] } },
        { name: 'raises in an op', tags: [], ops: ['Counter', 'fails'], opArgs: [[0], []], expected: [null, 1] },
      ],
    });
    const r = await run(code, problem);
    assert.deepEqual(r.cases.map((c) => c.verdict), ['passed', 'passed', 'failed', 'error'], JSON.stringify(r.cases.map((c) => c.message)));
    assert.match(r.cases[2].message ?? '', /Op #1 \(add, repeat i = 0, args \[1\]\): expected 2, got 1/);
    assert.match(r.cases[3].message ?? '', /op #1 \(fails\) raised ArithmeticException: no/);
  });

  it('says what is missing when the solution has no such method', async () => {
    const r = await run('class Solution {\n    public int other(int a) { return a; }\n}\n', makeProblem({ function: fn('solve', ['int'], 'int'), cases: [tc([1], 1)] }));
    assert.equal(r.error?.kind, 'not-found');
    assert.match(r.error?.message ?? '', /class Solution has no method solve to call; it has methods other/);
  });

  it('gives a solution its own classes, even one named like a class of the harness', async () => {
    const code = [
      'class DrillsCompiler {',
      '    static int twice(int a) { return 2 * a; }',
      '}',
      'class Solution {',
      '    public int solve(int a) { return DrillsCompiler.twice(a); }',
      '}',
      '',
    ].join('\n');
    const r = await run(code, makeProblem({ function: fn('solve', ['int'], 'int'), cases: [tc([2], 4), tc([5], 10)] }));
    assert.deepEqual(r.cases.map((c) => c.verdict), ['passed', 'passed'], JSON.stringify(r.cases.map((c) => c.message)));
  });

  it('compiles in a javac that waits, with the javac command\'s messages, in one JVM, and with the command once that JVM is gone', async () => {
    const lookup = await env.interpreters.resolve('java');
    assert.ok(lookup.ok);
    const server = (await java.startCompiler!({ harnessDir: HARNESS_DIR, toolchain: lookup.interpreter, cacheDir: path.join(cacheDir, 'java'), tmpDir: dir })) as JavaCompilerServer | undefined;
    assert.ok(server instanceof JavaCompilerServer, 'a compiler was started');
    try {
      const problem = makeProblem({ function: fn('twice', ['int'], 'int'), cases: [tc([21], 42)], languages: ['java'] });
      const sub = path.join(dir, 'warm-javac');
      fs.mkdirSync(sub);
      const solutionPath = path.join(sub, 'Solution.java');
      const runWith = (code: string, compiler: JavaCompilerServer | undefined, cache: string): Promise<RunResult> => {
        fs.writeFileSync(solutionPath, code);
        return runSolution({ problem, language: 'java', solutionPath, ...(compiler ? { compiler } : {}) }, { ...env, buildCacheDir: path.join(dir, cache) });
      };
      const broken = 'class Solution {\n    public int twice(int a) { return 2 * b; }\n}\n';
      // Each in a cache of its own: both compile.
      const cold = await runWith(broken, undefined, 'cache-cold');
      const before = server.compiles;
      const warm = await runWith(broken, server, 'cache-warm');
      assert.equal(server.compiles, before + 1, 'the warm run compiled in the waiting javac');
      assert.equal(cold.error?.kind, 'build-failed');
      assert.equal(warm.error?.message, cold.error?.message);
      assert.deepEqual(warm.error?.diagnostics, cold.error?.diagnostics);
      assert.deepEqual(warm.error?.diagnostics?.map((d) => [d.file, d.line, d.column]), [[solutionPath, 2, 42]]);

      const pid = server.pid;
      const fixed = await runWith(broken.replace('2 * b', '2 * a'), server, 'cache-warm');
      assert.equal(fixed.cases[0].verdict, 'passed', JSON.stringify(fixed));
      assert.equal(server.compiles, before + 2);
      assert.equal(server.pid, pid, 'one JVM for every compile');

      server.dispose();
      assert.equal(server.alive, false);
      assert.ok(pid !== undefined);
      await waitFor('the compiler gone once disposed', () => !isAlive(pid));
      const after = await runWith(broken.replace('2 * b', 'a + a'), server, 'cache-warm');
      assert.equal(after.cases[0].verdict, 'passed', 'the javac command compiles when the waiting one is gone');
    } finally {
      server.dispose();
    }
  });
});
