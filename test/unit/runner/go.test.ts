import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createInterpreterResolver, findOnPath } from '../../../src/core/runner/interpreters';
import { OUTPUT_CAP, runSolution } from '../../../src/core/runner/run';
import type { Problem } from '../../../src/core/pack/types';
import type { CaseResult, RunResult } from '../../../src/core/runner/types';
import { isAlive, makeProblem, tc, tempDir, testEnv } from './helpers';

const FIXTURES = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'runner');
const HAS_GO = findOnPath('go', process.env.PATH) !== undefined;
const dir = tempDir();
after(() => fs.rmSync(dir, { recursive: true, force: true }));
/** Builds shared by every run of these tests, outside the user's own cache. */
const buildCacheDir = path.join(os.tmpdir(), `drills-test-builds-${process.getuid?.() ?? 0}`);
const goEnv = (over: Parameters<typeof testEnv>[0] = {}): ReturnType<typeof testEnv> => testEnv({ buildCacheDir, ...over });

/** Writes a Go solution and runs it. */
async function runGo(code: string, problem: Problem, name = `sol_${Math.random().toString(36).slice(2, 8)}.go`): Promise<RunResult> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, code);
  return runSolution({ problem, language: 'go', solutionPath: file }, goEnv());
}

const verdictsOf = (run: RunResult): string[] => run.cases.map((c) => c.verdict);
const lineOf = (file: string, marker: string): number => fs.readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(marker)) + 1;

describe('runner: a missing Go', () => {
  it('names the package to install and the setting, and runs no case', async () => {
    const interpreters = createInterpreterResolver({ pathEnv: '' });
    const problem = makeProblem({ cases: [tc([1], 2)], function: { name: 'addOne', params: [{ name: 'n', type: 'int' }], returns: 'int' } });
    const file = path.join(dir, 'missing_go.go');
    fs.writeFileSync(file, 'package main\n\nfunc addOne(n int) int { return n + 1 }\n');
    const run = await runSolution({ problem, language: 'go', solutionPath: file }, goEnv({ interpreters }));
    assert.equal(run.error?.kind, 'interpreter-missing');
    assert.match(run.error?.message ?? '', /^Go was not found on the PATH \(looked for go\)\. Install it \(Debian\/Ubuntu: sudo apt-get install golang-go\), or set "drills\.toolchains": \{ "go": "<path>" \} to its path\.$/);
    assert.deepEqual(verdictsOf(run), ['notRun']);
  });
});

