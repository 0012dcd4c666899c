/**
 * Runs inside the solution's Node process: reads one job from stdin, loads the solution, runs every
 * case in order and reports over the protocol in src/core/runner/protocol.ts. Kept tiny and free of
 * dependencies: its start-up time is paid on every run.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { createRequire } from 'node:module';
import { parseJsonExact, stringifyJsonExact } from '../core/exactJson';
import { jsonEqual, preview } from '../core/runner/compare';
import {
  READY_FD_VAR,
  protocolMarker,
  type HarnessCase,
  type HarnessError,
  type HarnessJob,
  type HarnessLocation,
  type HarnessMessage,
  type HarnessRepeat,
  type HarnessRepeatOutcome,
} from '../core/runner/protocol';

/** LeetCode's binary tree node, a global so solutions use it without an import. */
class TreeNode {
  constructor(public val: unknown = 0, public left: TreeNode | null = null, public right: TreeNode | null = null) {}
}

/** LeetCode's singly linked list node, a global like TreeNode. */
class ListNode {
  constructor(public val: unknown = 0, public next: ListNode | null = null) {}
}

type Ctor = new (...args: unknown[]) => Record<string, unknown>;
type Fn = (...args: unknown[]) => unknown;

const g = globalThis as Record<string, unknown>;
g.TreeNode = TreeNode;
g.ListNode = ListNode;
Error.stackTraceLimit = 30;

// The CJS wrapper is on the solution's first line, so line numbers stay the user's.
const WRAPPER_HEAD = '(function (exports, require, module, __filename, __dirname, __drills_collect) {';

// Up and waiting: a process kept warm is taken by a run from here on. The variable goes before the solution loads.
const readyFd = Number(process.env[READY_FD_VAR]);
delete process.env[READY_FD_VAR];
if (Number.isInteger(readyFd) && readyFd > 2) {
  try {
    fs.writeSync(readyFd, '1');
    fs.closeSync(readyFd);
  } catch {
    // Started without the descriptor (by hand): nobody waits for the byte.
  }
}

// Integers beyond 2^53 reach the solution as BigInts: a Number would silently hold another integer.
const job = parseJsonExact(fs.readFileSync(0, 'utf8')) as HarnessJob;
const marker = protocolMarker(job.nonce);
const solutionPath = job.solutionPath;
let current: number | null = null;

/** Writes a protocol message synchronously, even when stdout was switched to non-blocking. */
function send(message: HarnessMessage): void {
  const data = Buffer.from(`${marker}${stringifyJsonExact(message)}\n`);
  let offset = 0;
  while (offset < data.length) {
    try {
      offset += fs.writeSync(1, data, offset);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
    }
  }
}

