import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { LANGUAGE_IDS } from '../../../src/core/languages/registry';
import { loadProblemFromDir } from '../../../src/core/pack/index';
import type { Problem } from '../../../src/core/pack/types';
import type { Diagnostic } from '../../../src/core/pack/types';
import { minimalPack, only, tempDir, writeTree } from './helpers';

/** Loads problem `p` of a minimal pack with the given files replaced. */
async function load(files: Record<string, string>): Promise<{ problem?: Problem; diagnostics: Diagnostic[] }> {
  const t = tempDir();
  try {
    writeTree(t.dir, minimalPack(files));
    return await loadProblemFromDir(path.join(t.dir, 'p'));
  } finally {
    t.remove();
  }
}

const fn = (extra = '', returns = 'int'): string =>
  `id: p\ntitle: P\ndifficulty: easy\ntopics: [arrays]\nfunction: { name: f, params: [{ name: xs, type: "int[]" }], returns: ${returns} }\n${extra}`;

describe('pack format: how verdicts are stated', () => {
  it('reads `raises` as any error, one exception for every language, or one per language', async () => {
    const { problem, diagnostics } = await load({
      'p/tests.yaml': [
        'cases:',
        '  - { name: any, args: [[1]], raises: true }',
        '  - { name: one, args: [[1]], raises: ValueError }',
        '  - { name: per language, args: [[1]], raises: { python: ValueError, javascript: RangeError, java: IllegalArgumentException } }',
        '  - { name: qualified, args: [[1]], raises: { c++: std::invalid_argument, python: json.JSONDecodeError } }',
      ].join('\n'),
    });
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(problem?.cases.map((c) => c.raises), [
      true,
      Object.fromEntries(LANGUAGE_IDS.map((l) => [l, 'ValueError'])),
      { python: 'ValueError', javascript: 'RangeError', java: 'IllegalArgumentException' },
      { cpp: 'std::invalid_argument', python: 'json.JSONDecodeError' },
    ]);
  });

  it('reports a `raises` that names no exception class, or a language that does not exist, at its place', async () => {
    const { problem, diagnostics } = await load({
      'p/tests.yaml': [
        'cases:',
        '  - { name: bad name, args: [[1]], raises: "not a class" }',
        '  - { name: bad language, args: [[1]], raises: { pyhton: ValueError } }',
        '  - { name: a number, args: [[1]], raises: 3 }',
        '  - { name: fine, args: [[1]], raises: KeyError }',
      ].join('\n'),
    });
    const name = only(diagnostics, '`raises: not a class` must name an exception class');
    assert.equal(name.line, 2);
    const language = only(diagnostics, 'not `pyhton`');
    assert.match(language.message, /Did you mean `python`\?/);
    assert.equal(language.line, 3);
    assert.equal(only(diagnostics, '`raises` must be true, an exception class name').line, 4);
    assert.deepEqual(problem?.cases.map((c) => c.name), ['fine']);
  });

  it('accepts `returns: void`, and a method without `returns` returns nothing', async () => {
    const { problem, diagnostics } = await load({
      'p/problem.yaml':
        'id: p\ntitle: P\ndifficulty: easy\ntopics: [design]\nclass:\n  name: C\n  methods:\n    - { name: C, params: [] }\n' +
        '    - { name: put, params: [{ name: x, type: int }] }\n    - { name: clear, params: [], returns: void }\n    - { name: get, params: [], returns: int }\n',
      'p/tests.yaml': 'cases:\n  - { name: one, ops: [C, put, clear, get], args: [[], [1], [], []], expected: [null, null, null, 0] }\n',
    });
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(problem?.class?.methods.map((m) => [m.name, m.returns]), [['C', 'void'], ['put', 'void'], ['clear', 'void'], ['get', 'int']]);
    const voidFunction = await load({ 'p/problem.yaml': fn('', 'void'), 'p/tests.yaml': 'cases:\n  - { name: one, args: [[1]], expected: null }\n' });
    assert.deepEqual(voidFunction.diagnostics, []);
    assert.equal(voidFunction.problem?.function?.returns, 'void');
  });

  it('reads a float tolerance as absolute unless `relative: true`', async () => {
    const absolute = await load({ 'p/problem.yaml': fn('compare: { kind: float, tolerance: 0.001 }\n') });
    assert.deepEqual(absolute.diagnostics, []);
    assert.deepEqual(absolute.problem?.compare, { kind: 'float', tolerance: 0.001 });
    const relative = await load({ 'p/problem.yaml': fn('compare: { kind: float, tolerance: 0.001, relative: true }\n') });
    assert.deepEqual(relative.diagnostics, []);
    assert.deepEqual(relative.problem?.compare, { kind: 'float', tolerance: 0.001, relative: true });
    const wrong = await load({ 'p/problem.yaml': fn('compare: { kind: float, tolerance: 0.001, relative: yes please }\n') });
    only(wrong.diagnostics, '`compare.relative` must be true');
  });

  it('keeps every digit of integers beyond 2^53 in tests.yaml and in from: files', async () => {
    const { problem, diagnostics } = await load({
      'p/tests.yaml': 'cases:\n  - { name: yaml, args: [[1152921504606846977, 3]], expected: -9007199254740993 }\n  - { name: json, from: big.json }\n',
      'p/big.json': '{"args": [[1152921504606846977, 25]], "expected": 9007199254740991}',
    });
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(problem?.cases.map((c) => [c.args, c.expected]), [
      [[[1152921504606846977n, 3]], -9007199254740993n],
      [[[1152921504606846977n, 25]], 9007199254740991],
    ]);
  });
});
