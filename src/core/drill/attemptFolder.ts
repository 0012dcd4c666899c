import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { STARTER_FILES } from '../pack/index';
import type { Language } from '../pack/types';
import { LANGUAGE_IDS } from '../languages/registry';

/** The default of `drills.attemptFolder`, relative to the first workspace folder. */
export const DEFAULT_ATTEMPT_FOLDER = 'drills/${problemId}';

/** The values `${…}` in the attempt folder setting may name. */
export interface AttemptVariables {
  problemId: string;
  packId: string;
  language: Language;
}

/** A folder path, or a message saying what is wrong with the setting. */
export type FolderResolution = { dir: string } | { error: string };

const VARIABLE = /\$\{([^}]*)\}/g;

/**
 * Resolves the attempt folder setting against the workspace folder: substitutes `${problemId}`,
 * `${packId}` and `${language}`, and refuses unknown variables and relative paths that leave the workspace
 * (an attempt is the user's work: it belongs where they look for it).
 */
export function resolveAttemptFolder(template: string, vars: AttemptVariables, workspaceDir: string): FolderResolution {
  const trimmed = template.trim();
  if (trimmed === '') return { error: 'drills.attemptFolder is empty: set it to a folder such as drills/${problemId}.' };
  const unknown = [...trimmed.matchAll(VARIABLE)].map((m) => m[1]!).filter((name) => !(name in vars));
  if (unknown.length > 0) {
    return { error: `drills.attemptFolder uses \${${unknown[0]}}, which is not a known variable (use \${problemId}, \${packId} or \${language}).` };
  }
  // Ids come from pack files: keep path separators and dots out of folder names whatever a pack says.
  const safe = (value: string) => value.replace(/[\\/:*?"<>|]/g, '-').replace(/^\.+/, '_');
  const relative = trimmed.replace(VARIABLE, (_m, name: keyof AttemptVariables) => safe(vars[name]));
  if (path.isAbsolute(relative)) return { dir: path.normalize(relative) };
  const dir = path.resolve(workspaceDir, relative);
  const inside = path.relative(workspaceDir, dir);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) {
    return { error: `drills.attemptFolder (${template}) resolves to ${dir}, outside the workspace folder ${workspaceDir}.` };
  }
  return { dir };
}

/** The folder of attempt number `n` of a base folder: the base itself for 1, `<base>-n` after. */
export function numberedAttemptDir(base: string, n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new Error(`attempt numbers start at 1, got ${n}`);
  return n === 1 ? base : `${base}-${n}`;
}

/** The attempt numbers already used by a base folder, given the names in its parent folder, ascending. */
export function attemptNumbersIn(names: readonly string[], baseName: string): number[] {
  const numbers = new Set<number>();
  const escaped = baseName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^${escaped}(?:-(\\d+))?$`);
  for (const name of names) {
    const m = pattern.exec(name);
    if (!m) continue;
    const n = m[1] === undefined ? 1 : Number(m[1]);
    // `<base>-1` and `<base>-01` are not names this program makes.
    if (n >= 2 && String(n) === m[1]) numbers.add(n);
    else if (m[1] === undefined) numbers.add(1);
  }
  return [...numbers].sort((a, b) => a - b);
}

/** The folder for a new attempt: one past the highest number in use, so numbers never go back. */
export function nextAttemptDir(base: string, siblings: readonly string[]): string {
  const used = attemptNumbersIn(siblings, path.basename(base));
  return numberedAttemptDir(base, used.length === 0 ? 1 : used[used.length - 1]! + 1);
}

/** An attempt already on disk: a folder holding a solution file. */
export interface ExistingAttempt {
  dir: string;
  language: Language;
  solutionPath: string;
  /** 1 for the base folder, n for `<base>-n`. */
  number: number;
}

async function namesIn(dir: string): Promise<string[]> {
  try {
    return await fs.readdir(dir);
  } catch {
    return [];
  }
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}

/**
 * Lists the attempts on disk for each base folder (one per language; they are the same folder unless the
 * setting uses `${language}`), oldest first. A folder counts when it holds the solution file of a language.
 */
export async function findAttempts(bases: ReadonlyMap<Language, string>): Promise<ExistingAttempt[]> {
  const found: ExistingAttempt[] = [];
  const seen = new Set<string>();
  for (const language of LANGUAGE_IDS) {
    const base = bases.get(language);
    if (!base) continue;
    for (const number of attemptNumbersIn(await namesIn(path.dirname(base)), path.basename(base))) {
      const dir = numberedAttemptDir(base, number);
      const solutionPath = path.join(dir, STARTER_FILES[language]);
      if (seen.has(solutionPath) || !(await isFile(solutionPath))) continue;
      seen.add(solutionPath);
      found.push({ dir, language, solutionPath, number });
    }
  }
  return found.sort((a, b) => a.number - b.number || LANGUAGE_IDS.indexOf(a.language) - LANGUAGE_IDS.indexOf(b.language));
}

/** The attempt to offer for resuming: the highest-numbered one, preferring `preferred` languages in order on a tie. */
export function latestAttempt(attempts: readonly ExistingAttempt[], preferred: readonly Language[] = []): ExistingAttempt | undefined {
  if (attempts.length === 0) return undefined;
  const top = Math.max(...attempts.map((a) => a.number));
  const latest = attempts.filter((a) => a.number === top);
  const rank = (l: Language) => (preferred.includes(l) ? preferred.indexOf(l) : preferred.length + LANGUAGE_IDS.indexOf(l));
  return [...latest].sort((a, b) => rank(a.language) - rank(b.language))[0];
}

/** Whether the starter was written, or the file was already there and left alone. */
export type StarterWrite = { written: true } | { written: false; reason: 'exists' };

/**
 * Copies a starter to `target`, creating its folder. Never overwrites: an existing file (the user's work)
 * is left as it is. Other failures (permissions, a file where the folder should be) throw with the path.
 */
export async function writeStarter(starter: string, target: string): Promise<StarterWrite> {
  await fs.mkdir(path.dirname(target), { recursive: true });
  try {
    // COPYFILE_EXCL: the check and the write are one step, so nothing written meanwhile is replaced.
    await fs.copyFile(starter, target, fs.constants.COPYFILE_EXCL);
    return { written: true };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return { written: false, reason: 'exists' };
    throw new Error(`Could not write ${target}: ${(e as Error).message}`);
  }
}
