import { didYouMean } from '../pack/suggest';
import type { Reporter, YamlPath } from '../pack/yamlFile';

/** Small readers of parsed YAML values that report what is wrong at its node. Shared by the kinds' loaders. */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Letters, digits, `.`, `_`, `-`; starting with a letter or digit (as problem ids in the coding format). */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Warns about keys outside `known`, suggesting the closest known key. */
export function warnUnknownKeys(raw: Record<string, unknown>, known: readonly string[], at: YamlPath, report: Reporter, where: string): void {
  for (const key of Object.keys(raw)) {
    if (!known.includes(key)) report.warning([...at, key], `Unknown key \`${key}\`${where}; it is ignored.${didYouMean(key, known)}`, 'key');
  }
}

/** A required non-empty string; reports a missing key at the mapping, a wrong value at the value. */
export function requiredString(raw: Record<string, unknown>, key: string, at: YamlPath, report: Reporter, what: string): string | undefined {
  if (!(key in raw)) {
    report.error(at, `Missing required key \`${key}\` (${what}).`, at.length === 0 ? 'value' : 'key');
    return undefined;
  }
  const value = raw[key];
  if (typeof value !== 'string' || value.trim() === '') {
    report.error([...at, key], `\`${key}\` must be a non-empty string (${what}).`);
    return undefined;
  }
  return value.trim();
}

/** An optional number greater than 0; undefined (and reported) when present but not one. */
export function optionalPositive(raw: Record<string, unknown>, key: string, at: YamlPath, report: Reporter): number | undefined {
  if (!(key in raw)) return undefined;
  const value = raw[key];
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    report.error([...at, key], `\`${key}\` must be a number of minutes greater than 0.`);
    return undefined;
  }
  return value;
}

/** A list of non-empty strings (a single string is read as a list of one); reports bad items at their node. */
export function stringList(value: unknown, at: YamlPath, report: Reporter, what: string): string[] | undefined {
  if (typeof value === 'string') return value.trim() === '' ? [] : [value.trim()];
  if (!Array.isArray(value)) {
    report.error(at, `${what} must be a list of strings.`);
    return undefined;
  }
  const out: string[] = [];
  value.forEach((item, i) => {
    if (isRecord(item)) report.error([...at, i], `${what}: item ${i + 1} is a mapping, not text: an unquoted \`: \` starts a mapping in YAML, so put the item in quotes.`);
    else if (typeof item !== 'string' || item.trim() === '') report.error([...at, i], `${what}: item ${i + 1} must be a non-empty string.`);
    else out.push(item.trim());
  });
  return out;
}
