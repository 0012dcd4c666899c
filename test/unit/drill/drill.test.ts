import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  ALL_NEW,
  attemptNumbersIn,
  chooseLanguage,
  describeFilter,
  filterProblems,
  findAttempts,
  groupByTopic,
  isFilterEmpty,
  latestAttempt,
  matchesFilter,
  nextAttemptDir,
  NO_FILTER,
  numberedAttemptDir,
  pickRandomUnsolved,
  resolveAttemptFolder,
  topicsOf,
  writeStarter,
  mergePacks,
  countDiagnostics,
  diagnosticsByFile,
  type DrillState,
  type DrillStateProvider,
} from '../../../src/core/drill';
import type { Language, PackSummary, ProblemSummary } from '../../../src/core/pack/types';

function problem(id: string, over: Partial<ProblemSummary> = {}): ProblemSummary {
  return { id, packId: 'p', title: id.toUpperCase(), difficulty: 'easy', topics: ['arrays'], minutes: 30, dir: `/packs/p/${id}`, languages: ['python'], ...over };
}

const states = (map: Record<string, DrillState>): DrillStateProvider => (_pack, id) => ({ state: map[id] ?? 'new' });

describe('drill: filters', () => {
  const a = problem('a', { difficulty: 'easy', topics: ['arrays', 'hashing'] });
  const b = problem('b', { difficulty: 'medium', topics: ['graphs'] });
  const c = problem('c', { difficulty: 'hard', topics: ['graphs', 'dp'] });

  it('the empty filter lets every problem through', () => {
    assert.equal(isFilterEmpty(NO_FILTER), true);
    assert.deepEqual(filterProblems([a, b, c], ALL_NEW, NO_FILTER), [a, b, c]);
  });

  it('each dimension narrows, a problem passes the topics when it has any of them', () => {
    assert.deepEqual(filterProblems([a, b, c], ALL_NEW, { ...NO_FILTER, difficulties: ['medium', 'hard'] }), [b, c]);
    assert.deepEqual(filterProblems([a, b, c], ALL_NEW, { ...NO_FILTER, topics: ['dp', 'hashing'] }), [a, c]);
    const stateOf = states({ a: 'solved', b: 'failed' });
    assert.deepEqual(filterProblems([a, b, c], stateOf, { ...NO_FILTER, states: ['new', 'failed'] }), [b, c]);
  });

  it('dimensions combine with "and"', () => {
    assert.equal(matchesFilter(c, 'new', { difficulties: ['hard'], topics: ['graphs'], states: ['solved'] }), false);
    assert.equal(matchesFilter(c, 'solved', { difficulties: ['hard'], topics: ['graphs'], states: ['solved'] }), true);
  });

  it('the description lists the choices in canonical order, and is empty without a filter', () => {
    assert.equal(describeFilter(NO_FILTER), '');
    assert.equal(describeFilter({ difficulties: ['hard', 'easy'], topics: ['graphs', 'arrays'], states: ['failed', 'new'] }), 'easy, hard · arrays, graphs · Not started, Failed');
  });

  it('groups list a problem under each of its topics, topics sorted, easier problems first', () => {
    const groups = groupByTopic([c, a, b]);
    assert.deepEqual(groups.map((g) => [g.topic, g.problems.map((p) => p.id)]), [
      ['arrays', ['a']],
      ['dp', ['c']],
      ['graphs', ['b', 'c']],
      ['hashing', ['a']],
    ]);
  });

  it('with a topic filter, only the filtered topics are groups', () => {
    assert.deepEqual(groupByTopic([a, b, c], ['graphs']).map((g) => g.topic), ['graphs']);
  });

  it('a problem without topics is grouped under "other"; a topic listed twice counts once', () => {
    const groups = groupByTopic([problem('x', { topics: [] }), problem('y', { topics: ['t', 't'] })]);
    assert.deepEqual(groups.map((g) => [g.topic, g.problems.length]), [['other', 1], ['t', 1]]);
  });

  it('topicsOf lists every topic once, sorted', () => {
    assert.deepEqual(topicsOf([a, b, c]), ['arrays', 'dp', 'graphs', 'hashing']);
  });
});

