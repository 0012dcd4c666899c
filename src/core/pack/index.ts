import type { Dirent } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { readManifest, type PackManifest } from './manifest';
import { languageOfFile, readProblemSpec, type PackContext } from './problemSpec';
import { readTests } from './testsFile';
import { STANDARD_TAGS, type Diagnostic, type Language, type PackSummary, type Problem, type ProblemSummary } from './types';
import { LANGUAGE_IDS } from '../languages/registry';
import type { YamlCache } from './yamlCache';
import { Reporter } from './yamlFile';
import { PACK_FILE, PROBLEM_FILE, STARTER_FILES, STATEMENT_FILE, TESTS_FILE } from './constants';
import { isCodingProblemText } from '../kinds/kindOf';

export { parseTypeName, formatType, BASE_TYPES, type TypeExpr, type TypeParse } from './typeName';
export { languageOfFile } from './problemSpec';
export { DEFAULT_LIMITS, DEFAULT_MINUTES, DEFAULT_FLOAT_TOLERANCE } from './constants';

export { createFileYamlCache, type YamlCache } from './yamlCache';

/** How packs are read. */
export interface LoadOptions {
  /** Values of YAML files parsed before (see YamlCache); short-lived processes gain most from one. */
  yamlCache?: YamlCache;
  /** A generated case may lack its expected result (`drills digest` is about to compute it). */
  digestsPending?: boolean;
}

export { PACK_FILE, PROBLEM_FILE, TESTS_FILE, STATEMENT_FILE, STARTER_FILES } from './constants';

// Folders that never hold packs and can be huge.
const SKIP = new Set(['node_modules', '.git', 'out', '.vscode-test', '__pycache__']);
/** How deep below a root the search for drills-pack.yaml goes. */
const MAX_ROOT_DEPTH = 6;
/** How deep below a pack problems may sit. */
const MAX_PACK_DEPTH = 12;

/** Directory listings shared by one indexing pass, so no folder is listed twice. */
type Listings = Map<string, Promise<Dirent[]>>;

function list(dir: string, listings: Listings): Promise<Dirent[]> {
  let listing = listings.get(dir);
  if (!listing) {
    listing = fs.readdir(dir, { withFileTypes: true }).catch(() => []);
    listings.set(dir, listing);
  }
  return listing;
}

const hasFile = (entries: Dirent[], name: string): boolean => entries.some((e) => e.name === name && e.isFile());
const subfolders = (entries: Dirent[]): Dirent[] => entries.filter((e) => e.isDirectory() && !SKIP.has(e.name) && !e.name.startsWith('.'));

/** Finds every folder holding a drills-pack.yaml under the given roots (a root may itself be a pack). */
export async function findPackDirs(roots: string[]): Promise<string[]> {
  return findPackDirsWith(roots, new Map());
}

async function findPackDirsWith(roots: string[], listings: Listings): Promise<string[]> {
  const found = new Set<string>();
  async function walk(dir: string, depth: number): Promise<void> {
    const entries = await list(dir, listings);
    if (hasFile(entries, PACK_FILE)) found.add(dir);
    // A problem folder holds starters and solutions, never a pack: no need to look inside.
    if (depth >= MAX_ROOT_DEPTH || hasFile(entries, PROBLEM_FILE)) return;
    await Promise.all(subfolders(entries).map((e) => walk(path.join(dir, e.name), depth + 1)));
  }
  await Promise.all(roots.map((r) => walk(path.resolve(r), 0)));
  return [...found].sort();
}

/**
 * Indexes every pack under the roots: enough for a tree view. Reads drills-pack.yaml and each problem.yaml and
 * lists statement.md and starters; never reads tests.yaml or solutions. Broken problems are left out and
 * reported in `diagnostics`; the others are still indexed.
 */
export async function loadPacks(roots: string[], options: LoadOptions = {}): Promise<PackSummary[]> {
  const listings: Listings = new Map();
  const dirs = await findPackDirsWith(roots, listings);
  return Promise.all(dirs.map((dir) => loadPackWith(dir, listings, options)));
}

