import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { parse } from 'yaml';
import type { Difficulty, PackSummary, ProblemSummary } from './types';

const SKIP = new Set(['node_modules', '.git', 'out', '.vscode-test']);

/** Finds every folder holding a drills-pack.yaml under the given roots. */
export async function findPackDirs(roots: string[]): Promise<string[]> {
  const found = new Set<string>();
  async function walk(dir: string, depth: number): Promise<void> {
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    if (entries.some((e) => e.isFile() && e.name === 'drills-pack.yaml')) found.add(dir);
    if (depth > 6) return;
    await Promise.all(entries.filter((e) => e.isDirectory() && !SKIP.has(e.name) && !e.name.startsWith('.')).map((e) => walk(path.join(dir, e.name), depth + 1)));
  }
  await Promise.all(roots.map((r) => walk(r, 0)));
  return [...found].sort();
}

/** Indexes every pack under the roots: enough for a tree view. */
export async function loadPacks(roots: string[]): Promise<PackSummary[]> {
  const dirs = await findPackDirs(roots);
  return Promise.all(dirs.map(loadPackSummary));
}

async function loadPackSummary(dir: string): Promise<PackSummary> {
  const manifest = (parse(await fs.readFile(path.join(dir, 'drills-pack.yaml'), 'utf8')) ?? {}) as Record<string, unknown>;
  const id = String(manifest.id ?? path.basename(dir));
  const problems: ProblemSummary[] = [];
  const entries = await fs.readdir(dir, { withFileTypes: true });
  for (const e of entries) {
    if (!e.isDirectory()) continue;
    const file = path.join(dir, e.name, 'problem.yaml');
    let raw: Record<string, unknown>;
    try {
      raw = (parse(await fs.readFile(file, 'utf8')) ?? {}) as Record<string, unknown>;
    } catch {
      continue;
    }
    problems.push({
      id: String(raw.id ?? e.name),
      packId: id,
      title: String(raw.title ?? e.name),
      difficulty: (raw.difficulty as Difficulty) ?? 'medium',
      topics: Array.isArray(raw.topics) ? raw.topics.map(String) : [],
      minutes: Number(raw.minutes ?? 45),
      dir: path.join(dir, e.name),
      languages: [],
    });
  }
  return { id, name: String(manifest.name ?? id), description: String(manifest.description ?? ''), dir, defaults: {}, problems, diagnostics: [] };
}
