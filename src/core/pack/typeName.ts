import { closestMatch } from './suggest';

/** The scalar and node types a parameter or return value can have. */
export const BASE_TYPES = ['int', 'float', 'string', 'bool', 'any', 'TreeNode', 'ListNode'] as const;
export type BaseType = (typeof BASE_TYPES)[number];

/** A parsed type name: `int[]` is `{kind: 'list', of: {kind: 'base', name: 'int'}}`. */
export type TypeExpr = { kind: 'base'; name: BaseType } | { kind: 'list'; of: TypeExpr } | { kind: 'map'; of: TypeExpr };

/** The outcome of parsing a type name: the type, or an error at a 0-based offset in the text. */
export type TypeParse = { ok: true; type: TypeExpr } | { ok: false; offset: number; message: string };

// Spellings from other languages that authors reach for, with what they mean here.
const FOREIGN: Record<string, string> = {
  integer: 'int', long: 'int', number: 'float', double: 'float', str: 'string', boolean: 'bool',
  object: 'any', list: 'T[]', array: 'T[]', dict: 'map<string,T>', map: 'map<string,T>', tree: 'TreeNode', node: 'TreeNode',
};

/**
 * Parses the type grammar: `int | float | string | bool | any | TreeNode | ListNode`, `T[]`, `map<string,T>`.
 * Spaces are allowed around `<`, `,` and `>`.
 */
export function parseTypeName(text: string): TypeParse {
  let pos = 0;
  const skipSpaces = (): void => {
    while (pos < text.length && /\s/.test(text[pos])) pos++;
  };
  const fail = (offset: number, message: string): TypeParse => ({ ok: false, offset, message });

  function parseType(): TypeParse {
    skipSpaces();
    const start = pos;
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(pos))?.[0];
    if (!word) return fail(start, text.slice(pos).trim() === '' ? 'a type is missing here' : `unexpected \`${text[pos]}\` where a type name was expected`);
    pos += word.length;
    let type: TypeExpr;
    if (word === 'map') {
      skipSpaces();
      if (text[pos] !== '<') return fail(pos, 'write a map as `map<string,T>`');
      pos++;
      skipSpaces();
      const keyStart = pos;
      const key = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(pos))?.[0];
      if (key !== 'string') return fail(keyStart, `map keys must be \`string\` (JSON object keys)${key ? `, not \`${key}\`` : ''}`);
      pos += key.length;
      skipSpaces();
      if (text[pos] !== ',') return fail(pos, 'expected `,` after the map key type');
      pos++;
      const inner = parseType();
      if (!inner.ok) return inner;
      skipSpaces();
      if (text[pos] !== '>') return fail(pos, 'expected `>` to close `map<`');
      pos++;
      type = { kind: 'map', of: inner.type };
    } else if ((BASE_TYPES as readonly string[]).includes(word)) {
      type = { kind: 'base', name: word as BaseType };
    } else {
      const suggestion = FOREIGN[word.toLowerCase()] ?? closestMatch(word, [...BASE_TYPES, 'map']);
      const hint = suggestion ? ` Did you mean \`${suggestion}\`?` : '';
      return fail(start, `unknown type \`${word}\`; types are ${BASE_TYPES.join(', ')}, T[] and map<string,T>.${hint}`);
    }
    for (;;) {
      skipSpaces();
      if (text.startsWith('[]', pos)) {
        pos += 2;
        type = { kind: 'list', of: type };
      } else break;
    }
    return { ok: true, type };
  }

  const result = parseType();
  if (!result.ok) return result;
  skipSpaces();
  if (pos < text.length) return fail(pos, `unexpected \`${text.slice(pos)}\` after the type`);
  return result;
}

/** Writes a type back in its canonical spelling (`map<string,int[]>`). */
export function formatType(type: TypeExpr): string {
  switch (type.kind) {
    case 'base':
      return type.name;
    case 'list':
      return `${formatType(type.of)}[]`;
    case 'map':
      return `map<string,${formatType(type.of)}>`;
  }
}

/** Where a value departs from a declared type: the steps to the value, what it is and what was wanted. */
export interface ValueMismatch {
  path: (string | number)[];
  found: string;
  wanted: string;
}

const describeJson = (v: unknown): string =>
  Array.isArray(v) ? 'a list' : typeof v === 'object' && v !== null ? 'a mapping' : typeof v === 'string' ? `the string ${JSON.stringify(v.length > 30 ? v.slice(0, 30) + '…' : v)}` : typeof v === 'number' && !Number.isInteger(v) ? `the number ${v}` : typeof v === 'boolean' ? `\`${v}\`` : `\`${String(v)}\``;

/**
 * The first place where a JSON value from a test file cannot be a value of `type`, or undefined when it fits.
 * `null` fits every type (a problem may answer "nothing"); an int fits `float`; a TreeNode or ListNode is written
 * as a list (level order for trees, `[]` for an empty one). Big integers read losslessly (bigint) are ints.
 */
export function valueMismatch(value: unknown, type: TypeExpr): ValueMismatch | undefined {
  // Test data can hold millions of values: the walk allocates nothing until it finds a mismatch, and builds
  // the path on the way back out.
  const walk = (v: unknown, t: TypeExpr): ValueMismatch | undefined => {
    if (v === null || v === undefined) return undefined;
    if (t.kind === 'list') {
      if (!Array.isArray(v)) return { path: [], found: describeJson(v), wanted: `a list (${formatType(t)})` };
      const of = t.of;
      if (of.kind === 'base') {
        // The common large case (int[], float[][]): a flat loop, no call per item unless it is wrong.
        const name = of.name;
        for (let i = 0; i < v.length; i++) {
          const x: unknown = v[i];
          if (x === null || (name === 'int' && typeof x === 'number' && Number.isInteger(x)) || (name === 'float' && typeof x === 'number')) continue;
          const wanted = baseMismatch(x, name);
          if (wanted !== undefined) return { path: [i], found: describeJson(x), wanted };
        }
        return undefined;
      }
      for (let i = 0; i < v.length; i++) {
        const m = walk(v[i], of);
        if (m) {
          m.path.unshift(i);
          return m;
        }
      }
      return undefined;
    }
    if (t.kind === 'map') {
      if (typeof v !== 'object' || Array.isArray(v)) return { path: [], found: describeJson(v), wanted: `a mapping (${formatType(t)})` };
      for (const k in v as Record<string, unknown>) {
        const m = walk((v as Record<string, unknown>)[k], t.of);
        if (m) {
          m.path.unshift(k);
          return m;
        }
      }
      return undefined;
    }
    const wanted = baseMismatch(v, t.name);
    return wanted === undefined ? undefined : { path: [], found: describeJson(v), wanted };
  };
  return walk(value, type);
}

/** What a base type wanted, when a (non-null) value is not of it. */
function baseMismatch(v: unknown, name: BaseType): string | undefined {
  switch (name) {
    case 'int':
      return (typeof v === 'number' && Number.isInteger(v)) || typeof v === 'bigint' ? undefined : 'an int';
    case 'float':
      return typeof v === 'number' || typeof v === 'bigint' ? undefined : 'a number (float)';
    case 'string':
      return typeof v === 'string' ? undefined : 'a string';
    case 'bool':
      return typeof v === 'boolean' ? undefined : 'true or false (bool)';
    case 'TreeNode':
      return Array.isArray(v) ? undefined : 'a list in level order (TreeNode; `[]` is the empty tree)';
    case 'ListNode':
      return Array.isArray(v) ? undefined : 'a list of values (ListNode; `[]` is the empty list)';
    case 'any':
      return undefined;
  }
}
