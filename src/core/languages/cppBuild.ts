import { spawn } from 'node:child_process';
import * as crypto from 'node:crypto';
import { existsSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { Diagnostic } from '../pack/types';
import type { HarnessSpec } from '../runner/protocol';
import { KEPT_BUILDS, pruneBuilds, readHarnessFile, readSolution } from './buildCache';

// How a C++ solution is built: a small generated glue file includes the harness header (precompiled once per
// toolchain) and a copy of the solution, and links with the harness's object file (also compiled once). The first
// build of a solution then costs what compiling the solution alone into a program costs. The copy has the same name in
// every build, and its debug information names it SOLUTION_IN_PROGRAM: a build depends on the source, not on where the
// file is, so the same solution in another folder (a moved drill, a pack checked in a fresh clone) is the same build.
// The compiler's messages and the program's frames name the copy; they are read as the user's file.

/**
 * The flags every C++ build uses; part of every cache key. `-g1` adds line tables (and what was inlined where), so a
 * crash or an exception is reported at the solution's lines. `-gno-as-loc-support`: the line tables the assembler
 * writes from GCC 12's DWARF 5 make binutils 2.40's addr2line name the wrong file (the glue) for a function of an
 * included file; GCC's own are read right, and cost less than DWARF 4's (about +12% CPU on the build, against +30%).
 */
export const CPP_FLAGS = ['-O2', '-std=c++17', '-g1', '-gno-as-loc-support'] as const;
/**
 * The C++ library linked into the program: loading libstdc++.so and resolving its symbols was most of what the
 * program's start cost beyond an empty one's (about 1.2 ms of 3.4 here). Every call of __cxa_throw, the solution's
 * and the library's own (vector::at's), goes to the harness's throw tracing first (drills_cpp_trace.hpp).
 */
export const LINK_FLAGS = ['-static-libstdc++', '-static-libgcc', '-Wl,--wrap=__cxa_throw'] as const;
/**
 * The harness's header, its main, the main's crash and throw tracing, and the header with the common standard headers
 * only, relative to the harness folder.
 */
export const CPP_HARNESS_FILES = ['drills_cpp.hpp', 'drills_cpp_main.cpp', 'drills_cpp_trace.hpp', 'drills_cpp_common.hpp'] as const;
/** Every standard header, as on LeetCode. */
const HEADER = CPP_HARNESS_FILES[0];
/**
 * The standard headers most solutions use: a solution is built with this header first (its precompiled form is smaller
 * and loads faster), and with HEADER when a name it uses is not declared then (see buildCpp).
 */
const COMMON_HEADER = CPP_HARNESS_FILES[3];
/** Which header the glue includes first: the common standard headers, or all of them. */
export type CppHeaders = 'common' | 'all';
/**
 * A compile error in the solution that a header outside COMMON_HEADER may cure: a name not declared, a type left
 * incomplete, GCC's "defined in header" note (and Clang's words for the same).
 */
const UNDECLARED = /was not declared|is not a member of|does not name a|has not been declared|incomplete type|is defined in header|undeclared identifier|unknown type name|no template named|no member named|not a template/;
const MAIN_OBJECT = 'drills_cpp_main.o';
const GLUE = 'drills_glue.cpp';
/** The solution's copy in its build folder, which the glue includes. */
const SOURCE = 'solution.cpp';
/** The build folder as the program's debug information names it (the folder itself is renamed once built). */
const BUILD_FOLDER_IN_PROGRAM = '/drills-build';
/** The solution's file as the program's frames name it. */
export const SOLUTION_IN_PROGRAM = `${BUILD_FOLDER_IN_PROGRAM}/${SOURCE}`;
const ARTIFACT = 'solution';
/**
 * The linker flags the toolchain takes, found once per harness build and kept in its folder: gold where the toolchain
 * has it. Linking the static C++ library was ~90 ms of a ~470 ms first build with the default linker (GNU ld 2.40),
 * ~50 ms with gold.
 */
const LINKER_FILE = 'linker.json';
const GOLD = ['-fuse-ld=gold'] as const;
/** What marks a finished cache folder. */
const COMPLETE = 'complete';

/** Why a build gave no program: the compiler's messages at the user's lines, or the solution lacks what is called. */
export type CppBuildError =
  | { kind: 'compile'; message: string; diagnostics: Diagnostic[]; output: string }
  | { kind: 'not-found'; message: string }
  | { kind: 'failed'; message: string; output?: string };

export type CppBuildResult = { ok: true; artifact: string; cached: boolean } | { ok: false; error: CppBuildError };

export interface CppBuildInput {
  solutionPath: string;
  /** Folder holding CPP_HARNESS_FILES. */
  harnessDir: string;
  spec: HarnessSpec;
  /** The compiler (g++) and its version: both are part of the cache keys. */
  compiler: string;
  compilerVersion: string;
  /** The C++ build cache, outside the workspace. */
  cacheDir: string;
  signal?: AbortSignal;
  /** Runs a compiler command (injectable to count compiles in tests). */
  exec?: Exec;
}

/** Runs `command args` in `cwd`: its exit code and what it printed on stderr. */
export type Exec = (command: string, args: string[], cwd: string, signal?: AbortSignal) => Promise<{ code: number | null; stderr: string; error?: string }>;

const execWithSpawn: Exec = (command, args, cwd, signal) =>
  new Promise((resolve) => {
    // The C locale: plain quotes in messages, whatever the user's language.
    const child = spawn(command, args, { cwd, env: { ...process.env, LC_ALL: 'C' }, stdio: ['ignore', 'ignore', 'pipe'], ...(signal ? { signal } : {}) });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      if (stderr.length < 1_000_000) stderr += d;
    });
    child.on('error', (e) => resolve({ code: null, stderr, error: e.message }));
    child.on('close', (code) => resolve({ code, stderr }));
  });

