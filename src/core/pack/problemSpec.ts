import * as path from 'node:path';
import { isInside } from '../fs/paths';
import { DEFAULT_FLOAT_TOLERANCE, DEFAULT_LIMITS, DEFAULT_MINUTES, VOID } from './constants';
import { isPositive, isRecord, validPhases } from './manifest';
import { COMPLEXITY_CLASSES, parseComplexity } from '../complexity/classes';
import { checkSchema } from './schemaCheck';
import { didYouMean } from './suggest';
import { parseTypeName } from './typeName';
import type { ClassSpec, Compare, Diagnostic, Difficulty, FunctionSpec, Language, Limits, MethodSpec, Param, Phases } from './types';
import { languageForFile, languageForKey } from '../languages/registry';
import type { YamlCache } from './yamlCache';
import { parseYamlFile, Reporter, scalarTextStart, type YamlFile, type YamlPath } from './yamlFile';

/** What the loader needs to know of the pack while reading one of its problems. */
export interface PackContext {
  id: string;
  dir: string;
  defaults: { minutes?: number; phases?: Phases; languages?: Language[] };
  /** Standard tags plus the pack's own. */
  knownTags: ReadonlySet<string>;
}

/** The content of a valid problem.yaml, defaults applied. */
export interface ProblemSpec {
  id: string;
  title: string;
  difficulty: Difficulty;
  topics: string[];
  minutes: number;
  phases?: Phases;
  function?: FunctionSpec;
  class?: ClassSpec;
  /** A checker's `script` here is still the path as written, relative to the problem folder. */
  compare: Compare;
  limits: Limits;
  followUps: string[];
  hints: string[];
  /** The generator's `script` here is still the path as written, relative to the problem folder. */
  generator?: { script: string; sizes: [number, number] };
  /** The reference solution's time complexity, as written (`O(n log n)`). */
  complexity?: string;
  /** Names of the known-wrong solutions (file names without extension) slower than `complexity` in n. */
  tooSlow?: string[];
}

const COMPARE_KINDS = ['exact', 'unordered', 'float', 'checker'];

/**
 * Reads problem.yaml text. Returns the spec only when the file has no errors; every problem becomes a
 * diagnostic with a position.
 */
export function readProblemSpec(
  file: string,
  text: string,
  pack: PackContext,
  diagnostics: Diagnostic[],
  cache?: YamlCache,
): { spec?: ProblemSpec; yaml: YamlFile } {
  const yaml = parseYamlFile(file, text, diagnostics, cache);
  return { spec: specOf(yaml, pack, diagnostics), yaml };
}