// ---- output capture: the solution's writes go into a capped per-case buffer ----
let captured = '';
let truncated = false;
function capture(chunk: unknown, encoding?: unknown, callback?: unknown): boolean {
  if (!truncated) {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString(typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
    const room = job.outputCapBytes - captured.length;
    if (text.length > room) {
      captured += text.slice(0, room);
      truncated = true;
    } else {
      captured += text;
    }
  }
  const cb = typeof encoding === 'function' ? encoding : callback;
  if (typeof cb === 'function') process.nextTick(cb as () => void);
  return true;
}
// Patch the streams when first used: creating them costs start-up time most solutions never need.
for (const name of ['stdout', 'stderr'] as const) {
  const descriptor = Object.getOwnPropertyDescriptor(process, name);
  const getter = descriptor?.get;
  if (!getter) continue;
  let stream: NodeJS.WriteStream | undefined;
  Object.defineProperty(process, name, {
    configurable: true,
    enumerable: descriptor.enumerable,
    get() {
      if (!stream) {
        stream = getter.call(process) as NodeJS.WriteStream;
        stream.write = capture as NodeJS.WriteStream['write'];
      }
      return stream;
    },
  });
}
function takeOutput(): { output: string; truncated: boolean } {
  const out = { output: captured, truncated };
  captured = '';
  truncated = false;
  return out;
}

process.on('exit', (code) => {
  if (current !== null) send({ t: 'exit', index: current, code, ...takeOutput() });
});

// ---- values: JSON in, language objects for the solution, JSON out ----
function buildTree(values: unknown): TreeNode | null {
  if (!Array.isArray(values) || values.length === 0 || values[0] === null) return null;
  const root = new TreeNode(values[0]);
  const queue: TreeNode[] = [root];
  let i = 1;
  for (let q = 0; q < queue.length && i < values.length; q++) {
    const node = queue[q];
    for (const side of ['left', 'right'] as const) {
      if (i >= values.length) break;
      const v = values[i++];
      if (v !== null) {
        node[side] = new TreeNode(v);
        queue.push(node[side]);
      }
    }
  }
  return root;
}

function buildList(values: unknown): ListNode | null {
  if (!Array.isArray(values)) return null;
  let head: ListNode | null = null;
  for (let i = values.length - 1; i >= 0; i--) head = new ListNode(values[i], head);
  return head;
}

function toLanguage(value: unknown, type: string): unknown {
  const t = type.replace(/\s+/g, '');
  if (t === 'TreeNode') return buildTree(value);
  if (t === 'ListNode') return buildList(value);
  if ((t === 'TreeNode[]' || t === 'ListNode[]') && Array.isArray(value)) return value.map((v) => toLanguage(v, t.slice(0, -2)));
  return value;
}

class NotJson extends Error {}

/** Sets a key as an own data property: a `__proto__` key from a map stays data instead of setting the prototype. */
function setOwn(out: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

/** `T` of `T[]`, `T` of `map<string,T>`, or undefined; `t` has no spaces. */
const listOf = (t: string): string | undefined => (t.endsWith('[]') ? t.slice(0, -2) : undefined);
const mapOf = (t: string): string | undefined => /^map<string,(.+)>$/.exec(t)?.[1];

/**
 * A returned value as JSON, converted by its declared type only: a node is read as a tree or a list only where
 * the type says TreeNode or ListNode, so a map holding `{val: 1, next: 2}` stays a map.
 */
function toJsonAs(value: unknown, type: string, where: string, seen: Set<unknown>): unknown {
  if (type === 'TreeNode' || type === 'ListNode') {
    // LeetCode writes an empty tree or list as [], as tests give them.
    if (value === null || value === undefined) return [];
    if (typeof value !== 'object') return toJson(value, where, seen);
    return type === 'TreeNode' ? treeToArray(value as TreeLike, where, seen) : listToArray(value as ListLike, where, seen);
  }
  const item = listOf(type);
  const inner = item ?? mapOf(type);
  if (inner === undefined || inner === 'any' || value === null || typeof value !== 'object') return toJson(value, where, seen);
  const obj = value as object;
  if (seen.has(obj)) throw new NotJson(`a structure that contains itself${where ? ` at ${where}` : ''}`);
  seen.add(obj);
  try {
    if (item !== undefined && Array.isArray(obj)) {
      const out: unknown[] = [];
      for (let i = 0; i < obj.length; i++) out.push(toJsonAs(obj[i], item, `${where}[${i}]`, seen));
      return out;
    }
    if (item === undefined && (obj instanceof Map || isRecordLike(obj))) {
      const out: Record<string, unknown> = {};
      const entries = obj instanceof Map ? [...obj].map(([k, v]) => [String(k), v] as const) : Object.entries(obj);
      for (const [k, v] of entries) setOwn(out, k, toJsonAs(v, inner, `${where}[${JSON.stringify(k)}]`, seen));
      return out;
    }
  } finally {
    seen.delete(obj);
  }
  // Not the declared shape: converted as it is, so the parent can say what was returned instead.
  return toJson(value, where, seen);
}

/** An object read by its own keys (a plain object or a class instance), not a list, set or other built-in. */
function isRecordLike(obj: object): boolean {
  return !Array.isArray(obj) && !ArrayBuffer.isView(obj) && !(obj instanceof Set) && !(obj instanceof Date) && !(obj instanceof RegExp) && !(obj instanceof Promise);
}

/** Any value as JSON, by what it is: objects by their own enumerable keys (never taken for nodes). */
function toJson(value: unknown, where: string, seen: Set<unknown>): unknown {
  const at = where ? ` at ${where}` : '';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new NotJson(`${value}${at}`);
      // JSON.stringify would write 2 ** 60 as 1152921504606847000, another integer: sent as its exact digits.
      return Number.isInteger(value) && !Number.isSafeInteger(value) ? BigInt(value) : value;
    case 'bigint':
      return Number.isSafeInteger(Number(value)) ? Number(value) : value;
    case 'undefined':
      throw new NotJson(`undefined${at}`);
    case 'function':
      throw new NotJson(`a function${at}`);
    case 'symbol':
      throw new NotJson(`a symbol${at}`);
  }
  if (value === null) return null;
  const obj = value as object;
  if (seen.has(obj)) throw new NotJson(`a structure that contains itself${at}`);
  seen.add(obj);
  try {
    if (Array.isArray(obj)) {
      const out: unknown[] = [];
      for (let i = 0; i < obj.length; i++) out.push(toJson(obj[i], `${where}[${i}]`, seen));
      return out;
    }
    if (ArrayBuffer.isView(obj) && !(obj instanceof DataView)) return Array.from(obj as unknown as ArrayLike<number>, (v) => toJson(v, where, seen));
    if (obj instanceof Set) throw new NotJson(`a Set${at}`);
    if (obj instanceof Map) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of obj) setOwn(out, String(k), toJson(v, `${where}[${JSON.stringify(String(k))}]`, seen));
      return out;
    }
    if (obj instanceof Date || obj instanceof RegExp || obj instanceof Promise) throw new NotJson(`a ${obj.constructor.name}${at}`);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(obj)) setOwn(out, k, toJson(v, `${where}.${k}`, seen));
    return out;
  } finally {
    seen.delete(obj);
  }
}

