/**
 * Where two JSON values first differ, and how to show values to a person: a failed case names the first
 * differing index or key and shows both sides around it, instead of the first few hundred characters of each.
 */

/** One step into a value: a list index or an object key. */
export type PathStep = number | string;

/** The first place where `actual` departs from `expected`, with the two values found there. */
export interface Difference {
  /** Steps from the root to the differing values; empty when the roots themselves differ. */
  readonly path: readonly PathStep[];
  /** What the difference is, in a few words: a value, a missing or extra key, a length. */
  readonly reason: 'value' | 'type' | 'length' | 'missing-key' | 'extra-key';
  readonly expected: unknown;
  readonly actual: unknown;
}

const kindOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'list' : typeof v === 'bigint' ? 'number' : typeof v);

const sameScalar = (a: unknown, b: unknown): boolean => {
  if (typeof a === 'bigint' || typeof b === 'bigint') {
    try {
      return BigInt(a as never) === BigInt(b as never);
    } catch {
      return false;
    }
  }
  return a === b || (typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b));
};

/**
 * The first difference in a depth-first walk (lists by index, objects by the expected value's keys in order, then
 * keys only the actual value has), or `undefined` when the two are equal under JSON semantics.
 * `equal` compares two leaves (numbers, strings, booleans, null) and defaults to exact equality; pass a tolerant
 * one for float comparisons.
 */
export function firstDifference(expected: unknown, actual: unknown, equal: (e: unknown, a: unknown) => boolean = sameScalar): Difference | undefined {
  const walk = (e: unknown, a: unknown, path: PathStep[]): Difference | undefined => {
    const ek = kindOf(e);
    const ak = kindOf(a);
    if (ek !== ak) return { path, reason: 'type', expected: e, actual: a };
    if (ek === 'list') {
      const el = e as unknown[];
      const al = a as unknown[];
      const n = Math.min(el.length, al.length);
      for (let i = 0; i < n; i++) {
        const d = walk(el[i], al[i], [...path, i]);
        if (d) return d;
      }
      if (el.length !== al.length) return { path, reason: 'length', expected: e, actual: a };
      return undefined;
    }
    if (ek === 'object') {
      const eo = e as Record<string, unknown>;
      const ao = a as Record<string, unknown>;
      for (const key of Object.keys(eo)) {
        if (!Object.prototype.hasOwnProperty.call(ao, key)) return { path: [...path, key], reason: 'missing-key', expected: eo[key], actual: undefined };
        const d = walk(eo[key], ao[key], [...path, key]);
        if (d) return d;
      }
      for (const key of Object.keys(ao)) {
        if (!Object.prototype.hasOwnProperty.call(eo, key)) return { path: [...path, key], reason: 'extra-key', expected: undefined, actual: ao[key] };
      }
      return undefined;
    }
    return equal(e, a) ? undefined : { path, reason: 'value', expected: e, actual: a };
  };
  return walk(expected, actual, []);
}

