import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { CachedYaml } from './yamlFile';

/**
 * Values of YAML texts parsed before, by the text's hash. A short-lived process (the `drills` CLI) spends most
 * of its time parsing tests.yaml with a parser the JIT has not warmed up yet; a cached value is read back in a
 * fraction of that. Only texts that parsed without an error or warning are cached: a file with a YAML problem is
 * parsed again each time, and its diagnostics with it. Only the positions of shallow nodes are kept (see
 * CachedYaml): a diagnostic that needs any other position parses the text again.
 */
export interface YamlCache {
  /** What a text parsed to, or undefined when it is not cached. */
  get(text: string): CachedYaml | undefined;
  /** Remembers what a text parsed to (it had no YAML error or warning). */
  set(text: string, parsed: CachedYaml): void;
}

/** Bump when what parsing produces changes (parser options, the parser itself): old entries are then never read. */
const FORMAT = 2;
/** Entries written this long ago are deleted (a later run writes them again), at most once a day. */
const MAX_AGE_MS = 30 * 24 * 3600 * 1000;
const PRUNE_EVERY_MS = 24 * 3600 * 1000;
const PRUNE_STAMP = '.pruned';

/**
 * A cache in a folder of its own (one file per text, named by its hash). Every failure (unwritable folder, an
 * entry cut short by a crash, another process writing the same entry) is a miss, never an error: the text is
 * then parsed as if there were no cache. `salt` separates builds whose parsing may differ (the version).
 */
export function createFileYamlCache(dir: string, salt = ''): YamlCache {
  let checkedPrune = false;
  const keyOf = (text: string): string => createHash('sha256').update(`${FORMAT}\0${salt}\0`).update(text).digest('hex');
  const entryPath = (key: string): string => path.join(dir, `${key}.bin`);
  return {
    get(text) {
      const key = keyOf(text);
      let data: Buffer;
      try {
        data = fs.readFileSync(entryPath(key));
      } catch {
        return undefined;
      }
      try {
        const entry = deserialize(data) as { key?: unknown; parsed?: CachedYaml };
        // The key inside guards against a file torn by a crash that still deserializes.
        if (entry && entry.key === key && entry.parsed && typeof entry.parsed.offsets === 'object') return entry.parsed;
      } catch {
        // Torn or foreign: treated as a miss and replaced by the next set.
      }
      return undefined;
    },
    set(text, parsed) {
      const key = keyOf(text);
      const file = entryPath(key);
      const tmp = path.join(dir, `.tmp-${key}.${process.pid}-${randomBytes(4).toString('hex')}`);
      try {
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(tmp, serialize({ key, parsed }));
        fs.renameSync(tmp, file);
      } catch {
        try {
          fs.unlinkSync(tmp);
        } catch {
          // Never written.
        }
        return;
      }
      if (!checkedPrune) {
        checkedPrune = true;
        pruneIfDue(dir);
      }
    },
  };
}

/** Deletes entries (and leftover temporary files) older than MAX_AGE_MS, when the last pruning is a day old. */
function pruneIfDue(dir: string, now = Date.now()): void {
  const stamp = path.join(dir, PRUNE_STAMP);
  try {
    if (now - fs.statSync(stamp).mtimeMs < PRUNE_EVERY_MS) return;
  } catch {
    // Never pruned.
  }
  try {
    fs.writeFileSync(stamp, '');
    for (const name of fs.readdirSync(dir)) {
      if (name === PRUNE_STAMP) continue;
      const file = path.join(dir, name);
      try {
        if (now - fs.statSync(file).mtimeMs > MAX_AGE_MS) fs.unlinkSync(file);
      } catch {
        // Gone already, or another process prunes too.
      }
    }
  } catch {
    // An unreadable folder only means nothing is pruned.
  }
}