const cString = (s: string): string => JSON.stringify(s);

/**
 * The glue translation unit: the harness header, the solution's copy beside it, and `drills_register`, which hands
 * the harness the function or class to call. Parameter types are deduced from the member functions themselves
 * (`&Solution::name`), so any type the harness converts works.
 */
export function cppGlue(spec: HarnessSpec, headers: CppHeaders = 'common'): string {
  const lines = [`#include "${headers === 'common' ? COMMON_HEADER : HEADER}"`, `#include "${SOURCE}"`, '', 'void drills_register(drills::Registry& r) {'];
  if (spec.kind === 'function') {
    lines.push(`    r.function = [](const drills::Call& c) { Solution s; return drills::invoke(s, &Solution::${spec.name}, c); };`);
  } else {
    const args = spec.ctorParams.map((_, i) => `drills::Arg{c, ${i}}`).join(', ');
    lines.push(`    using T = ${spec.name};`);
    lines.push(`    r.construct = [](const drills::Call& c) -> void* { drills::requireArity(c, ${spec.ctorParams.length}); return new T(${args}); };`);
    lines.push('    r.destroy = [](void* p) { delete static_cast<T*>(p); };');
    // A method the class lacks (or hides, or overloads) is not registered: the op that calls it reports it, as in the
    // other languages, and the cases that never call it still run. The check sits in generic lambdas so that the
    // branch naming a missing member is never instantiated.
    for (const m of new Set(Object.values(spec.methods).map((x) => x.name))) {
      lines.push(
        '    {',
        `        auto probe = [](auto* t) -> decltype(&std::remove_pointer_t<decltype(t)>::${m}) { return nullptr; };`,
        '        auto add = [&r](auto* t) {',
        '            using U = std::remove_pointer_t<decltype(t)>;',
        `            if constexpr (std::is_invocable_v<decltype(probe), U*>) r.methods[${cString(m)}] = [](void* p, const drills::Call& c) { return drills::invoke(*static_cast<U*>(p), &U::${m}, c); };`,
        '        };',
        '        add(static_cast<T*>(nullptr));',
        '    }',
      );
    }
  }
  lines.push('}', '');
  return lines.join('\n');
}

function hashOf(parts: (string | Buffer)[]): string {
  const hash = crypto.createHash('sha256');
  for (const p of parts) {
    hash.update(`${Buffer.byteLength(p)}:`);
    hash.update(p);
  }
  return hash.digest('hex').slice(0, 32);
}

async function isComplete(dir: string): Promise<boolean> {
  return fs.access(path.join(dir, COMPLETE)).then(
    () => true,
    () => false,
  );
}

/**
 * A cache folder for `key`: reused when complete, else filled by `fill` in a fresh folder renamed into place (two
 * runs building the same key at once both succeed; one folder stays). A failed fill is not kept.
 */
async function cachedFolder<E>(cacheDir: string, key: string, fill: (dir: string) => Promise<E | undefined>): Promise<{ dir: string; cached: boolean } | { error: E }> {
  const got = await fillFolder(cacheDir, key, fill);
  if ('dir' in got && !got.cached) await pruneBuilds(cacheDir, KEPT_BUILDS);
  return got;
}

