/**
 * JSON with exact integers. `JSON.parse` reads every number as a double, so 2^60 + 1 reads as 2^60 and then
 * compares equal to it; `JSON.stringify(2 ** 60)` writes 1152921504606847000, which is not 2^60. Here integers
 * beyond `Number.MAX_SAFE_INTEGER` are read as `bigint` and bigints are written as their digits. No dependencies:
 * the Node harness bundles this file.
 */

/** A JSON string, or a JSON number token (whole, so the digits of a fraction are never taken for an integer). */
const STRING_OR_NUMBER = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;
/** Digits of an integer that may not fit a double exactly: the largest safe integer has 16 digits. */
const LONG_DIGITS = /\d{16}/;

/** A tag no JSON text can hold by chance: strings holding it are what this module put there. */
function freshTag(): string {
  return `\u0000exact:${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}:`;
}

/** Parses JSON text like `JSON.parse`, but integers beyond ±(2^53 − 1) become `bigint`s with every digit kept. */
export function parseJsonExact(text: string): unknown {
  // The common case costs one scan: without 16 digits in a row there is no unsafe integer.
  if (!LONG_DIGITS.test(text)) return JSON.parse(text);
  const tag = freshTag();
  // The tag's NUL must be escaped inside JSON text; parsing turns it back into the tag.
  const written = JSON.stringify(tag).slice(1, -1);
  let replaced = false;
  const marked = text.replace(STRING_OR_NUMBER, (token) => {
    if (token.charCodeAt(0) === 34 /* " */ || token.length < 16 || /[.eE]/.test(token)) return token;
    if (Number.isSafeInteger(Number(token))) return token;
    replaced = true;
    return `"${written}${token}"`;
  });
  if (!replaced) return JSON.parse(text);
  return JSON.parse(marked, (_key, value: unknown) => (typeof value === 'string' && value.startsWith(tag) ? BigInt(value.slice(tag.length)) : value));
}

/**
 * Writes a value like `JSON.stringify` (same `undefined` for `undefined`), with bigints as their exact digits
 * instead of a TypeError. Values without bigints take the plain path.
 */
export function stringifyJsonExact(value: unknown, space?: number): string {
  try {
    return JSON.stringify(value, null, space);
  } catch (e) {
    if (!(e instanceof TypeError) || !/BigInt/i.test(e.message)) throw e;
  }
  const tag = freshTag();
  const text = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${tag}${v.toString()}` : v), space);
  // The tag holds a NUL, which JSON writes as \u0000: that escaped form is what is searched for.
  const written = JSON.stringify(tag).slice(1, -1);
  return text.split(`"${written}`).map((part, i) => (i === 0 ? part : part.replace(/^(-?\d+)"/, '$1'))).join('');
}