/** A path as a reader writes it: `[3].name[0]`; the root is `(root)`. */
export function formatPath(path: readonly PathStep[]): string {
  if (path.length === 0) return '(root)';
  return path.map((s) => (typeof s === 'number' ? `[${s}]` : /^[A-Za-z_$][\w$]*$/.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`)).join('').replace(/^\./, '');
}

/** Compact JSON for messages: object keys sorted, big integers exact, `undefined` shown as such. */
export function compactJson(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : String(value);
  if (Array.isArray(value)) return `[${value.map(compactJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${compactJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? String(value);
}

/**
 * A value shown whole when it fits: on one line up to `width` characters, else pretty-printed with two-space
 * indentation when that stays within `maxChars`, else cut with an ellipsis and its size named.
 */
export function showValue(value: unknown, width = 80, maxChars = 2000): string {
  const one = compactJson(value);
  if (one.length <= width) return one;
  const pretty = prettyJson(value, '');
  if (pretty.length <= maxChars) return pretty;
  const size = Array.isArray(value) ? ` (${value.length} items)` : typeof value === 'string' ? ` (${value.length} characters)` : '';
  return `${one.slice(0, maxChars)}…${size}`;
}

function prettyJson(value: unknown, indent: string): string {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    const compact = compactJson(value);
    if (compact.length <= 60 || value.every((x) => x === null || typeof x !== 'object')) return compact;
    return `[\n${value.map((x) => inner + prettyJson(x, inner)).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o).sort();
    const compact = compactJson(o);
    if (compact.length <= 60) return compact;
    return `{\n${keys.map((k) => `${inner}${JSON.stringify(k)}: ${prettyJson(o[k], inner)}`).join(',\n')}\n${indent}}`;
  }
  return compactJson(value);
}

/** The items of a list around index `at` (`radius` each side), with `…` where items were left out. */
export function listWindow(list: readonly unknown[], at: number, radius = 3): string {
  const from = Math.max(0, at - radius);
  const to = Math.min(list.length, at + radius + 1);
  const items = list.slice(from, to).map((x) => compactJson(x));
  return `[${from > 0 ? '…, ' : ''}${items.join(', ')}${to < list.length ? ', …' : ''}]`;
}

/** Cuts a long string around position `at`, keeping `radius` characters each side. */
function stringWindow(s: string, at: number, radius = 20): string {
  const from = Math.max(0, at - radius);
  const to = Math.min(s.length, at + radius);
  return `${from > 0 ? '…' : ''}${JSON.stringify(s.slice(from, to)).slice(1, -1)}${to < s.length ? '…' : ''}`;
}

/**
 * One sentence naming where two values first differ and both sides there, e.g.
 * `differs at [1]: expected [6,6], got [4,5]`, or for a long list `length differs: expected 1000 items, got 999;
 * first difference at [17]: expected […, 5, 6, 7, …], got […, 5, 9, 7, …]`. `undefined` when they are equal.
 */
export function describeDifference(expected: unknown, actual: unknown, equal?: (e: unknown, a: unknown) => boolean, width = 80): string | undefined {
  const found = firstDifference(expected, actual, equal);
  if (!found) return undefined;
  const d = (found.reason === 'value' || found.reason === 'type') ? smallestReadableWhole(expected, actual, found) : found;
  const where = formatPath(d.path);
  switch (d.reason) {
    case 'missing-key':
      return `key ${where} is missing: expected ${showValue(d.expected, width)}`;
    case 'extra-key':
      return `unexpected key ${where}: got ${showValue(d.actual, width)}`;
    case 'type':
      return `differs at ${where}: expected ${kindOf(d.expected)} ${showValue(d.expected, width)}, got ${kindOf(d.actual)} ${showValue(d.actual, width)}`;
    case 'length': {
      const e = d.expected as unknown[];
      const a = d.actual as unknown[];
      const n = Math.min(e.length, a.length);
      const lengths = `${where === '(root)' ? 'length' : `length of ${where}`} differs: expected ${e.length} items, got ${a.length}`;
      const both = compactJson(e).length + compactJson(a).length <= 2 * width;
      if (both) return `${lengths}: expected ${compactJson(e)}, got ${compactJson(a)}`;
      return `${lengths}; ${a.length > n ? `first extra item at [${n}]: ${listWindow(a, n)}` : `first missing item at [${n}]: ${listWindow(e, n)}`}`;
    }
    case 'value': {
      if (typeof d.expected === 'string' && typeof d.actual === 'string' && (d.expected.length > width || d.actual.length > width)) {
        let i = 0;
        while (i < d.expected.length && i < d.actual.length && d.expected[i] === d.actual[i]) i++;
        return `differs at ${where === '(root)' ? '' : `${where}, `}character ${i}: expected "${stringWindow(d.expected, i)}" (${d.expected.length} characters), got "${stringWindow(d.actual, i)}" (${d.actual.length} characters)`;
      }
      // Inside a list, show the neighbours too: they tell an off-by-one from a wrong value.
      const last = d.path[d.path.length - 1];
      if (typeof last === 'number') {
        const parentPath = d.path.slice(0, -1);
        const parentE = at(expected, parentPath) as unknown[];
        const parentA = at(actual, parentPath) as unknown[];
        if (compactJson(parentE).length > width) {
          return `differs at ${where}: expected ${compactJson(d.expected)}, got ${compactJson(d.actual)} (around it: expected ${listWindow(parentE, last)}, got ${listWindow(parentA, last)})`;
        }
      }
      // Two plain values have no "where": saying "differs at (root)" of 3 against 2 only adds noise.
      if (d.path.length === 0) return `expected ${showValue(d.expected, width)}, got ${showValue(d.actual, width)}`;
      return `differs at ${where}: expected ${showValue(d.expected, width)}, got ${showValue(d.actual, width)}`;
    }
  }
}

/** How long a small container (a pair, a short record) may print before it is too long to show as a whole. */
const SMALL_WHOLE = 24;

/**
 * A difference inside a small, nested container (an interval `[6,6]`, a short record) reads better as that
 * container: `differs at [1]: expected [6,6], got [4,5]` rather than `differs at [1][0]: expected 6, got 4`.
 * The root is never taken as the whole: its elements are what a reader counts.
 */
function smallestReadableWhole(expected: unknown, actual: unknown, d: Difference): Difference {
  let path = d.path;
  let best = d;
  while (path.length >= 2) {
    const parent = path.slice(0, -1);
    const e = at(expected, parent);
    const a = at(actual, parent);
    if (compactJson(e).length > SMALL_WHOLE || compactJson(a).length > SMALL_WHOLE) break;
    best = { path: parent, reason: 'value', expected: e, actual: a };
    path = parent;
  }
  return best;
}

function at(value: unknown, path: readonly PathStep[]): unknown {
  let v = value;
  for (const step of path) v = (v as Record<string | number, unknown>)[step];
  return v;
}