(HAS_GO ? describe : describe.skip)('runner verdicts (go)', function () {
  this.timeout(120_000);
  const solutionPath = path.join(FIXTURES, 'verdicts.go');
  const spawnHangPid = path.join(dir, 'spawn-hang.pid');
  const spawnReturnPid = path.join(dir, 'spawn-return.pid');
  const cases = [
    tc(['ok', ''], 42),
    tc(['wrong', ''], 42),
    tc(['string', ''], 42),
    tc(['throw', ''], 42),
    tc(['index', ''], 42),
    tc(['not-implemented', ''], 42),
    tc(['exit', ''], 42),
    tc(['ok', ''], 42),
    tc(['goroutine-panic', ''], 42),
    tc(['ok', ''], 42),
    tc(['goexit', ''], 42),
    tc(['memory', ''], 42),
    tc(['ok', ''], 42),
    tc(['flood', ''], 42),
    tc(['raw-flood', ''], 42),
    tc(['print', ''], 42),
    tc(['recurse', ''], 42),
    tc(['ok', ''], 42),
    tc(['chan', ''], 0),
    tc(['function', ''], 0),
    tc(['nan', ''], 0),
    tc(['map', ''], { a: [1, 2] }),
    tc(['nil-slice', ''], []),
  ];
  const problem = makeProblem({
    cases,
    limits: { timeMs: 1500, memoryMb: 64 },
    function: { name: 'solve', params: [{ name: 'mode', type: 'string' }, { name: 'extra', type: 'string' }], returns: 'any' },
  });
  const hangProblem = {
    ...problem,
    cases: [tc(['spawn-hang', spawnHangPid], 42), tc(['ok', ''], 42), tc(['spawn-return', spawnReturnPid], 42), tc(['hang', ''], 42)],
  };
  let run: RunResult;
  let hangRun: RunResult;
  const byMode = (mode: string, nth = 0): CaseResult => {
    const mine = (r: RunResult, p: Problem): CaseResult[] => r.cases.filter((c) => (p.cases[c.index].args ?? [])[0] === mode);
    return [...mine(run, problem), ...mine(hangRun, hangProblem)][nth];
  };

  before(async () => {
    run = await runSolution({ problem, language: 'go', solutionPath }, goEnv());
    hangRun = await runSolution({ problem: hangProblem, language: 'go', solutionPath }, goEnv());
  });

  it('ends every case with exactly one result and passes correct answers', () => {
    assert.equal(run.error, undefined, run.error?.message);
    assert.deepEqual(run.cases.map((c) => c.index), cases.map((_, i) => i));
    for (let n = 0; n < 4; n++) assert.equal(byMode('ok', n).verdict, 'passed', JSON.stringify(byMode('ok', n)));
  });

  it('fails a wrong answer and names a wrong return type', () => {
    assert.match(byMode('wrong').message ?? '', /Expected 42, got 41/);
    assert.equal(byMode('string').verdict, 'failed');
    assert.equal(byMode('string').actual, '42');
  });

  it('reports a panic with the user\'s frames only, at the user\'s file and line', () => {
    const r = byMode('throw');
    assert.equal(r.verdict, 'error');
    assert.equal(r.message, 'panic: bad input');
    assert.deepEqual(r.location, { file: solutionPath, line: lineOf(solutionPath, 'THROW-LINE') });
    assert.match(r.stack ?? '', new RegExp(`^solve\\(\\.\\.\\.\\)\\n\\t${solutionPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+$`, 'm'));
    assert.doesNotMatch(r.stack ?? '', /drills_|harness|reflect|runtime\/|go-build|\/usr\/lib\/go/);
    const index = byMode('index');
    assert.equal(index.message, 'panic: runtime error: index out of range [3] with length 0');
    assert.equal(index.location?.line, lineOf(solutionPath, 'INDEX-LINE'));
  });

  it('never passes a starter: its panic("… not implemented …") is reported as not implemented', () => {
    const r = byMode('not-implemented');
    assert.equal(r.verdict, 'error');
    assert.match(r.message ?? '', /^Not implemented yet: panic: solve is not implemented yet/);
  });

  it('reports os.Exit, a panic on another goroutine and runtime.Goexit as errors, and runs the rest', () => {
    const exit = byMode('exit');
    assert.equal(exit.verdict, 'error', JSON.stringify(exit));
    assert.match(exit.message ?? '', /exited the process \(it exited with code 3\)/);
    assert.equal(run.cases[exit.index + 1].verdict, 'passed');
    const lost = byMode('goroutine-panic');
    assert.equal(lost.verdict, 'error', JSON.stringify(lost));
    assert.match(lost.message ?? '', /^panic: lost goroutine \(on a goroutine the solution started/);
    assert.equal(lost.location?.line, lineOf(solutionPath, 'LOST-LINE'));
    assert.equal(run.cases[lost.index + 1].verdict, 'passed');
    const goexit = byMode('goexit');
    assert.equal(goexit.verdict, 'error');
    assert.match(goexit.message ?? '', /runtime\.Goexit/);
    assert.equal(goexit.output, 'deferred ran\n');
  });

  it('reports unbounded allocation as out of memory and runs the rest', () => {
    const r = byMode('memory');
    assert.equal(r.verdict, 'memory', JSON.stringify({ ...r, output: r.output.slice(0, 500) }));
    assert.equal(run.cases[r.index + 1].verdict, 'passed');
  });

  it('captures each case\'s output, and caps a flood without hanging', () => {
    assert.equal(byMode('print').output, 'printed by print\nto stderr\n');
    assert.equal(byMode('ok').output, '');
    for (const mode of ['flood', 'raw-flood']) {
      const r = byMode(mode);
      assert.equal(r.verdict, 'passed', mode);
      assert.equal(r.outputTruncated, true, mode);
      assert.ok(r.output.length <= OUTPUT_CAP && r.output.length > 60_000, `${mode}: ${r.output.length}`);
    }
  });

  it('reports runaway recursion as a stack overflow, and runs the rest', () => {
    const r = byMode('recurse');
    assert.equal(r.verdict, 'error', JSON.stringify({ ...r, output: r.output.slice(0, 300) }));
    assert.match(r.message ?? '', /^Stack overflow: a goroutine's stack passed its limit of 16 MB \(recursion too deep/);
    assert.equal(r.location?.line, lineOf(solutionPath, 'DEEP-LINE'));
    assert.equal(run.cases[r.index + 1].verdict, 'passed');
  });

  it('fails a returned value that JSON cannot hold, and converts maps and nil slices', () => {
    assert.match(byMode('chan').message ?? '', /not JSON \(a channel\)/);
    assert.match(byMode('function').message ?? '', /not JSON \(a function at \[1\]\)/);
    assert.match(byMode('nan').message ?? '', /not JSON \(NaN\)/);
    assert.equal(byMode('map').verdict, 'passed');
    assert.equal(byMode('nil-slice').verdict, 'passed', 'a nil slice is []');
  });

  it('kills a hanging case with the processes it started, and runs the rest', () => {
    assert.equal(byMode('spawn-hang').verdict, 'timeout');
    assert.equal(hangRun.cases[1].verdict, 'passed');
    assert.equal(byMode('spawn-return').verdict, 'passed');
    // The last case runs after a time-out: the shared limit after it (run.ts AFTER_TIMEOUT_FACTOR) or its own time
    // limit ends it, whichever comes first; that depends on how long the restarted process took to start.
    assert.ok(['notRun', 'timeout'].includes(byMode('hang').verdict), byMode('hang').verdict);
    for (const file of [spawnHangPid, spawnReturnPid]) {
      const pid = Number(fs.readFileSync(file, 'utf8'));
      assert.equal(isAlive(pid), false, `${path.basename(file)}: process ${pid} still runs`);
    }
  });
});

(HAS_GO ? describe : describe.skip)('runner: Go types, compare modes, classes', function () {
  this.timeout(120_000);

  it('converts every declared type to LeetCode\'s Go types and back, exactly', async () => {
    const problem = makeProblem({
      cases: [
        tc([3, 0.5, 'é"\n', true, [[1], [2, 3]], { a: 1, b: 2 }, [1, 2, 3, null, 4], [5, 6], [[1, 2], [], [7]], { x: [1, 'y', null, 2.5] }], ['done']),
        tc([2n ** 60n + 1n, 0, '', false, [], {}, [], [], [], null], ['done']),
      ],
      function: {
        name: 'echo',
        params: [
          { name: 'n', type: 'int' },
          { name: 'f', type: 'float' },
          { name: 's', type: 'string' },
          { name: 'b', type: 'bool' },
          { name: 'grid', type: 'int[][]' },
          { name: 'm', type: 'map<string,int>' },
          { name: 'root', type: 'TreeNode' },
          { name: 'head', type: 'ListNode' },
          { name: 'lists', type: 'ListNode[]' },
          { name: 'anything', type: 'any' },
        ],
        returns: 'any',
      },
    });
    const code = `package main

import "fmt"

func echo(n int64, f float64, s string, b bool, grid [][]int, m map[string]int, root *TreeNode, head *ListNode, lists []*ListNode, anything interface{}) []interface{} {
	fmt.Printf("%T", anything)
	return []interface{}{"done"}
}
`;
    const run = await runGo(code, problem);
    assert.deepEqual(verdictsOf(run), ['passed', 'passed'], JSON.stringify(run));
    assert.equal(run.cases[0].output, 'map[string]interface {}');
    const back = makeProblem({
      cases: [
        tc([3, 0.5, 'é"\n', true, [[1], [2, 3]], { a: 1, b: 2 }, [1, 2, 3, null, 4], [5, 6], [[1, 2], [], [7]], { x: [1, 'y', null, 2.5] }], [3, 0.5, 'é"\n', true, [[1], [2, 3]], { a: 1, b: 2 }, [1, 2, 3, null, 4], [5, 6], [[1, 2], [], [7]], { x: [1, 'y', null, 2.5] }]),
        tc([2n ** 60n + 1n, 0, '', false, [], {}, [], [], [], null], [2n ** 60n + 1n, 0, '', false, [], {}, [], [], [], null]),
        tc([2n ** 60n + 1n, 0, '', false, [], {}, [], [], [], null], [2n ** 60n, 0, '', false, [], {}, [], [], [], null]),
      ],
      function: { ...problem.function!, name: 'echoBack' },
    });
    const backCode = `package main

func echoBack(n int64, f float64, s string, b bool, grid [][]int, m map[string]int, root *TreeNode, head *ListNode, lists []*ListNode, anything interface{}) []interface{} {
	return []interface{}{n, f, s, b, grid, m, root, head, lists, anything}
}
`;
    const backRun = await runGo(backCode, back);
    assert.deepEqual(verdictsOf(backRun), ['passed', 'passed', 'failed'], JSON.stringify(backRun.cases.map((c) => c.message)));
  });

  it('builds a 100,000-level tree and list without recursion and returns them', async () => {
    const depth = 100_000;
    const chain: (number | null)[] = [0];
    for (let i = 1; i < depth; i++) chain.push(i, null);
    const list = Array.from({ length: depth }, (_, i) => i);
    const problem = makeProblem({
      cases: [tc([chain, list], chain.slice(0, -1))],
      function: { name: 'keep', params: [{ name: 'root', type: 'TreeNode' }, { name: 'head', type: 'ListNode' }], returns: 'TreeNode' },
    });
    const run = await runGo('package main\n\nfunc keep(root *TreeNode, head *ListNode) *TreeNode {\n\tn := 0\n\tfor p := head; p != nil; p = p.Next {\n\t\tn++\n\t}\n\tif n != 100000 {\n\t\tpanic(n)\n\t}\n\treturn root\n}\n', problem);
    assert.equal(run.cases[0].verdict, 'passed', run.cases[0].message);
  });

  it('judges unordered and float compare modes on Go results', async () => {
    const unordered = makeProblem({ compare: { kind: 'unordered' }, cases: [tc([3], [3, 2, 1])], function: { name: 'upTo', params: [{ name: 'n', type: 'int' }], returns: 'int[]' } });
    const ran = await runGo('package main\n\nfunc upTo(n int) []int {\n\tout := []int{}\n\tfor i := 1; i <= n; i++ {\n\t\tout = append(out, i)\n\t}\n\treturn out\n}\n', unordered);
    assert.equal(ran.cases[0].verdict, 'passed');
    const float = makeProblem({ compare: { kind: 'float', tolerance: 1e-6 }, cases: [tc([1], 0.3333333), tc([2], 0.3)], function: { name: 'third', params: [{ name: 'n', type: 'int' }], returns: 'float' } });
    const fran = await runGo('package main\n\nfunc third(n int) float64 {\n\treturn float64(n) / 3\n}\n', float);
    assert.deepEqual(verdictsOf(fran), ['passed', 'failed']);
  });

  const dedup = (over: Partial<Problem> = {}): Problem =>
    makeProblem({
      class: {
        name: 'Window',
        methods: [
          { name: 'Window', params: [{ name: 'size', type: 'int' }], returns: 'any' },
          { name: 'seen', params: [{ name: 'id', type: 'int' }], returns: 'bool' },
          { name: 'reset', params: [], returns: 'void' },
        ],
      },
      function: undefined,
      cases: [],
      ...over,
    });
  const windowCode = `package main

type Window struct {
	size int
	last []int
}

func Constructor(size int) Window {
	if size < 0 {
		panic("negative size") // CTOR-PANIC
	}
	return Window{size: size}
}

func (this *Window) Seen(id int) bool {
	if id == 13 {
		panic("unlucky") // OP-PANIC
	}
	for _, x := range this.last {
		if x == id {
			return true
		}
	}
	this.last = append(this.last, id)
	if len(this.last) > this.size {
		this.last = this.last[1:]
	}
	return false
}

func (this *Window) Reset() {
	this.last = nil
}
`;

  it('constructs with Constructor, calls exported methods by op and runs repeat blocks', async () => {
    const problem = dedup({
      cases: [
        { name: 'listed', tags: [], ops: ['Window', 'seen', 'seen', 'reset', 'seen'], opArgs: [[2], [1], [1], [], [1]], expected: [null, false, true, null, false] },
        {
          name: 'repeat',
          tags: [],
          ops: ['Window', 'seen'],
          opArgs: [[3], [0]],
          expected: [null, false],
          repeat: { times: 5000, ops: ['seen', 'seen'], args: [[{ $i: [1, 1] }], [{ $i: [1, 0, 7] }]], expected: [false, false] },
        },
        { name: 'panics', tags: [], ops: ['Window', 'seen', 'seen'], opArgs: [[2], [1], [13]], expected: [null, false, false] },
        { name: 'ctor panics', tags: [], ops: ['Window'], opArgs: [[-1]], expected: [null] },
        {
          name: 'repeat mismatch',
          tags: [],
          ops: ['Window'],
          opArgs: [[100]],
          expected: [null],
          repeat: { times: 10, ops: ['seen'], args: [[{ $i: [0, 5] }]], expected: [false] },
        },
      ],
    });
    const file = path.join(dir, 'window.go');
    fs.writeFileSync(file, windowCode);
    const run = await runSolution({ problem, language: 'go', solutionPath: file }, goEnv());
    assert.equal(run.cases[0].verdict, 'passed', run.cases[0].message);
    // i + 1 is always new; (i mod 7) repeats within the window of 3 only when i+1 equals it.
    assert.equal(run.cases[1].verdict, 'failed');
    assert.match(run.cases[1].message ?? '', /^Op #\d+ \(seen, repeat i = \d+, args \[\d+\]\): expected false, got true/);
    assert.equal(run.cases[2].verdict, 'error');
    assert.match(run.cases[2].message ?? '', /^op #2 \(seen\) raised panic: unlucky/);
    assert.equal(run.cases[2].location?.line, lineOf(file, 'OP-PANIC'));
    assert.match(run.cases[3].message ?? '', /^op #0 \(Window\) raised panic: negative size/);
    assert.equal(run.cases[3].location?.line, lineOf(file, 'CTOR-PANIC'));
    assert.match(run.cases[4].message ?? '', /^Op #2 \(seen, repeat i = 1, args \[5\]\): expected false, got true/);
  });

  it('names a missing type before any case runs, and a missing method at the op that calls it', async () => {
    const problem = dedup({
      cases: [
        { name: 'no reset', tags: [], ops: ['Window', 'seen'], opArgs: [[2], [1]], expected: [null, false] },
        { name: 'reset', tags: [], ops: ['Window', 'seen', 'reset'], opArgs: [[2], [1], []], expected: [null, false, null] },
      ],
    });
    const run = await runGo(windowCode.replace('func (this *Window) Reset() {', 'func (this *Window) Clear() {'), problem);
    assert.deepEqual(verdictsOf(run), ['passed', 'error']);
    assert.match(run.cases[1].message ?? '', /^op #2 \(reset\) raised Window has no method Reset \(LeetCode's Go shape: func \(this \*Window\) Reset\(\.\.\.\)\)/);
    const noType = await runGo(windowCode.replaceAll('Window', 'Win'), problem);
    assert.equal(noType.error?.kind, 'not-found');
    assert.match(noType.error?.message ?? '', /has no type Window/);
    assert.deepEqual(verdictsOf(noType), ['error', 'error']);
  });

  it('reports a compile error at the user\'s line and column on every case', async () => {
    const problem = makeProblem({ cases: [tc([1], 2), tc([2], 3)], function: { name: 'addOne', params: [{ name: 'n', type: 'int' }], returns: 'int' } });
    const run = await runGo('package main\n\nfunc addOne(n int) int {\n\treturn n + missing\n}\n', problem, 'compile_error.go');
    assert.equal(run.error?.kind, 'build-failed');
    assert.match(run.error?.message ?? '', /undefined: missing/);
    assert.deepEqual(run.error?.location, { file: path.join(dir, 'compile_error.go'), line: 4, column: 13 });
    assert.ok(run.cases.every((c) => c.verdict === 'error' && c.location?.line === 4));
  });

  it('passes a raises case on a panic of the named type, and never on "not implemented"', async () => {
    const problem = makeProblem({
      cases: [
        tc([-1], undefined, { raises: { go: 'BadInput' } }),
        tc([-2], undefined, { raises: { go: 'OtherError' } }),
        tc([-3], undefined, { raises: true }),
        tc([0], undefined, { raises: true }),
        tc([1], 2),
      ],
      function: { name: 'addOne', params: [{ name: 'n', type: 'int' }], returns: 'int' },
    });
    const code = `package main

type BadInput struct{ n int }

func (e *BadInput) Error() string { return "bad input" }

func addOne(n int) int {
	if n == 0 {
		panic("addOne is not implemented yet")
	}
	if n < 0 {
		panic(&BadInput{n})
	}
	return n + 1
}
`;
    const run = await runGo(code, problem);
    assert.deepEqual(verdictsOf(run), ['passed', 'failed', 'passed', 'error', 'passed'], JSON.stringify(run.cases.map((c) => c.message)));
  });

  it('starts no network poller for the harness\'s own reads', async () => {
    // The poller (an epoll set and a pipe) was started by the harness's read of /proc/self/statm through os.ReadFile.
    const problem = makeProblem({ cases: [tc([0], 'epoll false')], function: { name: 'describe', params: [{ name: 'n', type: 'int' }], returns: 'string' } });
    const code = `package main

import (
	"fmt"
	"os"
	"strings"
)

func describe(n int) string {
	// Each descriptor's link, read without opening anything (opening a file through os would start the poller).
	epoll := false
	for fd := 0; fd < 256; fd++ {
		if target, err := os.Readlink(fmt.Sprintf("/proc/self/fd/%d", fd)); err == nil && strings.Contains(target, "eventpoll") {
			epoll = true
		}
	}
	return fmt.Sprintf("epoll %v", epoll)
}
`;
    const run = await runGo(code, problem);
    assert.equal(run.cases[0].verdict, 'passed', run.cases[0].message);
  });

  it('while measuring growth, starts each timed call right after a collection and none during it; a verdict run collects as usual', async () => {
    // Each call makes 16 MB of garbage, which starts collections of its own under the usual goal, and returns the
    // number of collections finished before it began. Measuring, that number grows by exactly one from call to call.
    const problem = makeProblem({ cases: Array.from({ length: 6 }, (_, i) => tc([i], 0)), function: { name: 'collections', params: [{ name: 'n', type: 'int' }], returns: 'int' } });
    const code = `package main

import "runtime"

var sink [][]byte

func collections(n int) int {
	var s runtime.MemStats
	runtime.ReadMemStats(&s)
	for i := 0; i < 256; i++ {
		sink = append(sink[:0], make([]byte, 64<<10))
	}
	return int(s.NumGC)
}
`;
    const file = path.join(dir, 'collections.go');
    fs.writeFileSync(file, code);
    const counts = (run: RunResult): number[] => run.cases.map((c) => Number(c.actual));
    const steps = (xs: number[]): number[] => xs.slice(1).map((x, i) => x - xs[i]);
    const measured = await runSolution({ problem, language: 'go', solutionPath: file, measuring: true }, goEnv());
    assert.deepEqual(steps(counts(measured)), [1, 1, 1, 1, 1], JSON.stringify(counts(measured)));
    const verdict = await runSolution({ problem, language: 'go', solutionPath: file }, goEnv());
    assert.ok(steps(counts(verdict)).some((d) => d > 1), JSON.stringify(counts(verdict)));
  });
});
