import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
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
/** The cache's own secret, made once per folder (0600): an entry is read only with its MAC under this key. */
const KEY_FILE = '.key';
const MAC_BYTES = 32;
/** Entries written this long ago are deleted (a later run writes them again), at most once a day. */
const MAX_AGE_MS = 30 * 24 * 3600 * 1000;
const PRUNE_EVERY_MS = 24 * 3600 * 1000;
const PRUNE_STAMP = '.pruned';

/**
 * A cache in a folder of its own (one file per text, named by its hash). Every failure (unwritable folder, an
 * entry cut short by a crash, another process writing the same entry) is a miss, never an error: the text is
 * then parsed as if there were no cache. `salt` separates builds whose parsing may differ (the version).
 *
 * What is read is verified, not trusted by its name: each entry carries an HMAC of its bytes (the hash of the text
 * they claim to be the value of included) under a key kept in the folder, readable by this user only. An entry
 * rewritten by anything that did not read that key (a solution writing over files between runs, a copy from
 * another machine) is a miss. Code that deliberately reads the key can forge entries, as it could rewrite the
 * pack's tests.yaml itself: docs/judge.md says what the judge defends against.
 */
export function createFileYamlCache(dir: string, salt = ''): YamlCache {
  let checkedPrune = false;
  let secret: Buffer | undefined;
  /** The folder's key: read once; made when `create` and there is none yet. */
  const secretKeyOf = (create: boolean): Buffer | undefined => {
    if (secret) return secret;
    const file = path.join(dir, KEY_FILE);
    try {
      const read = fs.readFileSync(file);
      if (read.length >= 32) return (secret = read);
    } catch {
      // None yet.
    }
    if (!create) return undefined;
    try {
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      const fresh = randomBytes(32);
      // `wx`: another process making the key at the same time wins, and its key is read back.
      fs.writeFileSync(file, fresh, { mode: 0o600, flag: 'wx' });
      return (secret = fresh);
    } catch {
      try {
        const read = fs.readFileSync(file);
        return read.length >= 32 ? (secret = read) : undefined;
      } catch {
        return undefined;
      }
    }
  };
  const macOf = (key: Buffer, payload: Buffer): Buffer => createHmac('sha256', key).update(payload).digest();
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
      const secretKey = secretKeyOf(false);
      if (!secretKey || data.length <= MAC_BYTES) return undefined;
      const payload = data.subarray(MAC_BYTES);
      if (!timingSafeEqual(data.subarray(0, MAC_BYTES), macOf(secretKey, payload))) return undefined;
      try {
        const entry = deserialize(payload) as { key?: unknown; parsed?: CachedYaml };
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
        const secretKey = secretKeyOf(true);
        if (!secretKey) return;
        const payload = serialize({ key, parsed });
        fs.writeFileSync(tmp, Buffer.concat([macOf(secretKey, payload), payload]));
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
      if (name === PRUNE_STAMP || name === KEY_FILE) continue;
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
