import * as path from 'node:path';
import type { Diagnostic, PackSummary } from '../pack/types';

/** A pack and where it came from: the built-in pack always runs, workspace packs only when trusted. */
export interface PackSource {
  pack: PackSummary;
  builtIn: boolean;
}

/**
 * Merges the built-in packs with the workspace's. A workspace pack in the built-in folder (the extension's
 * own repository opened as a workspace) is the same pack and listed once; a second pack with an id already
 * listed is left out with a warning on its manifest, since history and commands key on the pack id.
 */
export function mergePacks(builtIn: readonly PackSummary[], workspace: readonly PackSummary[]): { sources: PackSource[]; diagnostics: Diagnostic[] } {
  const sources: PackSource[] = builtIn.map((pack) => ({ pack, builtIn: true }));
  const diagnostics: Diagnostic[] = [];
  const dirs = new Set(builtIn.map((p) => path.resolve(p.dir)));
  for (const pack of workspace) {
    if (dirs.has(path.resolve(pack.dir))) continue;
    dirs.add(path.resolve(pack.dir));
    const twin = sources.find((s) => s.pack.id === pack.id);
    if (twin) {
      diagnostics.push({
        file: pack.manifestPath ?? path.join(pack.dir, 'drills-pack.yaml'),
        line: 1,
        column: 1,
        severity: 'warning',
        message: `The pack id \`${pack.id}\` is already used by ${twin.builtIn ? 'the built-in pack' : twin.pack.dir}: this pack is not listed. Give it an id of its own.`,
      });
      continue;
    }
    sources.push({ pack, builtIn: false });
  }
  return { sources, diagnostics };
}

/** Errors and warnings in a list of diagnostics. */
export function countDiagnostics(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return { errors, warnings: diagnostics.length - errors };
}

/** Groups diagnostics by file, in first-seen order: one entry per file for the Problems panel. */
export function diagnosticsByFile(diagnostics: readonly Diagnostic[]): Map<string, Diagnostic[]> {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  return byFile;
}