type TreeLike = { val: unknown; left: unknown; right: unknown };
type ListLike = { val: unknown; next: unknown };

function treeToArray(root: TreeLike, where: string, seen: Set<unknown>): unknown[] {
  const out: unknown[] = [];
  const queue: unknown[] = [root];
  const visited = new Set<unknown>();
  for (let q = 0; q < queue.length; q++) {
    const node = queue[q] as TreeLike | null | undefined;
    if (node === null || node === undefined) {
      out.push(null);
      continue;
    }
    if (visited.has(node)) throw new NotJson(`a tree with a cycle${where ? ` at ${where}` : ''}`);
    visited.add(node);
    out.push(toJson(node.val, `${where}.val`, seen));
    queue.push(node.left ?? null, node.right ?? null);
  }
  while (out.length > 0 && out[out.length - 1] === null) out.pop();
  return out;
}

function listToArray(head: ListLike, where: string, seen: Set<unknown>): unknown[] {
  const out: unknown[] = [];
  const visited = new Set<unknown>();
  for (let node = head as ListLike | null; node; node = (node.next ?? null) as typeof node) {
    if (visited.has(node)) throw new NotJson(`a linked list with a cycle${where ? ` at ${where}` : ''}`);
    visited.add(node);
    out.push(toJson(node.val, `${where}.val`, seen));
  }
  return out;
}

/** The returned value as JSON, by the declared return type. */
function returnedJson(value: unknown, returns: string): unknown {
  const type = returns.replace(/\s+/g, '');
  // A method that returns nothing: `undefined` (or whatever it returns) is null, as on LeetCode.
  if (type === 'void') return null;
  return toJsonAs(value, type, '', new Set());
}

// ---- errors: the solution's own stack, harness frames removed ----
const harnessFile = __filename;
function frameLocation(frame: string): HarnessLocation | undefined {
  const m = /\(?((?:\/|[A-Za-z]:\\)[^()]*?):(\d+):(\d+)\)?$/.exec(frame.trim());
  return m ? { file: m[1], line: Number(m[2]), column: Number(m[3]) } : undefined;
}

/** The names of an error's class and of the classes it derives from, nearest first (`RangeError`, `Error`). */
function errorClasses(err: object): string[] {
  const names: string[] = [];
  try {
    for (let proto = Object.getPrototypeOf(err) as object | null; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto) as object | null) {
      const ctor = Object.getOwnPropertyDescriptor(proto, 'constructor')?.value as unknown;
      if (typeof ctor === 'function' && ctor.name && !names.includes(ctor.name)) names.push(ctor.name);
    }
    // `this.name = 'ValidationError'` on a plain Error names the class too.
    const own = Object.getOwnPropertyDescriptor(err, 'name')?.value as unknown;
    if (typeof own === 'string' && own && !names.includes(own)) names.unshift(own);
  } catch {
    // A proxy or an exotic object: its classes are unknown.
  }
  return names;
}

