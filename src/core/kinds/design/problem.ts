import type { Dirent } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { didYouMean } from '../../pack/suggest';
import type { Diagnostic, Difficulty } from '../../pack/types';
import { parseYamlFile, Reporter, type YamlPath } from '../../pack/yamlFile';
import { problemKindOf } from '../kindOf';
import type { KindPhase } from '../types';
import { ID_PATTERN, isRecord, optionalPositive, requiredString, stringList, warnUnknownKeys } from '../yamlValues';
import { DEFAULT_DESIGN_MINUTES, DEFAULT_PROBE_MINUTES, DESIGN_PHASE_IDS, DESIGN_PHASES, FAILURE_CHECKLIST, type DesignPhaseId, type FailureMode } from './format';

/**
 * The design problem format: a folder with `problem.yaml` (`kind: design`) and `statement.md`, inside a pack
 * (a folder with drills-pack.yaml at or above it). The coding loader skips these folders; this module reads
 * them, reporting every problem as a diagnostic at file:line:column. schemas/design-problem.schema.json
 * describes the same format for editors.
 */

/** A follow-up question the interviewer keeps hidden until the gate is passed. */
export interface DesignProbe {
  id: string;
  question: string;
  /** What a strong answer names. */
  concerns: string[];
  minutes: number;
}

export interface DesignProblem {
  kind: 'design';
  id: string;
  packId: string;
  title: string;
  difficulty: Difficulty;
  topics: string[];
  /** Total minutes of the six phases. */
  minutes: number;
  /** The six phases with their resolved minutes, in order. */
  phases: KindPhase[];
  probes: DesignProbe[];
  /** The model answer's points per phase, shown after the rubric. */
  outline: Record<DesignPhaseId, string[]>;
  /** The standard failure checklist followed by the problem's own modes. */
  failureChecklist: FailureMode[];
  dir: string;
  packDir: string;
  problemFile: string;
  statementPath: string;
}

const TOP_KEYS = ['kind', 'id', 'title', 'difficulty', 'topics', 'minutes', 'phases', 'probeMinutes', 'probes', 'outline', 'failureChecklist'];
const DIFFICULTIES: readonly Difficulty[] = ['easy', 'medium', 'hard'];
const SKIP = new Set(['node_modules', '.git', 'out', '.vscode-test', '__pycache__']);
const MAX_DEPTH = 12;

/**
 * Phase minutes: the problem's own where set; phases it leaves out share what the total leaves, in the
 * proportions of the 45-minute defaults. When the set phases already fill the total, or every phase is set,
 * all are scaled to the total. Rounded to whole seconds; the longest phase absorbs the rounding.
 */
export function resolveDesignPhases(set: Partial<Record<DesignPhaseId, number>> = {}, totalMinutes = DEFAULT_DESIGN_MINUTES): KindPhase[] {
  const minutes: Record<string, number> = {};
  for (const p of DESIGN_PHASES) minutes[p.id] = set[p.id] ?? p.minutes;
  const unset = DESIGN_PHASES.filter((p) => set[p.id] === undefined);
  const left = totalMinutes - DESIGN_PHASES.reduce((s, p) => s + (set[p.id] ?? 0), 0);
  if (unset.length > 0 && left > 0) {
    const weight = unset.reduce((s, p) => s + p.minutes, 0);
    for (const p of unset) minutes[p.id] = (left * p.minutes) / weight;
  } else {
    const sum = DESIGN_PHASES.reduce((s, p) => s + minutes[p.id], 0);
    for (const p of DESIGN_PHASES) minutes[p.id] = sum > 0 ? (minutes[p.id] * totalMinutes) / sum : totalMinutes / DESIGN_PHASES.length;
  }
  const seconds = DESIGN_PHASES.map((p) => Math.round(minutes[p.id] * 60));
  const longest = seconds.indexOf(Math.max(...seconds));
  seconds[longest] += Math.round(totalMinutes * 60) - seconds.reduce((a, b) => a + b, 0);
  return DESIGN_PHASES.map((p, i) => ({ id: p.id, title: p.title, minutes: seconds[i] / 60 }));
}

