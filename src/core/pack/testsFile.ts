import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { parseJsonExact } from '../exactJson';
import { jsonErrorPosition } from './jsonPosition';
import { isRecord } from './manifest';
import { isInside } from '../fs/paths';
import type { ProblemSpec } from './problemSpec';
import { readRepeatBlock } from './repeatBlock';
import { checkSchema, pathLabel } from './schemaCheck';
import { parseTypeName, valueMismatch } from './typeName';
import { didYouMean } from './suggest';
import type { Diagnostic, ExpectedException, MethodSpec, TestCase } from './types';
import { LANGUAGE_IDS, languageForKey } from '../languages/registry';
import type { YamlCache } from './yamlCache';
import { locate, parseYamlFile, Reporter, type YamlPath } from './yamlFile';

/** Keys a `from:` JSON file may supply. */
export const FROM_KEYS = ['args', 'input', 'expected', 'ops', 'raises'] as const;

/** What reading the cases needs of the problem: its spec, and whether it has a generator (`generate:` cases). */
export type TestsContext = ProblemSpec & { hasGenerator?: boolean; digestsPending?: boolean };

/** Reads tests.yaml text and the `from:` files it names; returns the valid cases, reports the others. */
export async function readTests(
  file: string,
  text: string,
  spec: TestsContext,
  knownTags: ReadonlySet<string>,
  diagnostics: Diagnostic[],
  cache?: YamlCache,
): Promise<TestCase[]> {
  const yaml = parseYamlFile(file, text, diagnostics, cache);
  if (yaml.value === undefined) return [];
  const report = new Reporter(yaml, diagnostics);
  // `repeat:` blocks get hand-written checks with the problem's methods in view.
  checkSchema('tests.yaml', yaml.value, report, { handChecked: (p) => p[0] === 'cases' && (p[2] === 'repeat' || p[2] === 'raises') });
  if (!isRecord(yaml.value) || !Array.isArray(yaml.value.cases)) return [];
  const problemDir = path.dirname(file);
  const raws = yaml.value.cases as unknown[];
  // JSON files are read in parallel; the order of diagnostics stays the order of the cases.
  const perCase = await Promise.all(
    raws.map(async (raw, i) => {
      const own: Diagnostic[] = [];
      const result = await readCase(raw, i, new Reporter(yaml, own), problemDir, spec, knownTags, own);
      return { result, own };
    }),
  );
  const cases: TestCase[] = [];
  const names = new Map<string, number>();
  perCase.forEach(({ result, own }, i) => {
    diagnostics.push(...own);
    if (!result) return;
    if (names.has(result.name)) report.warning(['cases', i, 'name'], `Another case (#${names.get(result.name)! + 1}) is also named \`${result.name}\`.`);
    names.set(result.name, i);
    cases.push(result);
  });
  return cases;
}