/** Indexes one pack folder (the folder holding drills-pack.yaml). */
export async function loadPack(dir: string, options: LoadOptions = {}): Promise<PackSummary> {
  return loadPackWith(path.resolve(dir), new Map(), options);
}

async function readText(file: string): Promise<{ text?: string; error?: string }> {
  try {
    return { text: await fs.readFile(file, 'utf8') };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { error: code === 'ENOENT' ? `${path.basename(file)} does not exist.` : `${path.basename(file)} could not be read (${code ?? String(e)}).` };
  }
}

async function readPackManifest(dir: string, diagnostics: Diagnostic[], options: LoadOptions): Promise<PackManifest> {
  const file = path.join(dir, PACK_FILE);
  const { text, error } = await readText(file);
  if (text === undefined) {
    diagnostics.push({ file, line: 1, column: 1, severity: 'error', message: error! });
    return { id: path.basename(dir), name: path.basename(dir), description: '', defaults: {}, tags: [], readable: false };
  }
  return readManifest(file, text, path.basename(dir), diagnostics, options.yamlCache);
}

function contextOf(dir: string, manifest: PackManifest): PackContext {
  return { id: manifest.id, dir, defaults: manifest.defaults, knownTags: new Set([...STANDARD_TAGS, ...manifest.tags.map((t) => t.id)]) };
}

async function loadPackWith(dir: string, listings: Listings, options: LoadOptions): Promise<PackSummary> {
  const diagnostics: Diagnostic[] = [];
  const manifest = await readPackManifest(dir, diagnostics, options);
  const pack: PackSummary = {
    id: manifest.id,
    name: manifest.name,
    description: manifest.description,
    dir,
    defaults: manifest.defaults,
    tags: manifest.tags,
    manifestPath: path.join(dir, PACK_FILE),
    problems: [],
    diagnostics,
  };
  if (!manifest.readable) return pack;
  const context = contextOf(dir, manifest);
  const problemDirs = await findProblemDirs(dir, listings);
  const indexed = await Promise.all(problemDirs.map((d) => indexProblem(d, context, listings, options)));

  // An id shared by two problems is ambiguous (history and commands key on it): neither is indexed.
  const byId = new Map<string, typeof indexed>();
  for (const entry of indexed) if (entry.summary) byId.set(entry.summary.id, [...(byId.get(entry.summary.id) ?? []), entry]);
  for (const entry of indexed) {
    const twins = entry.summary ? byId.get(entry.summary.id)! : [];
    if (twins.length > 1) {
      const others = twins.filter((t) => t !== entry).map((t) => path.relative(dir, t.summary!.problemFile!));
      entry.report!.error(['id'], `The problem id \`${entry.summary!.id}\` is also used by ${others.join(', ')}; ids must be unique in the pack.`);
    } else if (entry.summary) {
      pack.problems.push(entry.summary);
    }
    diagnostics.push(...entry.diagnostics);
  }
  return pack;
}

/** Folders below a pack holding a problem.yaml, in path order; nested packs are their own. */
async function findProblemDirs(packDir: string, listings: Listings): Promise<string[]> {
  const found: string[] = [];
  async function walk(dir: string, depth: number): Promise<void> {
    const entries = await list(dir, listings);
    if (dir !== packDir && hasFile(entries, PACK_FILE)) return;
    if (dir !== packDir && hasFile(entries, PROBLEM_FILE)) {
      found.push(dir);
      return;
    }
    if (depth >= MAX_PACK_DEPTH) return;
    await Promise.all(subfolders(entries).map((e) => walk(path.join(dir, e.name), depth + 1)));
  }
  await walk(packDir, 0);
  return found.sort();
}

interface IndexedProblem {
  summary?: ProblemSummary;
  diagnostics: Diagnostic[];
  report?: Reporter;
}

