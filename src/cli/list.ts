import * as path from 'node:path';
import { loadPacks, loadProblem } from '../core/pack/index';
import type { Diagnostic, PackSummary } from '../core/pack/types';
import { ExitCode, type CommandOptions } from './io';
import { escapeControl, formatDiagnostic } from './report';
import { cliLoadOptions } from './runner';

/**
 * `drills list [DIR]`: the packs and problems under DIR, with what the loader finds in every file: each problem is
 * loaded whole (tests.yaml, its `from:` files, the checker), as a run would load it. Running solutions is `check`'s.
 */
export async function listCommand(dir: string, { json, style, io }: CommandOptions): Promise<number> {
  const options = cliLoadOptions(io);
  const packs = await loadPacks([dir], options);
  const loaded = await Promise.all(packs.map((p) => Promise.all(p.problems.map((q) => loadProblem(q, options)))));
  const diagnostics = packs.flatMap((p, i) => unique([...p.diagnostics, ...loaded[i].flatMap((l) => l.diagnostics)]));
  const base = (file: string) => packs.find((p) => file.startsWith(p.dir + path.sep))?.dir;
  if (json) {
    io.out(JSON.stringify({ packs: packs.map(packJson), diagnostics }, null, 2));
  } else if (packs.length === 0) {
    io.err(`No packs under ${dir} (a pack is a folder with a drills-pack.yaml).`);
  } else {
    for (const pack of packs) {
      io.out(`${style.bold(escapeControl(pack.name))} ${style.dim(`(${pack.id}, ${pack.problems.length} problems) ${escapeControl(pack.dir)}`)}`);
      const width = Math.max(0, ...pack.problems.map((p) => p.id.length));
      for (const p of pack.problems) {
        const difficulty = { easy: style.green, medium: style.yellow, hard: style.red }[p.difficulty](p.difficulty.padEnd(6));
        io.out(`  ${p.id.padEnd(width)}  ${difficulty}  ${escapeControl(p.title)} ${style.dim(`[${escapeControl(p.topics.join(', '))}] ${p.minutes} min`)}`);
      }
    }
    for (const d of diagnostics) io.err(formatDiagnostic(d, style, base(d.file)));
  }
  if (packs.length === 0) return ExitCode.Usage;
  return hasErrors(diagnostics) ? ExitCode.Failed : ExitCode.Ok;
}

/** True when any diagnostic is an error (warnings do not fail a command). */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Diagnostics without repeats: indexing and loading a problem both read its problem.yaml. */
export function unique(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.file}\0${d.line}\0${d.column}\0${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function packJson(p: PackSummary) {
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    dir: p.dir,
    problems: p.problems.map((q) => ({ id: q.id, title: q.title, difficulty: q.difficulty, topics: q.topics, minutes: q.minutes, languages: q.languages, dir: q.dir })),
  };
}