async function fillFolder<E>(cacheDir: string, key: string, fill: (dir: string) => Promise<E | undefined>): Promise<{ dir: string; cached: boolean } | { error: E }> {
  const dir = path.join(cacheDir, key);
  // Looked up before every run: a synchronous check of one file, and the folder marked as used without waiting.
  if (existsSync(path.join(dir, COMPLETE))) {
    const now = new Date();
    void fs.utimes(dir, now, now).catch(() => undefined);
    return { dir, cached: true };
  }
  await fs.mkdir(cacheDir, { recursive: true, mode: 0o700 });
  const work = await fs.mkdtemp(path.join(cacheDir, `${key}.tmp-`));
  try {
    const error = await fill(work);
    if (error !== undefined) return { error };
    await fs.writeFile(path.join(work, COMPLETE), '');
    try {
      await fs.rename(work, dir);
    } catch {
      // Another run stored the same build first.
      if (!(await isComplete(dir))) throw new Error(`Cannot store the build in ${dir}.`);
      return { dir, cached: true };
    }
    return { dir, cached: false };
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}

/**
 * The harness's precompiled header and object file, built once per toolchain and harness version. Their folder is
 * shared by every solution build (the glue finds the header, and its .gch, there).
 */
export async function prebuiltCppHarness(input: Pick<CppBuildInput, 'harnessDir' | 'compiler' | 'compilerVersion' | 'cacheDir' | 'signal' | 'exec'>): Promise<{ dir: string } | { error: CppBuildError }> {
  const exec = input.exec ?? execWithSpawn;
  const { sources, key } = await harnessKey(input);
  const got = await cachedFolder<CppBuildError>(input.cacheDir, key, async (dir) => {
    for (const [i, f] of CPP_HARNESS_FILES.entries()) await fs.writeFile(path.join(dir, f), sources[i]);
    const [pch, commonPch, obj, linker] = await Promise.all([
      exec(input.compiler, [...CPP_FLAGS, '-x', 'c++-header', HEADER, '-o', `${HEADER}.gch`], dir, input.signal),
      exec(input.compiler, [...CPP_FLAGS, '-x', 'c++-header', COMMON_HEADER, '-o', `${COMMON_HEADER}.gch`], dir, input.signal),
      exec(input.compiler, [...CPP_FLAGS, '-c', CPP_HARNESS_FILES[1], '-o', MAIN_OBJECT], dir, input.signal),
      linkerFlagsOf(input.compiler, dir, exec, input.signal),
    ]);
    for (const r of [pch, commonPch, obj]) {
      if (r.code !== 0) return { kind: 'failed', message: `The C++ harness did not compile with ${input.compiler} (${input.compilerVersion}): ${r.error ?? r.stderr.trim().split('\n').slice(0, 20).join('\n')}`, output: r.stderr };
    }
    await fs.writeFile(path.join(dir, LINKER_FILE), JSON.stringify(linker));
    return undefined;
  });
  return 'error' in got ? got : { dir: got.dir };
}

/** The harness's sources and the name of its cache folder: one per harness version, compiler and flags. */
async function harnessKey(input: Pick<CppBuildInput, 'harnessDir' | 'compiler' | 'compilerVersion'>): Promise<{ sources: Buffer[]; key: string }> {
  const sources = await Promise.all(CPP_HARNESS_FILES.map((f) => readHarnessFile(path.join(input.harnessDir, f))));
  return { sources, key: `harness-${hashOf([...sources, input.compiler, input.compilerVersion, CPP_FLAGS.join(' '), LINK_FLAGS.join(' '), GOLD.join(' ')])}` };
}

/**
 * The glues of a solution's build with the common standard headers and with all of them, and their cache folders, by
 * the source (hashed once: a lookup before every run), the glue and the harness's folder name.
 */
function solutionBuilds(source: Buffer, spec: HarnessSpec, harnessKey: string): Record<CppHeaders, { glue: string; key: string }> {
  const sourceHash = hashOf([source]);
  const of = (headers: CppHeaders): { glue: string; key: string } => {
    const glue = cppGlue(spec, headers);
    return { glue, key: hashOf([sourceHash, glue, harnessKey]) };
  };
  return { common: of('common'), all: of('all') };
}

/** The program `buildCpp` would take from its cache for this input; undefined when the file as it is was not built. */
export async function cachedCpp(input: Pick<CppBuildInput, 'solutionPath' | 'harnessDir' | 'spec' | 'compiler' | 'compilerVersion' | 'cacheDir'>): Promise<string | undefined> {
  let source: Buffer;
  try {
    source = readSolution(input.solutionPath);
  } catch {
    return undefined;
  }
  const harness = await harnessKey(input);
  if (!existsSync(path.join(input.cacheDir, harness.key, COMPLETE))) return undefined;
  const builds = solutionBuilds(source, input.spec, harness.key);
  for (const { key } of [builds.common, builds.all]) {
    const dir = path.join(input.cacheDir, key);
    const artifact = path.join(dir, ARTIFACT);
    if (existsSync(path.join(dir, COMPLETE)) && existsSync(artifact)) return artifact;
  }
  return undefined;
}

/** GOLD when the compiler links a program with the static C++ library with it, else none (its default linker). */
export async function linkerFlagsOf(compiler: string, dir: string, exec: Exec, signal?: AbortSignal): Promise<readonly string[]> {
  const probe = path.join(dir, 'linker-probe');
  await fs.mkdir(probe);
  await fs.writeFile(path.join(probe, 'probe.cpp'), '#include <string>\nint main(int argc, char**) { return static_cast<int>(std::to_string(argc).size()) - 1; }\n');
  try {
    const r = await exec(compiler, [...GOLD, '-static-libstdc++', '-static-libgcc', 'probe.cpp', '-o', 'probe'], probe, signal);
    return r.code === 0 ? GOLD : [];
  } finally {
    await fs.rm(probe, { recursive: true, force: true });
  }
}

/** Linker flags by harness folder, read once per process. */
const linkerFlagsByHarness = new Map<string, string[]>();

async function harnessLinkerFlags(harnessDir: string): Promise<string[]> {
  const known = linkerFlagsByHarness.get(harnessDir);
  if (known) return known;
  let flags: string[] = [];
  try {
    const parsed: unknown = JSON.parse(await fs.readFile(path.join(harnessDir, LINKER_FILE), 'utf8'));
    if (Array.isArray(parsed) && parsed.every((f) => typeof f === 'string')) flags = parsed as string[];
  } catch {
    // A harness folder without the file links with the compiler's default linker.
  }
  linkerFlagsByHarness.set(harnessDir, flags);
  return flags;
}

/** Builds the solution with the harness, or takes the build from the cache when nothing it depends on changed. */
export async function buildCpp(input: CppBuildInput): Promise<CppBuildResult> {
  const exec = input.exec ?? execWithSpawn;
  const harness = await prebuiltCppHarness(input);
  if ('error' in harness) return { ok: false, error: harness.error };
  let source: Buffer;
  try {
    source = readSolution(input.solutionPath);
  } catch (e) {
    return { ok: false, error: { kind: 'failed', message: `Cannot read the solution ${input.solutionPath}: ${(e as Error).message}` } };
  }
  // The harness by its key (its folder's name), not its path: a cache reached through another path (a link) is
  // the same cache.
  const builds = solutionBuilds(source, input.spec, path.basename(harness.dir));
  const build = (headers: CppHeaders) => {
    const { glue, key } = builds[headers];
    let undeclared = false;
    const got = cachedFolder<CppBuildError>(input.cacheDir, key, async (dir) => {
      await fs.writeFile(path.join(dir, GLUE), glue);
      // What was hashed is what is compiled, whatever happens to the user's file meanwhile.
      await fs.writeFile(path.join(dir, SOURCE), source);
      // -pipe: the assembler reads the compiler's output from a pipe, not a temporary file (~2% of the build).
      const args = ['-pipe', ...CPP_FLAGS, `-fdebug-prefix-map=${dir}=${BUILD_FOLDER_IN_PROGRAM}`, '-fdiagnostics-plain-output', '-fno-diagnostics-color', '-I', harness.dir];
      const linker = await harnessLinkerFlags(harness.dir);
      const r = await exec(input.compiler, [...args, GLUE, path.join(harness.dir, MAIN_OBJECT), ...LINK_FLAGS, ...linker, '-o', ARTIFACT], dir, input.signal);
      if (r.code === 0) return undefined;
      if (r.error) return { kind: 'failed', message: `Could not start ${input.compiler}: ${r.error}` };
      undeclared = missesAHeader(r.stderr, dir);
      return buildError(r.stderr, input.spec, input.solutionPath, source.toString('utf8'), dir);
    });
    return got.then((result) => ({ result, undeclared }));
  };
  // A solution that needed every header before is built with them again, straight away.
  const first: CppHeaders = existsSync(path.join(input.cacheDir, builds.all.key, COMPLETE)) ? 'all' : 'common';
  const attempt = await build(first);
  let got = attempt.result;
  if (first === 'common' && 'error' in got && attempt.undeclared && !input.signal?.aborted) got = (await build('all')).result;
  if ('error' in got) return { ok: false, error: got.error };
  return { ok: true, artifact: path.join(got.dir, ARTIFACT), cached: got.cached };
}

/** Whether the compiler's output has an error in the solution that a standard header outside COMMON_HEADER may cure. */
function missesAHeader(output: string, buildDir: string): boolean {
  return output.split(/\r?\n/).some((line) => {
    const m = GCC_LINE.exec(line);
    return m !== null && isSource(m[1], buildDir) && UNDECLARED.test(m[5]);
  });
}

const GCC_LINE = /^(.+?):(\d+):(\d+):\s*(fatal error|error|warning|note):\s*(.*)$/;

/**
 * The compiler's messages about the solution's copy (compiled in `buildDir`), as diagnostics at the user's file;
 * notes and messages about the harness are left out.
 */
export function gccDiagnostics(output: string, solutionPath: string, buildDir: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const line of output.split(/\r?\n/)) {
    const m = GCC_LINE.exec(line);
    if (!m || !isSource(m[1], buildDir)) continue;
    if (m[4] === 'note' || m[4] === 'warning') continue;
    diagnostics.push({ file: solutionPath, line: Number(m[2]), column: Number(m[3]), severity: 'error', message: m[5].trim() });
  }
  return diagnostics;
}