/** What a design problem needs of its pack: its id and folder, and the failure modes it adds for all its problems. */
export interface DesignPackContext {
  id: string;
  dir: string;
  failureChecklist?: readonly FailureMode[];
}

/** The file beside drills-pack.yaml in which a pack adds failure modes to the checklist of all its design problems. */
export const PACK_CHECKLIST_FILE = 'failure-checklist.yaml';

/** Reads the text of a design problem.yaml. Returns the problem only when it has no errors. */
export function readDesignProblem(
  file: string,
  text: string,
  pack: DesignPackContext,
  diagnostics: Diagnostic[],
): DesignProblem | undefined {
  const before = diagnostics.length;
  const yaml = parseYamlFile(file, text, diagnostics);
  if (yaml.value === undefined) return undefined;
  const report = new Reporter(yaml, diagnostics);
  const raw = yaml.value;
  if (!isRecord(raw)) {
    report.error([], 'problem.yaml must be a mapping of keys to values.');
    return undefined;
  }
  warnUnknownKeys(raw, TOP_KEYS, [], report, '');
  if (raw.kind !== 'design') report.error(['kind'], `A design problem says \`kind: design\` (got ${JSON.stringify(raw.kind ?? null)}).`, 'kind' in raw ? 'value' : 'key');
  const id = requiredString(raw, 'id', [], report, 'the problem id');
  if (id !== undefined && !ID_PATTERN.test(id)) report.error(['id'], `\`id\` may only contain letters, digits, '.', '_' and '-', and must start with a letter or digit (got "${id}").`);
  const title = requiredString(raw, 'title', [], report, 'the title shown in lists');
  let difficulty: Difficulty = 'medium';
  if ('difficulty' in raw) {
    if (DIFFICULTIES.includes(raw.difficulty as Difficulty)) difficulty = raw.difficulty as Difficulty;
    else report.error(['difficulty'], `\`difficulty\` must be one of ${DIFFICULTIES.join(', ')}.${typeof raw.difficulty === 'string' ? didYouMean(raw.difficulty, DIFFICULTIES) : ''}`);
  }
  const topics = 'topics' in raw ? (stringList(raw.topics, ['topics'], report, '`topics`') ?? []) : [];
  const minutes = optionalPositive(raw, 'minutes', [], report) ?? DEFAULT_DESIGN_MINUTES;
  const phases = readPhases(raw.phases, minutes, report);
  const probeMinutes = optionalPositive(raw, 'probeMinutes', [], report) ?? DEFAULT_PROBE_MINUTES;
  const probes = readProbes(raw, probeMinutes, report);
  const outline = readOutline(raw, report);
  const extra = readChecklist(raw.failureChecklist, ['failureChecklist'], report, [...FAILURE_CHECKLIST, ...(pack.failureChecklist ?? [])]);
  if (diagnostics.slice(before).some((d) => d.severity === 'error')) return undefined;
  const dir = path.dirname(file);
  return {
    kind: 'design',
    id: id!,
    packId: pack.id,
    title: title!,
    difficulty,
    topics,
    minutes,
    phases,
    probes,
    outline: outline!,
    failureChecklist: [...FAILURE_CHECKLIST, ...(pack.failureChecklist ?? []), ...extra],
    dir,
    packDir: pack.dir,
    problemFile: file,
    statementPath: path.join(dir, 'statement.md'),
  };
}

function readPhases(raw: unknown, total: number, report: Reporter): KindPhase[] {
  if (raw === undefined) return resolveDesignPhases({}, total);
  if (!isRecord(raw)) {
    report.error(['phases'], `\`phases\` must be a mapping of phase to minutes (${DESIGN_PHASE_IDS.join(', ')}).`);
    return resolveDesignPhases({}, total);
  }
  const set: Partial<Record<DesignPhaseId, number>> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!(DESIGN_PHASE_IDS as readonly string[]).includes(key)) {
      report.error(['phases', key], `\`${key}\` is not a design phase (${DESIGN_PHASE_IDS.join(', ')}).${didYouMean(key, DESIGN_PHASE_IDS)}`, 'key');
    } else if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      report.error(['phases', key], `\`phases.${key}\` must be a number of minutes, 0 or more.`);
    } else set[key as DesignPhaseId] = value;
  }
  const setSum = Object.values(set).reduce((a, b) => a + b, 0);
  const allSet = DESIGN_PHASE_IDS.every((id) => set[id] !== undefined);
  if ((allSet && Math.abs(setSum - total) > 1e-9) || setSum > total) {
    report.warning(['phases'], `The phases add up to ${setSum} minutes but the round has ${total} (\`minutes\`): they are scaled to fit.`, 'key');
  }
  return resolveDesignPhases(set, total);
}

