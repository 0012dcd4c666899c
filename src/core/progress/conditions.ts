import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Attempt } from '../attempt/attempt';
import { writeFileAtomic } from '../fs/atomicWrite';

/**
 * Interview conditions: while an interview-mode drill's timer runs, the editor loses what a real coding
 * round's plain shared editor does not have (inline and AI completion, quick suggestions, parameter
 * hints, format on type). Only workspace-level settings change, scoped to the attempt's languages where
 * the setting allows it, never the user's own settings. What was there before is written to a record
 * file *before* anything changes, so the editor is put back exactly after the drill ends, even when the
 * window crashed or reloaded in between. This module decides what to set and what to put back; the
 * adapter reads and writes the settings.
 */

/** What a user can choose to turn off (setting `drills.interviewConditions`). */
export const CONDITION_GROUPS = ['inlineSuggestions', 'aiCompletion', 'quickSuggestions', 'parameterHints', 'formatOnType'] as const;
export type ConditionGroup = (typeof CONDITION_GROUPS)[number];

/** Where a setting is written: at workspace level, inside `[languageId]` when given. */
export interface SettingTarget {
  key: string;
  languageId?: string;
}

/** A setting's values as the adapter reads them: the workspace-level one (in that language scope) and the effective one. */
export interface SettingValues {
  workspace?: unknown;
  effective?: unknown;
}

interface ConditionSetting {
  key: string;
  /** Language-scoped settings are written in `[language]`; others hold a per-language map themselves. */
  scope: 'language' | 'languageMap';
  off: unknown;
}

/**
 * The settings each group turns off. AI assistants that keep a per-language on/off map (`{ "*": true,
 * "python": false }`) get the attempt's languages set to false in that map; the others are language-scoped.
 */
export const CONDITION_SETTINGS: Readonly<Record<ConditionGroup, readonly ConditionSetting[]>> = {
  inlineSuggestions: [{ key: 'editor.inlineSuggest.enabled', scope: 'language', off: false }],
  aiCompletion: [
    { key: 'github.copilot.enable', scope: 'languageMap', off: false },
    { key: 'codeium.enableConfig', scope: 'languageMap', off: false },
  ],
  quickSuggestions: [
    { key: 'editor.quickSuggestions', scope: 'language', off: { other: 'off', comments: 'off', strings: 'off' } },
    { key: 'editor.suggestOnTriggerCharacters', scope: 'language', off: false },
  ],
  parameterHints: [{ key: 'editor.parameterHints.enabled', scope: 'language', off: false }],
  formatOnType: [{ key: 'editor.formatOnType', scope: 'language', off: false }],
};

/** Labels for the status bar's tooltip. */
export const CONDITION_LABELS: Readonly<Record<ConditionGroup, string>> = {
  inlineSuggestions: 'inline suggestions',
  aiCompletion: 'AI completion',
  quickSuggestions: 'quick suggestions',
  parameterHints: 'parameter hints',
  formatOnType: 'format on type',
};

/** One setting changed: where, what was there (absent: nothing at that level) and what was put. */
export interface ConditionChange extends SettingTarget {
  previous?: unknown;
  applied: unknown;
}

/** What is on: written before the first setting changes, removed after the last is put back. */
export interface ConditionsRecord {
  version: 1;
  /** The interview attempts running when the record was last written. */
  attemptIds: string[];
  languages: string[];
  groups: ConditionGroup[];
  changes: ConditionChange[];
}

/** What should hold: the attempts it is for, their languages (and Markdown), the groups turned off. */
export interface DesiredConditions {
  attemptIds: string[];
  languages: string[];
  groups: ConditionGroup[];
}

/**
 * Which conditions should hold now: while any interview-mode attempt of this workspace runs, for all their
 * languages and Markdown (PLAN.md is written unaided too). Moving between two running drills changes nothing,
 * so the settings are not rewritten on every change of editor.
 */
export function desiredConditions(open: readonly Attempt[], groups: readonly ConditionGroup[]): DesiredConditions | undefined {
  const running = open.filter((a) => a.mode === 'strict' && a.status === 'in-progress');
  if (running.length === 0 || groups.length === 0) return undefined;
  const languages = [...new Set<string>([...running.map((a) => a.language), 'markdown'])].sort();
  return { attemptIds: running.map((a) => a.id).sort(), languages, groups: CONDITION_GROUPS.filter((g) => groups.includes(g)) };
}

/** Reads the `drills.interviewConditions` value: known group names, each once; anything else is reported. */
export function parseConditionGroups(raw: unknown): { groups: ConditionGroup[]; unknown: string[] } {
  if (!Array.isArray(raw)) return { groups: [...CONDITION_GROUPS], unknown: raw === undefined ? [] : [String(raw)] };
  const groups = CONDITION_GROUPS.filter((g) => raw.includes(g));
  return { groups, unknown: raw.filter((r) => !CONDITION_GROUPS.includes(r as ConditionGroup)).map(String) };
}

