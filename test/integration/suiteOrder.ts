// Which suite files run and in what order, and which unhandled rejections count: plain functions, unit-tested in
// test/unit/testing/suiteOrder.test.ts (no `vscode` here).
import * as path from 'node:path';

/** Environment variable: a comma list of suite files to run alone (`tree`, `startDrill.test`, `tree.test.js`). */
export const FILES_ENV = 'DRILLS_TEST_FILES';
/** Environment variable: run the suite files in an order shuffled by this seed (a number, or `random`). */
export const SHUFFLE_ENV = 'DRILLS_TEST_SHUFFLE';

/** A suite file's short name: `tree` for `.../tree.test.js`. */
export function suiteName(file: string): string {
  return path.basename(file).replace(/\.test(\.(js|ts))?$/, '');
}

/**
 * The files asked for by a comma list of short names (`tree,startDrill`); every file when the list is empty.
 * A name that matches no file is an error, so a typo never passes as "0 tests".
 */
export function selectSuiteFiles(files: readonly string[], wanted: string | undefined): string[] {
  const names = (wanted ?? '').split(',').map((n) => suiteName(n.trim())).filter(Boolean);
  if (names.length === 0) return [...files];
  const unknown = names.filter((n) => !files.some((f) => suiteName(f) === n));
  if (unknown.length > 0) throw new Error(`${FILES_ENV}: no suite file named ${unknown.join(', ')}; the suite files are ${files.map(suiteName).join(', ')}.`);
  return files.filter((f) => names.includes(suiteName(f)));
}

/** A small seeded generator (mulberry32): the same seed gives the same order on every machine. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `files` in an order shuffled by `seed` (Fisher-Yates). */
export function shuffled<T>(files: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const out = [...files];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The shuffle seed asked for: undefined when unset, a fresh one for `random`; anything else not a number is an error. */
export function shuffleSeed(value: string | undefined, random: () => number = Math.random): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (value === 'random') return Math.floor(random() * 2 ** 31);
  const seed = Number(value);
  if (!Number.isInteger(seed)) throw new Error(`${SHUFFLE_ENV} must be a whole number or "random", not "${value}".`);
  return seed;
}

/**
 * Whether an unhandled rejection comes from the extension or its tests: the extension host also runs VS Code's
 * built-in extensions, whose rejections are theirs to fix. A reason without a stack cannot be placed and counts.
 */
export function isOurs(reason: unknown, roots: readonly string[]): boolean {
  const stack = reason instanceof Error ? (reason.stack ?? '') : '';
  if (!stack) return true;
  return roots.some((root) => stack.includes(root));
}