function readProbes(raw: Record<string, unknown>, defaultMinutes: number, report: Reporter): DesignProbe[] {
  if (!('probes' in raw)) {
    report.error([], 'Missing required key `probes`: the follow-up questions revealed after the gate, each with the concerns a strong answer names.');
    return [];
  }
  if (!Array.isArray(raw.probes) || raw.probes.length === 0) {
    report.error(['probes'], '`probes` must be a list of at least one probe (`{id, question, concerns}`).');
    return [];
  }
  const probes: DesignProbe[] = [];
  const seen = new Set<string>();
  raw.probes.forEach((p, i) => {
    const at: YamlPath = ['probes', i];
    if (!isRecord(p)) {
      report.error(at, 'A probe must be a mapping with `id`, `question` and `concerns`.');
      return;
    }
    warnUnknownKeys(p, ['id', 'question', 'concerns', 'minutes'], at, report, ` in probe ${i + 1}`);
    const id = requiredString(p, 'id', at, report, 'a short name for the probe');
    if (id !== undefined) {
      if (!ID_PATTERN.test(id)) report.error([...at, 'id'], `A probe id may only contain letters, digits, '.', '_' and '-' (got "${id}").`);
      if (seen.has(id)) report.error([...at, 'id'], `Two probes are named \`${id}\`.`);
      seen.add(id);
    }
    const question = requiredString(p, 'question', at, report, 'what the interviewer asks');
    let concerns: string[] | undefined;
    if (!('concerns' in p)) report.error(at, 'Missing required key `concerns`: what a strong answer to this probe names.', 'key');
    else {
      concerns = stringList(p.concerns, [...at, 'concerns'], report, '`concerns`');
      if (concerns && concerns.length === 0) report.error([...at, 'concerns'], '`concerns` needs at least one item: what a strong answer names.');
    }
    const minutes = optionalPositive(p, 'minutes', at, report) ?? defaultMinutes;
    if (id && question && concerns) probes.push({ id, question, concerns, minutes });
  });
  if (raw.probes.length < 3) report.warning(['probes'], `Only ${raw.probes.length} probe${raw.probes.length === 1 ? '' : 's'}: an interviewer usually pushes on three or four points (scale, a failure, a "why not X").`, 'key');
  return probes;
}

function readOutline(raw: Record<string, unknown>, report: Reporter): Record<DesignPhaseId, string[]> | undefined {
  if (!('outline' in raw)) {
    report.error([], `Missing required key \`outline\`: the model answer's points for each phase (${DESIGN_PHASE_IDS.join(', ')}).`);
    return undefined;
  }
  if (!isRecord(raw.outline)) {
    report.error(['outline'], `\`outline\` must be a mapping from each phase (${DESIGN_PHASE_IDS.join(', ')}) to a list of points.`);
    return undefined;
  }
  const outline: Partial<Record<DesignPhaseId, string[]>> = {};
  for (const key of Object.keys(raw.outline)) {
    if (!(DESIGN_PHASE_IDS as readonly string[]).includes(key)) {
      report.error(['outline', key], `\`${key}\` is not a design phase (${DESIGN_PHASE_IDS.join(', ')}).${didYouMean(key, DESIGN_PHASE_IDS)}`, 'key');
    }
  }
  for (const id of DESIGN_PHASE_IDS) {
    if (!(id in raw.outline)) {
      report.error(['outline'], `The outline has no \`${id}\` points: the model answer covers every phase.`, 'key');
      continue;
    }
    const points = stringList(raw.outline[id], ['outline', id], report, `\`outline.${id}\``);
    if (points && points.length === 0) report.error(['outline', id], `\`outline.${id}\` is empty: give the points a strong answer makes here.`);
    if (points) outline[id] = points;
  }
  return DESIGN_PHASE_IDS.every((id) => outline[id]) ? (outline as Record<DesignPhaseId, string[]>) : undefined;
}