/** The starters' own "not implemented" error (`throw new Error('twoSum is not implemented yet')`), in any class. */
const NOT_IMPLEMENTED = /\bnot implemented\b/i;

function describeError(err: unknown): HarnessError {
  if (!(err instanceof Error)) {
    let shown: string;
    try {
      shown = typeof err === 'string' ? err : JSON.stringify(err) ?? String(err);
    } catch {
      shown = String(err);
    }
    const classes = err !== null && typeof err === 'object' ? errorClasses(err) : [];
    return { kind: 'error', message: `threw a non-Error value: ${shown}`, classes, ...(NOT_IMPLEMENTED.test(shown) ? { notImplemented: true } : {}) };
  }
  let message = `${err.name}: ${err.message}`;
  if (err instanceof RangeError && /call stack size/.test(err.message)) message += ' (stack overflow: the recursion is too deep or never ends)';
  const lines = String(err.stack ?? '').split('\n');
  const firstFrame = lines.findIndex((l) => /^\s+at /.test(l));
  const frames: string[] = [];
  let location: HarnessLocation | undefined;
  if (firstFrame >= 0) {
    for (let line of lines.slice(firstFrame)) {
      if (line.includes(harnessFile)) break; // below here: the harness calling the solution
      if (/\(node:|at node:/.test(line)) continue;
      const loc = frameLocation(line);
      if (loc && loc.file === solutionPath && loc.line === 1 && loc.column !== undefined && loc.column > WRAPPER_HEAD.length) {
        loc.column -= WRAPPER_HEAD.length;
        line = line.replace(/:1:(\d+)(\)?)$/, `:1:${loc.column}$2`);
      }
      if (!location && loc && loc.file === solutionPath) location = loc;
      frames.push(line);
    }
  }
  const stack = [message, ...frames].join('\n');
  const classes = errorClasses(err);
  const notImplemented = classes.includes('NotImplementedError') || NOT_IMPLEMENTED.test(String(err.message));
  return { kind: 'error', message, stack, classes, ...(notImplemented ? { notImplemented: true } : {}), ...(location ? { location } : {}) };
}

// ---- loading the solution ----
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
function collectFooter(names: string[]): string {
  const entries = [...new Set(names)].filter((n) => IDENTIFIER.test(n)).map((n) => `${JSON.stringify(n)}: typeof ${n} !== 'undefined' ? ${n} : undefined`);
  return `\n;__drills_collect({${entries.join(', ')}});\n})`;
}

/** Top-level names the file seems to define, for "not found" messages. */
function definedNames(source: string, exported: unknown): string[] {
  const names = new Set<string>();
  for (const m of source.matchAll(/^(?:export\s+(?:default\s+)?)?(?:async\s+)?(?:function\*?|class|const|let|var)\s+([A-Za-z_$][\w$]*)/gm)) names.add(m[1]);
  if (exported && (typeof exported === 'object' || typeof exported === 'function')) {
    for (const k of Object.keys(exported)) if (k !== '__esModule') names.add(k === 'default' ? 'export default' : k);
  }
  return [...names];
}

