import { checkSchema } from './schemaCheck';
import { PHASE_NAMES, STANDARD_TAGS, FORMAT_VERSION, type Diagnostic, type Language, type PackSummary, type Phases, type TagSpec } from './types';
import { LANGUAGE_IDS } from '../languages/registry';
import type { YamlCache } from './yamlCache';
import { parseYamlFile, Reporter } from './yamlFile';

/** What drills-pack.yaml says, with invalid parts replaced by fallbacks (reported as diagnostics). */
export interface PackManifest {
  id: string;
  name: string;
  description: string;
  defaults: PackSummary['defaults'];
  tags: TagSpec[];
  /** False when the pack needs a newer format than this program reads: its problems are not loaded. */
  readable: boolean;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Reads drills-pack.yaml text; never throws, every problem becomes a diagnostic. */
export function readManifest(file: string, text: string, fallbackId: string, diagnostics: Diagnostic[], cache?: YamlCache): PackManifest {
  const yaml = parseYamlFile(file, text, diagnostics, cache);
  const report = new Reporter(yaml, diagnostics);
  const fallback: PackManifest = { id: fallbackId, name: fallbackId, description: '', defaults: {}, tags: [], readable: true };
  if (yaml.value === undefined) return fallback;
  checkSchema('drills-pack.yaml', yaml.value, report, { handChecked: (p) => p[0] === 'drills' });
  if (!isRecord(yaml.value)) return fallback;
  const raw = yaml.value;

  let readable = true;
  if ('drills' in raw) {
    const version = raw.drills;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
      report.error(['drills'], `\`drills\` is the format version and must be a whole number (this version of Drills reads ${FORMAT_VERSION}).`);
    } else if (version > FORMAT_VERSION) {
      report.error(['drills'], `This pack uses format ${version}; this version of Drills reads format ${FORMAT_VERSION}. Update Drills to load it.`);
      readable = false;
    }
  }

  const id = typeof raw.id === 'string' && ID.test(raw.id) ? raw.id : fallbackId;
  const name = typeof raw.name === 'string' && raw.name !== '' ? raw.name : id;
  const description = typeof raw.description === 'string' ? raw.description : '';
  const defaults: PackSummary['defaults'] = {};
  if (isRecord(raw.defaults)) {
    const d = raw.defaults;
    if (isPositive(d.minutes)) defaults.minutes = d.minutes;
    const phases = validPhases(d.phases);
    if (phases) defaults.phases = phases;
    if (Array.isArray(d.languages)) defaults.languages = [...new Set(d.languages.filter(isLanguage))];
  }

  const tags: TagSpec[] = [];
  if (Array.isArray(raw.tags)) {
    const seen = new Set<string>();
    raw.tags.forEach((t, i) => {
      if (!isRecord(t) || typeof t.id !== 'string' || !ID.test(t.id)) return; // the schema reported it
      if ((STANDARD_TAGS as readonly string[]).includes(t.id)) {
        report.warning(['tags', i, 'id'], `\`${t.id}\` is a standard tag already; declaring it again has no effect.`);
      } else if (seen.has(t.id)) {
        report.error(['tags', i, 'id'], `The tag \`${t.id}\` is declared twice.`);
      } else {
        tags.push({ id: t.id, description: typeof t.description === 'string' ? t.description : '' });
      }
      seen.add(t.id);
    });
  }
  return { id, name, description, defaults, tags, readable };
}

/** A plain mapping (not a list, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A finite number above zero. */
export function isPositive(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

/** One of the supported language names. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGE_IDS as readonly string[]).includes(value);
}

/** The valid phases of a mapping, or undefined when there are none. */
export function validPhases(value: unknown): Phases | undefined {
  if (!isRecord(value)) return undefined;
  const phases: Phases = {};
  for (const name of PHASE_NAMES) {
    const minutes = value[name];
    if (typeof minutes === 'number' && Number.isFinite(minutes) && minutes >= 0) phases[name] = minutes;
  }
  return Object.keys(phases).length > 0 ? phases : undefined;
}