/** Whether a file the compiler names (from the build folder, where it ran) is the solution's copy. */
const isSource = (file: string, buildDir: string): boolean => path.resolve(buildDir, file) === path.join(buildDir, SOURCE);

/** The compiler's output with the harness's own lines (its header, the glue) left out, naming the user's file. */
function userOutput(output: string, solutionPath: string, buildDir: string): string {
  const keep: string[] = [];
  let inUser = false;
  for (const line of output.split(/\r?\n/)) {
    if (/^In file included from /.test(line) || /^\s+from /.test(line)) continue;
    const m = /^(.+?)(:(?:\d+:\d+:|\s+In ).*)$/.exec(line);
    if (m) inUser = isSource(m[1], buildDir);
    if (inUser && line.trim()) keep.push(m ? `${solutionPath}${m[2]}` : line);
  }
  return keep.join('\n');
}

function definitionLine(source: string, name: string): number {
  const re = new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\(`);
  const i = source.split(/\r?\n/).findIndex((l) => re.test(l));
  return i >= 0 ? i + 1 : 1;
}

function buildError(stderr: string, spec: HarnessSpec, solutionPath: string, source: string, buildDir: string): CppBuildError {
  const gluePath = path.join(buildDir, GLUE);
  const diagnostics = gccDiagnostics(stderr, solutionPath, buildDir);
  if (diagnostics.length > 0) {
    const first = diagnostics[0];
    const more = diagnostics.length > 1 ? ` (and ${diagnostics.length - 1} more error${diagnostics.length > 2 ? 's' : ''})` : '';
    return { kind: 'compile', message: `The solution does not compile: ${path.basename(solutionPath)}:${first.line}:${first.column}: ${first.message}${more}`, diagnostics, output: userOutput(stderr, solutionPath, buildDir) };
  }
  // The solution compiled, but what the glue calls is missing or cannot be called with the problem's values.
  const glueErrors = stderr.split(/\r?\n/).filter((l) => GCC_LINE.exec(l)?.[4]?.endsWith('error') && path.resolve(path.dirname(gluePath), GCC_LINE.exec(l)![1]) === gluePath);
  const missing = glueErrors.find((l) => /is not a member of|has no member named|was not declared|has not been declared|does not name a type|no matching function for call to|expected type-specifier/.test(l));
  if (missing) {
    const what = spec.kind === 'function' ? `member function named ${spec.name} in class Solution` : `class named ${spec.name} with a public constructor taking ${spec.ctorParams.length} argument${spec.ctorParams.length === 1 ? '' : 's'}`;
    return { kind: 'not-found', message: `The solution has no ${what} (${GCC_LINE.exec(missing)![5].trim()}).` };
  }
  const unsupported = /static assertion failed: drills: ([^\n]*)/.exec(stderr);
  if (unsupported) {
    const name = spec.kind === 'function' ? spec.name : spec.name;
    const line = definitionLine(source, name);
    return { kind: 'compile', message: `The solution's signature cannot be called by the judge: ${unsupported[1]}.`, diagnostics: [{ file: solutionPath, line, column: 1, severity: 'error', message: unsupported[1] }], output: stderr };
  }
  return { kind: 'failed', message: `The C++ build failed:\n${stderr.trim().split('\n').slice(0, 30).join('\n')}`, output: stderr };
}