function readChecklist(raw: unknown, at0: YamlPath, report: Reporter, existing: readonly FailureMode[]): FailureMode[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    report.error(at0, 'The failure checklist extension must be a list of `{id, label, terms}`: failure modes added to the standard checklist.');
    return [];
  }
  const modes: FailureMode[] = [];
  const taken = new Set(existing.map((m) => m.id));
  raw.forEach((m, i) => {
    const at: YamlPath = [...at0, i];
    if (!isRecord(m)) {
      report.error(at, 'A failure mode must be a mapping with `id`, `label` and `terms`.');
      return;
    }
    warnUnknownKeys(m, ['id', 'label', 'terms'], at, report, ` in failure mode ${i + 1}`);
    let id = requiredString(m, 'id', at, report, 'a short name');
    if (id !== undefined && taken.has(id)) {
      report.error([...at, 'id'], `The failure mode \`${id}\` is already in the checklist.`);
      id = undefined;
    } else if (id !== undefined) taken.add(id);
    const label = requiredString(m, 'label', at, report, 'how the coverage report names it');
    let terms: string[] | undefined;
    if (!('terms' in m)) report.error(at, 'Missing required key `terms`: the words that count as naming this failure mode.', 'key');
    else {
      terms = stringList(m.terms, [...at, 'terms'], report, '`terms`');
      if (terms && terms.length === 0) report.error([...at, 'terms'], '`terms` needs at least one word.');
    }
    if (id && label && terms && terms.length > 0) modes.push({ id, label, terms });
  });
  return modes;
}

/** Reads the design problem in `dir` (its problem.yaml and statement.md). */
export async function loadDesignProblem(dir: string, pack: DesignPackContext): Promise<{ problem?: DesignProblem; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const file = path.join(dir, 'problem.yaml');
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    diagnostics.push({ file, line: 1, column: 1, severity: 'error', message: `problem.yaml could not be read (${(e as NodeJS.ErrnoException).code ?? String(e)}).` });
    return { diagnostics };
  }
  const problem = readDesignProblem(file, text, pack, diagnostics);
  const statement = path.join(dir, 'statement.md');
  const body = await fs.readFile(statement, 'utf8').catch(() => undefined);
  if (body === undefined) diagnostics.push({ file, line: 1, column: 1, severity: 'error', message: 'statement.md is missing: every design problem needs a prompt beside problem.yaml (the product, its users, what is deliberately vague).' });
  else if (body.trim() === '') diagnostics.push({ file: statement, line: 1, column: 1, severity: 'error', message: 'statement.md is empty: write the prompt (the product, its users, what is deliberately vague).' });
  return { problem: diagnostics.some((d) => d.severity === 'error') ? undefined : problem, diagnostics };
}

/** A design pack found on disk: its id, folder and the design problems in it. */
export interface DesignPackIndex {
  id: string;
  dir: string;
  problems: DesignProblem[];
  diagnostics: Diagnostic[];
}

const readDir = (dir: string): Promise<Dirent[]> => fs.readdir(dir, { withFileTypes: true }).catch(() => []);
const hasFile = (entries: Dirent[], name: string): boolean => entries.some((e) => e.isFile() && e.name === name);

/** The pack's id from its drills-pack.yaml (the folder's name when the file does not say). */
async function packIdOf(packDir: string): Promise<string> {
  const text = await fs.readFile(path.join(packDir, 'drills-pack.yaml'), 'utf8').catch(() => '');
  const value = parseYamlFile(path.join(packDir, 'drills-pack.yaml'), text, []).value;
  return isRecord(value) && typeof value.id === 'string' ? value.id : path.basename(packDir);
}

/**
 * Finds every design problem under the roots: folders holding a problem.yaml of `kind: design`, grouped by the
 * pack (drills-pack.yaml) they are in. A design problem outside any pack is reported, not indexed. Problems
 * sharing an id in one pack are both left out (commands and history key on the id).
 */