describe('drill: random unsolved', () => {
  const list = [problem('a'), problem('b'), problem('c'), problem('d')];

  it('skips solved and solved-late problems and maps the random number over the rest', () => {
    const stateOf = states({ a: 'solved', c: 'solved-late' });
    assert.equal(pickRandomUnsolved(list, stateOf, () => 0)?.id, 'b');
    assert.equal(pickRandomUnsolved(list, stateOf, () => 0.99)?.id, 'd');
  });

  it('failed and in-progress problems are still candidates', () => {
    const stateOf = states({ a: 'failed', b: 'in-progress', c: 'solved', d: 'solved' });
    assert.deepEqual([0, 0.6].map((r) => pickRandomUnsolved(list, stateOf, () => r)?.id), ['a', 'b']);
  });

  it('returns undefined when everything is solved or nothing is listed', () => {
    assert.equal(pickRandomUnsolved(list, () => ({ state: 'solved' }), () => 0.5), undefined);
    assert.equal(pickRandomUnsolved([], ALL_NEW, () => 0.5), undefined);
  });

  it('a problem listed twice is not twice as likely', () => {
    const twice = [list[0]!, list[0]!, list[1]!];
    assert.equal(pickRandomUnsolved(twice, ALL_NEW, () => 0.6)?.id, 'b');
  });

  it('a random source that returns 1 does not pick past the end', () => {
    assert.equal(pickRandomUnsolved(list, ALL_NEW, () => 1)?.id, 'd');
  });
});

describe('drill: language choice', () => {
  const all: Language[] = ['python', 'javascript', 'typescript'];

  it('the configured language is taken without asking when the problem has it', () => {
    assert.deepEqual(chooseLanguage(all, { configured: 'typescript', lastUsed: 'python' }), { kind: 'chosen', language: 'typescript' });
  });

  it('a problem with one language needs no question', () => {
    assert.deepEqual(chooseLanguage(['javascript'], { lastUsed: 'python' }), { kind: 'chosen', language: 'javascript' });
  });

  it('otherwise the last language used comes first and is pre-selected', () => {
    assert.deepEqual(chooseLanguage(all, { lastUsed: 'typescript' }), { kind: 'ask', order: ['typescript', 'python', 'javascript'], preselected: 'typescript' });
    assert.deepEqual(chooseLanguage(all, {}), { kind: 'ask', order: all, preselected: 'python' });
  });

  it('a configured language the problem lacks asks, saying why', () => {
    const choice = chooseLanguage(['python', 'javascript'], { configured: 'typescript' });
    assert.equal(choice.kind, 'ask');
    assert.match(choice.kind === 'ask' ? choice.note ?? '' : '', /no typescript starter/);
  });

  it('a problem without starters cannot be started', () => {
    assert.equal(chooseLanguage([], {}).kind, 'none');
  });
});

describe('drill: attempt folders', () => {
  const vars = { problemId: 'two-sum', packId: 'builtin', language: 'python' as const };
  const ws = path.resolve('/ws');

  it('substitutes the variables relative to the workspace folder', () => {
    assert.deepEqual(resolveAttemptFolder('drills/${problemId}', vars, ws), { dir: path.join(ws, 'drills', 'two-sum') });
    assert.deepEqual(resolveAttemptFolder(' ${packId}/${problemId}-${language} ', vars, ws), { dir: path.join(ws, 'builtin', 'two-sum-python') });
  });

  it('an absolute folder is taken as it is', () => {
    assert.deepEqual(resolveAttemptFolder('/tmp/a/${problemId}', vars, ws), { dir: path.resolve('/tmp/a/two-sum') });
  });

  it('unknown variables, empty settings and folders outside the workspace are refused with a message', () => {
    assert.match(errorOf(resolveAttemptFolder('drills/${problem}', vars, ws)), /\$\{problem\}.*not a known variable/);
    assert.match(errorOf(resolveAttemptFolder('  ', vars, ws)), /empty/);
    assert.match(errorOf(resolveAttemptFolder('../elsewhere/${problemId}', vars, ws)), /outside the workspace/);
    assert.match(errorOf(resolveAttemptFolder('.', vars, ws)), /outside the workspace/);
  });

  it('ids cannot smuggle separators or parent folders into the path', () => {
    const dir = resolveAttemptFolder('drills/${problemId}', { ...vars, problemId: '../x/y' }, ws);
    assert.deepEqual(dir, { dir: path.join(ws, 'drills', '_-x-y') });
  });

  it('attempt n lives in <base>-n, the first in the base itself', () => {
    assert.equal(numberedAttemptDir('/w/drills/a', 1), '/w/drills/a');
    assert.equal(numberedAttemptDir('/w/drills/a', 3), '/w/drills/a-3');
    assert.throws(() => numberedAttemptDir('/w/a', 0));
  });

  it('numbers in use are read from sibling names, ignoring look-alikes', () => {
    assert.deepEqual(attemptNumbersIn(['a', 'a-2', 'a-10', 'a-1', 'a-02', 'ab', 'a-x', 'b-3'], 'a'), [1, 2, 10]);
    assert.deepEqual(attemptNumbersIn(['two.sum-2'], 'two.sum'), [2]);
    assert.deepEqual(attemptNumbersIn(['twoXsum'], 'two.sum'), []);
  });

  it('a new attempt goes one past the highest number, even past a gap', () => {
    assert.equal(nextAttemptDir('/w/d/a', []), '/w/d/a');
    assert.equal(nextAttemptDir('/w/d/a', ['a']), '/w/d/a-2');
    assert.equal(nextAttemptDir('/w/d/a', ['a', 'a-3']), '/w/d/a-4');
  });
});