function specOf(yaml: YamlFile, pack: PackContext, diagnostics: Diagnostic[]): ProblemSpec | undefined {
  const before = diagnostics.length;
  const file = yaml.file;
  if (yaml.value === undefined) return undefined;
  const report = new Reporter(yaml, diagnostics);
  checkSchema('problem.yaml', yaml.value, report, {
    handChecked: (p) => p[0] === 'compare',
    // A misspelt limit, or a top-level key one typo away from a known one (`limts`, `hint`), would leave the
    // problem running with defaults the author did not mean.
    strictKeys: (p, _key, suggestion) => (p.length === 1 && p[0] === 'limits') || (p.length === 0 && suggestion !== undefined),
  });
  if (!isRecord(yaml.value)) return undefined;
  const raw = yaml.value;

  const hasFunction = 'function' in raw;
  const hasClass = 'class' in raw;
  if (!hasFunction && !hasClass) report.error([], 'A problem needs either `function` (one function to write) or `class` (a class whose methods the tests call).');
  if (hasFunction && hasClass) report.error(['class'], 'A problem has either `function` or `class`, not both.', 'key');

  const fn = isRecord(raw.function) ? readFunction(raw.function, ['function'], report) : undefined;
  const cls = isRecord(raw.class) ? readClass(raw.class, report) : undefined;
  const compare = readCompare(raw.compare, report, pack, path.dirname(file));
  const generator = readGenerator(raw.generator, report, pack, path.dirname(file));
  if (typeof raw.complexity === 'string' && !parseComplexity(raw.complexity)) {
    report.error(['complexity'], `\`complexity: ${raw.complexity}\` is not one of ${COMPLEXITY_CLASSES.join(', ')} (any one letter may stand for n).`);
  }
  if ('complexity' in raw && !('generator' in raw)) report.warning(['complexity'], '`complexity` is measured with inputs from `generator`, which this problem does not have; it is ignored.');
  if ('tooSlow' in raw && !('complexity' in raw)) report.warning(['tooSlow'], '`tooSlow` solutions are measured against `complexity`, which this problem does not state; it is ignored.');
  const tooSlow = Array.isArray(raw.tooSlow) && raw.tooSlow.every((n) => typeof n === 'string') ? (raw.tooSlow as string[]) : undefined;

  // Errors found before this file was read belong to other files.
  if (diagnostics.slice(before).some((d) => d.severity === 'error')) return undefined;
  const limits = isRecord(raw.limits) ? raw.limits : {};
  return {
    id: raw.id as string,
    title: raw.title as string,
    difficulty: raw.difficulty as Difficulty,
    topics: raw.topics as string[],
    minutes: isPositive(raw.minutes) ? raw.minutes : (pack.defaults.minutes ?? DEFAULT_MINUTES),
    phases: validPhases(raw.phases) ?? pack.defaults.phases,
    function: hasFunction ? fn : undefined,
    class: hasClass ? cls : undefined,
    compare: compare ?? { kind: 'exact' },
    limits: {
      timeMs: isPositive(limits.timeMs) ? limits.timeMs : DEFAULT_LIMITS.timeMs,
      memoryMb: isPositive(limits.memoryMb) ? limits.memoryMb : DEFAULT_LIMITS.memoryMb,
    },
    followUps: Array.isArray(raw.followUps) ? (raw.followUps as string[]) : [],
    hints: Array.isArray(raw.hints) ? (raw.hints as string[]) : [],
    ...(generator ? { generator } : {}),
    ...(typeof raw.complexity === 'string' ? { complexity: raw.complexity } : {}),
    ...(tooSlow ? { tooSlow } : {}),
  };
}

/** `generator: {script: generator.js, sizes: [1000, 64000]}`: a .js file inside the pack, and two growing sizes. */
function readGenerator(raw: unknown, report: Reporter, pack: PackContext, problemDir: string): ProblemSpec['generator'] {
  if (!isRecord(raw)) return undefined; // absent, or the schema reported it
  const at = ['generator'];
  const script = raw.script;
  const sizes = raw.sizes;
  if (typeof script !== 'string' || !Array.isArray(sizes) || sizes.length !== 2 || !sizes.every((s) => Number.isInteger(s) && (s as number) >= 1)) return undefined;
  if (path.isAbsolute(script) || !isInside(pack.dir, path.resolve(problemDir, script))) {
    report.error([...at, 'script'], `The generator \`${script}\` must be inside the pack folder (a path relative to the problem folder).`);
    return undefined;
  }
  const [from, to] = sizes as number[];
  if (to < 2 * from) {
    report.error([...at, 'sizes', 1], `\`sizes\` is [smallest, largest] and the largest must be at least twice the smallest (${from}): complexity is measured at doubling sizes.`);
    return undefined;
  }
  return { script, sizes: [from, to] };
}

/** Reports a bad type name at the column of the fault inside the scalar. */
function checkType(value: unknown, at: YamlPath, report: Reporter): void {
  if (typeof value !== 'string') return; // the schema reported it
  const parsed = parseTypeName(value);
  if (parsed.ok) return;
  const start = scalarTextStart(report.yaml, at);
  if (start === undefined) report.error(at, parsed.message);
  else report.atOffset(start + parsed.offset, 'error', parsed.message);
}

