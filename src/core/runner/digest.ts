import * as crypto from 'node:crypto';
import type { ResultDigest } from '../pack/types';
import { canonicalJson } from './compare';

/**
 * Expected results stored compactly: the SHA-256 of a value's canonical JSON (object keys sorted, integers with
 * their exact digits), so a large case's answer costs 64 characters in tests.yaml whatever its size.
 */

/** The value a class case's digest is taken of: the ops' outputs, the constructor's as null. */
export function digestedValue(actual: unknown, isClass: boolean): unknown {
  return isClass && Array.isArray(actual) ? [null, ...actual.slice(1)] : actual;
}

/** The SHA-256 (hex) of the canonical JSON of `value`. */
export function digestOf(value: unknown): string {
  return crypto.createHash('sha256').update(canonicalJson(value)).digest('hex');
}

/** What a value looks like, in a few words, for a message about a digest that does not match. */
export function shapeOf(value: unknown): string {
  if (Array.isArray(value)) {
    const n = value.length;
    if (n === 0) return 'an empty list';
    const first = value[0];
    const kinds = new Set(value.map((v) => (v === null ? 'null' : Array.isArray(v) ? 'list' : typeof v)));
    const of = kinds.size === 1 ? (Array.isArray(first) ? ' lists' : first === null ? ' nulls' : typeof first === 'object' ? ' objects' : ` ${typeof first === 'bigint' ? 'number' : typeof first}s`) : ' items';
    return `a list of ${n.toLocaleString('en-US')}${of.replace(' items', ' items').replace(/ss$/, 's')}`;
  }
  if (value !== null && typeof value === 'object') return `an object of ${Object.keys(value).length.toLocaleString('en-US')} keys`;
  const text = canonicalJson(value);
  return text.length <= 40 ? text : `${typeof value} of ${text.length.toLocaleString('en-US')} characters`;
}

/** Whether `actual` is the digested value; else a sentence saying what can be said of the difference. */
export function judgeDigest(actual: unknown, digest: ResultDigest, isClass: boolean): true | string {
  const value = digestedValue(actual, isClass);
  const got = digestOf(value);
  if (got === digest.sha256) return true;
  const gotShape = shapeOf(value);
  const expectedShape = digest.shape ? `expected ${digest.shape}` : 'expected another result';
  const sameShape = digest.shape === gotShape ? ' of the same size, but with other values' : '';
  return `Wrong result: got ${gotShape}${sameShape}, ${expectedShape} (its SHA-256 ${digest.sha256.slice(0, 12)}…, the result's ${got.slice(0, 12)}…)`;
}
