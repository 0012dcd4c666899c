import * as crypto from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { Diagnostic } from '../pack/types';
import type { RunError } from '../runner/types';
import type { BuildInput, BuildResult } from './types';

// What compiled languages share: where builds are cached, their key, and reading a compiler's messages.

/**
 * Solution builds kept per language, the most recently used; older ones are removed after a new build. Enough for a
 * pack of a hundred problems with a reference and a wrong solution in each compiled language, checked again without
 * a compile: fewer than a check's builds would be removed before the next check reaches them, and none would be
 * reused. A build is a program of about 2 MB (C++, Go) or a few classes (Java).
 */
export const KEPT_BUILDS = 256;
/** Harness builds kept per language (`harness-…` folders: one per harness version and toolchain). */
const KEPT_HARNESS_BUILDS = 4;
/** What marks a finished build folder, and names its artifact. */
const COMPLETE_FILE = 'build.json';

/** The default build cache: `${XDG_CACHE_HOME:-~/.cache}/drills/builds` (each language uses a folder of its own in it). */
export function defaultBuildCacheDir(env: NodeJS.ProcessEnv, home: string): string {
  return path.join(env.XDG_CACHE_HOME || path.join(home, '.cache'), 'drills', 'builds');
}

/**
 * The cache key of a build: a hash of the solution's source, every harness file, the signature, the toolchain (path
 * and version) and whatever else the language's build depends on (`extra`: its flags). The same key is the same build.
 */
export async function buildKey(input: BuildInput, harnessFiles: readonly string[], extra: unknown = null, source?: string | Buffer): Promise<string> {
  const hash = crypto.createHash('sha256');
  const part = (label: string, data: string | Buffer): void => {
    // Length-prefixed, so that no two different inputs concatenate the same.
    hash.update(`${label}:${Buffer.byteLength(data)}:`);
    hash.update(data);
  };
  // The source as the caller read it, when it did: what was hashed is then what is compiled.
  part('source', source ?? readSolution(input.solutionPath));
  for (const file of harnessFiles) part(`harness ${file}`, await readHarnessFile(path.join(input.harnessDir, file)));
  part('spec', JSON.stringify(input.spec));
  part('toolchain', JSON.stringify([input.toolchain.command, input.toolchain.version ?? null]));
  part('extra', JSON.stringify(extra));
  return hash.digest('hex').slice(0, 32);
}

/**
 * A solution's source, read synchronously: a file of a few kB is read in microseconds, where the promise API's open,
 * stat, read and close are four trips through the thread pool (a quarter of a millisecond before every warm re-run).
 */
export function readSolution(file: string): Buffer {
  return readFileSync(file);
}

/** Harness files this process has read, by path, with the identity and times of the file it read. */
const harnessFileCache = new Map<string, { stamp: string; data: Buffer }>();

/**
 * A harness file's contents, read again only when the file changed: every run's build lookup hashes its harness, a
 * source of up to ~70 KB (Java's), which the extension otherwise read from disk before each run.
 */
export async function readHarnessFile(file: string): Promise<Buffer> {
  const stat = statSync(file, { throwIfNoEntry: false });
  const stamp = stat ? `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}` : undefined;
  const known = harnessFileCache.get(file);
  if (stamp !== undefined && known?.stamp === stamp) return known.data;
  const data = await fs.readFile(file);
  if (stamp !== undefined) harnessFileCache.set(file, { stamp, data });
  return data;
}

/** What a language's compile step produced in the folder it was given. */
export type Compiled = { ok: true; artifact: string } | { ok: false; error: RunError };

/**
 * A build from the cache when `key` was built before, else `compile(dir)` into a fresh folder that becomes the
 * cached one once it succeeds (a failed build is not kept: the next run compiles again and shows the errors again).
 * `artifact` is relative to the folder. Two runs building the same key at once both succeed; one folder stays. In
 * one process they compile once: the second waits for the first (a warm run's process, its compiler and the run
 * itself all need the harness's build at the start of a drill), and compiles itself only if that one failed.
 */
export async function cachedBuild(cacheDir: string, key: string, compile: (dir: string) => Promise<Compiled>): Promise<BuildResult> {
  const finalDir = path.join(cacheDir, key);
  // A build this process found before is found again by its artifact alone, without reading the folder's record:
  // a run of a compiled language looks up two builds (its harness and the solution) before its process starts.
  const known = knownBuilds.get(finalDir);
  if (known !== undefined && existsSync(known)) {
    void touch(finalDir);
    return { ok: true, artifact: known, cached: true };
  }
  const existing = await readComplete(finalDir);
  if (existing) {
    await touch(finalDir);
    const artifact = path.join(finalDir, existing);
    knownBuilds.set(finalDir, artifact);
    return { ok: true, artifact, cached: true };
  }
  const running = buildsInFlight.get(finalDir);
  if (running) {
    const theirs = await running.catch(() => undefined);
    if (theirs?.ok) return { ...theirs, cached: true };
  }
  const build = buildInto(cacheDir, key, finalDir, compile);
  buildsInFlight.set(finalDir, build);
  try {
    return await build;
  } finally {
    if (buildsInFlight.get(finalDir) === build) buildsInFlight.delete(finalDir);
  }
}

/** Builds under way in this process, by their folder. */
const buildsInFlight = new Map<string, Promise<BuildResult>>();

/** Finished builds this process has found or made: their folder's artifact, by the folder. */
const knownBuilds = new Map<string, string>();