function load(): { entry: unknown; self?: Ctor } | HarnessMessage {
  const spec = job.spec;
  const wanted = spec.name;
  let source: string;
  try {
    source = fs.readFileSync(job.codePath, 'utf8');
  } catch (e) {
    return { t: 'load-error', kind: 'load-failed', message: `Cannot read ${job.codePath}: ${(e as Error).message}` };
  }
  if (source.startsWith('#!')) source = `//${source.slice(2)}`;
  const collected: Record<string, unknown> = {};
  const mod = { exports: {} as unknown, filename: solutionPath, id: solutionPath };
  try {
    const wrapped = vm.runInThisContext(WRAPPER_HEAD + source + collectFooter([wanted, 'Solution', 'TreeNode', 'ListNode']), { filename: solutionPath }) as Fn;
    wrapped.call(mod.exports, mod.exports, createRequire(solutionPath), mod, solutionPath, path.dirname(solutionPath), (found: Record<string, unknown>) => Object.assign(collected, found));
  } catch (e) {
    const err = describeError(e);
    if (e instanceof SyntaxError) {
      // vm puts "file:line\ncode\n   ^\n" before the message of a syntax error.
      const m = /^(.*):(\d+)\n/.exec(String(e.stack ?? ''));
      if (m && m[1] === solutionPath) err.location = { file: solutionPath, line: Number(m[2]) };
      err.stack = err.message;
    }
    return { t: 'load-error', kind: 'load-failed', message: `The solution failed to load: ${err.message}`, stack: err.stack, location: err.location };
  }
  // The solution's own node classes, when it declares them, are what its code expects.
  if (typeof collected.TreeNode === 'function') g.TreeNode = collected.TreeNode;
  if (typeof collected.ListNode === 'function') g.ListNode = collected.ListNode;
  const exported = mod.exports as Record<string, unknown> | Fn;
  const fromExports = (name: string): unknown =>
    exported !== null && (typeof exported === 'object' || typeof exported === 'function') ? (exported as Record<string, unknown>)[name] : undefined;
  const named = [collected[wanted], fromExports(wanted)].find((c) => typeof c === 'function');
  if (named) return { entry: named };
  // LeetCode's shape: class Solution { name(...) {} }, declared, exported by name, or as the module itself
  // (`module.exports = Solution`, `export default class Solution`): a class is never the function to call.
  const hasMethod = (c: unknown): c is Ctor => typeof c === 'function' && typeof (c as Ctor).prototype?.[wanted] === 'function';
  const isClass = (c: unknown): boolean => typeof c === 'function' && /^class\b/.test(Function.prototype.toString.call(c));
  const fallbacks = [fromExports('default'), typeof exported === 'function' ? exported : undefined];
  if (spec.kind === 'function') {
    const solution = [collected.Solution, fromExports('Solution'), ...fallbacks.filter(isClass)].find(hasMethod);
    if (solution) return { entry: solution.prototype[wanted], self: solution };
  }
  const entry = fallbacks.find((c) => typeof c === 'function');
  if (entry) return { entry };
  const what = spec.kind === 'function' ? `function named ${wanted}` : `class named ${wanted}`;
  const defined = definedNames(source, exported);
  const has = defined.length > 0 ? `it defines ${defined.join(', ')}` : 'it defines nothing at the top level';
  return {
    t: 'load-error',
    kind: 'not-found',
    message: `The solution has no ${what} (top-level, exported${spec.kind === 'function' ? ', or a method of class Solution' : ''}); ${has}.`,
  };
}

// ---- running cases ----
function isThenable(v: unknown): v is PromiseLike<unknown> {
  return v !== null && (typeof v === 'object' || typeof v === 'function') && typeof (v as { then?: unknown }).then === 'function';
}

/** Thrown into a case awaiting a promise that can never settle: nothing is left in the event loop to settle it. */
class NeverSettles extends Error {}

/** Rejects the promise the running case awaits, once the event loop has nothing left that could settle it. */
let onDrained: (() => void) | undefined;
process.on('beforeExit', () => {
  const drained = onDrained;
  onDrained = undefined;
  drained?.();
});

/** The value, or what it settles to when it is a promise (a promise that can never settle throws NeverSettles). */
function settle(value: unknown): unknown {
  if (!isThenable(value)) return value;
  return new Promise((resolve, reject) => {
    onDrained = () => reject(new NeverSettles());
    const done = (): void => {
      onDrained = undefined;
    };
    value.then(
      (v) => {
        done();
        resolve(v);
      },
      (e: unknown) => {
        done();
        reject(e);
      },
    );
  });
}

async function call(fn: () => unknown): Promise<unknown> {
  return await settle(fn());
}

/** Builds a value afresh for iteration `i`: the solution may mutate what it is given. */
type Template = (i: number) => unknown;

