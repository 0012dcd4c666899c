import type { ErrorObject } from 'ajv';
import { pack, problem, tests, type GeneratedValidator } from './generated/validators';
import { closestMatch, didYouMean } from './suggest';
import type { Reporter, YamlPath } from './yamlFile';

/** The published schemas, by the file they describe. */
export type SchemaName = 'drills-pack.yaml' | 'problem.yaml' | 'tests.yaml';

// Generated at build time from schemas/ (scripts/gen-validators.mjs): compiling the schemas with ajv at run
// time cost more CPU than starting Node, on every CLI run and every pack load.
const VALIDATORS: Record<SchemaName, GeneratedValidator> = {
  'drills-pack.yaml': pack,
  'problem.yaml': problem,
  'tests.yaml': tests,
};

// Pattern failures spoken in the author's terms rather than as regular expressions.
const PATTERN_PHRASES: Record<string, string> = {
  '^[A-Za-z0-9][A-Za-z0-9._-]*$': "may only contain letters, digits, '.', '_' and '-', and must start with a letter or digit",
  '^[A-Za-z_$][A-Za-z0-9_$]*$': 'must be an identifier (letters, digits, `_`, `$`; not starting with a digit)',
  '\\.json$': 'must name a `.json` file',
  '\\.js$': 'must name a `.js` file',
};

const YAML_TYPE_NAMES: Record<string, string> = {
  object: 'a mapping', array: 'a list', string: 'a string', number: 'a number', integer: 'a whole number', boolean: 'true or false', null: 'empty',
};

/** How a value reads in a message: `the string "ten"`, `a list`. */
function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`;
  if (typeof value === 'number') return Number.isInteger(value) ? `the number ${value}` : `the number ${value}`;
  return String(value);
}

/** `function.params[0].type` for messages. */
export function pathLabel(path: YamlPath): string {
  let label = '';
  for (const segment of path) label += typeof segment === 'number' ? `[${segment}]` : label === '' ? segment : `.${segment}`;
  return label;
}

function decodePointer(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** Options for `checkSchema`. */
export interface SchemaCheckOptions {
  /** Errors at these paths (or below) are left to hand-written checks with better messages. */
  handChecked?: (path: YamlPath) => boolean;
  /**
   * Unknown keys in the mapping at these paths are errors, not warnings: ignoring them would silently change what
   * the file means (a misspelt limit leaves the default limits in force).
   */
  strictKeys?: (path: YamlPath, key: string, suggestion: string | undefined) => boolean;
}

/**
 * Validates a parsed YAML value against its published schema and reports each failure at its node.
 * Returns true when the schema found nothing wrong (warnings for unknown keys included).
 */
export function checkSchema(name: SchemaName, value: unknown, report: Reporter, options: SchemaCheckOptions = {}): boolean {
  const validate = VALIDATORS[name];
  if (validate(value)) return true;
  if (value === null || value === undefined || typeof value !== 'object' || Array.isArray(value)) {
    report.error([], `${name} must be a mapping of keys to values (got ${describeValue(value)}).`);
    return false;
  }
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    const path = decodePointer(error.instancePath);
    if (!reportable(error) || options.handChecked?.(path)) continue;
    const key = `${error.instancePath}|${error.keyword}|${JSON.stringify(error.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    reportError(error, path, report, options);
  }
  return false;
}

// Branching keywords (oneOf, anyOf) give ajv messages about every branch at once; the loader checks those
// spots by hand. Type names have a grammar with its own parser and precise column.
function reportable(error: ErrorObject): boolean {
  if (['oneOf', 'anyOf', 'if', 'not'].includes(error.keyword)) return false;
  if (/\/(oneOf|anyOf)\//.test(error.schemaPath)) return false;
  if (error.schemaPath.startsWith('#/definitions/typeName/')) return false;
  return true;
}

function reportError(error: ErrorObject, path: (string | number)[], report: Reporter, options: SchemaCheckOptions): void {
  const label = pathLabel(path);
  const subject = label === '' ? 'The file' : `\`${label}\``;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const unknown = String(params.additionalProperty);
      const known = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const where = label === '' ? '' : ` in \`${label}\``;
      const suggestion = closestMatch(unknown, known);
      if (options.strictKeys?.(path, unknown, suggestion)) {
        report.error([...path, unknown], `Unknown key \`${unknown}\`${where}: as written it would be ignored.${didYouMean(unknown, known)}${known.length > 0 ? ` Keys here: ${known.join(', ')}.` : ''}`, 'key');
      } else {
        report.at([...path, unknown], 'warning', `Unknown key \`${unknown}\`${where}; it is ignored.${didYouMean(unknown, known)}`, 'key', 'unknown-key');
      }
      return;
    }
    case 'required': {
      const missing = String(params.missingProperty);
      report.error(path, `Missing required key \`${missing}\`${label === '' ? '' : ` in \`${label}\``}.`, label === '' ? 'value' : 'key');
      return;
    }
    case 'type': {
      const wanted = String(params.type)
        .split(',')
        .map((t) => YAML_TYPE_NAMES[t] ?? t)
        .join(' or ');
      report.error(path, `${subject} must be ${wanted}, not ${describeValue(error.data)}.`);
      return;
    }
    case 'enum':
    case 'const': {
      const allowed = (error.keyword === 'enum' ? (params.allowedValues as unknown[]) : [params.allowedValue]).map(String);
      const hint = typeof error.data === 'string' ? didYouMean(error.data, allowed) : '';
      report.error(path, `${subject} must be one of ${allowed.join(', ')}, not ${describeValue(error.data)}.${hint}`);
      return;
    }
    case 'pattern': {
      const phrase = PATTERN_PHRASES[String(params.pattern)] ?? `must match ${String(params.pattern)}`;
      report.error(path, `${subject} ${phrase} (got ${describeValue(error.data)}).`);
      return;
    }
    case 'exclusiveMinimum':
    case 'minimum':
      report.error(path, `${subject} must be ${error.keyword === 'minimum' ? 'at least' : 'more than'} ${String(params.limit)}, not ${describeValue(error.data)}.`);
      return;
    case 'maxItems':
      report.error(path, `${subject} may have at most ${String(params.limit)} items (has ${(error.data as unknown[]).length}).`);
      return;
    case 'minItems':
      report.error(path, `${subject} needs at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}.`);
      return;
    case 'uniqueItems':
      report.error(path, `${subject} lists the same value twice (items ${String(params.j)} and ${String(params.i)}).`);
      return;
    default:
      report.error(path, `${subject} ${error.message ?? 'is invalid'}.`);
  }
}