async function readCase(
  raw: unknown,
  index: number,
  report: Reporter,
  problemDir: string,
  spec: TestsContext,
  knownTags: ReadonlySet<string>,
  own: Diagnostic[],
): Promise<TestCase | undefined> {
  if (!isRecord(raw) || typeof raw.name !== 'string' || raw.name === '') return undefined; // the schema reported it
  const at: YamlPath = ['cases', index];
  const data: Record<string, unknown> = { ...raw };
  const fromJson = new Set<string>();
  let fromPath: string | undefined;

  if (typeof raw.from === 'string') {
    const supplied = await readFromFile(raw.from, [...at, 'from'], report, problemDir, own);
    if (!supplied) return undefined;
    fromPath = supplied.file;
    for (const [key, value] of Object.entries(supplied.value)) {
      if (!(FROM_KEYS as readonly string[]).includes(key)) {
        report.error([...at, 'from'], `\`${raw.from}\` has the key \`${key}\`; a \`from:\` file may supply ${FROM_KEYS.join(', ')}.${didYouMean(key, FROM_KEYS)}`);
      } else if (key in raw) {
        report.error([...at, key], `\`${key}\` is given both here and in \`${raw.from}\`; keep one.`, 'key');
      } else {
        data[key] = value;
        fromJson.add(key);
      }
    }
  }
  // Values from a JSON file have no YAML node: point at the `from:` line instead.
  const where = (key: string, ...rest: (string | number)[]): YamlPath => (fromJson.has(key) ? [...at, 'from'] : [...at, key, ...rest]);
  const errorsBefore = own.filter((d) => d.severity === 'error').length;

  const tags = Array.isArray(raw.tags) ? raw.tags.filter((t): t is string => typeof t === 'string') : [];
  tags.forEach((tag, j) => {
    if (!knownTags.has(tag)) {
      report.warning([...at, 'tags', j], `Unknown tag \`${tag}\`: not a standard tag and not declared in drills-pack.yaml \`tags\`.${didYouMean(tag, knownTags)}`);
    }
  });

  const testCase: TestCase = { name: raw.name, tags, line: locate(report.yaml, at).line };
  if (fromPath) testCase.from = fromPath;
  if (!readGenerated(data, at, spec, report, testCase, typeof raw.from === 'string')) return undefined;

  if (spec.class) readClassCase(data, at, where, spec, report, testCase, fromJson);
  else readFunctionCase(data, at, where, spec, report, testCase);
  if ('repeat' in raw) {
    const repeat = readRepeatBlock(raw.repeat, [...at, 'repeat'], spec, report);
    if (repeat) testCase.repeat = repeat;
  }

  const errorsAfter = own.filter((d) => d.severity === 'error').length;
  return errorsAfter > errorsBefore ? undefined : testCase;
}

type Where = (key: string, ...rest: (string | number)[]) => YamlPath;

function readExpectation(data: Record<string, unknown>, at: YamlPath, where: Where, report: Reporter, testCase: TestCase, spec: TestsContext): void {
  const hasExpected = 'expected' in data;
  const raises = 'raises' in data ? readRaises(data.raises, where('raises'), report) : false;
  if (raises === undefined) return;
  // A generated input judged by a checker needs no expected value: the checker sees the input and the answer.
  const judgedAlone = testCase.generate !== undefined && (spec.compare.kind === 'checker' || spec.digestsPending === true);
  if (testCase.digest) {
    if (hasExpected || raises) report.error(where(hasExpected ? 'expected' : 'raises'), 'A case has either `digest` (the expected result as a digest) or `expected`/`raises`, not both.', 'key');
    return;
  }
  if (hasExpected && raises) report.error(where('raises'), 'A case has either `expected` or `raises: true`, not both.', 'key');
  else if (!hasExpected && !raises && judgedAlone) return;
  else if (!hasExpected && !raises) report.error([...at, 'name'], `The case \`${String(data.name)}\` needs \`expected\` (the return value)${testCase.generate ? ', `digest`' : ''} or \`raises: true\`.`, 'key');
  else if (raises) testCase.raises = raises;
  else testCase.expected = data.expected;
}

/** A class name, qualified as a language writes it: `ValueError`, `std::invalid_argument`, `java.io.IOException`. */
const EXCEPTION_NAME = /^[A-Za-z_$][\w$]*(?:(?:::|\.)[A-Za-z_$][\w$]*)*$/;

/**
 * `raises`: `true`/`false`, an exception class name for every language (`ValueError`), or one per language
 * (`{python: ValueError, javascript: RangeError}`). Undefined (reported) when malformed.
 */