/** Marks a build as used now, so that pruning keeps it. */
function touch(dir: string): Promise<void> {
  const now = new Date();
  return fs.utimes(dir, now, now).catch(() => undefined);
}

async function buildInto(cacheDir: string, key: string, finalDir: string, compile: (dir: string) => Promise<Compiled>): Promise<BuildResult> {
  try {
    await fs.mkdir(cacheDir, { recursive: true, mode: 0o700 });
  } catch (e) {
    return { ok: false, error: { kind: 'build-failed', message: `Cannot create the build cache ${cacheDir}: ${(e as Error).message}` } };
  }
  const workDir = await fs.mkdtemp(path.join(cacheDir, `${key}.tmp-`));
  let compiled: Compiled;
  try {
    compiled = await compile(workDir);
  } catch (e) {
    await fs.rm(workDir, { recursive: true, force: true });
    throw e;
  }
  if (!compiled.ok) {
    await fs.rm(workDir, { recursive: true, force: true });
    return compiled;
  }
  await fs.writeFile(path.join(workDir, COMPLETE_FILE), JSON.stringify({ artifact: compiled.artifact }));
  try {
    await fs.rename(workDir, finalDir);
  } catch {
    // Another run finished the same build first: theirs is as good.
    await fs.rm(workDir, { recursive: true, force: true });
    const theirs = await readComplete(finalDir);
    if (!theirs) return { ok: false, error: { kind: 'build-failed', message: `Cannot store the build in ${finalDir}.` } };
    return { ok: true, artifact: path.join(finalDir, theirs), cached: true };
  }
  await pruneBuilds(cacheDir, KEPT_BUILDS);
  const artifact = path.join(finalDir, compiled.artifact);
  knownBuilds.set(finalDir, artifact);
  return { ok: true, artifact, cached: false };
}

/** The artifact of the build `key` when it is in the cache, without building it. */
export async function cachedArtifact(cacheDir: string, key: string): Promise<string | undefined> {
  const finalDir = path.join(cacheDir, key);
  const known = knownBuilds.get(finalDir);
  if (known !== undefined && existsSync(known)) return known;
  const existing = await readComplete(finalDir);
  if (existing === undefined) return undefined;
  const artifact = path.join(finalDir, existing);
  if (!existsSync(artifact)) return undefined;
  knownBuilds.set(finalDir, artifact);
  return artifact;
}

async function readComplete(dir: string): Promise<string | undefined> {
  try {
    const parsed = JSON.parse(await fs.readFile(path.join(dir, COMPLETE_FILE), 'utf8')) as { artifact?: unknown };
    return typeof parsed.artifact === 'string' ? parsed.artifact : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Removes all but the `keep` most recently used solution builds, all but the KEPT_HARNESS_BUILDS most recently used
 * harness builds, and leftovers of interrupted builds from `cacheDir`.
 */
export async function pruneBuilds(cacheDir: string, keep: number): Promise<void> {
  const entries = await fs.readdir(cacheDir, { withFileTypes: true }).catch(() => []);
  const builds: { dir: string; used: number }[] = [];
  for (const e of entries) {
    if (!e.isDirectory()) continue;
    const dir = path.join(cacheDir, e.name);
    const stat = await fs.stat(dir).catch(() => undefined);
    if (!stat) continue;
    // An unfinished folder older than an hour is an interrupted build; a recent one may be compiling now.
    if (e.name.includes('.tmp-')) {
      if (Date.now() - stat.mtimeMs > 3_600_000) await fs.rm(dir, { recursive: true, force: true });
      continue;
    }
    builds.push({ dir, used: stat.mtimeMs });
  }
  builds.sort((a, b) => b.used - a.used);
  const isHarness = (b: { dir: string }): boolean => path.basename(b.dir).startsWith('harness-');
  const old = [...builds.filter((b) => !isHarness(b)).slice(keep), ...builds.filter(isHarness).slice(KEPT_HARNESS_BUILDS)];
  for (const b of old) await fs.rm(b.dir, { recursive: true, force: true });
}

/**
 * A compiler's messages about one source file as diagnostics at the user's file: lines `file:line[:column]: [fatal
 * error|error|warning|note]: message` whose file is `compiledFile` (the path the compiler was given), moved up by
 * `lineOffset` lines (code the build put before the user's), and dropped when they fall outside the user's code.
 * Messages about other files (the harness) are not the user's and are left out; a caller shows the raw output when
 * no diagnostic remains. Relative file names are read from `compilerCwd`.
 */
export function compilerDiagnostics(output: string, compiledFile: string, solutionPath: string, lineOffset = 0, compilerCwd = path.dirname(compiledFile)): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const wanted = path.resolve(compilerCwd, compiledFile);
  for (const line of output.split(/\r?\n/)) {
    const m = /^(.+?):(\d+):(?:(\d+):)?\s*(?:(fatal error|error|warning|note):\s*)?(.*)$/.exec(line);
    if (!m || path.resolve(compilerCwd, m[1]) !== wanted) continue;
    // A note explains the message before it, in the harness's terms more often than not.
    if (m[4] === 'note') continue;
    const severity = m[4] === 'warning' ? 'warning' : 'error';
    const userLine = Number(m[2]) - lineOffset;
    if (userLine < 1) continue;
    diagnostics.push({ file: solutionPath, line: userLine, column: m[3] ? Number(m[3]) : 1, severity, message: m[5].trim() });
  }
  return diagnostics;
}
