import type { Compare } from '../pack/types';

/** A comparison's outcome: `true` or why the values differ. */
export type CompareOutcome = true | string;

/** A JSON number: a double, or (beyond 2^53, see exactJson.ts) an exact integer. */
type JsonNumber = number | bigint;

function isJsonNumber(v: unknown): v is JsonNumber {
  return typeof v === 'number' || typeof v === 'bigint';
}

/** The exact integer a number stands for, or undefined when it is not an integer. */
function exactInteger(n: JsonNumber): bigint | undefined {
  if (typeof n === 'bigint') return n;
  return Number.isInteger(n) ? BigInt(n) : undefined;
}

/** Numbers by their exact value: a bigint equals a double only when the double is that very integer. */
function numbersEqual(a: JsonNumber, b: JsonNumber): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  const x = exactInteger(a);
  return x !== undefined && x === exactInteger(b);
}

/** Deep equality with JSON semantics: numbers by exact value (2 equals 2.0), object keys in any order. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isJsonNumber(a) && isJsonNumber(b)) return numbersEqual(a, b);
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => jsonEqual(x, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = Object.keys(ao);
  return keys.length === Object.keys(bo).length && keys.every((k) => Object.prototype.hasOwnProperty.call(bo, k) && jsonEqual(ao[k], bo[k]));
}

/** JSON with object keys sorted, so equal values print alike (for multiset keys and messages). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
  }
  if (typeof value === 'bigint') return value.toString();
  // JSON.stringify(2 ** 60) says 1152921504606847000: an integer is written with its exact digits.
  if (typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value) && Math.abs(value) < 1e21) return BigInt(value).toString();
  return JSON.stringify(value) ?? 'undefined';
}

/** How close two numbers must be: within `tolerance`, or within `tolerance` × |expected| when `relative`. */
export interface FloatTolerance {
  tolerance: number;
  relative?: boolean;
}

/** Whether `actual` is within the tolerance of `expected`. */
function closeEnough(actual: JsonNumber, expected: JsonNumber, { tolerance, relative }: FloatTolerance): boolean {
  const x = exactInteger(actual);
  const y = exactInteger(expected);
  // Two integers: their difference is exact, however large they are.
  const diff = x !== undefined && y !== undefined ? Math.abs(Number(x - y)) : Math.abs(Number(actual) - Number(expected));
  return diff <= (relative ? tolerance * Math.abs(Number(expected)) : tolerance);
}

/** Recursive equality where numbers match within a tolerance (`a` is the actual value, `b` the expected one). */
export function floatEqual(a: unknown, b: unknown, tolerance: number | FloatTolerance): boolean {
  const within = typeof tolerance === 'number' ? { tolerance } : tolerance;
  return floatEqualWithin(a, b, within);
}

function floatEqualWithin(a: unknown, b: unknown, tolerance: FloatTolerance): boolean {
  if (isJsonNumber(a) && isJsonNumber(b)) return closeEnough(a, b, tolerance);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => floatEqualWithin(x, b[i], tolerance));
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ao = a as Record<string, unknown>;
    const bo = b as Record<string, unknown>;
    const keys = Object.keys(ao);
    return keys.length === Object.keys(bo).length && keys.every((k) => Object.prototype.hasOwnProperty.call(bo, k) && floatEqualWithin(ao[k], bo[k], tolerance));
  }
  return jsonEqual(a, b);
}

/** Top-level lists compared as multisets; anything else exactly. */
export function unorderedEqual(actual: unknown, expected: unknown): boolean {
  if (!Array.isArray(actual) || !Array.isArray(expected)) return jsonEqual(actual, expected);
  if (actual.length !== expected.length) return false;
  const counts = new Map<string, number>();
  for (const x of expected) counts.set(canonicalJson(x), (counts.get(canonicalJson(x)) ?? 0) + 1);
  for (const x of actual) {
    const k = canonicalJson(x);
    const n = counts.get(k);
    if (!n) return false;
    counts.set(k, n - 1);
  }
  return true;
}

/** Short printable form of a value for messages (long values are cut). */
export function preview(value: unknown, max = 200): string {
  const s = canonicalJson(value);
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

/** Compares one returned value with the expected one; checker comparisons are done elsewhere. */
export function compareValues(compare: Exclude<Compare, { kind: 'checker' }>, actual: unknown, expected: unknown): boolean {
  switch (compare.kind) {
    case 'exact':
      return jsonEqual(actual, expected);
    case 'unordered':
      return unorderedEqual(actual, expected);
    case 'float':
      return floatEqual(actual, expected, compare);
  }
}

/** Whether a JSON value fits a declared type; `undefined` when it does, else what was found. */
export function typeMismatch(value: unknown, type: string): string | undefined {
  const t = type.replace(/\s+/g, '');
  const kind = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'list' : typeof v === 'object' ? 'object' : typeof v === 'bigint' ? 'number' : typeof v);
  if (t === 'any' || t === 'void' || t === '') return undefined;
  if (value === null) return t === 'TreeNode' || t === 'ListNode' || t === 'null' ? undefined : 'null';
  if (t.endsWith('[]')) {
    if (!Array.isArray(value)) return kind(value);
    const inner = t.slice(0, -2);
    for (const x of value) {
      const m = typeMismatch(x, inner);
      if (m) return `a list holding ${m}`;
    }
    return undefined;
  }
  const map = /^map<string,(.+)>$/.exec(t);
  if (map) {
    if (kind(value) !== 'object') return kind(value);
    for (const x of Object.values(value as Record<string, unknown>)) {
      const m = typeMismatch(x, map[1]);
      if (m) return `a map holding ${m}`;
    }
    return undefined;
  }
  switch (t) {
    case 'int':
      if (typeof value === 'bigint') return undefined;
      return typeof value === 'number' && Number.isInteger(value) ? undefined : typeof value === 'number' ? 'a non-integer number' : kind(value);
    case 'float':
      return isJsonNumber(value) ? undefined : kind(value);
    case 'string':
      return typeof value === 'string' ? undefined : kind(value);
    case 'bool':
      return typeof value === 'boolean' ? undefined : kind(value);
    case 'TreeNode':
    case 'ListNode':
      return Array.isArray(value) ? undefined : kind(value);
    default:
      return undefined;
  }
}
