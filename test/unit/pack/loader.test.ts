import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findPackDirs, loadPack, loadPacks, loadProblem, loadProblemFromDir } from '../../../src/core/pack/index';
import type { Diagnostic, PackSummary } from '../../../src/core/pack/types';
import { FIXTURES, minimalPack, only, positionOfText, tempDir, withMessage, writeTree } from './helpers';

const VALID = path.join(FIXTURES, 'valid');
const BROKEN = path.join(FIXTURES, 'broken');

function at(d: Diagnostic): string {
  return `${path.relative(FIXTURES, d.file)}:${d.line}:${d.column}`;
}

function expectAt(d: Diagnostic, file: string, needle: string, shift = 0): void {
  const { line, column } = positionOfText(file, needle, shift);
  assert.equal(at(d), `${path.relative(FIXTURES, file)}:${line}:${column}`, d.message);
}

describe('pack index', () => {
  it('finds every folder with a drills-pack.yaml under the roots, without entering problem folders', async () => {
    const dirs = await findPackDirs([FIXTURES]);
    assert.deepEqual(dirs.map((d) => path.relative(FIXTURES, d)), ['broken', 'future', 'third-party', 'valid']);
    assert.deepEqual(await findPackDirs([VALID]), [VALID]);
  });

  it('indexes a valid pack: deep problem folders, starters, inherited minutes and phases, no diagnostics', async () => {
    const [pack] = await loadPacks([VALID]);
    assert.deepEqual(pack.diagnostics, []);
    assert.equal(pack.id, 'sample');
    assert.deepEqual(pack.tags, [{ id: 'overflow', description: 'Values near the limits of a 32-bit integer.' }]);
    assert.deepEqual(pack.defaults.languages, ['python', 'javascript']);
    const byId = Object.fromEntries(pack.problems.map((p) => [p.id, p]));
    assert.deepEqual(Object.keys(byId).sort(), ['any-path', 'average', 'lru-cache', 'two-sum']);
    assert.equal(byId['lru-cache'].dir, path.join(VALID, 'design/deep/nested/lru-cache'));
    assert.deepEqual(byId['two-sum'].languages, ['python', 'javascript', 'typescript']);
    assert.deepEqual(byId['lru-cache'].languages, ['python', 'javascript']);
    assert.equal(byId['two-sum'].minutes, 20);
    assert.equal(byId['lru-cache'].minutes, 30, 'falls back to defaults.minutes');
    assert.deepEqual(byId['lru-cache'].phases, { clarify: 5, plan: 5, code: 15, test: 5 });
    assert.deepEqual(byId['average'].phases, { clarify: 2, plan: 2, code: 10, test: 6 });
    assert.equal(byId['two-sum'].packId, 'sample');
    assert.equal(byId['two-sum'].packDir, VALID);
  });

  it('does not read tests.yaml, from: files or solutions while indexing', async () => {
    const t = tempDir();
    try {
      writeTree(t.dir, minimalPack({ 'p/tests.yaml': 'cases: [unclosed\n', 'p/solutions/x.py': '\0' }));
      const [pack] = await loadPacks([t.dir]);
      assert.deepEqual(pack.diagnostics, []);
      assert.equal(pack.problems.length, 1);
      const { diagnostics } = await loadProblem(pack.problems[0]);
      assert.equal(only(diagnostics, 'YAML').file, path.join(t.dir, 'p/tests.yaml'));
    } finally {
      t.remove();
    }
  });

  it('still indexes the valid problems of a pack full of broken ones', async () => {
    const [pack] = await loadPacks([BROKEN]);
    assert.deepEqual(pack.problems.map((p) => p.id).sort(), ['cases', 'good', 'lru']);
    for (const d of pack.diagnostics) {
      assert.ok(d.line >= 1 && d.column >= 1 && path.isAbsolute(d.file), JSON.stringify(d));
    }
  });

  describe('positioned diagnostics in problem.yaml', () => {
    let pack: PackSummary;
    const kinds = path.join(BROKEN, 'kinds/problem.yaml');
    before(async () => {
      [pack] = await loadPacks([BROKEN]);
    });

    it('reports a YAML syntax error at its line', () => {
      const d = only(pack.diagnostics, 'YAML: Flow sequence');
      assert.equal(at(d), 'broken/syntax/problem.yaml:4:1');
      assert.equal(d.severity, 'error');
    });

    it('reports a top-level key one typo from a known one as an error at the key, suggesting the known one', () => {
      const d = only(pack.diagnostics, 'Unknown key `titel`');
      assert.match(d.message, /Did you mean `title`\?/);
      assert.equal(d.severity, 'error');
      assert.equal(at(d), 'broken/kinds/problem.yaml:2:1');
    });

    it('reports a missing required key', () => {
      const d = only(pack.diagnostics, 'Missing required key `title`');
      assert.equal(d.file, kinds);
      assert.equal(d.severity, 'error');
    });

    it('reports a wrong type at the value', () => {
      const d = only(pack.diagnostics, '`minutes` must be a number, not the string "ten"');
      assert.equal(at(d), 'broken/kinds/problem.yaml:5:10');
    });

    it('reports an invalid difficulty with a suggestion', () => {
      const d = only(pack.diagnostics, '`difficulty` must be one of easy, medium, hard');
      assert.match(d.message, /Did you mean `medium`\?/);
      expectAt(d, kinds, 'medum');
    });

    it('reports a bad type name at the column of the bad word inside the quotes', () => {
      expectAt(only(pack.diagnostics, 'unknown type `integer`'), kinds, 'integer[]');
      const tree = only(pack.diagnostics, 'unknown type `Tree`');
      assert.match(tree.message, /Did you mean `TreeNode`\?/);
      expectAt(tree, kinds, 'Tree>');
    });

    it('reports an invalid compare mode with a suggestion', () => {
      const d = only(pack.diagnostics, '`compare` must be one of exact, unordered, float, checker');
      assert.match(d.message, /Did you mean `unordered`\?/);
      expectAt(d, kinds, 'unorderd');
    });

    it('reports a duplicate problem id at both problems, and indexes neither', () => {
      const [a, b] = withMessage(pack.diagnostics, 'The problem id `same` is also used by');
      assert.equal(at(a), 'broken/dup-a/problem.yaml:1:5');
      assert.match(a.message, /nested\/dup-b\/problem\.yaml/);
      assert.equal(at(b), 'broken/nested/dup-b/problem.yaml:1:5');
      assert.match(b.message, /dup-a\/problem\.yaml/);
      assert.ok(!pack.problems.some((p) => p.id === 'same'));
    });

    it('reports a missing statement.md as an error and a missing declared starter as a warning', () => {
      const statement = only(pack.diagnostics, 'statement.md is missing');
      assert.equal(at(statement), 'broken/bare/problem.yaml:1:1');
      assert.equal(statement.severity, 'error');
      const starter = only(pack.diagnostics, 'No javascript starter');
      assert.equal(starter.severity, 'warning');
      assert.equal(starter.file, path.join(BROKEN, 'bare/problem.yaml'));
      assert.ok(!pack.problems.some((p) => p.id === 'bare'));
    });

    it('reports a class without a constructor at the class name', () => {
      expectAt(only(pack.diagnostics, 'The class `Stack` has no constructor'), path.join(BROKEN, 'noctor/problem.yaml'), 'Stack');
    });
  });

  it('refuses a pack written for a newer format, saying why, and loads none of its problems', async () => {
    const [pack] = await loadPacks([path.join(FIXTURES, 'future')]);
    assert.equal(pack.problems.length, 0);
    const d = only(pack.diagnostics, 'uses format 2');
    assert.equal(at(d), 'future/drills-pack.yaml:1:9');
  });

  it('reports drills-pack.yaml mistakes: missing version, unknown key, bad language, duplicate tag', async () => {
    const t = tempDir();
    try {
      writeTree(t.dir, minimalPack({
        'drills-pack.yaml': 'id: mini\nname: Mini\ndescription: x\ndefaults:\n  languages: [python, rust]\n  minuts: 3\ntags:\n  - { id: big, description: a }\n  - { id: big, description: b }\n  - { id: empty, description: c }\nx-editor: ignored\n',
      }));
      const pack = await loadPack(t.dir);
      const file = path.join(t.dir, 'drills-pack.yaml');
      assert.equal(only(pack.diagnostics, 'Missing required key `drills`').line, 1);
      const lang = only(pack.diagnostics, '`defaults.languages[1]` must be one of python, javascript, typescript');
      assert.deepEqual([lang.line, lang.column], [5, 23]);
      const unknown = only(pack.diagnostics, 'Unknown key `minuts` in `defaults`');
      assert.match(unknown.message, /Did you mean `minutes`\?/);
      assert.deepEqual([unknown.file, unknown.line, unknown.column], [file, 6, 3]);
      assert.deepEqual([only(pack.diagnostics, 'declared twice').line, only(pack.diagnostics, 'declared twice').column], [9, 11]);
      assert.equal(only(pack.diagnostics, '`empty` is a standard tag').severity, 'warning');
      assert.equal(withMessage(pack.diagnostics, 'x-editor').length, 0, 'x- keys are free for tools');
      assert.deepEqual(pack.tags?.map((tag) => tag.id), ['big']);
      assert.equal(pack.problems.length, 1, 'a broken manifest does not hide the problems');
    } finally {
      t.remove();
    }
  });

  it('reports a missing drills-pack.yaml read error as a diagnostic, not an exception', async () => {
    const t = tempDir();
    try {
      fs.mkdirSync(path.join(t.dir, 'drills-pack.yaml'));
      const pack = await loadPack(t.dir);
      assert.match(only(pack.diagnostics, 'could not be read').message, /EISDIR/);
    } finally {
      t.remove();
    }
  });
});

