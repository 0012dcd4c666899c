/**
 * JSON with exact integers. `JSON.parse` reads every number as a double, so 2^60 + 1 reads as 2^60 and then
 * compares equal to it; `JSON.stringify(2 ** 60)` writes 1152921504606847000, which is not 2^60. Here integers
 * beyond `Number.MAX_SAFE_INTEGER` are read as `bigint` and bigints are written as their digits. No dependencies:
 * the Node harness bundles this file.
 */

/** A tag no JSON text can hold by chance: strings holding it are what this module put there. */
function freshTag(): string {
  return `\u0000exact:${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}:`;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * The text with every unsafe integer token turned into a string `"<tag><digits>"` (`written` is the tag as JSON
 * writes it), or undefined when there is none. One pass; strings are skipped with indexOf, never a regex (a regex
 * over a string of millions of characters overflows the stack).
 */
function markUnsafeIntegers(text: string, written: string): string | undefined {
  const parts: string[] = [];
  let last = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      // The closing quote is the first one preceded by an even number of backslashes.
      let end = text.indexOf('"', i + 1);
      for (;;) {
        if (end < 0) return undefined; // not JSON: JSON.parse says why
        let slashes = 0;
        while (text.charCodeAt(end - 1 - slashes) === 92 /* \ */) slashes++;
        if (slashes % 2 === 0) break;
        end = text.indexOf('"', end + 1);
      }
      i = end + 1;
    } else if (c === 45 /* - */ || isDigit(c)) {
      const start = i;
      i++;
      while (i < n && isDigit(text.charCodeAt(i))) i++;
      const next = text.charCodeAt(i);
      if (next === 46 /* . */ || next === 101 /* e */ || next === 69 /* E */) {
        // A float: its fraction and exponent are not integers of their own.
        i++;
        while (i < n && (isDigit(text.charCodeAt(i)) || text[i] === '+' || text[i] === '-' || text[i] === 'e' || text[i] === 'E')) i++;
      } else if (i - start >= 16 && !Number.isSafeInteger(Number(text.slice(start, i)))) {
        parts.push(text.slice(last, start), `"${written}`, text.slice(start, i), '"');
        last = i;
      }
    } else {
      i++;
    }
  }
  if (parts.length === 0) return undefined;
  parts.push(text.slice(last));
  return parts.join('');
}

/**
 * Calls `visit` on every array element and object property value below `root` (own enumerable keys), with an
 * explicit stack: a structure nested 100,000 deep must not overflow the call stack. `visit` returns a replacement,
 * or undefined to keep the value (and descend into it).
 */
function eachValue(root: unknown, visit: (value: unknown) => unknown): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const replacement = visit(node[i]);
        if (replacement === undefined) stack.push(node[i]);
        else node[i] = replacement;
      }
    } else {
      const record = node as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        const replacement = visit(record[key]);
        if (replacement === undefined) stack.push(record[key]);
        // A `__proto__` key is data here: defining it keeps it so.
        else Object.defineProperty(record, key, { value: replacement, enumerable: true, writable: true, configurable: true });
      }
    }
  }
}

/** Whether a parsed value holds a number that is an integer beyond the safe range (it may have been rounded). */
function hasUnsafeInteger(value: unknown): boolean {
  if (typeof value === 'number') return Number.isInteger(value) && !Number.isSafeInteger(value);
  let found = false;
  eachValue(value, (v) => {
    if (typeof v === 'number' && Number.isInteger(v) && !Number.isSafeInteger(v)) found = true;
    return undefined;
  });
  return found;
}

/** Parses JSON text like `JSON.parse`, but integers beyond ±(2^53 − 1) become `bigint`s with every digit kept. */
export function parseJsonExact(text: string): unknown {
  const plain = JSON.parse(text) as unknown;
  // The common case: no number JSON.parse could have rounded.
  if (!hasUnsafeInteger(plain)) return plain;
  const tag = freshTag();
  // The tag's NUL must be escaped inside JSON text; parsing turns it back into the tag.
  const marked = markUnsafeIntegers(text, JSON.stringify(tag).slice(1, -1));
  if (marked === undefined) return plain; // only floats like 1e300, which are read right
  const value = JSON.parse(marked) as unknown;
  const exact = (v: unknown): bigint | undefined => (typeof v === 'string' && v.startsWith(tag) ? BigInt(v.slice(tag.length)) : undefined);
  const top = exact(value);
  if (top !== undefined) return top;
  eachValue(value, exact);
  return value;
}

/**
 * Writes a value like `JSON.stringify` (same `undefined` for `undefined`), with bigints as their exact digits
 * instead of a TypeError. Values without bigints take the plain path.
 */
export function stringifyJsonExact(value: unknown, space?: number): string {
  // A common snippet gives BigInt a toJSON that writes a string: then JSON.stringify would not throw on one.
  const bigintToJson = typeof (BigInt.prototype as { toJSON?: unknown }).toJSON === 'function';
  if (!bigintToJson) {
    try {
      return JSON.stringify(value, null, space);
    } catch (e) {
      if (!(e instanceof TypeError) || !/BigInt/i.test(e.message)) throw e;
    }
  }
  const tag = freshTag();
  // `this[key]` is the value before any toJSON ran.
  const replacer = function (this: Record<string, unknown>, key: string, v: unknown): unknown {
    const raw = this[key];
    return typeof raw === 'bigint' ? `${tag}${raw.toString()}` : v;
  };
  const text = JSON.stringify(value, replacer, space);
  // The tag holds a NUL, which JSON writes as \u0000: that escaped form is what is searched for.
  const written = JSON.stringify(tag).slice(1, -1).replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
  return text.replace(new RegExp(`"${written}(-?[0-9]+)"`, 'g'), '$1');
}