function readRaises(raw: unknown, at: YamlPath, report: Reporter): false | true | ExpectedException | undefined {
  if (typeof raw === 'boolean') return raw;
  if (typeof raw === 'string') {
    if (!EXCEPTION_NAME.test(raw)) {
      report.error(at, `\`raises: ${raw}\` must name an exception class, like \`ValueError\` or \`RangeError\`.`);
      return undefined;
    }
    return Object.fromEntries(LANGUAGE_IDS.map((language) => [language, raw]));
  }
  if (isRecord(raw) && Object.keys(raw).length > 0) {
    const named: ExpectedException = {};
    let ok = true;
    for (const [key, value] of Object.entries(raw)) {
      const language = languageForKey(key);
      if (!language) {
        report.error([...at, key], `\`raises\` names exceptions by language (${LANGUAGE_IDS.join(', ')}), not \`${key}\`.${didYouMean(key, LANGUAGE_IDS)}`, 'key');
        ok = false;
      } else if (typeof value !== 'string' || !EXCEPTION_NAME.test(value)) {
        report.error([...at, key], `\`raises.${key}\` must name an exception class, like \`ValueError\` or \`RangeError\`.`);
        ok = false;
      } else named[language] = value;
    }
    return ok ? named : undefined;
  }
  report.error(at, '`raises` must be true, an exception class name (`ValueError`), or one per language (`{python: ValueError, javascript: RangeError}`).');
  return undefined;
}

function readFunctionCase(data: Record<string, unknown>, at: YamlPath, where: Where, spec: TestsContext, report: Reporter, testCase: TestCase): void {
  const fn = spec.function!;
  const params = fn.params;
  const signature = `\`${fn.name}(${params.map((p) => p.name).join(', ')})\``;
  if ('ops' in data) report.error(where('ops'), '`ops` is for class problems; this problem has a `function`.', 'key');
  const hasArgs = 'args' in data;
  const hasInput = 'input' in data;
  if (testCase.generate) {
    if (hasArgs || hasInput) report.error(where(hasArgs ? 'args' : 'input'), 'A case gives its arguments as `args`, `input` or `generate`, not several.', 'key');
  } else if (hasArgs && hasInput) {
    report.error(where('input'), 'A case gives its arguments as `args` (a list) or `input` (by name), not both.', 'key');
  } else if (!hasArgs && !hasInput) {
    report.error([...at, 'name'], `The case \`${String(data.name)}\` needs \`args\` (a list) or \`input\` (a mapping by parameter name) for ${signature}.`, 'key');
  } else if (hasArgs) {
    if (!Array.isArray(data.args)) report.error(where('args'), '`args` must be a list of positional arguments.');
    else if (data.args.length !== params.length) {
      report.error(where('args'), `\`args\` has ${data.args.length} value${data.args.length === 1 ? '' : 's'} but ${signature} takes ${params.length}.`);
    } else testCase.args = data.args;
  } else {
    const input = data.input;
    if (!isRecord(input)) {
      report.error(where('input'), '`input` must be a mapping from parameter name to value.');
    } else {
      const names = params.map((p) => p.name);
      let ok = true;
      for (const key of Object.keys(input)) {
        if (!names.includes(key)) {
          report.error(where('input', key), `${signature} has no parameter \`${key}\`.${didYouMean(key, names)}`, 'key');
          ok = false;
        }
      }
      const missing = names.filter((n) => !(n in input));
      if (missing.length > 0) {
        report.error(where('input'), `\`input\` is missing ${missing.map((m) => `\`${m}\``).join(', ')} for ${signature}.`, 'key');
        ok = false;
      }
      if (ok) testCase.args = names.map((n) => input[n]);
    }
  }
  readExpectation(data, at, where, report, testCase, spec);
  const argPath = (i: number): (string | number)[] => (hasArgs ? ['args', i] : ['input', params[i].name]);
  testCase.args?.forEach((value, i) => {
    checkValueType(value, params[i].type, argPath(i), where, report, `the parameter \`${params[i].name}\` of ${signature} is`);
  });
  if ('expected' in testCase) checkValueType(testCase.expected, fn.returns, ['expected'], where, report, `${signature} returns`);
}

/**
 * Reports a test value that cannot be of its declared type (a string where `int[]` is declared), at the value
 * itself: such a case would fail, or pass, for the wrong reason with every solution.
 */
