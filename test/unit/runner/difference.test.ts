import * as assert from 'node:assert/strict';
import { compactJson, describeDifference, firstDifference, formatPath, listWindow, showValue } from '../../../src/core/runner/difference';

describe('runner: where a result differs', () => {
  it('finds nothing when the values are equal, keys in any order', () => {
    assert.equal(firstDifference({ a: [1, { b: 2 }], c: 'x' }, { c: 'x', a: [1, { b: 2 }] }), undefined);
    assert.equal(describeDifference([1, 2, 3], [1, 2, 3]), undefined);
  });

  it('says only both values when two plain values differ', () => {
    assert.equal(describeDifference(3, 2), 'expected 3, got 2');
    assert.equal(describeDifference('ab', 'ac'), 'expected "ab", got "ac"');
  });

  it('names the first differing index of a flat list with both values', () => {
    assert.equal(describeDifference([1, 2, 3], [1, 2, 4]), 'differs at [2]: expected 3, got 4');
  });

  it('shows a small nested container whole: an interval rather than one of its ends', () => {
    assert.equal(describeDifference([[1, 3], [6, 6]], [[1, 3], [4, 5]]), 'differs at [1]: expected [6,6], got [4,5]');
  });

  it('names a missing and an unexpected key of an object', () => {
    assert.equal(describeDifference({ a: 1, b: 2 }, { a: 1 }), 'key b is missing: expected 2');
    assert.equal(describeDifference({ a: 1 }, { a: 1, 'odd key': 3 }), 'unexpected key ["odd key"]: got 3');
  });

  it('says a length differs and shows short lists whole', () => {
    assert.equal(describeDifference([1, 2, 3], [1, 2]), 'length differs: expected 3 items, got 2: expected [1,2,3], got [1,2]');
  });

  it('shows a long list only around its first difference, with neighbours', () => {
    const expected = Array.from({ length: 1000 }, (_, i) => i);
    const actual = expected.slice();
    actual[517] = -1;
    const message = describeDifference(expected, actual)!;
    assert.match(message, /^differs at \[517\]: expected 517, got -1 \(around it: expected \[…, 514, 515, 516, 517, 518, 519, 520, …\], got \[…, 514, 515, 516, -1, 518, 519, 520, …\]\)$/);
    assert.ok(message.length < 200, message);
  });

  it('points at the first extra or missing item of a long list', () => {
    const expected = Array.from({ length: 100 }, (_, i) => i);
    assert.match(describeDifference(expected, expected.slice(0, 99))!, /^length differs: expected 100 items, got 99; first missing item at \[99\]: \[…, 96, 97, 98, 99\]$/);
    assert.match(describeDifference(expected, [...expected, 7])!, /first extra item at \[100\]: \[…, 97, 98, 99, 7\]$/);
  });

  it('shows a long string around its first differing character', () => {
    const expected = 'a'.repeat(500) + 'X' + 'b'.repeat(500);
    const actual = 'a'.repeat(500) + 'Y' + 'b'.repeat(500);
    const message = describeDifference(expected, actual)!;
    assert.match(message, /^differs at character 500: expected "…a+Xb+…" \(1001 characters\), got "…a+Yb+…" \(1001 characters\)$/);
    assert.ok(message.length < 200, message);
  });

  it('names a difference of kind, not only of value', () => {
    assert.equal(describeDifference([1, '2'], [1, 2]), 'differs at [1]: expected string "2", got number 2');
    assert.equal(describeDifference(null, []), 'differs at (root): expected null null, got list []');
  });

  it('compares big integers exactly', () => {
    assert.equal(describeDifference([2n ** 60n], [2n ** 60n + 1n]), 'differs at [0]: expected 1152921504606846976, got 1152921504606846977');
    assert.equal(firstDifference([2n ** 60n], [2n ** 60n]), undefined);
  });

  it('takes a tolerant leaf comparison for floats', () => {
    const close = (e: unknown, a: unknown) => typeof e === 'number' && typeof a === 'number' && Math.abs(e - a) <= 1e-6;
    assert.equal(describeDifference([0.1 + 0.2, 1], [0.3, 1], close), undefined);
    assert.equal(describeDifference([0.3, 1], [0.3, 1.5], close), 'differs at [1]: expected 1, got 1.5');
  });

  it('formats paths as code reads them', () => {
    assert.equal(formatPath([]), '(root)');
    assert.equal(formatPath([3, 'name', 0]), '[3].name[0]');
    assert.equal(formatPath(['a b']), '["a b"]');
  });

  it('shows a value on one line when it fits, pretty-printed when not, and cut when huge', () => {
    assert.equal(showValue([1, 2, 3]), '[1,2,3]');
    const nested = { users: [{ id: 1, name: 'a'.repeat(30) }, { id: 2, name: 'b'.repeat(30) }] };
    assert.equal(showValue(nested), `{\n  "users": [\n    {"id":1,"name":"${'a'.repeat(30)}"},\n    {"id":2,"name":"${'b'.repeat(30)}"}\n  ]\n}`);
    const huge = Array.from({ length: 5000 }, (_, i) => i);
    const shown = showValue(huge, 80, 100);
    assert.ok(shown.endsWith('… (5000 items)'), shown);
    assert.equal(compactJson(undefined), 'undefined');
    assert.equal(listWindow([1, 2, 3], 0, 1), '[1, 2, …]');
  });
});
