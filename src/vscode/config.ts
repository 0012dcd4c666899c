import * as vscode from 'vscode';
import { DEFAULT_ATTEMPT_FOLDER } from '../core/drill/attemptFolder';
import type { Language, Phases } from '../core/pack/types';
import { LANGUAGE_IDS } from '../core/languages/registry';
import { parsePhasesSetting } from '../core/session/index';
import { parseConditionGroups, parseDay, type ConditionGroup } from '../core/progress/index';

/** The section every setting lives under: `drills.<key>`. */
export const SECTION = 'drills';

/** Reads a raw setting value; undefined means "not valid, use the default". */
type Parse<T> = (raw: unknown) => T | undefined;

interface Setting<T> {
  default: T;
  parse: Parse<T>;
}

const nullableString: Parse<string | null> = (raw) => (raw === null ? null : typeof raw === 'string' ? (raw.trim() === '' ? null : raw) : undefined);

/**
 * Every setting the extension reads, with its default and how a raw value is checked: the one place to add
 * a key (beside its entry in package.json's `contributes.configuration`).
 */
const SETTINGS = {
  defaultLanguage: {
    default: null,
    parse: (raw) => (raw === null || raw === '' ? null : LANGUAGE_IDS.includes(raw as Language) ? (raw as Language) : undefined),
  } satisfies Setting<Language | null>,
  attemptFolder: {
    default: DEFAULT_ATTEMPT_FOLDER,
    parse: (raw) => (typeof raw === 'string' && raw.trim() !== '' ? raw : undefined),
  } satisfies Setting<string>,
  pythonPath: { default: null, parse: nullableString } satisfies Setting<string | null>,
  /** Toolchain paths by toolchain id; entries that are not non-empty strings are ignored. */
  toolchains: {
    default: {},
    parse: (raw) =>
      typeof raw === 'object' && raw !== null && !Array.isArray(raw)
        ? Object.fromEntries(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== ''))
        : undefined,
  } satisfies Setting<Record<string, string>>,
  /** Whether the active coding drill's next test process is started ahead and waits for the run. */
  warmRuns: { default: true, parse: (raw) => (typeof raw === 'boolean' ? raw : undefined) } satisfies Setting<boolean>,
  mode: {
    default: 'interview',
    parse: (raw) => (raw === 'interview' || raw === 'practice' ? raw : undefined),
  } satisfies Setting<'interview' | 'practice'>,
  /** Minutes per phase when neither the problem nor its pack says; a value with a bad entry is ignored whole (and reported). */
  phases: {
    default: {},
    parse: (raw) => {
      const parsed = parsePhasesSetting(raw);
      return parsed && parsed.problems.length === 0 ? parsed.phases : undefined;
    },
  } satisfies Setting<Phases>,
  /** The interview day (`YYYY-MM-DD`) the plan and review intervals count down to; null when not set. */
  interviewDate: {
    default: null,
    parse: (raw) => (raw === null || raw === '' ? null : typeof raw === 'string' ? (parseDay(raw) ?? undefined) : undefined),
  } satisfies Setting<string | null>,
  /** What an interview-mode drill turns off while its timer runs; a value with an unknown name is ignored whole (and reported). */
  interviewConditions: {
    default: ['inlineSuggestions', 'aiCompletion', 'quickSuggestions', 'parameterHints', 'formatOnType'],
    parse: (raw) => {
      const parsed = parseConditionGroups(raw);
      return parsed.unknown.length === 0 ? parsed.groups : undefined;
    },
  } satisfies Setting<ConditionGroup[]>,
};

/** The settings' names. */
export type SettingKey = keyof typeof SETTINGS;
/** The type of each setting's value. */
export type SettingValue<K extends SettingKey> = (typeof SETTINGS)[K]['default'] | NonNullable<ReturnType<(typeof SETTINGS)[K]['parse']>>;

/** Typed access to the `drills.*` settings, with an event naming the keys that changed. */
export class Config implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<readonly SettingKey[]>();
  /** Fires with the keys whose value may have changed (in any scope). */
  readonly onDidChange = this.changed.event;
  private readonly listener: vscode.Disposable;

  constructor(private readonly warn: (message: string) => void = () => undefined) {
    this.listener = vscode.workspace.onDidChangeConfiguration((e) => {
      const keys = (Object.keys(SETTINGS) as SettingKey[]).filter((k) => e.affectsConfiguration(`${SECTION}.${k}`));
      if (keys.length > 0) this.changed.fire(keys);
    });
  }

  /** The setting's value in `scope` (a workspace folder for resource settings); an invalid value reads as the default. */
  get<K extends SettingKey>(key: K, scope?: vscode.ConfigurationScope): SettingValue<K> {
    const setting = SETTINGS[key] as Setting<SettingValue<K>>;
    const raw = vscode.workspace.getConfiguration(SECTION, scope).get<unknown>(key);
    if (raw === undefined) return setting.default;
    const value = setting.parse(raw);
    if (value === undefined) {
      this.warn(`Setting ${SECTION}.${key} has an invalid value ${JSON.stringify(raw)}; using ${JSON.stringify(setting.default)}.`);
      return setting.default;
    }
    return value;
  }

  /** Calls `listener` with the new value whenever `key` changes. */
  watch<K extends SettingKey>(key: K, listener: (value: SettingValue<K>) => void): vscode.Disposable {
    return this.onDidChange((keys) => {
      if (keys.includes(key)) listener(this.get(key));
    });
  }

  dispose(): void {
    this.listener.dispose();
    this.changed.dispose();
  }
}

/** The configured toolchain paths by toolchain id: `drills.toolchains`, and the older `drills.pythonPath` under it. */
export function toolchainPaths(config: Config): Record<string, string> {
  const pythonPath = config.get('pythonPath');
  return { ...(pythonPath ? { python: pythonPath } : {}), ...config.get('toolchains') };
}
