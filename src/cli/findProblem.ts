import type { Dirent } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { loadPacks, loadProblem, loadProblemFromDir, PACK_FILE, PROBLEM_FILE, type LoadOptions } from '../core/pack/index';
import type { Diagnostic, Problem, ProblemSummary } from '../core/pack/types';

/**
 * Finds a problem by id in the packs under a folder and loads it whole. A problem in a folder named after its
 * id, in a pack given directly, is loaded without indexing the pack (which parses every problem.yaml).
 */
export async function findProblem(
  packDir: string,
  problemId: string,
  options: LoadOptions = {},
): Promise<{ problem?: Problem; summary?: ProblemSummary; diagnostics: Diagnostic[]; error?: string }> {
  const direct = await loadFromFolderNamedById(packDir, problemId, options);
  if (direct) return direct;
  const packs = await loadPacks([packDir], options);
  if (packs.length === 0) return { diagnostics: [], error: `No pack under ${packDir} (a pack is a folder with a drills-pack.yaml).` };
  const matches = packs.flatMap((p) => p.problems.filter((q) => q.id === problemId));
  if (matches.length === 0) {
    const known = packs.flatMap((p) => p.problems.map((q) => q.id));
    return { diagnostics: packs.flatMap((p) => p.diagnostics), error: `No problem '${problemId}' under ${packDir}. Known: ${known.join(', ') || '(none)'}` };
  }
  const summary = matches[0];
  const loaded = await loadProblem(summary, options);
  return { summary, problem: loaded.problem, diagnostics: loaded.diagnostics };
}

// Folders the pack index never looks into (as in the loader), and how deep it looks.
const SKIP = new Set(['node_modules', '.git', 'out', '.vscode-test', '__pycache__']);
const MAX_DEPTH = 12;

/**
 * `<packDir>/<id>/problem.yaml`, loaded directly when that is the problem with this id and no other problem.yaml
 * in the pack can claim the same id (the index leaves out both problems of a shared id: it then decides).
 * Undefined whenever the index has to decide: no such folder, a problem that does not load, another mention.
 */
async function loadFromFolderNamedById(packDir: string, problemId: string, options: LoadOptions): Promise<{ problem: Problem; diagnostics: Diagnostic[] } | undefined> {
  if (problemId !== path.basename(problemId) || problemId.startsWith('.') || SKIP.has(problemId)) return undefined;
  const dir = path.join(packDir, problemId);
  const [packEntries, entries] = await Promise.all([readDir(packDir), readDir(dir)]);
  // A folder holding a drills-pack.yaml is a pack of its own, never a problem of the pack above it.
  if (!hasFile(packEntries, PACK_FILE) || !hasFile(entries, PROBLEM_FILE) || hasFile(entries, PACK_FILE)) return undefined;
  const [loaded, othersMention] = await Promise.all([loadProblemFromDir(dir, packDir, options), problemFilesMention(packDir, problemId, dir, 0)]);
  if (othersMention || !loaded.problem || loaded.problem.id !== problemId) return undefined;
  return { problem: loaded.problem, diagnostics: loaded.diagnostics };
}

const hasFile = (entries: Dirent[], name: string): boolean => entries.some((e) => e.name === name && e.isFile());
const readDir = (dir: string): Promise<Dirent[]> => fs.readdir(dir, { withFileTypes: true }).catch(() => []);

/**
 * Whether any problem.yaml below `dir`, other than the one in `except`, contains the id's text. Reading them
 * costs little; parsing them as YAML is what the index spends its time on. Looks into nested packs too: a
 * superset of what the index reads only sends more lookups to the index.
 */
async function problemFilesMention(dir: string, id: string, except: string, depth: number): Promise<boolean> {
  const entries = await readDir(dir);
  if (depth > 0 && hasFile(entries, PROBLEM_FILE)) {
    // As in the index: a problem folder holds no further problems.
    if (dir === except) return false;
    const text = await fs.readFile(path.join(dir, PROBLEM_FILE), 'utf8').catch(() => '');
    return text.includes(id);
  }
  if (depth >= MAX_DEPTH) return false;
  const subfolders = entries.filter((e) => e.isDirectory() && !SKIP.has(e.name) && !e.name.startsWith('.'));
  const found = await Promise.all(subfolders.map((e) => problemFilesMention(path.join(dir, e.name), id, except, depth + 1)));
  return found.includes(true);
}
