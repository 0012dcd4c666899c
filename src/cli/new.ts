import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { findPackDirs, loadPack, PACK_FILE } from '../core/pack/index';
import { ExitCode, type CommandOptions } from './io';
import { escapeControl } from './report';
import { packFiles, problemFiles, type FileSet } from './templates';

/** Writes files below `dir`, never over an existing one; returns the paths written, or the first that existed. */
async function writeNew(dir: string, files: FileSet): Promise<{ written: string[] } | { exists: string }> {
  for (const relative of Object.keys(files)) {
    const file = path.join(dir, relative);
    if (await fs.stat(file).then(() => true, () => false)) return { exists: file };
  }
  const written: string[] = [];
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(dir, relative);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, content, { flag: 'wx' });
    written.push(relative);
  }
  return { written };
}

/** `drills new pack DIR`: a pack with one example problem of each kind, passing `drills check`. */
export async function newPackCommand(dir: string, { style, io }: CommandOptions): Promise<number> {
  const existing = await fs.readdir(dir).catch(() => [] as string[]);
  if (existing.length > 0) {
    io.err(`drills: ${dir} is not empty; give a new or empty folder for the pack.`);
    return ExitCode.Usage;
  }
  const result = await writeNew(dir, packFiles(path.basename(dir)));
  if ('exists' in result) {
    io.err(`drills: ${result.exists} exists; nothing was written.`);
    return ExitCode.Usage;
  }
  io.out(`${style.green('✓')} wrote a pack with ${result.written.filter((f) => f.endsWith('/problem.yaml')).length} example problems to ${dir}`);
  io.out(`  next: drills check ${dir}    (add a problem: drills new problem ID --pack ${dir})`);
  return ExitCode.Ok;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** `drills new problem ID [--pack DIR]`: a stubbed problem in the pack, passing `drills check`. */
export async function newProblemCommand(args: { problemId: string; packDir: string }, { style, io }: CommandOptions): Promise<number> {
  if (!ID.test(args.problemId)) {
    io.err(`drills: '${escapeControl(args.problemId)}' is not a problem id: use letters, digits, '.', '_' and '-', starting with a letter or digit.`);
    return ExitCode.Usage;
  }
  const packDirs = await findPackDirs([args.packDir]);
  const packDir = packDirs.includes(args.packDir) ? args.packDir : packDirs.length === 1 ? packDirs[0] : undefined;
  if (!packDir) {
    io.err(
      packDirs.length === 0
        ? `drills: no ${PACK_FILE} in ${args.packDir}: create a pack with \`drills new pack DIR\`, or give --pack DIR.`
        : `drills: ${args.packDir} holds several packs; give one with --pack DIR.`,
    );
    return ExitCode.Usage;
  }
  const pack = await loadPack(packDir);
  if (pack.problems.some((p) => p.id === args.problemId)) {
    io.err(`drills: the pack already has a problem '${args.problemId}'.`);
    return ExitCode.Usage;
  }
  const result = await writeNew(packDir, problemFiles(args.problemId, pack.defaults.languages ?? []));
  if ('exists' in result) {
    io.err(`drills: ${result.exists} exists; nothing was written.`);
    return ExitCode.Usage;
  }
  io.out(`${style.green('✓')} wrote ${result.written.length} files to ${path.join(packDir, args.problemId)}`);
  io.out(`  next: edit problem.yaml, statement.md and tests.yaml, then: drills check ${packDir}`);
  return ExitCode.Ok;
}
