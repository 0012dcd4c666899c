import { isRecord } from './manifest';
import type { ProblemSpec } from './problemSpec';
import { pathLabel } from './schemaCheck';
import { didYouMean } from './suggest';
import type { MethodSpec, RepeatBlock } from './types';
import type { Reporter, YamlPath } from './yamlFile';

/** The most iterations a repeat block may ask for. */
export const MAX_REPEAT_TIMES = 100_000_000;

/** The keys of a `repeat:` mapping, all required. */
export const REPEAT_KEYS = ['times', 'ops', 'args', 'expected'] as const;

/**
 * Checks a class case's `repeat:` block and returns it as it will be sent to the harness; every
 * mistake is reported at its node and gives undefined.
 */
export function readRepeatBlock(raw: unknown, at: YamlPath, spec: ProblemSpec, report: Reporter): RepeatBlock | undefined {
  const cls = spec.class;
  if (!cls) {
    report.error(at, '`repeat` is for class problems (a block of ops run many times); this problem has a `function`.', 'key');
    return undefined;
  }
  if (spec.compare.kind !== 'exact') {
    // The harness compares each repeated result in-process and only knows exact equality.
    report.error(at, `\`repeat\` needs \`compare: exact\` (each repeated op is compared exactly, inside the solution's process); this problem uses \`${spec.compare.kind}\`.`, 'key');
    return undefined;
  }
  if (!isRecord(raw)) {
    report.error(at, '`repeat` must be a mapping with `times`, `ops`, `args` and `expected`.', raw === null ? 'key' : 'value');
    return undefined;
  }
  let ok = true;
  const fail = (path: YamlPath, message: string, where: 'value' | 'key' = 'value'): void => {
    report.error(path, message, where);
    ok = false;
  };
  for (const key of Object.keys(raw)) {
    if (!(REPEAT_KEYS as readonly string[]).includes(key) && !key.startsWith('x-')) {
      report.warning([...at, key], `Unknown key \`${key}\` in \`${pathLabel(at)}\`; it is ignored.${didYouMean(key, REPEAT_KEYS)}`, 'key');
    }
  }
  const missing = REPEAT_KEYS.filter((k) => !(k in raw));
  if (missing.length > 0) {
    fail(at, `\`repeat\` needs ${missing.map((m) => `\`${m}\``).join(', ')} (times, then one op name, one args list and one expected value per op of the block).`, 'key');
    return undefined;
  }
  const { times, ops, args, expected } = raw as Record<(typeof REPEAT_KEYS)[number], unknown>;
  if (typeof times !== 'number' || !Number.isInteger(times) || times < 1 || times > MAX_REPEAT_TIMES) {
    fail([...at, 'times'], `\`repeat.times\` must be a whole number from 1 to ${MAX_REPEAT_TIMES.toLocaleString('en-US')}, not ${shown(times)}.`);
  }
  for (const [key, value] of [['ops', ops], ['args', args], ['expected', expected]] as const) {
    if (!Array.isArray(value)) fail([...at, key], `\`repeat.${key}\` must be a list with one entry per op of the block.`);
  }
  if (!ok || !Array.isArray(ops) || !Array.isArray(args) || !Array.isArray(expected)) return undefined;
  if (ops.length === 0) {
    fail([...at, 'ops'], '`repeat.ops` needs at least one op.');
    return undefined;
  }
  if (ops.length !== args.length || ops.length !== expected.length) {
    fail([...at, 'ops'], `\`repeat.ops\` (${ops.length}), \`repeat.args\` (${args.length}) and \`repeat.expected\` (${expected.length}) must have the same length: one entry per op.`);
    return undefined;
  }
  const n = times as number;
  const methods = new Map<string, MethodSpec>(cls.methods.filter((m) => m.name !== cls.name).map((m) => [m.name, m]));
  ops.forEach((op, j) => {
    if (typeof op !== 'string') return fail([...at, 'ops', j], 'Each op must be a method name.');
    if (op === cls.name) return fail([...at, 'ops', j], `The constructor \`${cls.name}\` cannot be repeated: it runs once, as the first listed op.`);
    const method = methods.get(op);
    if (!method) return fail([...at, 'ops', j], `\`${cls.name}\` has no method \`${op}\`.${didYouMean(op, methods.keys())}`);
    const opArgs = args[j] as unknown;
    if (!Array.isArray(opArgs)) return fail([...at, 'args', j], `\`repeat.args[${j}]\` must be the list of arguments of \`${op}\`.`);
    if (opArgs.length !== method.params.length) {
      return fail([...at, 'args', j], `\`repeat.args[${j}]\` has ${opArgs.length} value${opArgs.length === 1 ? '' : 's'} but \`${op}(${method.params.map((p) => p.name).join(', ')})\` takes ${method.params.length}.`);
    }
    return undefined;
  });
  const checkExpressions = (value: unknown, path: YamlPath): void => {
    for (const message of expressionProblems(value, path, n, report)) fail(message.path, message.text);
  };
  args.forEach((a, j) => checkExpressions(a, [...at, 'args', j]));
  expected.forEach((e, j) => checkExpressions(e, [...at, 'expected', j]));
  return ok ? { times: n, ops: ops as string[], args: args as unknown[][], expected } : undefined;
}