function checkValueType(value: unknown, typeText: string, path: (string | number)[], where: Where, report: Reporter, declared: string): void {
  const parsed = parseTypeName(typeText);
  if (!parsed.ok) return; // problem.yaml reported it (or it is a form this check does not know)
  const m = valueMismatch(value, parsed.type);
  if (!m) return;
  const [key, ...rest] = path as [string, ...(string | number)[]];
  report.error(where(key, ...rest, ...m.path), `\`${pathLabel([...path, ...m.path])}\` is ${m.found}, but ${declared} \`${typeText}\`: ${m.wanted} is expected here.`);
}

function readClassCase(
  data: Record<string, unknown>,
  at: YamlPath,
  where: Where,
  spec: TestsContext,
  report: Reporter,
  testCase: TestCase,
  fromJson: ReadonlySet<string>,
): void {
  const cls = spec.class!;
  if (testCase.generate) {
    for (const key of ['ops', 'args', 'input']) if (key in data) report.error(where(key), `A generated case takes its ops and their arguments from the generator: \`${key}\` cannot be given too.`, 'key');
    readExpectation(data, at, where, report, testCase, spec);
    return;
  }
  const item = (key: string, j: number): YamlPath => (fromJson.has(key) ? [...at, 'from'] : [...at, key, j]);
  if ('input' in data) report.error(where('input'), 'Class cases give `ops`, `args` (one list per op) and `expected` (one value per op); `input` is for function problems.', 'key');
  if ('raises' in data) report.error(where('raises'), 'Class cases have no `raises`: give `expected` for each op.', 'key');
  const missing = ['ops', 'args', 'expected'].filter((k) => !(k in data));
  if (missing.length > 0) {
    report.error([...at, 'name'], `The class case \`${String(data.name)}\` needs ${missing.map((m) => `\`${m}\``).join(', ')} (as on LeetCode: ops, one args list per op, one expected value per op).`, 'key');
    return;
  }
  const { ops, args, expected } = data as { ops: unknown; args: unknown; expected: unknown };
  if (!Array.isArray(ops) || !Array.isArray(args) || !Array.isArray(expected)) {
    for (const [key, value] of [['ops', ops], ['args', args], ['expected', expected]] as const) {
      if (!Array.isArray(value)) report.error(where(key), `\`${key}\` must be a list with one entry per op.`);
    }
    return;
  }
  if (ops.length !== args.length || ops.length !== expected.length) {
    report.error(where('ops'), `\`ops\` (${ops.length}), \`args\` (${args.length}) and \`expected\` (${expected.length}) must have the same length: one entry per op.`);
    return;
  }
  if (ops.length === 0) {
    report.error(where('ops'), `\`ops\` must start with the constructor \`${cls.name}\`.`);
    return;
  }
  const methods = new Map<string, MethodSpec>(cls.methods.map((m) => [m.name, m]));
  ops.forEach((op, j) => {
    if (typeof op !== 'string') {
      report.error(item('ops', j), 'Each op must be a method name.');
      return;
    }
    if (j === 0 && op !== cls.name) {
      report.error(item('ops', 0), `The first op must be the constructor \`${cls.name}\`, not \`${op}\`.`);
      return;
    }
    if (j > 0 && op === cls.name) {
      report.error(item('ops', j), `The constructor \`${cls.name}\` may only be the first op.`);
      return;
    }
    const method = methods.get(op);
    if (!method) {
      // A per-language name (`get_min`) is what the code is called, not what the tests say.
      const named = cls.methods.find((m) => Object.values(m.names ?? {}).includes(op));
      const hint = named ? ` Ops use the names declared in problem.yaml: write \`${named.name}\` (\`${op}\` is its name in ${Object.entries(named.names ?? {}).filter(([, n]) => n === op).map(([l]) => l).join(', ')}).` : didYouMean(op, methods.keys());
      report.error(item('ops', j), `\`${cls.name}\` has no method \`${op}\`.${hint}`);
      return;
    }
    const opArgs = args[j];
    const signature = `\`${op}(${method.params.map((p) => p.name).join(', ')})\``;
    if (!Array.isArray(opArgs)) report.error(item('args', j), `\`args[${j}]\` must be the list of arguments of \`${op}\`.`);
    else if (opArgs.length !== method.params.length) {
      report.error(item('args', j), `\`args[${j}]\` has ${opArgs.length} value${opArgs.length === 1 ? '' : 's'} but ${signature} takes ${method.params.length}.`);
    } else {
      opArgs.forEach((value, k) => checkValueType(value, method.params[k].type, ['args', j, k], where, report, `the parameter \`${method.params[k].name}\` of ${signature} is`));
    }
    // The constructor's value is ignored; a method without \`returns\` may return anything.
    if (j > 0 && method.returns !== 'any') checkValueType(expected[j], method.returns, ['expected', j], where, report, `${signature} returns`);
  });
  if (expected[0] !== null) report.warning(item('expected', 0), '`expected[0]` belongs to the constructor and should be `null`; it is ignored.');
  testCase.ops = ops as string[];
  testCase.opArgs = args as unknown[][];
  testCase.expected = expected;
}

