import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { OUTPUT_CAP } from '../../../src/core/runner/run';
import { LANGUAGE_IDS, languageById } from '../../../src/core/languages/registry';
import type { CaseResult, RunResult } from '../../../src/core/runner/types';
import { isAlive, makeProblem, modeLabel, modesOf, runIn, tc, tempDir } from './helpers';

const FIXTURES = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'runner');

// One fixture per language: test/fixtures/runner/verdicts<extension>.
for (const [language, mode] of LANGUAGE_IDS.filter((l) => fs.existsSync(path.join(FIXTURES, `verdicts${languageById(l).extension}`))).flatMap((l) => modesOf(l).map((m) => [l, m] as const))) {
  describe(`runner verdicts (${language}${modeLabel(mode)})`, function () {
    // A compiled language's first build also builds the harness's precompiled part.
    this.timeout(languageById(language).build ? 300_000 : 45_000);
    const solutionPath = path.join(FIXTURES, `verdicts${languageById(language).extension}`);
    const dir = tempDir();
    const spawnHangPid = path.join(dir, 'spawn-hang.pid');
    const spawnReturnPid = path.join(dir, 'spawn-return.pid');
    // Every case passes both declared arguments, as a loaded pack's must: a string every language holds (C++'s
    // std::string has no null).
    const c = (mode: string, expected: unknown, extra = ''): ReturnType<typeof tc> => tc([mode, extra], expected);
    // A C++ function returns one static type, which the harness converts or refuses to compile: it cannot return a
    // string where an int is declared, nor a value JSON has no form for (a set, a NaN int).
    const oneReturnType = language === 'cpp';
    const notJson = language === 'python'
      ? [c('tuple', [1, 2]), c('dict', { a: [1, 2] })]
      : language === 'go'
        ? [c('chan', 42), c('map', { a: [1, 2] }), c('function', [1, 2])]
        : language === 'java'
          ? [c('point', { x: 1, y: 2 }), c('map', { a: [1, 2] }), c('function', [1, 2])]
          : oneReturnType
            ? []
            : [c('undefined', 42), c('map', { a: [1, 2] }), c('function', [1, 2])];
    const cases = [
      c('ok', 42),
      c('wrong', 42),
      ...(oneReturnType ? [] : [c('string', 42)]),
      c('throw', 42),
      c('raw-flood', 42),
      c('exit', 42),
      c('ok', 42),
      c('hard-exit', 42),
      c('ok', 42),
      c('memory', 42),
      c('ok', 42),
      c('flood', 42),
      c('recurse', 42),
      ...(oneReturnType ? [] : [c('set', [1, 2]), c('nan', 0)]),
      ...notJson,
    ];
    const problem = makeProblem({
      cases,
      limits: { timeMs: 800, memoryMb: 40 },
      function: { name: 'solve', params: [{ name: 'mode', type: 'string' }, { name: 'extra', type: 'string' }], returns: 'int' },
    });
    // Cases that hang go to a run of their own: once a case timed out, the cases after it share one time limit of
    // wall time, so a second hanging case there is not run (and never passed).
    const hangProblem = {
      ...problem,
      cases: [c('spawn-hang', 42, spawnHangPid), c('ok', 42), c('spawn-return', 42, spawnReturnPid), c('hang', 42)],
    };
    let run: RunResult;
    let hangRun: RunResult;
    const reported: CaseResult[] = [];
    const byMode = (mode: string, nth = 0): CaseResult => {
      const mine = (r: RunResult, p: typeof problem): CaseResult[] => r.cases.filter((c) => (p.cases[c.index].args ?? [])[0] === mode);
      return [...mine(run, problem), ...mine(hangRun, hangProblem)][nth];
    };

    before(async () => {
      run = await runIn(mode, { problem, language, solutionPath, onCase: (r) => reported.push(r) });
      hangRun = await runIn(mode, { problem: hangProblem, language, solutionPath });
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('ends every case with exactly one result, reported as it finishes', () => {
      assert.equal(run.error, undefined, run.error?.message);
      assert.deepEqual(run.cases.map((c) => c.index), cases.map((_, i) => i));
      assert.deepEqual(reported.map((c) => c.index).sort((a, b) => a - b), cases.map((_, i) => i));
      assert.equal(run.passed + run.failed, cases.length);
    });

    it('passes a correct answer', () => {
      for (let n = 0; n < 5; n++) assert.equal(byMode('ok', n).verdict, 'passed', JSON.stringify(byMode('ok', n)));
    });

    it('fails a wrong answer with actual and expected', () => {
      const r = byMode('wrong');
      assert.equal(r.verdict, 'failed');
      assert.equal(r.actual, 41);
      assert.equal(r.expected, 42);
      assert.match(r.message ?? '', /Expected 42, got 41/);
    });

    (oneReturnType ? it.skip : it)('names the wrong return type', () => {
      const r = byMode('string');
      assert.equal(r.verdict, 'failed');
      assert.equal(r.actual, '42');
      assert.match(r.message ?? '', /returned string where int was expected/);
    });

    it('reports a thrown error with a cleaned stack pointing at the user\'s file and line', () => {
      const r = byMode('throw');
      assert.equal(r.verdict, 'error');
      assert.match(r.message ?? '', /bad input/);
      // C++: its class and message, and the frames the throw recorded (no harness frame).
      if (language === 'cpp') assert.equal(r.message, 'std::invalid_argument: bad input');
      const line = fs.readFileSync(solutionPath, 'utf8').split('\n').findIndex((l) => l.includes('THROW-LINE')) + 1;
      assert.deepEqual({ file: r.location?.file, line: r.location?.line }, { file: solutionPath, line });
      assert.ok(r.stack?.includes(`${solutionPath}`), r.stack);
      assert.doesNotMatch(r.stack ?? '', /harness|node:internal|drills_/);
    });

    it('reports a case that hangs as timed out and still runs the rest', () => {
      const r = byMode('spawn-hang');
      assert.equal(r.verdict, 'timeout');
      assert.match(r.message ?? '', /800 ms/);
      assert.equal(hangRun.cases[r.index + 1].verdict, 'passed');
    });

    it('reports a second hanging case as not run or timed out, never passed', () => {
      const r = byMode('hang');
      // Whether the shared time limit after the first time-out ends the run before this case's own limit does
      // depends on how fast the harness restarted: either way it is not passed, and "not run" says why.
      assert.ok(r.verdict === 'notRun' || r.verdict === 'timeout', JSON.stringify(r));
      assert.match(r.message ?? '', r.verdict === 'notRun' ? /case 0 timed out/ : /Exceeded the time limit of 800 ms/);
    });

    it('reports a solution that exits the process as an error and runs the rest', () => {
      for (const mode of ['exit', 'hard-exit']) {
        const r = byMode(mode);
        assert.equal(r.verdict, 'error', JSON.stringify(r));
        assert.match(r.message ?? '', /exited the process/);
        assert.equal(run.cases[r.index + 1].verdict, 'passed');
      }
    });

    it('reports unbounded allocation as out of memory and runs the rest', () => {
      const r = byMode('memory');
      assert.equal(r.verdict, 'memory', JSON.stringify({ ...r, output: r.output.slice(0, 500) }));
      assert.equal(run.cases[r.index + 1].verdict, 'passed');
    });

    it('caps printed output without hanging', () => {
      for (const mode of ['flood', 'raw-flood']) {
        const r = byMode(mode);
        assert.equal(r.verdict, 'passed', mode);
        assert.equal(r.outputTruncated, true, mode);
        assert.ok(r.output.length <= OUTPUT_CAP, `${mode}: ${r.output.length}`);
        assert.ok(r.output.length > 60_000, mode);
      }
    });

    it('reports runaway recursion as an error that says so', () => {
      const r = byMode('recurse');
      assert.equal(r.verdict, 'error');
      assert.match(r.message ?? '', /recursion/i);
    });

    it('kills processes the solution started, with the tree', () => {
      assert.equal(byMode('spawn-hang').verdict, 'timeout');
      assert.equal(byMode('spawn-return').verdict, 'passed');
      for (const file of [spawnHangPid, spawnReturnPid]) {
        const pid = Number(fs.readFileSync(file, 'utf8'));
        assert.ok(pid > 0);
        assert.equal(isAlive(pid), false, `${path.basename(file)}: process ${pid} still runs`);
      }
    });

    (oneReturnType ? it.skip : it)('fails a returned value that is not JSON with a clear message', () => {
      const set = byMode('set');
      assert.equal(set.verdict, 'failed');
      // Java names the collection and what to return instead.
      assert.match(set.message ?? '', language === 'java' ? /not JSON \(a HashSet \(return a List\)\)/ : /not JSON \((a )?[Ss]et\)/);
      assert.match(byMode('nan').message ?? '', /not JSON \(nan\)/i);
      if (language === 'python') {
        assert.equal(byMode('tuple').verdict, 'passed', 'a tuple is returned as a list');
        assert.equal(byMode('dict').verdict, 'passed', 'a dict is returned as an object');
      } else {
        if (language === 'go') assert.match(byMode('chan').message ?? '', /not JSON \(a channel\)/);
        else if (language === 'java') assert.match(byMode('point').message ?? '', /not JSON \(a Point\)/);
        else assert.match(byMode('undefined').message ?? '', /not JSON \(undefined\)/);
        assert.match(byMode('function').message ?? '', /not JSON \(a function at \[1\]\)/);
        assert.equal(byMode('map').verdict, 'passed', 'a Map is returned as an object');
      }
    });
  });
}