function readParams(raw: unknown, at: YamlPath, report: Reporter): Param[] {
  if (!Array.isArray(raw)) return [];
  const seen = new Set<string>();
  const params: Param[] = [];
  raw.forEach((p, i) => {
    if (!isRecord(p)) return;
    checkType(p.type, [...at, i, 'type'], report);
    if (typeof p.name === 'string') {
      if (seen.has(p.name)) report.error([...at, i, 'name'], `Two parameters are named \`${p.name}\`.`);
      seen.add(p.name);
    }
    params.push({ name: String(p.name), type: String(p.type) });
  });
  return params;
}

function readNames(raw: unknown): Partial<Record<Language, string>> | undefined {
  if (!isRecord(raw)) return undefined;
  const names: Partial<Record<Language, string>> = {};
  for (const [key, value] of Object.entries(raw)) {
    const language = languageForKey(key);
    if (language && typeof value === 'string') names[language] = value;
  }
  return Object.keys(names).length > 0 ? names : undefined;
}

/** `returns` also takes `void`: nothing is returned, and `null` is expected. */
function checkReturnType(value: unknown, at: YamlPath, report: Reporter): void {
  if (typeof value === 'string' && value.trim() === VOID) return;
  checkType(value, at, report);
}

/** The return type as the runner reads it (`void` trimmed). */
const returnTypeOf = (value: unknown): string => (typeof value === 'string' && value.trim() === VOID ? VOID : String(value));

function readFunction(raw: Record<string, unknown>, at: YamlPath, report: Reporter): FunctionSpec {
  checkReturnType(raw.returns, [...at, 'returns'], report);
  const spec: FunctionSpec = { name: String(raw.name), params: readParams(raw.params, [...at, 'params'], report), returns: returnTypeOf(raw.returns) };
  const names = readNames(raw.names);
  if (names) spec.names = names;
  return spec;
}

function readClass(raw: Record<string, unknown>, report: Reporter): ClassSpec {
  const methods: MethodSpec[] = [];
  const seen = new Set<string>();
  if (Array.isArray(raw.methods)) {
    raw.methods.forEach((m, i) => {
      if (!isRecord(m)) return;
      const at = ['class', 'methods', i];
      if (typeof m.name === 'string') {
        if (seen.has(m.name)) report.error([...at, 'name'], `Two methods are named \`${m.name}\`.`);
        seen.add(m.name);
      }
      // The constructor returns nothing; a method without `returns` returns nothing too (`void`: null is expected).
      if ('returns' in m) checkReturnType(m.returns, [...at, 'returns'], report);
      const method: MethodSpec = { name: String(m.name), params: readParams(m.params, [...at, 'params'], report), returns: typeof m.returns === 'string' ? returnTypeOf(m.returns) : VOID };
      const names = readNames(m.names);
      if (names) method.names = names;
      methods.push(method);
    });
    if (typeof raw.name === 'string' && !seen.has(raw.name)) {
      report.error(['class', 'name'], `The class \`${raw.name}\` has no constructor: add a method named \`${raw.name}\` (with \`params: []\` when it takes none).${didYouMean(raw.name, seen)}`);
    }
  }
  const spec: ClassSpec = { name: String(raw.name), methods };
  const names = readNames(raw.names);
  if (names) spec.names = names;
  return spec;
}

