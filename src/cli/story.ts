import type { Dirent } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { bankRules, checkStory, loadStoryPack, STORY_FIELDS, STORY_TYPES, type StoryCheck, type StoryPack } from '../core/kinds/story/index';
import type { Diagnostic } from '../core/pack/types';
import { ExitCode, type CommandOptions } from './io';
import { builtinProblemsDir, findingJson, formatFinding } from './kindsReport';
import { formatDiagnostic } from './report';

/** Arguments of `drills story`. */
export interface StoryArgs {
  /** Story files, or folders whose .md files are a story bank. */
  paths: string[];
  /** A story pack folder (holding story-pack.yaml) given with --pack; the built-in one otherwise. */
  packDir?: string;
}

function clock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(Math.round(seconds) % 60).padStart(2, '0')}`;
}

/** The .md files of the paths: a file as given, a folder's Markdown files in name order. */
async function storyFiles(paths: string[]): Promise<{ files: string[]; banks: string[]; error?: string }> {
  const files: string[] = [];
  const banks: string[] = [];
  for (const p of paths) {
    const stat = await fs.stat(p).catch(() => undefined);
    if (!stat) return { files, banks, error: `cannot read ${p}` };
    if (stat.isDirectory()) {
      const entries: Dirent[] = await fs.readdir(p, { withFileTypes: true });
      files.push(...entries.filter((e) => e.isFile() && e.name.endsWith('.md') && !/^readme\.md$/i.test(e.name)).map((e) => path.join(p, e.name)).sort());
      banks.push(p);
    } else files.push(p);
  }
  return { files, banks };
}

/** `drills story FILE…`: every check of the story kind on story files, without the editor. */
export async function storyCommand(args: StoryArgs, { json, style, io }: CommandOptions): Promise<number> {
  const packDir = args.packDir ?? path.join(builtinProblemsDir(io), 'stories');
  const loaded = await loadStoryPack(packDir);
  if (!loaded.pack) {
    for (const d of loaded.diagnostics) io.err(formatDiagnostic(d, style));
    io.err(`drills: no usable story pack in ${packDir} (a folder with a story-pack.yaml)`);
    return ExitCode.Usage;
  }
  const pack: StoryPack = loaded.pack;
  const { files, banks, error } = await storyFiles(args.paths);
  if (error) {
    io.err(`drills: ${error}`);
    return ExitCode.Usage;
  }
  const results: { file: string; check: StoryCheck }[] = [];
  const bankDiagnostics: Diagnostic[] = [];
  const rulesByDir = new Map<string, Awaited<ReturnType<typeof bankRules>>>();
  for (const file of files) {
    const dir = path.dirname(file);
    if (!rulesByDir.has(dir)) {
      const bank = await bankRules(dir, pack.rules);
      rulesByDir.set(dir, bank);
      bankDiagnostics.push(...bank.diagnostics);
    }
    const text = await fs.readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) {
      io.err(`drills: cannot read ${file}`);
      return ExitCode.Usage;
    }
    results.push({ file, check: checkStory(text, rulesByDir.get(dir)!.rules, file) });
  }
  // A folder is a story bank: it should hold the six stories.
  const present = new Set(results.map((r) => r.check.metrics.type).filter((t) => t !== undefined));
  const missing = banks.length > 0 ? STORY_TYPES.filter((t) => !t.optional && !present.has(t.id)).map((t) => t.id) : [];
  const bankBroken = bankDiagnostics.some((d) => d.severity === 'error');
  const ok = results.every((r) => r.check.ok) && missing.length === 0 && !bankBroken;
  if (json) {
    io.out(JSON.stringify({
      pack: { id: pack.id, dir: pack.dir },
      ok,
      stories: results.map(({ file, check }) => ({ file, ok: check.ok, metrics: check.metrics, findings: check.findings.map((f) => findingJson(file, f)) })),
      missingStories: missing,
      diagnostics: bankDiagnostics,
    }, null, 2));
    return ok ? ExitCode.Ok : ExitCode.Failed;
  }
  for (const d of bankDiagnostics) io.out(formatDiagnostic(d, style));
  for (const { file, check } of results) {
    for (const f of check.findings) io.out(formatFinding(file, f, style));
    const m = check.metrics;
    const share = m.ownership.share === undefined ? 'no sentence says who acted' : `${Math.round(m.ownership.share * 100)}% "I"`;
    const line = [
      `${clock(m.spokenSeconds)}/${clock(m.targetSeconds)} spoken`,
      `ownership ${share}`,
      m.measurableResult ? 'measurable result' : 'no measurable result',
      `${m.slogans} slogan${m.slogans === 1 ? '' : 's'}`,
      m.fieldsMissing.length ? `unfilled: ${m.fieldsMissing.map((f) => STORY_FIELDS[f].title.toLowerCase()).join(', ')}` : 'every field filled',
    ].join(', ');
    io.out(`${check.ok ? style.green('✓') : style.red('✗')} ${style.bold(path.relative(process.cwd(), file) || file)} ${style.dim(`(${m.type ?? 'unknown type'})`)} ${line}`);
  }
  if (missing.length > 0) io.out(style.yellow(`The story bank has no ${missing.join(', ')} stor${missing.length === 1 ? 'y' : 'ies'}.`));
  const bad = results.filter((r) => !r.check.ok).length;
  io.out(`story: ${ok ? style.green(`${results.length} checked, all pass`) : style.red(`${results.length - bad} pass, ${bad} with findings`)}`);
  return ok ? ExitCode.Ok : ExitCode.Failed;
}
