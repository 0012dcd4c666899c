import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { loadProblemFromDir } from '../../../src/core/pack/index';
import type { Diagnostic, Problem } from '../../../src/core/pack/types';
import { minimalPack, only, tempDir, writeTree } from './helpers';

const CLASS_PROBLEM = `id: dedupe
title: Dedupe
difficulty: medium
topics: [design]
class:
  name: StreamDeduper
  methods:
    - { name: StreamDeduper, params: [{ name: window, type: int }] }
    - { name: isDuplicate, params: [{ name: id, type: int }], returns: bool }
    - { name: tag, params: [{ name: key, type: string }, { name: labels, type: any }], returns: any }
`;

const GOOD_CASES = `cases:
  - name: a million distinct ids
    tags: [large]
    ops: [StreamDeduper, isDuplicate]
    args: [[1000], [5]]
    expected: [null, false]
    repeat:
      times: 1000000
      ops: [isDuplicate, isDuplicate]
      args: [[{$i: [7, 1]}], [{$i: [7, 1, 1000]}]]
      expected: [false, {$i: [0, 1, 2]}]
      x-note: ignored
  - name: nested expressions
    ops: [StreamDeduper]
    args: [[3]]
    expected: [null]
    repeat:
      times: 5
      ops: [tag]
      args: [[k, {ids: [{$i: [1, 0]}, 4], deep: {n: {$i: [-2, 10]}}}]]
      expected: [[{$i: [1, 0]}]]
`;

interface Loaded {
  problem?: Problem;
  diagnostics: Diagnostic[];
  file: string;
}

async function load(tests: string, problemYaml = CLASS_PROBLEM): Promise<Loaded> {
  const t = tempDir();
  try {
    writeTree(t.dir, minimalPack({ 'p/problem.yaml': problemYaml, 'p/tests.yaml': tests }));
    const { problem, diagnostics } = await loadProblemFromDir(path.join(t.dir, 'p'), t.dir);
    // Positions are checked against the text, which is still known; the folder can go.
    return { problem, diagnostics, file: path.join(t.dir, 'p/tests.yaml') };
  } finally {
    t.remove();
  }
}

/** A tests.yaml with one class case whose repeat block is `block` (indented under `repeat:`). */
function oneCase(block: string): string {
  return `cases:\n  - name: c\n    ops: [StreamDeduper]\n    args: [[1]]\n    expected: [null]\n    repeat:\n${block.replace(/^/gm, '      ')}\n`;
}

function expectAt(d: Diagnostic, tests: string, needle: string, shift = 0): void {
  // Needles are looked for from the block on, so they do not match the listed ops above it.
  const text = tests;
  const offset = text.indexOf(needle, Math.max(0, text.indexOf('repeat:')));
  assert.ok(offset >= 0, `${needle} not in the tests`);
  const before = text.slice(0, offset + shift).split('\n');
  assert.deepEqual({ line: d.line, column: d.column }, { line: before.length, column: before[before.length - 1].length + 1 }, d.message);
}