/** Compiles a repeat block's value, expanding `{$i: [a, b]}` and `{$i: [a, b, m]}` at any depth. */
function compileTemplate(value: unknown): Template {
  if (Array.isArray(value)) {
    const parts = value.map(compileTemplate);
    return (i) => parts.map((part) => part(i));
  }
  if (value !== null && typeof value === 'object') {
    const terms = (value as { $i?: unknown }).$i;
    if (Array.isArray(terms)) {
      const [a, b, m] = terms as number[];
      // JavaScript's % keeps the sign of the dividend; the format's mod is always in 0..m-1.
      return m === undefined ? (i) => a * i + b : (i) => (((a * i + b) % m) + m) % m;
    }
    const entries = Object.entries(value).map(([k, v]) => [k, compileTemplate(v)] as const);
    // fromEntries defines own properties, so a `__proto__` key stays data.
    return (i) => Object.fromEntries(entries.map(([k, part]) => [k, part(i)]));
  }
  return () => value;
}

/** Runs a repeat block on the instance, lazily, comparing as it goes; stops at the first difference. */
async function runRepeat(block: HarnessRepeat, instance: Record<string, unknown>, listed: number): Promise<HarnessRepeatOutcome> {
  const spec = job.spec;
  if (spec.kind !== 'class') throw new Error('repeat blocks belong to class problems');
  const steps = block.ops.map((op, j) => {
    const method = spec.methods[op];
    const params = method?.params ?? [];
    const expected = block.expected[j];
    return {
      op,
      name: method?.name ?? op,
      returns: method?.returns ?? 'any',
      void: method?.returns.replace(/\s+/g, '') === 'void',
      args: compileTemplate(block.args[j]) as (i: number) => unknown[],
      // Only node types need converting; checking once keeps the loop to plain calls.
      params: params.some((p) => /^(TreeNode|ListNode)(\[\])?$/.test(p.replace(/\s+/g, ''))) ? params : undefined,
      expected: compileTemplate(expected),
    };
  });
  const length = steps.length;
  for (let i = 0; i < block.times; i++) {
    for (let j = 0; j < length; j++) {
      const step = steps[j];
      const k = listed + i * length + j;
      let result: unknown;
      try {
        const fn = instance[step.name];
        if (typeof fn !== 'function') throw new TypeError(`${spec.name} has no method ${step.name}`);
        const raw = step.args(i);
        result = (fn as Fn).apply(instance, step.params ? raw.map((a, p) => toLanguage(a, step.params![p] ?? 'any')) : raw);
        if (isThenable(result)) result = await settle(result);
      } catch (e) {
        if (e instanceof NeverSettles) throw e;
        const described = describeError(e);
        described.message = `op #${k} (${step.op}, repeat i = ${i}, args ${preview(step.args(i))}) threw ${described.message}`;
        throw Object.assign(new Error(), { described });
      }
      let actual: unknown;
      const type = typeof result;
      if (step.void) actual = null;
      else if (type === 'boolean' || type === 'string' || (type === 'number' && Number.isFinite(result) && (Number.isSafeInteger(result) || !Number.isInteger(result)))) actual = result;
      else {
        try {
          actual = returnedJson(result, step.returns);
        } catch (e) {
          if (e instanceof NotJson) throw new NotJson(`${e.message} from op #${k} (${step.op}, repeat i = ${i})`);
          throw e;
        }
      }
      const expected = step.expected(i);
      if (!jsonEqual(actual, expected)) return { ok: false, times: block.times, op: k, i, name: step.op, args: step.args(i), expected, actual };
    }
  }
  return { ok: true, times: block.times };
}

/**
 * While measuring growth: V8's collector, exposed without a flag on the command line. Inputs made just before a call
 * are young, and every minor collection during the call copies all of them again (a 128,000-node tree read as
 * quadratic). Two minor collections move them to the old generation first.
 */
const collect = job.measuring ? exposedCollector() : undefined;

function exposedCollector(): ((options: { type: 'minor' }) => void) | undefined {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as (options: { type: 'minor' }) => void) : undefined;
  } catch {
    return undefined;
  }
}