describe('drill: attempts on disk', () => {
  let root: string;
  beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), 'drills-drill-'))));
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  const put = (rel: string, text = 'x') => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  };

  it('finds folders holding a solution file, and the latest one to resume', async () => {
    put('drills/a/solution.py');
    put('drills/a-2/solution.js');
    put('drills/a-3/notes.txt');
    put('drills/ab/solution.py');
    const base = path.join(root, 'drills', 'a');
    const attempts = await findAttempts(new Map<Language, string>([['python', base], ['javascript', base]]));
    assert.deepEqual(attempts.map((a) => [path.basename(a.dir), a.language, a.number]), [['a', 'python', 1], ['a-2', 'javascript', 2]]);
    assert.equal(latestAttempt(attempts)?.dir, path.join(root, 'drills', 'a-2'));
    assert.equal(latestAttempt([]), undefined);
  });

  it('on a tie the preferred language is resumed', async () => {
    put('drills/a/solution.py');
    put('drills/a/solution.ts');
    const base = path.join(root, 'drills', 'a');
    const attempts = await findAttempts(new Map<Language, string>([['python', base], ['typescript', base]]));
    assert.equal(latestAttempt(attempts)?.language, 'python');
    assert.equal(latestAttempt(attempts, ['typescript'])?.language, 'typescript');
  });

  it('no attempts when the parent folder does not exist', async () => {
    assert.deepEqual(await findAttempts(new Map([['python', path.join(root, 'none', 'a')]])), []);
  });

  it('the starter is copied into a new folder, and an existing file is never overwritten', async () => {
    put('starter.py', 'def f(): pass\n');
    const target = path.join(root, 'drills', 'a', 'solution.py');
    assert.deepEqual(await writeStarter(path.join(root, 'starter.py'), target), { written: true });
    assert.equal(fs.readFileSync(target, 'utf8'), 'def f(): pass\n');
    fs.writeFileSync(target, 'my work');
    assert.deepEqual(await writeStarter(path.join(root, 'starter.py'), target), { written: false, reason: 'exists' });
    assert.equal(fs.readFileSync(target, 'utf8'), 'my work');
  });

  it('a missing starter is an error naming the target', async () => {
    await assert.rejects(writeStarter(path.join(root, 'nope.py'), path.join(root, 'd', 'solution.py')), /Could not write .*solution\.py/);
  });
});

function errorOf(r: { dir: string } | { error: string }): string {
  assert.ok('error' in r, `expected an error, got ${JSON.stringify(r)}`);
  return r.error;
}

describe('drill: merging packs', () => {
  const pack = (id: string, dir: string): PackSummary => ({ id, name: id, description: '', dir, defaults: {}, problems: [], diagnostics: [], manifestPath: path.join(dir, 'drills-pack.yaml') });

  it('built-in packs come first and are marked', () => {
    const { sources, diagnostics } = mergePacks([pack('builtin', '/ext/problems')], [pack('mine', '/ws/mine')]);
    assert.deepEqual(sources.map((s) => [s.pack.id, s.builtIn]), [['builtin', true], ['mine', false]]);
    assert.deepEqual(diagnostics, []);
  });

  it('the built-in folder found again in the workspace is listed once, silently', () => {
    const { sources, diagnostics } = mergePacks([pack('builtin', '/ext/problems')], [pack('builtin', '/ext/problems/')]);
    assert.equal(sources.length, 1);
    assert.deepEqual(diagnostics, []);
  });

  it('a second pack with a used id is left out with a warning on its manifest', () => {
    const { sources, diagnostics } = mergePacks([pack('builtin', '/ext/problems')], [pack('builtin', '/ws/copy'), pack('x', '/ws/a'), pack('x', '/ws/b')]);
    assert.deepEqual(sources.map((s) => s.pack.dir), ['/ext/problems', '/ws/a']);
    assert.deepEqual(diagnostics.map((d) => [d.file, d.severity]), [[path.join('/ws/copy', 'drills-pack.yaml'), 'warning'], [path.join('/ws/b', 'drills-pack.yaml'), 'warning']]);
    assert.match(diagnostics[0]!.message, /already used by the built-in pack/);
    assert.match(diagnostics[1]!.message, /already used by \/ws\/a/);
  });

  it('diagnostics are counted and grouped by file', () => {
    const d = (file: string, severity: 'error' | 'warning') => ({ file, line: 1, column: 1, severity, message: 'm' });
    const list = [d('/a', 'error'), d('/b', 'warning'), d('/a', 'warning')];
    assert.deepEqual(countDiagnostics(list), { errors: 1, warnings: 2 });
    assert.deepEqual([...diagnosticsByFile(list).entries()].map(([f, ds]) => [f, ds.length]), [['/a', 2], ['/b', 1]]);
  });
});