/** The record of turning `groups` off for `languages`, from the settings as they are now. */
export function planConditions(
  want: DesiredConditions,
  read: (target: SettingTarget) => SettingValues,
): ConditionsRecord {
  const changes: ConditionChange[] = [];
  for (const group of want.groups) {
    for (const setting of CONDITION_SETTINGS[group]) {
      if (setting.scope === 'language') {
        for (const languageId of want.languages) {
          const { workspace } = read({ key: setting.key, languageId });
          changes.push(withPrevious({ key: setting.key, languageId, applied: setting.off }, workspace));
        }
      } else {
        const { workspace, effective } = read({ key: setting.key });
        const base = isObject(effective) ? effective : isObject(workspace) ? workspace : {};
        const applied = { ...base, ...Object.fromEntries(want.languages.map((l) => [l, setting.off])) };
        changes.push(withPrevious({ key: setting.key, applied }, workspace));
      }
    }
  }
  return { version: 1, attemptIds: [...want.attemptIds], languages: [...want.languages], groups: [...want.groups], changes };
}

function withPrevious(change: ConditionChange, workspace: unknown): ConditionChange {
  return workspace === undefined ? change : { ...change, previous: workspace };
}

/** A write that puts a setting back: `value` undefined removes it from that level. */
export interface Restore extends SettingTarget {
  value?: unknown;
}

/**
 * What to write to put the editor back. A setting still as it was applied goes back to its previous value;
 * one already back (never applied, a crash came first) needs nothing; one the user changed during the
 * drill keeps the user's value.
 */