export async function findDesignPacks(roots: readonly string[]): Promise<DesignPackIndex[]> {
  const found: { dir: string; pack?: string }[] = [];
  const packs = new Set<string>();
  async function walk(dir: string, pack: string | undefined, depth: number): Promise<void> {
    const entries = await readDir(dir);
    if (hasFile(entries, 'drills-pack.yaml')) {
      pack = dir;
      packs.add(dir);
    }
    if (hasFile(entries, 'problem.yaml')) {
      const text = await fs.readFile(path.join(dir, 'problem.yaml'), 'utf8').catch(() => '');
      if (problemKindOf(text) === 'design') found.push({ dir, pack });
      return;
    }
    if (depth >= MAX_DEPTH) return;
    const subfolders = entries.filter((e) => e.isDirectory() && !SKIP.has(e.name) && !e.name.startsWith('.'));
    await Promise.all(subfolders.map((e) => walk(path.join(dir, e.name), pack, depth + 1)));
  }
  for (const root of roots) {
    const resolved = path.resolve(root);
    const above = await packAbove(resolved);
    if (above) packs.add(above);
    await walk(resolved, above, 0);
  }
  const byPack = new Map<string, DesignPackIndex>();
  const orphans: Diagnostic[] = [];
  const checklists = new Map<string, FailureMode[]>();
  for (const dir of [...packs].sort()) {
    const index: DesignPackIndex = { id: await packIdOf(dir), dir, problems: [], diagnostics: [] };
    byPack.set(dir, index);
    checklists.set(dir, await readPackChecklist(dir, index.diagnostics));
  }
  for (const { dir, pack } of found.sort((a, b) => a.dir.localeCompare(b.dir))) {
    if (!pack) {
      orphans.push({ file: path.join(dir, 'problem.yaml'), line: 1, column: 1, severity: 'error', message: 'No drills-pack.yaml in this folder or above it: a design problem must be inside a pack.' });
      continue;
    }
    const index = byPack.get(pack)!;
    const { problem, diagnostics } = await loadDesignProblem(dir, { id: index.id, dir: pack, failureChecklist: checklists.get(pack) });
    index.diagnostics.push(...diagnostics);
    if (problem) index.problems.push(problem);
  }
  for (const index of byPack.values()) {
    const counts = new Map<string, number>();
    for (const p of index.problems) counts.set(p.id, (counts.get(p.id) ?? 0) + 1);
    for (const p of index.problems.filter((q) => counts.get(q.id)! > 1)) {
      const others = index.problems.filter((q) => q !== p && q.id === p.id).map((q) => path.relative(index.dir, q.problemFile));
      const text = await fs.readFile(p.problemFile, 'utf8').catch(() => '');
      const yaml = parseYamlFile(p.problemFile, text, []);
      new Reporter(yaml, index.diagnostics).error(['id'], `The problem id \`${p.id}\` is also used by ${others.join(', ')}; ids must be unique in the pack.`);
    }
    index.problems = index.problems.filter((q) => counts.get(q.id) === 1);
  }
  const result = [...byPack.values()].filter((p) => p.problems.length > 0 || p.diagnostics.length > 0);
  if (orphans.length > 0) result.push({ id: '', dir: '', problems: [], diagnostics: orphans });
  return result;
}

/** The failure modes a pack adds in failure-checklist.yaml (a list of `{id, label, terms}`), if it has the file. */
export async function readPackChecklist(packDir: string, diagnostics: Diagnostic[]): Promise<FailureMode[]> {
  const file = path.join(packDir, PACK_CHECKLIST_FILE);
  const text = await fs.readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return [];
  const yaml = parseYamlFile(file, text, diagnostics);
  if (yaml.value === undefined) return [];
  return readChecklist(yaml.value, [], new Reporter(yaml, diagnostics), FAILURE_CHECKLIST);
}

/** The closest folder at or above `dir` holding drills-pack.yaml. */
async function packAbove(dir: string): Promise<string | undefined> {
  for (let current = dir; ; ) {
    if (hasFile(await readDir(current), 'drills-pack.yaml')) return current;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}