describe('loading a problem', () => {
  it('reads a function problem: input normalised to positional order, from: files, raises, compare, limits and files', async () => {
    const { problem, diagnostics } = await loadProblemFromDir(path.join(VALID, 'arrays/two-sum'));
    assert.deepEqual(diagnostics, []);
    assert.ok(problem);
    assert.deepEqual(problem.function, {
      name: 'twoSum',
      names: { python: 'two_sum' },
      params: [{ name: 'nums', type: 'int[]' }, { name: 'target', type: 'int' }],
      returns: 'int[]',
    });
    assert.deepEqual(problem.compare, { kind: 'unordered' });
    assert.deepEqual(problem.limits, { timeMs: 1000, memoryMb: 256 });
    assert.equal(problem.hints.length, 3);
    assert.deepEqual(problem.followUps, ['What if the array is sorted?']);
    const [basic, byName, raises, big] = problem.cases;
    assert.deepEqual(basic, { name: 'basic', tags: ['ordering'], args: [[2, 7, 11, 15], 9], expected: [0, 1], line: 2 });
    assert.deepEqual(byName.args, [[-3, -5, 1], -8], '`input` lists target first; args follow the declared params');
    assert.equal(byName.line, 6);
    assert.equal(raises.raises, true);
    assert.ok(!('expected' in raises));
    assert.equal((big.args![0] as number[]).length, 2000);
    assert.deepEqual(big.expected, [1998, 1999]);
    assert.equal(big.from, path.join(VALID, 'arrays/two-sum/cases/big.json'));
    assert.deepEqual(Object.keys(problem.starters), ['python', 'javascript', 'typescript']);
    assert.equal(problem.starters.python, path.join(VALID, 'arrays/two-sum/starter/solution.py'));
    assert.deepEqual(problem.solutions, [{ language: 'python', path: path.join(VALID, 'arrays/two-sum/solutions/hash_map.py') }]);
    assert.deepEqual(problem.wrong, [{ language: 'javascript', path: path.join(VALID, 'arrays/two-sum/wrong/first_two.js') }]);
    assert.equal(problem.statementPath, path.join(VALID, 'arrays/two-sum/statement.md'));
  });

  it('reads a class problem: ops, one args list per op, expected per op, also from a from: file', async () => {
    const [pack] = await loadPacks([VALID]);
    const { problem, diagnostics } = await loadProblem(pack.problems.find((p) => p.id === 'lru-cache')!);
    assert.deepEqual(diagnostics, []);
    assert.equal(problem?.class?.name, 'LRUCache');
    assert.deepEqual(problem?.class?.methods.map((m) => [m.name, m.params.length, m.returns]), [['LRUCache', 1, 'void'], ['get', 1, 'int'], ['put', 2, 'any']]);
    assert.equal(problem?.function, undefined);
    const [first, many] = problem!.cases;
    assert.deepEqual(first.ops, ['LRUCache', 'put', 'put', 'get', 'put', 'get']);
    assert.deepEqual(first.opArgs, [[2], [1, 1], [2, 2], [1], [3, 3], [2]]);
    assert.deepEqual(first.expected, [null, null, null, 1, null, -1]);
    assert.deepEqual(many.ops, ['LRUCache', 'put', 'get']);
    assert.deepEqual(many.expected, [null, null, 50]);
  });

  it('resolves a checker script to its absolute path and keeps a float tolerance', async () => {
    const checker = await loadProblemFromDir(path.join(VALID, 'graphs/any-path'));
    assert.deepEqual(checker.problem?.compare, { kind: 'checker', script: path.join(VALID, 'graphs/any-path/checker.js') });
    assert.deepEqual(checker.problem?.cases[0].args, [{ a: ['b', 'c'], b: ['d'], c: ['d'] }, 'a', 'd']);
    const float = await loadProblemFromDir(path.join(VALID, 'math/average'));
    assert.deepEqual(float.problem?.compare, { kind: 'float', tolerance: 0.001 });
  });

  describe('case diagnostics in tests.yaml', () => {
    const tests = path.join(BROKEN, 'cases/tests.yaml');
    let diagnostics: Diagnostic[];
    let names: string[];
    before(async () => {
      const loaded = await loadProblemFromDir(path.join(BROKEN, 'cases'));
      diagnostics = loaded.diagnostics;
      names = loaded.problem!.cases.map((c) => c.name);
    });

    it('keeps the valid cases and leaves out the broken ones', () => {
      assert.deepEqual(names, ['fine', 'unknown tag']);
    });

    it('accepts a tag the pack declares and warns about an undeclared one', () => {
      assert.equal(withMessage(diagnostics, '`overflow`').length, 0);
      const d = only(diagnostics, 'Unknown tag `emtpy`');
      assert.equal(d.severity, 'warning');
      assert.match(d.message, /Did you mean `empty`\?/);
      expectAt(d, tests, 'emtpy');
    });

    it('reports a case with both expected and raises at `raises`', () => {
      expectAt(only(diagnostics, 'either `expected` or `raises: true`, not both'), tests, 'raises: true');
    });

    it('reports a case with neither expected nor raises at its name', () => {
      expectAt(only(diagnostics, 'The case `no outcome` needs `expected`'), tests, 'name: no outcome');
    });

    it('reports args whose length does not match the params', () => {
      const d = only(diagnostics, '`args` has 1 value but `pick(nums, k)` takes 2');
      expectAt(d, tests, '[[1]]');
    });

    it('reports input with an unknown parameter name at that name, and the missing one', () => {
      const d = only(diagnostics, 'has no parameter `kk`');
      assert.match(d.message, /Did you mean `k`\?/);
      expectAt(d, tests, 'kk: 1');
      expectAt(only(diagnostics, '`input` is missing `k`'), tests, 'input: { nums: [1], kk');
    });

    it('reports a case with neither args nor input', () => {
      expectAt(only(diagnostics, 'The case `neither args nor input` needs `args`'), tests, 'name: neither');
    });

    it('reports a missing from: file at the from: value', () => {
      expectAt(only(diagnostics, '`data/nope.json` does not exist'), tests, 'data/nope.json');
    });

    it('reports bad JSON in a from: file at its line and column in that file, and at the from: value', () => {
      const inFile = only(diagnostics, 'Bad JSON: unexpected `}`');
      assert.equal(at(inFile), 'broken/cases/data/bad.json:4:1');
      expectAt(only(diagnostics, '`data/bad.json` is not valid JSON'), tests, 'data/bad.json');
    });
  });

  describe('class case diagnostics', () => {
    const tests = path.join(BROKEN, 'lru/tests.yaml');
    let diagnostics: Diagnostic[];
    let names: string[];
    before(async () => {
      const loaded = await loadProblemFromDir(path.join(BROKEN, 'lru'));
      diagnostics = loaded.diagnostics;
      names = loaded.problem!.cases.map((c) => c.name);
    });

    it('keeps only the valid class case', () => {
      assert.deepEqual(names, ['ok']);
    });

    it('reports ops, args and expected of different lengths at ops', () => {
      expectAt(only(diagnostics, '`ops` (2), `args` (1) and `expected` (2) must have the same length'), tests, '[Cache, get]\n    args: [[1]]');
    });

    it('reports a first op that is not the constructor at that op', () => {
      expectAt(only(diagnostics, 'The first op must be the constructor `Cache`, not `get`'), tests, 'get, Cache]');
      expectAt(only(diagnostics, 'may only be the first op'), tests, 'Cache]\n    args: [[1], [1]]\n    expected: [-1');
    });

    it('reports an unknown method with a suggestion', () => {
      const d = only(diagnostics, 'has no method `gett`');
      assert.match(d.message, /Did you mean `get`\?/);
      expectAt(d, tests, 'gett');
    });
  });

  it('reports class cases with from: data problems at the from: line', async () => {
    const t = tempDir();
    try {
      writeTree(t.dir, minimalPack({
        'p/problem.yaml': 'id: p\ntitle: P\ndifficulty: easy\ntopics: [design]\nclass:\n  name: C\n  methods:\n    - { name: C, params: [] }\n    - { name: m, params: [{ name: x, type: int }], returns: int }\n',
        'p/tests.yaml': 'cases:\n  - name: j\n    from: data.json\n  - name: both\n    ops: [C]\n    from: data.json\n',
        'p/data.json': '{"ops": ["C", "m"], "args": [[], []], "expected": [null, 1]}',
      }));
      const { problem, diagnostics } = await loadProblemFromDir(path.join(t.dir, 'p'));
      const file = path.join(t.dir, 'p/tests.yaml');
      const arity = only(diagnostics, '`args[1]` has 0 values but `m(x)` takes 1');
      assert.deepEqual([arity.file, arity.line, arity.column], [file, 3, 11]);
      const twice = only(diagnostics, '`ops` is given both here and in `data.json`');
      assert.deepEqual([twice.line, twice.column], [5, 5]);
      assert.deepEqual(problem?.cases, []);
    } finally {
      t.remove();
    }
  });

  it('reports checker problems: missing script, script outside the pack, not JavaScript, checker without a script', async () => {
    const t = tempDir();
    try {
      const problem = (compare: string): string => `id: p\ntitle: P\ndifficulty: easy\ntopics: [x]\nfunction: { name: f, params: [], returns: int }\ncompare: ${compare}\n`;
      writeTree(t.dir, minimalPack({
        'p/problem.yaml': problem('{ kind: checker, script: check.js }'),
        's/problem.yaml': problem('{ kind: checker, script: check.py }').replace('id: p', 'id: s'),
        's/statement.md': 's', 's/starter/solution.py': '',
        'q/problem.yaml': problem('{ kind: checker, script: ../../outside.js }').replace('id: p', 'id: q'),
        'r/problem.yaml': problem('checker').replace('id: p', 'id: r'),
        'q/statement.md': 'q', 'r/statement.md': 'r', 'q/starter/solution.py': '', 'r/starter/solution.py': '',
      }));
      const missing = await loadProblemFromDir(path.join(t.dir, 'p'));
      const d = only(missing.diagnostics, 'The checker `check.js` does not exist');
      assert.deepEqual([d.line, d.column], [6, 35]);
      const pack = await loadPack(t.dir);
      assert.deepEqual([only(pack.diagnostics, 'must be inside the pack folder').line, only(pack.diagnostics, 'must be inside the pack folder').column], [6, 35]);
      assert.equal(only(pack.diagnostics, 'A checker needs its script').line, 6);
      assert.deepEqual([only(pack.diagnostics, 'must be a CommonJS .js file').line, only(pack.diagnostics, 'must be a CommonJS .js file').column], [6, 35]);
      assert.deepEqual(pack.problems.map((p) => p.id), ['p']);
    } finally {
      t.remove();
    }
  });

  it('reports a problem with both or neither of function and class', async () => {
    const t = tempDir();
    try {
      const head = 'id: p\ntitle: P\ndifficulty: easy\ntopics: [x]\n';
      writeTree(t.dir, minimalPack({ 'p/problem.yaml': head }));
      assert.equal(only((await loadPack(t.dir)).diagnostics, 'needs either `function`').line, 1);
      writeTree(t.dir, { 'p/problem.yaml': `${head}function: { name: f, params: [], returns: int }\nclass: { name: C, methods: [{ name: C, params: [] }] }\n` });
      const both = only((await loadPack(t.dir)).diagnostics, 'not both');
      assert.deepEqual([both.line, both.column], [6, 1]);
    } finally {
      t.remove();
    }
  });

  it('fills the documented defaults: exact compare, 2000 ms, 256 MB, 45 minutes, no hints', async () => {
    const t = tempDir();
    try {
      writeTree(t.dir, minimalPack());
      const { problem, diagnostics } = await loadProblemFromDir(path.join(t.dir, 'p'));
      assert.deepEqual(diagnostics, []);
      assert.deepEqual([problem?.compare, problem?.limits, problem?.minutes, problem?.hints, problem?.followUps], [{ kind: 'exact' }, { timeMs: 2000, memoryMb: 256 }, 45, [], []]);
    } finally {
      t.remove();
    }
  });

  it('reports a missing tests.yaml and a problem outside any pack', async () => {
    const t = tempDir();
    try {
      const files = minimalPack();
      delete files['p/tests.yaml'];
      writeTree(t.dir, files);
      const { problem, diagnostics } = await loadProblemFromDir(path.join(t.dir, 'p'));
      assert.equal(only(diagnostics, 'tests.yaml is missing').severity, 'error');
      assert.deepEqual(problem?.cases, []);
      fs.rmSync(path.join(t.dir, 'drills-pack.yaml'));
      const outside = await loadProblemFromDir(path.join(t.dir, 'p'));
      assert.equal(outside.problem, undefined);
      assert.match(only(outside.diagnostics, 'No drills-pack.yaml').file, /problem\.yaml$/);
    } finally {
      t.remove();
    }
  });
});