/** `compare` in its short (`unordered`) or long (`{kind: float, tolerance: 1e-6}`) form. */
function readCompare(raw: unknown, report: Reporter, pack: PackContext, problemDir: string): Compare | undefined {
  if (raw === undefined) return { kind: 'exact' };
  const at = ['compare'];
  if (typeof raw === 'string') {
    if (raw === 'exact' || raw === 'unordered') return { kind: raw };
    if (raw === 'float') return { kind: 'float', tolerance: DEFAULT_FLOAT_TOLERANCE };
    if (raw === 'checker') {
      report.error(at, 'A checker needs its script: `compare: {kind: checker, script: checker.js}`.');
      return undefined;
    }
    report.error(at, `\`compare\` must be one of ${COMPARE_KINDS.join(', ')}, not \`${raw}\`.${didYouMean(raw, COMPARE_KINDS)}`);
    return undefined;
  }
  if (!isRecord(raw)) {
    report.error(at, '`compare` must be a name (`exact`, `unordered`, `float`) or a mapping like `{kind: checker, script: checker.js}`.');
    return undefined;
  }
  let ok = true;
  for (const key of Object.keys(raw)) {
    if (!['kind', 'tolerance', 'relative', 'script'].includes(key)) {
      report.warning([...at, key], `Unknown key \`${key}\` in \`compare\`; it is ignored.${didYouMean(key, ['kind', 'tolerance', 'relative', 'script'])}`, 'key');
    }
  }
  const kind = raw.kind;
  if (kind === undefined) {
    report.error(at, 'Missing required key `kind` in `compare` (exact, unordered, float or checker).', 'key');
    return undefined;
  }
  if (typeof kind !== 'string' || !COMPARE_KINDS.includes(kind)) {
    const hint = typeof kind === 'string' ? didYouMean(kind, COMPARE_KINDS) : '';
    report.error([...at, 'kind'], `\`compare.kind\` must be one of ${COMPARE_KINDS.join(', ')}, not \`${String(kind)}\`.${hint}`);
    return undefined;
  }
  if ('tolerance' in raw && kind !== 'float') report.warning([...at, 'tolerance'], '`tolerance` only applies to `kind: float`; it is ignored.', 'key');
  if ('relative' in raw && kind !== 'float') report.warning([...at, 'relative'], '`relative` only applies to `kind: float`; it is ignored.', 'key');
  if ('script' in raw && kind !== 'checker') report.warning([...at, 'script'], '`script` only applies to `kind: checker`; it is ignored.', 'key');
  if (kind === 'float') {
    const tolerance = raw.tolerance ?? DEFAULT_FLOAT_TOLERANCE;
    if (typeof tolerance !== 'number' || !Number.isFinite(tolerance) || tolerance < 0) {
      report.error([...at, 'tolerance'], '`compare.tolerance` must be a number at least 0 (e.g. 1e-6).');
      ok = false;
    }
    if ('relative' in raw && typeof raw.relative !== 'boolean') {
      report.error([...at, 'relative'], '`compare.relative` must be true (the tolerance is relative to the expected value) or false (absolute, the default).');
      ok = false;
    }
    if (!ok) return undefined;
    return raw.relative === true ? { kind, tolerance: tolerance as number, relative: true } : { kind, tolerance: tolerance as number };
  }
  if (kind === 'checker') {
    const script = raw.script;
    if (typeof script !== 'string' || script === '') {
      report.error('script' in raw ? [...at, 'script'] : at, 'A checker needs `script`: the path of a .js file, relative to the problem folder.', 'script' in raw ? 'value' : 'key');
      return undefined;
    }
    // Checkers run in one Node process per run, whatever the solution's language.
    if (!script.endsWith('.js')) {
      report.error([...at, 'script'], `The checker \`${script}\` must be a CommonJS .js file exporting check(args, expected, actual).`);
      return undefined;
    }
    const resolved = path.resolve(problemDir, script);
    if (path.isAbsolute(script) || !isInside(pack.dir, resolved)) {
      report.error([...at, 'script'], `The checker \`${script}\` must be inside the pack folder (a path relative to the problem folder).`);
      return undefined;
    }
    return { kind, script };
  }
  return { kind: kind as 'exact' | 'unordered' };
}


/** The language of a solution file, by its extension (the registry's `extension`). */
export const languageOfFile = languageForFile;
