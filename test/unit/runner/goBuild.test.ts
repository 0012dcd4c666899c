import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildGo, goBuildError, goCrash, goGlueSource, goSolutionCopy, goStackFrames } from '../../../src/core/languages/goBuild';
import type { BuildInput } from '../../../src/core/languages/types';
import { findOnPath } from '../../../src/core/runner/interpreters';
import { ProtocolReader, READY_LINE, protocolMarker, type HarnessMessage, type HarnessSpec } from '../../../src/core/runner/protocol';
import { makeProblem } from './helpers';

const HARNESS_DIR = path.resolve(__dirname, '..', '..', '..', '..', 'src', 'harness');
const GO = findOnPath('go', process.env.PATH);
const FN: HarnessSpec = { kind: 'function', name: 'twoSum', params: ['int[]', 'int'], returns: 'int[]' };
const CLASS: HarnessSpec = {
  kind: 'class',
  name: 'MinStack',
  ctorParams: [],
  methods: { push: { name: 'push', params: ['int'], returns: 'void' }, top: { name: 'top', params: [], returns: 'int' } },
};

describe('Go glue and source copy', () => {
  it('names the function, or Constructor and the class\'s type', () => {
    const fn = goGlueSource(FN, 'package main\n');
    assert.match(fn, /var drillsEntry interface\{\} = twoSum/);
    const cls = goGlueSource(CLASS, 'package main\n');
    assert.match(cls, /var drillsConstructor interface\{\} = Constructor/);
    assert.match(cls, /var _ = \(\*MinStack\)\(nil\)/);
  });

  it('declares TreeNode and ListNode as LeetCode does, unless the solution declares its own', () => {
    assert.match(goGlueSource(FN, 'package main\n'), /type TreeNode struct \{\n\tVal {3}int\n\tLeft {2}\*TreeNode\n\tRight \*TreeNode\n\}/);
    const own = goGlueSource(FN, 'package main\n\ntype TreeNode struct {\n\tVal int\n\tLeft, Right *TreeNode\n}\n');
    assert.doesNotMatch(own, /type TreeNode/);
    assert.match(own, /type ListNode struct/);
  });

  it('compiles a file without a package clause, or with another package, as package main on the same lines', () => {
    assert.deepEqual(goSolutionCopy('package main\nfunc f() {}\n'), { text: 'package main\nfunc f() {}\n', shift: undefined });
    assert.deepEqual(goSolutionCopy('// doc\npackage solution\nfunc f() {}\n'), { text: '// doc\npackage main    \nfunc f() {}\n', shift: undefined });
    assert.deepEqual(goSolutionCopy('func f() {}\n'), { text: 'package main; func f() {}\n', shift: { line: 1, columns: 14 } });
  });

  it('maps compile errors to the user\'s file, line and column, and glue errors to what the solution lacks', () => {
    const out = '# drills\n./solution.go:4:2: undefined: x\n./solution.go:1:20: missing return\n';
    const err = goBuildError(out, '/w/sol.go', FN, { line: 1, columns: 14 });
    assert.equal(err.kind, 'build-failed');
    assert.deepEqual(err.location, { file: '/w/sol.go', line: 4, column: 2 });
    assert.equal(err.message, 'The solution does not compile: undefined: x');
    assert.deepEqual(err.diagnostics?.map((d) => [d.line, d.column]), [[4, 2], [1, 6]]);
    const missing = goBuildError('# drills\n./drills_glue.go:4:31: undefined: twoSum\n', '/w/sol.go', FN, undefined);
    assert.equal(missing.kind, 'not-found');
    assert.match(missing.message, /no function named twoSum/);
    const method = goBuildError('./drills_glue.go:6:21: (*MinStack).Top undefined (type *MinStack has no method Top)\n', '/w/sol.go', CLASS, undefined);
    assert.match(method.message, /type MinStack has no method Top/);
    assert.doesNotMatch(method.message, /drills_glue/);
  });

  it('reads the frames of a Go stack as the harness reports it', () => {
    const frames = goStackFrames('panic: boom\n\ngoroutine [running]:\nhelper(...)\n\t/w/sol.go:9\ntwoSum(...)\n\t/w/sol.go:4');
    assert.deepEqual(frames, [{ name: 'helper', file: '/w/sol.go', line: 9 }, { name: 'twoSum', file: '/w/sol.go', line: 4 }]);
  });

  it('explains a stack overflow and a panic on the solution\'s own goroutine from the runtime\'s last words', () => {
    const overflow = [
      'runtime: goroutine stack exceeds 67108864-byte limit',
      'fatal error: stack overflow',
      '',
      'runtime stack:',
      'runtime.throw({0x522172?, 0x5ed680?})',
      '\t/usr/lib/go-1.19/src/runtime/panic.go:1047 +0x5d fp=0x7ffd18f70b30 sp=0x7ffd18f70b00 pc=0x43457d',
      '',
      'goroutine 5 [running]:',
      'main.deep(0xaaa22?)',
      '\t/home/u/.cache/drills/builds/go/0123.tmp-x/solution.go:15 +0x1d fp=0xc0 sp=0xc0 pc=0x4',
      'main.deep(0xaaa21?)',
      '\t/home/u/.cache/drills/builds/go/0123.tmp-x/solution.go:15 +0x1d fp=0xc0 sp=0xc0 pc=0x4',
    ].join('\n');
    const crash = goCrash(overflow, '/w/sol.go');
    assert.equal(crash?.message, "Stack overflow: a goroutine's stack passed its limit of 64 MB (recursion too deep, or it never ends).");
    assert.deepEqual(crash?.location, { file: '/w/sol.go', line: 15 });
    assert.equal(crash?.stack?.split('\n').filter((l) => l === '\t/w/sol.go:15').length, 2);
    const lost = goCrash('panic: lost\n\ngoroutine 20 [running]:\nmain.solve.func1()\n\t/b/solution.go:44 +0x27\ncreated by main.solve\n\t/b/solution.go:43 +0x8e5\n', '/w/sol.go');
    assert.match(lost?.message ?? '', /^panic: lost \(on a goroutine the solution started/);
    assert.equal(lost?.stack, `${lost?.message}\n\ngoroutine [running]:\nsolve.func1(...)\n\t/w/sol.go:44\nsolve\n\t/w/sol.go:43`);
    assert.equal(goCrash('Killed', '/w/sol.go'), undefined);
  });
});

/**
 * Runs a built binary on a job (an object, or the job's text as it is) and collects its protocol messages; `stdout`,
 * when given, gets the messages and the text written outside them, in the order they came.
 */
function runBinary(binary: string, job: unknown, stderr?: { text: string; code?: number | null }, stdout?: (HarnessMessage | string)[]): Promise<HarnessMessage[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, [], { stdio: ['pipe', 'pipe', 'pipe'] });
    // What the program writes on stderr shows with the test's output (or goes to `stderr`), but for the line saying it is up.
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      if (stderr) stderr.text += d.replace(READY_LINE, '');
      else process.stderr.write(d.replace(READY_LINE, ''));
    });
    const messages: HarnessMessage[] = [];
    const reader = new ProtocolReader(
      protocolMarker('N'),
      (m) => {
        messages.push(m);
        stdout?.push(m);
      },
      (text) => stdout?.push(text),
      (why) => reject(new Error(why)),
    );
    child.stdout.setEncoding('utf8').on('data', (d: string) => reader.push(d));
    child.on('close', (code) => {
      if (stderr) stderr.code = code;
      resolve(messages);
    });
    child.stdin.end(typeof job === 'string' ? job : JSON.stringify(job));
  });
}