export function restoreWrites(record: ConditionsRecord, read: (target: SettingTarget) => SettingValues): { writes: Restore[]; keptByUser: SettingTarget[] } {
  const writes: Restore[] = [];
  const keptByUser: SettingTarget[] = [];
  for (const change of record.changes) {
    const target: SettingTarget = change.languageId !== undefined ? { key: change.key, languageId: change.languageId } : { key: change.key };
    const now = read(target).workspace;
    if (isDeepStrictEqual(now, change.previous)) continue;
    if (isDeepStrictEqual(now, change.applied)) writes.push(change.previous === undefined ? target : { ...target, value: change.previous });
    else keptByUser.push(target);
  }
  return { writes, keptByUser };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The record file in the workspace's storage folder. */
export const CONDITIONS_FILE = 'interview-conditions.json';

/** Reads the record; a damaged one is an error value (the adapter reports it), a missing one is undefined. */
export async function readConditionsRecord(dir: string): Promise<{ record?: ConditionsRecord; error?: string }> {
  let text: string;
  try {
    text = await fsp.readFile(path.join(dir, CONDITIONS_FILE), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw e;
  }
  try {
    const doc = JSON.parse(text) as Partial<ConditionsRecord>;
    if (doc.version !== 1 || !Array.isArray(doc.attemptIds) || !Array.isArray(doc.changes) || !Array.isArray(doc.languages) || !Array.isArray(doc.groups)) {
      return { error: `${CONDITIONS_FILE} is not a record this version of Drills reads` };
    }
    if (doc.changes.some((c) => typeof c !== 'object' || c === null || typeof (c as ConditionChange).key !== 'string' || !('applied' in c))) {
      return { error: `${CONDITIONS_FILE} has a change without a key or applied value` };
    }
    return { record: doc as ConditionsRecord };
  } catch (e) {
    return { error: `${CONDITIONS_FILE} is not valid JSON (${(e as Error).message})` };
  }
}

/** Writes the record atomically (before any setting changes). */
export async function writeConditionsRecord(dir: string, record: ConditionsRecord): Promise<void> {
  await fsp.mkdir(dir, { recursive: true });
  await writeFileAtomic(path.join(dir, CONDITIONS_FILE), `${JSON.stringify(record, null, 2)}\n`);
}

/** Removes the record (after every setting is back). */
export async function clearConditionsRecord(dir: string): Promise<void> {
  await fsp.rm(path.join(dir, CONDITIONS_FILE), { force: true });
}

/** One setting to write: `value` undefined removes it from that level. */
export interface SettingWrite {
  target: SettingTarget;
  value: unknown;
}

/** The editor's settings as the conditions need them; the adapter implements it over the workspace configuration. */
export interface SettingsAccess {
  read(target: SettingTarget): SettingValues;
  /**
   * Writes at workspace level (in `[languageId]` when given), all in one go where the editor allows it (each
   * settings write is slow); resolves with the targets that could not be written (a setting nobody registered).
   */
  write(writes: readonly SettingWrite[]): Promise<SettingTarget[]>;
}

export interface ConditionsOutcome {
  /** The conditions now on, if any. */
  on?: ConditionsRecord;
  /** Settings the user changed during the drill, left as the user set them. */
  keptByUser: SettingTarget[];
  /** Settings that could not be written (an AI assistant that is not installed is skipped quietly). */
  skipped: SettingTarget[];
  issues: string[];
}

function targetOf(change: SettingTarget): SettingTarget {
  return change.languageId !== undefined ? { key: change.key, languageId: change.languageId } : { key: change.key };
}

function sameTarget(a: SettingTarget, b: SettingTarget): boolean {
  return a.key === b.key && a.languageId === b.languageId;
}

/**
 * Brings the settings in line with what should hold: puts back a record that no longer applies (another
 * attempt, the drill over, or a record left by a crash), and turns conditions on for `desired`, writing
 * the record before the first setting. A record of the same settings is kept (a reload mid-drill), with
 * any setting a crash left unapplied applied now: the previous values stay the ones from before the drill.
 */
export async function reconcileConditions(
  dir: string,
  desired: DesiredConditions | undefined,
  settings: SettingsAccess,
): Promise<ConditionsOutcome> {
  const outcome: ConditionsOutcome = { keptByUser: [], skipped: [], issues: [] };
  const { record, error } = await readConditionsRecord(dir);
  if (error) {
    outcome.issues.push(`${error}; the settings it recorded cannot be put back automatically.`);
    await fsp.rename(path.join(dir, CONDITIONS_FILE), path.join(dir, `${CONDITIONS_FILE}.corrupt-${Date.now()}`)).catch(() => undefined);
  }
  // The same settings hold for another set of attempts (one more drill in the same language): only the record changes.
  const same = record && desired && isDeepStrictEqual(record.groups, desired.groups) && isDeepStrictEqual(record.languages, desired.languages);
  if (record && desired && same) {
    if (!isDeepStrictEqual(record.attemptIds, desired.attemptIds)) {
      record.attemptIds = [...desired.attemptIds];
      await writeConditionsRecord(dir, record);
    }
    const missing = record.changes.filter((c) => isDeepStrictEqual(settings.read(targetOf(c)).workspace, c.previous)).map((c) => ({ target: targetOf(c), value: c.applied }));
    if (missing.length > 0) outcome.skipped.push(...(await settings.write(missing)));
    outcome.on = record;
    return outcome;
  }
  // What goes back from the old record, and what the new one turns off, in one batch: each settings write is slow.
  let restores: SettingWrite[] = [];
  if (record) {
    const { writes, keptByUser } = restoreWrites(record, (t) => settings.read(t));
    outcome.keptByUser.push(...keptByUser);
    restores = writes.map((w) => ({ target: targetOf(w), value: w.value }));
  }
  const restoreFailed = (failed: readonly SettingTarget[]) => {
    for (const t of failed) if (restores.some((r) => sameTarget(r.target, t))) outcome.issues.push(`Could not put ${t.key}${t.languageId ? ` for ${t.languageId}` : ''} back.`);
  };
  if (!desired) {
    if (restores.length > 0) restoreFailed(await settings.write(restores));
    if (record) await clearConditionsRecord(dir);
    return outcome;
  }
  // Planned against the values from before any drill, not the ones the old record applied.
  const planned = planConditions(desired, (t) => {
    const restored = restores.find((r) => sameTarget(r.target, t));
    if (!restored) return settings.read(t);
    const effective = restored.value ?? settings.read(t).effective;
    return { ...(restored.value !== undefined ? { workspace: restored.value } : {}), ...(effective !== undefined ? { effective } : {}) };
  });
  await writeConditionsRecord(dir, planned);
  const batch = new Map<string, SettingWrite>();
  const id = (t: SettingTarget) => `${t.languageId ?? ''}\u0000${t.key}`;
  for (const r of restores) batch.set(id(r.target), r);
  for (const c of planned.changes) batch.set(id(targetOf(c)), { target: targetOf(c), value: c.applied });
  const failed = await settings.write([...batch.values()]);
  restoreFailed(failed.filter((t) => !planned.changes.some((c) => sameTarget(c, t))));
  outcome.skipped.push(...failed.filter((t) => planned.changes.some((c) => sameTarget(c, t))));
  const applied = { ...planned, changes: planned.changes.filter((c) => !failed.some((f) => sameTarget(f, c))) };
  if (applied.changes.length !== planned.changes.length) await writeConditionsRecord(dir, applied);
  outcome.on = applied;
  return outcome;
}
