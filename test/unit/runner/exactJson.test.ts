import * as assert from 'node:assert/strict';
import { parseJsonExact, stringifyJsonExact } from '../../../src/core/exactJson';
import { canonicalJson, jsonEqual, typeMismatch } from '../../../src/core/runner/compare';

describe('runner: integers beyond 2^53', () => {
  it('reads integers beyond 2^53 as exact bigints and everything else as JSON.parse does', () => {
    assert.deepEqual(parseJsonExact('[1152921504606846977, -9007199254740993, 9007199254740991, 2.5, 1e300]'), [
      1152921504606846977n,
      -9007199254740993n,
      9007199254740991,
      2.5,
      1e300,
    ]);
    // Digits inside strings and the fraction of a float are not integers.
    assert.deepEqual(parseJsonExact('{"id": "11529215046068469771", "x": 0.11529215046068469771}'), { id: '11529215046068469771', x: Number('0.11529215046068469771') });
    assert.deepEqual(parseJsonExact('{"a\\"1152921504606846977": 1152921504606846977}'), { 'a"1152921504606846977': 1152921504606846977n });
  });

  it('keeps an own __proto__ key as data when it reads big integers', () => {
    const value = parseJsonExact('{"__proto__": 1152921504606846977}') as Record<string, unknown>;
    assert.ok(Object.prototype.hasOwnProperty.call(value, '__proto__'));
    assert.equal(Object.getPrototypeOf(value), Object.prototype);
  });

  it('reads big integers beside a string of ten million digits and inside a list nested 100,000 deep', () => {
    const digits = '7'.repeat(10_000_000);
    const flat = parseJsonExact(`{"s": "${digits}", "n": 1152921504606846977, "f": 1e300}`) as { s: string; n: unknown; f: unknown };
    assert.equal(flat.s.length, digits.length);
    assert.equal(flat.n, 1152921504606846977n);
    assert.equal(flat.f, 1e300);
    const depth = 100_000;
    let deep = parseJsonExact(`${'['.repeat(depth)}1152921504606846977${']'.repeat(depth)}`) as unknown;
    for (let i = 0; i < depth; i++) deep = (deep as unknown[])[0];
    assert.equal(deep, 1152921504606846977n);
  });

  it('writes bigints as their digits and round-trips them', () => {
    const value = { a: [1152921504606846977n, 2], b: 'x', c: -5n };
    const text = stringifyJsonExact(value);
    assert.equal(text, '{"a":[1152921504606846977,2],"b":"x","c":-5}');
    assert.deepEqual(parseJsonExact(text), { a: [1152921504606846977n, 2], b: 'x', c: -5 });
    assert.equal(stringifyJsonExact([1n], 2), '[\n  1\n]');
    assert.equal(stringifyJsonExact({ n: 1 }), '{"n":1}');
  });

  it('compares integers exactly: 2^60 + 1 is not 2^60, and a double equals only its own integer', () => {
    assert.ok(!jsonEqual(2n ** 60n + 1n, 2 ** 60));
    assert.ok(!jsonEqual(2 ** 60, 2n ** 60n + 1n));
    assert.ok(jsonEqual(2 ** 60, 2n ** 60n));
    assert.ok(jsonEqual([2n ** 60n], [2n ** 60n]));
    assert.ok(!jsonEqual(1.5, 1n));
    assert.equal(canonicalJson([2 ** 60, 2n ** 60n + 1n]), '[1152921504606846976,1152921504606846977]');
    assert.equal(typeMismatch(2n ** 60n, 'int'), undefined);
    assert.equal(typeMismatch(2n ** 60n, 'string'), 'number');
  });
});