async function indexProblem(dir: string, pack: PackContext, listings: Listings, options: LoadOptions): Promise<IndexedProblem> {
  const diagnostics: Diagnostic[] = [];
  const file = path.join(dir, PROBLEM_FILE);
  const { text, error } = await readText(file);
  if (text === undefined) {
    diagnostics.push({ file, line: 1, column: 1, severity: 'error', message: error! });
    return { diagnostics };
  }
  if (!isCodingProblemText(text)) return { diagnostics }; // another kind's problem (`kind: design`): src/core/kinds reads it
  const { spec, yaml } = readProblemSpec(file, text, pack, diagnostics, options.yamlCache);
  const report = new Reporter(yaml, diagnostics);
  const entries = await list(dir, listings);
  const languages = await starterLanguages(dir, entries, listings);
  checkFolder(dir, entries, languages, pack, report);
  if (!spec || diagnostics.some((d) => d.severity === 'error')) return { diagnostics, report };
  const summary: ProblemSummary = {
    id: spec.id,
    packId: pack.id,
    title: spec.title,
    difficulty: spec.difficulty,
    topics: spec.topics,
    minutes: spec.minutes,
    dir,
    languages,
    packDir: pack.dir,
    problemFile: file,
  };
  if (spec.phases) summary.phases = spec.phases;
  return { summary, diagnostics, report };
}

async function starterLanguages(dir: string, entries: Dirent[], listings: Listings): Promise<Language[]> {
  if (!entries.some((e) => e.name === 'starter' && e.isDirectory())) return [];
  const starters = await list(path.join(dir, 'starter'), listings);
  return LANGUAGE_IDS.filter((l) => hasFile(starters, STARTER_FILES[l]));
}

// Problems reported at problem.yaml's first line: the files they are about do not exist.
function checkFolder(dir: string, entries: Dirent[], languages: Language[], pack: PackContext, report: Reporter): void {
  if (!hasFile(entries, STATEMENT_FILE)) report.error([], `${STATEMENT_FILE} is missing: every problem needs a statement beside problem.yaml.`, 'key');
  for (const language of pack.defaults.languages ?? []) {
    if (!languages.includes(language)) {
      report.warning([], `No ${language} starter: the pack lists ${language} in defaults.languages but starter/${STARTER_FILES[language]} is missing.`, 'key');
    }
  }
  if (languages.length === 0 && !(pack.defaults.languages ?? []).length) {
    report.warning([], `No starter files in ${path.join(path.relative(pack.dir, dir), 'starter')}/ (${Object.values(STARTER_FILES).join(', ')}): the problem cannot be started in any language.`, 'key');
  }
}

/** Reads everything about an indexed problem, including tests.yaml and its `from:` files. */
export async function loadProblem(summary: ProblemSummary, options: LoadOptions = {}): Promise<{ problem?: Problem; diagnostics: Diagnostic[] }> {
  return loadProblemFromDir(summary.dir, summary.packDir, options);
}

/**
 * Reads everything about the problem in `dir`. The pack is found by looking upwards for drills-pack.yaml unless
 * given. The problem is returned when problem.yaml is valid; invalid cases are left out and reported.
 */