(GO ? describe : describe.skip)('Go build', function () {
  this.timeout(120_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-go-test-'));
  const cacheDir = path.join(os.tmpdir(), `drills-go-test-cache-${process.getuid?.() ?? 0}`);
  const options = (solutionPath: string, spec: HarnessSpec = FN): BuildInput => ({
    solutionPath,
    harnessDir: HARNESS_DIR,
    spec,
    problem: makeProblem({ cases: [] }),
    toolchain: { command: GO!, version: 'test' },
    cacheDir,
    tmpDir: os.tmpdir(),
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('builds once: a second build of an unchanged file is the cached binary, an edit builds again', async () => {
    const file = path.join(dir, 'cached.go');
    fs.writeFileSync(file, `package main\n\n// ${Date.now()}${Math.random()}\nfunc twoSum(nums []int, target int) []int { return []int{len(nums), target} }\n`);
    const first = await buildGo(options(file));
    assert.ok(first.ok, JSON.stringify(first));
    assert.equal(first.cached, false);
    const mtime = fs.statSync(first.artifact).mtimeMs;
    const second = await buildGo(options(file));
    assert.ok(second.ok);
    assert.equal(second.cached, true);
    assert.equal(second.artifact, first.artifact);
    assert.equal(fs.statSync(second.artifact).mtimeMs, mtime);
    fs.appendFileSync(file, '\n// edited\n');
    const third = await buildGo(options(file));
    assert.ok(third.ok);
    assert.equal(third.cached, false);
    assert.notEqual(third.artifact, first.artifact);
    const messages = await runBinary(third.artifact, { nonce: 'N', solutionPath: file, spec: FN, cases: [{ index: 0, args: [[1, 2, 3], 9007199254740993n.toString()] }], outputCapBytes: 100, memoryMb: 64 });
    // The big integer went as a string here: the harness refuses a string for an int.
    const result = messages.find((m) => m.t === 'result');
    assert.ok(result && result.t === 'result' && result.error?.message.includes('cannot pass "9007199254740993" as a Go int'), JSON.stringify(result));
  });

  it('reads the job as encoding/json would: escapes, surrogate pairs, a lone surrogate, numbers in every form, the last of two equal keys', async () => {
    const file = path.join(dir, 'echo.go');
    fs.writeFileSync(file, 'package main\n\nfunc echo(s string, xs []float64, anything interface{}) []interface{} {\n\tcodes := []interface{}{}\n\tfor _, r := range s {\n\t\tcodes = append(codes, int(r))\n\t}\n\treturn []interface{}{s, codes, xs, anything}\n}\n');
    const spec: HarnessSpec = { kind: 'function', name: 'echo', params: ['string', 'float[]', 'any'], returns: 'any' };
    const built = await buildGo(options(file, spec));
    assert.ok(built.ok, JSON.stringify(built));
    // Written by hand: JSON.stringify never escapes a surrogate pair or a slash, nor leaves white space between tokens.
    const args = String.raw`[ "a\"b\\c\/d\n\t\r\b\f\u0001 é中\ud83d\ude00\ud800x" , [1e3, -0.5, 2.5E-3, 0, 1.5e300] ,{"k": [true, false, null], "k" : 2, "": {}}]`;
    const job = `{"nonce":"N","solutionPath":${JSON.stringify(file)},"spec":${JSON.stringify(spec)},\n "cases": [{"index": 0, "args": ${args}}], "outputCapBytes": 100, "memoryMb": 64}\n`;
    const messages = await runBinary(built.artifact, job);
    const result = messages.find((m) => m.t === 'result');
    assert.ok(result && result.t === 'result' && !result.error, JSON.stringify(messages));
    const s = 'a"b\\c/d\n\t\r\b\f\u0001 é中😀\ufffdx';
    assert.deepEqual(result.value, [s, [...s].map((c) => c.codePointAt(0)), [1000, -0.5, 0.0025, 0, 1.5e300], { k: 2, '': {} }]);
    assert.equal(messages.at(-1)?.t, 'done');
  });

  it('refuses a job that is not JSON with one line naming where, and runs no case', async () => {
    const file = path.join(dir, 'refused.go');
    fs.writeFileSync(file, 'package main\n\nfunc twoSum(nums []int, target int) []int { return nums }\n');
    const built = await buildGo(options(file));
    assert.ok(built.ok, JSON.stringify(built));
    for (const [job, why] of [
      ['{"nonce":"N","cases":[{"index":0,"args":[[1],2]}]', /unexpected end of the job at byte 49/],
      ['{"nonce":"N"} {}', /text after the job at byte 14/],
      ['{"nonce":"N","cases":[{"index":0,"args":[01]}]}', /expected , or \] at byte 42/],
      ['{"nonce":"N","cases":[{"index":"0"}]}', /index is not what the job expects \(string\)/],
      ['{"nonce":"N\\u12"}', /invalid \\u escape/],
    ] as const) {
      const stderr = { text: '' } as { text: string; code?: number | null };
      const messages = await runBinary(built.artifact, job, stderr);
      assert.deepEqual(messages, [], job);
      assert.equal(stderr.code, 70, job);
      assert.match(stderr.text, /^drills: the job is not valid: /, job);
      assert.match(stderr.text, why, `${job}: ${stderr.text}`);
    }
  });

  it('writes the runtime\'s last words as the process dies after the message that started the case, on the same pipe', async () => {
    // On a pipe of their own, the runner could read them before that message, and give them to the case before.
    const file = path.join(dir, 'overflow.go');
    fs.writeFileSync(file, 'package main\n\nfunc deep(n int) int {\n\treturn deep(n+1) + 1\n}\n\nfunc twoSum(nums []int, target int) []int {\n\tif target == 1 {\n\t\treturn []int{deep(0)}\n\t}\n\treturn nums\n}\n');
    const built = await buildGo(options(file));
    assert.ok(built.ok, JSON.stringify(built));
    const stderr = { text: '' } as { text: string; code?: number | null };
    const stdout: (HarnessMessage | string)[] = [];
    const cases = [0, 1].map((index) => ({ index, args: [[index], index] }));
    await runBinary(built.artifact, { nonce: 'N', solutionPath: file, spec: FN, cases, outputCapBytes: 100, memoryMb: 64 }, stderr, stdout);
    assert.equal(stderr.text, '');
    assert.notEqual(stderr.code, 0);
    const started = stdout.findIndex((m) => typeof m !== 'string' && m.t === 'start' && m.index === 1);
    const words = stdout.findIndex((m) => typeof m === 'string' && m.includes('stack overflow'));
    assert.ok(started > 0 && words > started, JSON.stringify(stdout).slice(0, 2000));
    assert.ok(stdout.some((m) => typeof m !== 'string' && m.t === 'result' && m.index === 0));
  });

  it('reports a compile error at the user\'s file, line and column, never the build folder', async () => {
    const file = path.join(dir, 'broken.go');
    fs.writeFileSync(file, 'package main\n\nfunc twoSum(nums []int, target int) []int {\n\treturn undefinedThing\n}\n');
    const built = await buildGo(options(file));
    assert.ok(!built.ok);
    assert.deepEqual(built.error.location, { file, line: 4, column: 9 });
    assert.match(built.error.message, /undefined: undefinedThing/);
    assert.doesNotMatch(JSON.stringify(built.error), new RegExp(cacheDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  });

  it('reports a missing function or class type as not found, naming LeetCode\'s Go shape', async () => {
    const file = path.join(dir, 'missing.go');
    fs.writeFileSync(file, 'package main\n\nfunc other() int { return 1 }\n');
    const built = await buildGo(options(file));
    assert.ok(!built.ok);
    assert.equal(built.error.kind, 'not-found');
    assert.match(built.error.message, /no function named twoSum/);
    const cls = path.join(dir, 'cls.go');
    fs.writeFileSync(cls, 'package main\n\ntype Stack struct{ s []int }\n\nfunc Constructor() Stack { return Stack{} }\n');
    const builtCls = await buildGo(options(cls, CLASS));
    assert.ok(!builtCls.ok);
    assert.equal(builtCls.error.kind, 'not-found');
    assert.match(builtCls.error.message, /has no type MinStack/);
  });
});