/**
 * `generate: {n, seed, variant}` and `digest: {sha256, shape}` (shape checked by the schema): false when the
 * case cannot run (reported).
 */
function readGenerated(data: Record<string, unknown>, at: YamlPath, spec: TestsContext, report: Reporter, testCase: TestCase, hasFrom: boolean): boolean {
  let ok = true;
  const generate = data.generate;
  if (isRecord(generate)) {
    if (!spec.hasGenerator) {
      report.error([...at, 'generate'], 'This case is generated, but problem.yaml declares no `generator: {script: generator.js, sizes: [1000, 64000]}` (or its script is missing).', 'key');
      ok = false;
    } else if (hasFrom) {
      report.error([...at, 'generate'], 'A case takes its input from `from:` or from `generate:`, not both.', 'key');
      ok = false;
    } else if (Number.isInteger(generate.n) && Number.isInteger(generate.seed)) {
      testCase.generate = { n: generate.n as number, seed: generate.seed as number, ...(typeof generate.variant === 'string' ? { variant: generate.variant } : {}) };
    } else ok = false; // the schema reported it
  }
  const digest = data.digest;
  if (isRecord(digest)) {
    if (spec.compare.kind !== 'exact') {
      report.error([...at, 'digest'], `A digest stands for a value compared exactly; this problem compares \`${spec.compare.kind}\`: give \`expected\`${spec.compare.kind === 'checker' ? ' or nothing (the checker judges)' : ''}.`, 'key');
      ok = false;
    } else if (typeof digest.sha256 === 'string' && /^[0-9a-f]{64}$/.test(digest.sha256)) {
      testCase.digest = { sha256: digest.sha256, ...(typeof digest.shape === 'string' ? { shape: digest.shape } : {}) };
    } else ok = false; // the schema reported it
  }
  return ok;
}

/** Reads a `from:` JSON file; missing files and bad JSON are diagnostics (bad JSON at its own line). */
async function readFromFile(relative: string, at: YamlPath, report: Reporter, problemDir: string, own: Diagnostic[]): Promise<{ file: string; value: Record<string, unknown> } | undefined> {
  const file = path.resolve(problemDir, relative);
  if (path.isAbsolute(relative) || !isInside(problemDir, file)) {
    report.error(at, `\`from: ${relative}\` must be a path inside the problem folder.`);
    return undefined;
  }
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    report.error(at, code === 'ENOENT' ? `\`${relative}\` does not exist.` : `\`${relative}\` could not be read (${code ?? String(e)}).`);
    return undefined;
  }
  let value: unknown;
  try {
    value = parseJsonExact(text);
  } catch {
    const { line, column, found } = jsonErrorPosition(text);
    own.push({ file, line, column, severity: 'error', message: `Bad JSON: unexpected ${found}.` });
    report.error(at, `\`${relative}\` is not valid JSON (see the error in that file).`);
    return undefined;
  }
  if (!isRecord(value)) {
    report.error(at, `\`${relative}\` must hold a JSON object with any of ${FROM_KEYS.join(', ')}.`);
    return undefined;
  }
  return { file, value };
}
