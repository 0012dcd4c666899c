import type { Dirent } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { Diagnostic } from '../pack/types';
import { findDesignPacks } from './design/problem';
import { loadStoryPack, STORY_PACK_FILE } from './story/pack';

/**
 * What `drills check` verifies beside coding problems: every design problem under a folder (phases, probes,
 * outline, statement) and every story pack (question bank, slogans, templates).
 */

export interface DesignProblemCheck {
  id: string;
  title: string;
  dir: string;
  probes: number;
  minutes: number;
}

export interface StoryPackCheck {
  id?: string;
  dir: string;
  questions: number;
  slogans: number;
  templates: string[];
  ok: boolean;
  diagnostics: Diagnostic[];
}

export interface KindsCheckReport {
  ok: boolean;
  design: { packId: string; dir: string; problems: DesignProblemCheck[]; diagnostics: Diagnostic[]; ok: boolean }[];
  stories: StoryPackCheck[];
}

const SKIP = new Set(['node_modules', '.git', 'out', '.vscode-test', '__pycache__']);

/** Folders holding a story-pack.yaml under `dir` (at most `depth` levels down). */
async function findStoryPackDirs(dir: string, depth = 8): Promise<string[]> {
  const entries: Dirent[] = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  const here = entries.some((e) => e.isFile() && e.name === STORY_PACK_FILE) ? [dir] : [];
  if (depth === 0) return here;
  const below = await Promise.all(
    entries.filter((e) => e.isDirectory() && !SKIP.has(e.name) && !e.name.startsWith('.')).map((e) => findStoryPackDirs(path.join(dir, e.name), depth - 1)),
  );
  return [...here, ...below.flat()].sort();
}

/** Validates the design problems and story packs under `dir`. */
export async function checkKindPacks(dir: string): Promise<KindsCheckReport> {
  const design = (await findDesignPacks([dir])).map((pack) => ({
    packId: pack.id,
    dir: pack.dir,
    problems: pack.problems.map((p) => ({ id: p.id, title: p.title, dir: p.dir, probes: p.probes.length, minutes: p.minutes })),
    diagnostics: pack.diagnostics,
    ok: !pack.diagnostics.some((d) => d.severity === 'error'),
  }));
  const stories: StoryPackCheck[] = [];
  for (const packDir of await findStoryPackDirs(path.resolve(dir))) {
    const { pack, diagnostics } = await loadStoryPack(packDir);
    const check: StoryPackCheck = {
      dir: packDir,
      questions: pack?.questions.length ?? 0,
      slogans: pack?.rules.slogans.length ?? 0,
      templates: Object.keys(pack?.templates ?? {}).sort(),
      ok: pack !== undefined,
      diagnostics,
    };
    if (pack) check.id = pack.id;
    stories.push(check);
  }
  return { ok: design.every((d) => d.ok) && stories.every((s) => s.ok), design, stories };
}

/** True when the folder holds neither design problems nor story packs. */
export function isEmptyKindsReport(report: KindsCheckReport): boolean {
  return report.design.length === 0 && report.stories.length === 0;
}