/** The case with its shared input in place (HarnessCase.input): a copy of it, which the solution may change. */
function withSharedInput(c: HarnessCase): HarnessCase {
  if (c.input === undefined) return c;
  const input = job.inputs?.[c.input];
  if (!input) throw new Error(`case ${c.index} refers to input ${c.input}, which the job does not have`);
  return { ...c, ...structuredClone(input) };
}

async function runCase(c: HarnessCase, entry: unknown, self: Ctor | undefined): Promise<HarnessMessage> {
  const spec = job.spec;
  const peakBefore = process.resourceUsage().maxRSS * 1024;
  let started = performance.now();
  let cpuStarted = process.cpuUsage();
  let value: unknown;
  let error: HarnessError | undefined;
  let repeat: HarnessRepeatOutcome | undefined;
  try {
    if (spec.kind === 'function') {
      const args = (c.args ?? []).map((a, k) => toLanguage(a, spec.params[k] ?? 'any'));
      const target = self ? new self() : undefined;
      // The call is timed, not the making of its arguments (a tree from its level-order list is the harness's work).
      if (collect) {
        collect({ type: 'minor' });
        collect({ type: 'minor' });
      }
      started = performance.now();
      cpuStarted = process.cpuUsage();
      const result = await call(() => (entry as Fn).apply(target, args));
      value = returnedJson(result, spec.returns);
    } else {
      const ops = c.ops ?? [];
      const outputs: unknown[] = [];
      let instance: Record<string, unknown> | undefined;
      for (let k = 0; k < ops.length; k++) {
        const op = ops[k];
        const rawArgs = c.opArgs?.[k] ?? [];
        try {
          if (k === 0) {
            const args = rawArgs.map((a, j) => toLanguage(a, spec.ctorParams[j] ?? 'any'));
            instance = new (entry as Ctor)(...args);
            outputs.push(null);
            continue;
          }
          const method = spec.methods[op];
          const name = method?.name ?? op;
          const fn = instance?.[name];
          if (typeof fn !== 'function') throw new TypeError(`${spec.name} has no method ${name}`);
          const args = rawArgs.map((a, j) => toLanguage(a, method?.params[j] ?? 'any'));
          const result = await call(() => (fn as Fn).apply(instance, args));
          outputs.push(returnedJson(result, method?.returns ?? 'any'));
        } catch (e) {
          if (e instanceof NotJson) throw new NotJson(`${e.message} from op #${k} (${op})`);
          if (e instanceof NeverSettles) throw e;
          const described = describeError(e);
          described.message = `op #${k} (${op}) threw ${described.message}`;
          throw Object.assign(new Error(), { described });
        }
      }
      value = outputs;
      // The block runs only when the listed ops are right: the parent reports the first wrong one.
      const listedRight = outputs.every((out, k) => k === 0 || jsonEqual(out, c.expected?.[k]));
      if (c.repeat && instance && listedRight) repeat = await runRepeat(c.repeat, instance, ops.length);
    }
  } catch (e) {
    if (e instanceof NotJson) error = { kind: 'not-json', message: `returned a value that is not JSON (${e.message})` };
    else if (e instanceof NeverSettles) {
      error = { kind: 'timeout', message: 'The solution awaits a promise that never settles (nothing left running could settle it), so it would never return.' };
    }
    else if (e instanceof Error && 'described' in e) error = e.described as HarnessError;
    else error = describeError(e);
  }
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  // The limit on the JS heap does not hold Buffers and typed arrays: the runner judges a spike of those by the peak.
  const peakRss: [number, number] = [peakBefore, process.resourceUsage().maxRSS * 1024];
  return { t: 'result', index: c.index, ms, cpuMs, peakRss, ...takeOutput(), ...(error ? { error } : { value, ...(repeat ? { repeat } : {}) }) };
}

async function main(): Promise<void> {
  const loaded = load();
  if ('t' in loaded) {
    send(loaded as HarnessMessage);
    return;
  }
  send({ t: 'loaded' });
  for (const c of job.cases) {
    current = c.index;
    takeOutput();
    send({ t: 'start', index: c.index });
    const result = await runCase(withSharedInput(c), loaded.entry, loaded.self);
    current = null;
    send(result);
  }
  send({ t: 'done' });
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    current = null;
    fs.writeSync(2, `drills harness: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(70);
  },
);