export async function loadProblemFromDir(dir: string, packDir?: string, options: LoadOptions = {}): Promise<{ problem?: Problem; diagnostics: Diagnostic[] }> {
  dir = path.resolve(dir);
  const diagnostics: Diagnostic[] = [];
  const file = path.join(dir, PROBLEM_FILE);
  const packFolder = packDir ? path.resolve(packDir) : await findPackAbove(dir);
  if (!packFolder) {
    diagnostics.push({ file, line: 1, column: 1, severity: 'error', message: `No ${PACK_FILE} in this folder or above it: a problem must be inside a pack.` });
    return { diagnostics };
  }
  const manifestDiagnostics: Diagnostic[] = [];
  const manifest = await readPackManifest(packFolder, manifestDiagnostics, options);
  if (!manifest.readable) {
    // Only what stops the problem from loading: the rest is the pack's, reported when it is indexed.
    diagnostics.push(...manifestDiagnostics.filter((d) => d.severity === 'error'));
    return { diagnostics };
  }
  const pack = contextOf(packFolder, manifest);
  const { text, error } = await readText(file);
  if (text === undefined) {
    diagnostics.push({ file, line: 1, column: 1, severity: 'error', message: error! });
    return { diagnostics };
  }
  const { spec, yaml } = readProblemSpec(file, text, pack, diagnostics, options.yamlCache);
  const report = new Reporter(yaml, diagnostics);
  const listings: Listings = new Map();
  const entries = await list(dir, listings);
  const languages = await starterLanguages(dir, entries, listings);
  checkFolder(dir, entries, languages, pack, report);
  if (!spec) return { diagnostics };

  // From here on, every error is about the hidden tests: a case, a `from:` file or the checker they need.
  const testsFrom = diagnostics.length;
  let compare = spec.compare;
  if (compare.kind === 'checker') {
    const script = path.resolve(dir, compare.script);
    try {
      await fs.access(script);
    } catch {
      report.error(['compare', 'script'], `The checker \`${compare.script}\` does not exist.`);
    }
    compare = { kind: 'checker', script };
  }
  let generator: Problem['generator'];
  if (spec.generator) {
    const script = path.resolve(dir, spec.generator.script);
    try {
      await fs.access(script);
      generator = { script, sizes: spec.generator.sizes };
    } catch {
      report.error(['generator', 'script'], `The generator \`${spec.generator.script}\` does not exist.`);
    }
  }

  const testsPath = path.join(dir, TESTS_FILE);
  const tests = await readText(testsPath);
  const cases = tests.text === undefined ? [] : await readTests(testsPath, tests.text, { ...spec, compare, hasGenerator: generator !== undefined, digestsPending: options.digestsPending }, pack.knownTags, diagnostics, options.yamlCache);
  if (tests.text === undefined) report.error([], `${TESTS_FILE} is missing: the problem has no hidden tests.`, 'key');
  else if (cases.length === 0 && !diagnostics.some((d) => d.file === testsPath && d.severity === 'error')) {
    diagnostics.push({ file: testsPath, line: 1, column: 1, severity: 'warning', message: 'tests.yaml has no cases.' });
  }

  const problem: Problem = {
    id: spec.id,
    packId: pack.id,
    title: spec.title,
    difficulty: spec.difficulty,
    topics: spec.topics,
    minutes: spec.minutes,
    dir,
    languages,
    packDir: packFolder,
    problemFile: file,
    statementPath: path.join(dir, STATEMENT_FILE),
    compare,
    limits: spec.limits,
    followUps: spec.followUps,
    hints: spec.hints,
    starters: Object.fromEntries(languages.map((l) => [l, path.join(dir, 'starter', STARTER_FILES[l])])),
    solutions: await codeFiles(path.join(dir, 'solutions'), listings),
    wrong: await codeFiles(path.join(dir, 'wrong'), listings),
    cases,
    testsPath,
  };
  const testsErrors = diagnostics.slice(testsFrom).filter((d) => d.severity === 'error');
  if (testsErrors.length > 0) problem.testsErrors = testsErrors;
  if (spec.phases) problem.phases = spec.phases;
  if (spec.function) problem.function = spec.function;
  if (spec.class) problem.class = spec.class;
  if (generator) problem.generator = generator;
  if (spec.complexity && generator) problem.complexity = spec.complexity;
  if (spec.tooSlow && problem.complexity) {
    // A name that matches no file would leave a slow solution unmeasured without a word: the check fails on it.
    const names = new Set(problem.wrong.map((w) => path.basename(w.path, path.extname(w.path))));
    spec.tooSlow.forEach((name, i) => {
      if (!names.has(name)) report.error(['tooSlow', i], `No known-wrong solution named \`${name}\` in wrong/ (\`tooSlow\` lists file names without their extension${names.size > 0 ? `: ${[...names].sort().join(', ')}` : ''}).`);
    });
    problem.tooSlow = spec.tooSlow;
  }
  return { problem, diagnostics };
}

async function codeFiles(dir: string, listings: Listings): Promise<{ language: Language; path: string }[]> {
  const entries = await list(dir, listings);
  return entries
    .filter((e) => e.isFile())
    .map((e) => ({ language: languageOfFile(e.name), path: path.join(dir, e.name) }))
    .filter((f): f is { language: Language; path: string } => f.language !== undefined)
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** The closest folder at or above `dir` holding drills-pack.yaml. */
async function findPackAbove(dir: string): Promise<string | undefined> {
  for (let current = dir; ; ) {
    try {
      await fs.access(path.join(current, PACK_FILE));
      return current;
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return undefined;
      current = parent;
    }
  }
}
