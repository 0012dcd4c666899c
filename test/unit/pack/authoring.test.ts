import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { loadPack, loadProblemFromDir } from '../../../src/core/pack/index';
import type { Diagnostic } from '../../../src/core/pack/types';
import { minimalPack, only, positionOfText, tempDir, writeTree } from './helpers';

/** Loads problem `p` of a minimal pack with the given files replaced. */
async function loadWith(overrides: Record<string, string>): Promise<{ dir: string; problem?: Awaited<ReturnType<typeof loadProblemFromDir>>['problem']; diagnostics: Diagnostic[]; remove: () => void }> {
  const { dir, remove } = tempDir();
  writeTree(dir, minimalPack(overrides));
  const loaded = await loadProblemFromDir(path.join(dir, 'p'), dir);
  return { dir, ...loaded, remove };
}

function expectAt(d: Diagnostic, file: string, needle: string, shift = 0): void {
  const { line, column } = positionOfText(file, needle, shift);
  assert.deepEqual([d.file, d.line, d.column], [file, line, column], d.message);
}

const FN = (params: string, returns: string) => `id: p\ntitle: P\ndifficulty: easy\ntopics: [arrays]\nfunction: { name: f, params: [${params}], returns: "${returns}" }\n`;

describe('pack authoring diagnostics', () => {
  it('an expected value of the wrong type for the declared returns is an error at the value, and the case is left out', async () => {
    const t = await loadWith({
      'p/tests.yaml': 'cases:\n  - { name: fine, args: [[1]], expected: [1, 2] }\n  - { name: a string, args: [[1]], expected: "1, 2" }\n  - { name: one item, args: [[1]], expected: [1, "2"] }\n',
      'p/problem.yaml': FN('{ name: xs, type: "int[]" }', 'int[]'),
    });
    try {
      const tests = path.join(t.dir, 'p/tests.yaml');
      expectAt(only(t.diagnostics, '`expected` is the string "1, 2"'), tests, '"1, 2"');
      const item = only(t.diagnostics, '`expected[1]` is the string "2"');
      expectAt(item, tests, '"2"');
      assert.match(item.message, /`f\(xs\)` returns `int\[\]`: an int is expected here/);
      assert.deepEqual(t.problem?.cases.map((c) => c.name), ['fine']);
    } finally {
      t.remove();
    }
  });

  it('an argument of the wrong type for its parameter is an error, by position or by name', async () => {
    const t = await loadWith({
      'p/problem.yaml': FN('{ name: xs, type: "int[]" }, { name: k, type: int }', 'int'),
      'p/tests.yaml': 'cases:\n  - { name: positional, args: [[1], "two"], expected: 1 }\n  - { name: named, input: { xs: 5, k: 1 }, expected: 1 }\n',
    });
    try {
      const tests = path.join(t.dir, 'p/tests.yaml');
      const positional = only(t.diagnostics, '`args[1]` is the string "two"');
      assert.match(positional.message, /the parameter `k` of `f\(xs, k\)` is `int`/);
      expectAt(positional, tests, '"two"');
      expectAt(only(t.diagnostics, '`input.xs` is `5`'), tests, '5, k');
    } finally {
      t.remove();
    }
  });

  it('accepts what the runner accepts: null anywhere, ints as floats, [] as an empty tree or list, maps of lists', async () => {
    const t = await loadWith({
      'p/problem.yaml': FN('{ name: t, type: TreeNode }, { name: l, type: ListNode }, { name: m, type: "map<string,int[]>" }', 'float[]'),
      'p/tests.yaml': 'cases:\n  - { name: all fit, args: [[], [1, 2], { a: [1], b: [] }], expected: [1, 2.5, null] }\n  - { name: null tree, args: [null, [], {}], expected: null }\n',
    });
    try {
      assert.deepEqual(t.diagnostics.filter((d) => d.severity === 'error'), []);
      assert.equal(t.problem?.cases.length, 2);
      assert.equal(t.problem?.testsErrors, undefined);
    } finally {
      t.remove();
    }
  });

  it('checks each op of a class case against its method: arguments and the declared return type', async () => {
    const t = await loadWith({
      'p/problem.yaml':
        'id: p\ntitle: P\ndifficulty: easy\ntopics: [design]\nclass:\n  name: C\n  methods:\n    - { name: C, params: [] }\n    - { name: add, params: [{ name: x, type: int }] }\n    - { name: total, params: [], returns: int }\n',
      'p/starter/solution.py': 'class C: pass\n',
      'p/tests.yaml': 'cases:\n  - { name: ok, ops: [C, add, total], args: [[], [1], []], expected: [null, null, 1] }\n  - { name: bad, ops: [C, add, total], args: [[], ["1"], []], expected: [null, null, [1]] }\n',
    });
    try {
      const tests = path.join(t.dir, 'p/tests.yaml');
      expectAt(only(t.diagnostics, '`args[1][0]` is the string "1"'), tests, '"1"');
      expectAt(only(t.diagnostics, '`expected[2]` is a list, but `total()` returns `int`'), tests, '[1]] }');
      assert.deepEqual(t.problem?.cases.map((c) => c.name), ['ok']);
    } finally {
      t.remove();
    }
  });

  it('an op written with its per-language name is an error that names the declared one', async () => {
    const t = await loadWith({
      'p/problem.yaml':
        'id: p\ntitle: P\ndifficulty: easy\ntopics: [design]\nclass:\n  name: C\n  methods:\n    - { name: C, params: [] }\n    - { name: getMin, names: { python: get_min }, params: [], returns: int }\n',
      'p/starter/solution.py': 'class C: pass\n',
      'p/tests.yaml': 'cases:\n  - { name: snake, ops: [C, get_min], args: [[], []], expected: [null, 1] }\n',
    });
    try {
      const d = only(t.diagnostics, '`C` has no method `get_min`');
      assert.match(d.message, /Ops use the names declared in problem\.yaml: write `getMin` \(`get_min` is its name in python\)/);
      expectAt(d, path.join(t.dir, 'p/tests.yaml'), 'get_min');
    } finally {
      t.remove();
    }
  });

  it('a problem whose tests have errors carries them, so it is never run as if whole', async () => {
    const t = await loadWith({
      'p/problem.yaml': FN('{ name: xs, type: "int[]" }', 'int') + 'compare: { kind: checker, script: missing.js }\n',
      'p/tests.yaml': 'cases:\n  - { name: fine, args: [[1]], expected: 1 }\n  - { name: too many, args: [[1], 2], expected: 1 }\n  - { name: no file, from: cases/none.json }\n',
    });
    try {
      assert.deepEqual(t.problem?.cases.map((c) => c.name), ['fine']);
      const messages = (t.problem?.testsErrors ?? []).map((d) => d.message).sort();
      assert.equal(messages.length, 3, messages.join('\n'));
      assert.ok(messages.some((m) => m.includes('`missing.js` does not exist')));
      assert.ok(messages.some((m) => m.includes('`args` has 2 values')));
      assert.ok(messages.some((m) => m.includes('`cases/none.json` does not exist')));
    } finally {
      t.remove();
    }
  });

  it('a problem with sound tests has no testsErrors, warnings or not', async () => {
    const t = await loadWith({ 'p/tests.yaml': 'cases:\n  - { name: one, tags: [unheard-of], args: [[1]], expected: 1 }\n' });
    try {
      assert.ok(t.diagnostics.some((d) => d.severity === 'warning'));
      assert.equal(t.problem?.testsErrors, undefined);
    } finally {
      t.remove();
    }
  });

  it('a misspelt key inside limits is an error with the right spelling, not a warning with the defaults in force', async () => {
    const t = await loadWith({ 'p/problem.yaml': minimalPack()['p/problem.yaml'] + 'limits: { timeMS: 100 }\n' });
    try {
      const d = only(t.diagnostics, 'Unknown key `timeMS` in `limits`');
      assert.equal(d.severity, 'error');
      assert.match(d.message, /Did you mean `timeMs`\?/);
      expectAt(d, path.join(t.dir, 'p/problem.yaml'), 'timeMS');
      assert.equal(t.problem, undefined);
    } finally {
      t.remove();
    }
  });

  it('a top-level key one typo from a known key (limts) is an error; an unrelated unknown key is a warning marked unknown-key', async () => {
    const { dir, remove } = tempDir();
    try {
      writeTree(dir, minimalPack({ 'p/problem.yaml': minimalPack()['p/problem.yaml'] + 'limts: { timeMs: 100 }\nauthorNotes: for me\n' }));
      const pack = await loadPack(dir);
      const typo = only(pack.diagnostics, 'Unknown key `limts`');
      assert.equal(typo.severity, 'error');
      assert.match(typo.message, /Did you mean `limits`\?/);
      const other = only(pack.diagnostics, 'Unknown key `authorNotes`');
      assert.equal(other.severity, 'warning');
      assert.equal(other.code, 'unknown-key');
      assert.equal(pack.problems.length, 0, 'the problem with the typo is not indexed');
    } finally {
      remove();
    }
  });

  it('one YAML slip (an unquoted [] type in a flow mapping) gives a handful of diagnostics, the first with the fix', async () => {
    const lines = ['id: p', 'title: P', 'difficulty: easy', 'topics: [arrays]', 'function: { name: f, params: [{ name: xs, type: int[] }], returns: int }'];
    for (let i = 0; i < 40; i++) lines.push(`followUps${i}: [{ a: [1, 2] }, { b: c[] }]`);
    const t = await loadWith({ 'p/problem.yaml': lines.join('\n') + '\n' });
    try {
      const yaml = t.diagnostics.filter((d) => d.message.startsWith('YAML:'));
      assert.ok(yaml.length >= 2 && yaml.length <= 4, yaml.map((d) => d.message).join('\n'));
      assert.match(yaml[0].message, /write a type that ends in `\[\]` in quotes: `type: "int\[\]"`/);
      assert.match(yaml[yaml.length - 1].message, /\d+ more syntax errors after this point/);
    } finally {
      t.remove();
    }
  });
});