/** How a bad value reads in a message. */
function shown(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return String(value);
  return Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'a mapping' : String(value);
}

/** Every malformed `{$i: …}` inside a value, with where it is; unknown `$` keys are warned about on the way. */
function expressionProblems(value: unknown, path: YamlPath, times: number, report: Reporter): { path: YamlPath; text: string }[] {
  const problems: { path: YamlPath; text: string }[] = [];
  const visit = (v: unknown, at: YamlPath): void => {
    if (Array.isArray(v)) {
      v.forEach((x, k) => visit(x, [...at, k]));
      return;
    }
    if (!isRecord(v)) return;
    if (!('$i' in v)) {
      const keys = Object.keys(v);
      if (keys.length === 1 && keys[0].startsWith('$')) {
        report.warning([...at, keys[0]], `\`${keys[0]}\` is not an expression (only \`$i\` is); this mapping is passed to the solution as it is.${didYouMean(keys[0], ['$i'])}`, 'key');
      }
      for (const [k, x] of Object.entries(v)) visit(x, [...at, k]);
      return;
    }
    const problem = indexExpressionProblem(v, times);
    if (problem) problems.push({ path: [...at, ...problem.at], text: problem.text });
  };
  visit(value, path);
  return problems;
}

/** Why a mapping holding `$i` is not a valid expression for `times` iterations, or undefined when it is. */
function indexExpressionProblem(v: Record<string, unknown>, times: number): { at: (string | number)[]; text: string } | undefined {
  const usage = '`{$i: [a, b]}` is a*i + b and `{$i: [a, b, m]}` is (a*i + b) mod m, with whole numbers a, b and m > 0';
  const others = Object.keys(v).filter((k) => k !== '$i');
  if (others.length > 0) return { at: [others[0]], text: `An \`$i\` expression has no other keys (found \`${others[0]}\`): ${usage}.` };
  const terms = v.$i;
  if (!Array.isArray(terms) || terms.length < 2 || terms.length > 3) return { at: ['$i'], text: `\`$i\` takes a list of 2 or 3 whole numbers: ${usage}.` };
  const bad = terms.findIndex((t) => typeof t !== 'number' || !Number.isSafeInteger(t));
  if (bad >= 0) return { at: ['$i', bad], text: `\`$i\` takes whole numbers, not ${shown(terms[bad])}: ${usage}.` };
  const [a, b, m] = terms as number[];
  if (m !== undefined && m <= 0) return { at: ['$i', 2], text: `The modulus of an \`$i\` expression must be more than 0, not ${m}.` };
  // a*i + b is computed in floating point in JavaScript: it must stay exact over the whole block.
  const last = Math.abs(a * (times - 1) + b);
  if (!(Math.max(Math.abs(b), last) <= Number.MAX_SAFE_INTEGER)) {
    return { at: ['$i'], text: `\`$i: [${terms.join(', ')}]\` goes beyond 2^53 - 1 before i reaches ${times - 1}; use smaller numbers.` };
  }
  return undefined;
}