describe('pack loader: repeat blocks', () => {
  it('keeps a valid block as written, expressions included, next to the listed ops', async () => {
    const { problem, diagnostics } = await load(GOOD_CASES);
    assert.deepEqual(diagnostics, []);
    assert.ok(problem);
    const [big, nested] = problem.cases;
    assert.deepEqual(big.ops, ['StreamDeduper', 'isDuplicate']);
    assert.deepEqual(big.opArgs, [[1000], [5]]);
    assert.deepEqual(big.expected, [null, false]);
    assert.deepEqual(big.repeat, {
      times: 1_000_000,
      ops: ['isDuplicate', 'isDuplicate'],
      args: [[{ $i: [7, 1] }], [{ $i: [7, 1, 1000] }]],
      expected: [false, { $i: [0, 1, 2] }],
    });
    assert.deepEqual(nested.repeat?.args, [['k', { ids: [{ $i: [1, 0] }, 4], deep: { n: { $i: [-2, 10] } } }]]);
  });

  it('a case without a block has no repeat', async () => {
    const { problem } = await load('cases:\n  - { name: plain, ops: [StreamDeduper, isDuplicate], args: [[1], [2]], expected: [null, false] }\n');
    assert.equal(problem?.cases.length, 1);
    assert.equal('repeat' in problem!.cases[0], false);
  });

  const broken: [string, string, string, string, number?][] = [
    ['times of 0', 'times: 0\nops: [isDuplicate]\nargs: [[1]]\nexpected: [false]', 'must be a whole number from 1 to 100,000,000, not 0', 'times: 0', 7],
    ['fractional times', 'times: 2.5\nops: [isDuplicate]\nargs: [[1]]\nexpected: [false]', 'not 2.5', 'times: 2.5', 7],
    ['times above the cap', 'times: 100000001\nops: [isDuplicate]\nargs: [[1]]\nexpected: [false]', 'not 100000001', '100000001'],
    ['times as a string', 'times: many\nops: [isDuplicate]\nargs: [[1]]\nexpected: [false]', 'not "many"', 'many'],
    ['lengths that differ', 'times: 3\nops: [isDuplicate, isDuplicate]\nargs: [[1]]\nexpected: [false, false]', '`repeat.ops` (2), `repeat.args` (1) and `repeat.expected` (2) must have the same length', '[isDuplicate, isDuplicate]'],
    ['an empty block', 'times: 3\nops: []\nargs: []\nexpected: []', '`repeat.ops` needs at least one op', 'ops: []', 5],
    ['an unknown method', 'times: 3\nops: [isDuplicate, isDuplicat]\nargs: [[1], [2]]\nexpected: [false, false]', '`StreamDeduper` has no method `isDuplicat`. Did you mean `isDuplicate`?', 'isDuplicat]'],
    ['the constructor in the block', 'times: 3\nops: [StreamDeduper]\nargs: [[1]]\nexpected: [null]', 'The constructor `StreamDeduper` cannot be repeated', 'StreamDeduper]'],
    ['a wrong argument count', 'times: 3\nops: [isDuplicate]\nargs: [[1, 2]]\nexpected: [false]', '`repeat.args[0]` has 2 values but `isDuplicate(id)` takes 1', '[1, 2]'],
    ['arguments that are not a list', 'times: 3\nops: [isDuplicate]\nargs: [7]\nexpected: [false]', '`repeat.args[0]` must be the list of arguments of `isDuplicate`', '7]'],
    ['a missing key', 'times: 3\nops: [isDuplicate]\nargs: [[1]]', '`repeat` needs `expected`', 'repeat:', 0],
    ['ops that are not a list', 'times: 3\nops: isDuplicate\nargs: [[1]]\nexpected: [false]', '`repeat.ops` must be a list', 'isDuplicate\n'],
    ['a block that is not a mapping', '', '`repeat` must be a mapping', 'repeat:', 0],
    ['an expression with three terms and a zero modulus', 'times: 3\nops: [isDuplicate]\nargs: [[{$i: [1, 2, 0]}]]\nexpected: [false]', 'The modulus of an `$i` expression must be more than 0, not 0', '0]}'],
    ['an expression with one term', 'times: 3\nops: [isDuplicate]\nargs: [[{$i: [1]}]]\nexpected: [false]', '`$i` takes a list of 2 or 3 whole numbers', '[1]}'],
    ['an expression with a fraction', 'times: 3\nops: [isDuplicate]\nargs: [[1]]\nexpected: [{$i: [1, 0.5]}]', '`$i` takes whole numbers, not 0.5', '0.5'],
    ['an expression with another key', 'times: 3\nops: [isDuplicate]\nargs: [[{$i: [1, 0], b: 2}]]\nexpected: [false]', 'An `$i` expression has no other keys (found `b`)', '2}'],
    ['an expression deep inside a value', 'times: 3\nops: [tag]\nargs: [[k, {a: [1, {$i: x}]}]]\nexpected: [null]', '`$i` takes a list of 2 or 3 whole numbers', 'x}'],
    ['an expression that leaves the safe integers', 'times: 100000000\nops: [isDuplicate]\nargs: [[{$i: [100000000000, 0]}]]\nexpected: [false]', 'goes beyond 2^53 - 1 before i reaches 99999999', '[100000000000, 0]'],
  ];
  for (const [what, block, message, needle, shift] of broken) {
    it(`reports ${what} at its place and leaves the case out`, async () => {
      const tests = oneCase(block);
      const { problem, diagnostics } = await load(tests);
      const d = only(diagnostics, message);
      assert.equal(d.severity, 'error');
      expectAt(d, tests, needle, shift ?? 0);
      assert.deepEqual(problem?.cases, [], 'the case is left out');
    });
  }

  it('does not report schema errors inside a block twice', async () => {
    const tests = oneCase('times: 0\nops: [isDuplicate]\nargs: [[1]]\nexpected: [false]');
    const { diagnostics } = await load(tests);
    assert.equal(diagnostics.length, 1, diagnostics.map((d) => d.message).join('\n'));
  });

  it('warns about an unknown key in a block and about a `$` key that is not `$i`, and keeps the case', async () => {
    const tests = oneCase('times: 2\nop: [x]\nops: [tag]\nargs: [[k, {$j: [1, 0]}]]\nexpected: [null]');
    const { problem, diagnostics } = await load(tests);
    const unknown = only(diagnostics, 'Unknown key `op` in `cases[0].repeat`; it is ignored. Did you mean `ops`?');
    assert.equal(unknown.severity, 'warning');
    expectAt(unknown, tests, 'op: [x]');
    const dollar = only(diagnostics, '`$j` is not an expression (only `$i` is)');
    assert.equal(dollar.severity, 'warning');
    expectAt(dollar, tests, '$j');
    assert.equal(problem?.cases.length, 1);
    assert.deepEqual(problem?.cases[0].repeat?.args, [['k', { $j: [1, 0] }]]);
  });

  it('refuses a block on a function problem', async () => {
    const tests = 'cases:\n  - name: f\n    args: [[1]]\n    expected: 1\n    repeat: { times: 2, ops: [f], args: [[[1]]], expected: [1] }\n';
    const { problem, diagnostics } = await load(tests, minimalPack()['p/problem.yaml']);
    const d = only(diagnostics, '`repeat` is for class problems');
    expectAt(d, tests, 'repeat:');
    assert.deepEqual(problem?.cases, []);
  });

  it('refuses a block when the problem does not compare exactly, naming its compare mode', async () => {
    const tests = oneCase('times: 2\nops: [isDuplicate]\nargs: [[1]]\nexpected: [false]');
    const { problem, diagnostics } = await load(tests, `${CLASS_PROBLEM}compare: unordered\n`);
    const d = only(diagnostics, '`repeat` needs `compare: exact`');
    assert.match(d.message, /this problem uses `unordered`/);
    expectAt(d, tests, 'repeat:');
    assert.deepEqual(problem?.cases, []);
  });

  it('leaves out only the broken case: the others keep their blocks', async () => {
    const tests = `${GOOD_CASES}  - name: broken\n    ops: [StreamDeduper]\n    args: [[1]]\n    expected: [null]\n    repeat: { times: -1, ops: [isDuplicate], args: [[1]], expected: [false] }\n`;
    const { problem, diagnostics } = await load(tests);
    only(diagnostics, 'not -1');
    assert.deepEqual(problem?.cases.map((c) => c.name), ['a million distinct ids', 'nested expressions']);
  });
});
