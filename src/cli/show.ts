import * as path from 'node:path';
import type { Compare, Param, Problem } from '../core/pack/types';
import { PHASE_NAMES } from '../core/pack/types';
import { ExitCode, type CommandOptions } from './io';
import { hasErrors } from './list';
import { escapeControl, formatDiagnostic } from './report';
import { cliLoadOptions } from './runner';

/** What a problem declares, as a candidate will meet it: everything but the hidden cases themselves. */
export interface ProblemOutline {
  id: string;
  title: string;
  difficulty: string;
  topics: string[];
  minutes: number;
  phases?: Partial<Record<string, number>>;
  signature: string[];
  compare: string;
  limits: { timeMs: number; memoryMb: number };
  languages: string[];
  hints: number;
  followUps: string[];
  cases: { total: number; byTag: Record<string, number>; fromFiles: number; repeatBlocks: number; raises: number };
  solutions: { reference: number; wrong: number };
}

/** The outline of a loaded problem. */
export function outlineOf(problem: Problem): ProblemOutline {
  const byTag: Record<string, number> = {};
  for (const c of problem.cases) for (const t of c.tags.length > 0 ? c.tags : ['(untagged)']) byTag[t] = (byTag[t] ?? 0) + 1;
  return {
    id: problem.id,
    title: problem.title,
    difficulty: problem.difficulty,
    topics: problem.topics,
    minutes: problem.minutes,
    ...(problem.phases ? { phases: problem.phases } : {}),
    signature: signatureOf(problem),
    compare: compareText(problem.compare, problem.dir),
    limits: problem.limits,
    languages: problem.languages,
    hints: problem.hints.length,
    followUps: problem.followUps,
    cases: {
      total: problem.cases.length,
      byTag,
      fromFiles: problem.cases.filter((c) => c.from).length,
      repeatBlocks: problem.cases.filter((c) => c.repeat).length,
      raises: problem.cases.filter((c) => c.raises).length,
    },
    solutions: { reference: problem.solutions.length, wrong: problem.wrong.length },
  };
}

const params = (ps: Param[]): string => ps.map((p) => `${p.name}: ${p.type}`).join(', ');
const names = (n: Partial<Record<string, string>> | undefined): string =>
  n && Object.keys(n).length > 0 ? ` (${Object.entries(n).map(([l, v]) => `${l}: ${v}`).join(', ')})` : '';

function signatureOf(problem: Problem): string[] {
  if (problem.function) {
    const f = problem.function;
    return [`function ${f.name}(${params(f.params)}) -> ${f.returns}${names(f.names)}`];
  }
  if (problem.class) {
    const c = problem.class;
    return [
      `class ${c.name}${names(c.names)}`,
      ...c.methods.map((m) => (m.name === c.name ? `  constructor ${m.name}(${params(m.params)})` : `  ${m.name}(${params(m.params)}) -> ${m.returns}${names(m.names)}`)),
    ];
  }
  return [];
}

function compareText(compare: Compare, dir: string): string {
  switch (compare.kind) {
    case 'float':
      return `float (tolerance ${compare.tolerance})`;
    case 'checker':
      return `checker (${path.relative(dir, compare.script) || compare.script})`;
    default:
      return compare.kind;
  }
}

/** `drills show --problem ID [--pack DIR]`: what a problem declares, without revealing its cases. */
export async function showCommand(args: { problemId: string; packDir: string }, { json, style, io }: CommandOptions): Promise<number> {
  const { findProblem } = await import('./findProblem');
  const found = await findProblem(args.packDir, args.problemId, cliLoadOptions(io));
  if (!found.problem) {
    if (found.error) io.err(`drills: ${found.error}`);
    for (const d of found.diagnostics) io.err(formatDiagnostic(d, style, args.packDir));
    return ExitCode.Usage;
  }
  const o = outlineOf(found.problem);
  if (json) {
    io.out(JSON.stringify({ ...o, diagnostics: found.diagnostics }, null, 2));
  } else {
    const phases = o.phases ? PHASE_NAMES.filter((p) => o.phases?.[p] !== undefined).map((p) => `${p} ${o.phases?.[p]}`).join(' · ') + ' min' : 'none (one timer for the whole drill)';
    const tags = Object.entries(o.cases.byTag).map(([t, n]) => `${t}×${n}`).join(' ');
    const lines = [
      `${style.bold(escapeControl(o.title))} ${style.dim(`(${o.id})`)}`,
      `  difficulty  ${o.difficulty}, ${o.minutes} min, topics: ${escapeControl(o.topics.join(', '))}`,
      `  phases      ${phases}`,
      ...o.signature.map((s, i) => `  ${i === 0 ? 'signature ' : '          '}  ${escapeControl(s)}`),
      `  compare     ${o.compare}`,
      `  limits      ${o.limits.timeMs} ms of CPU time per case, ${o.limits.memoryMb} MB of memory`,
      `  starters    ${o.languages.length > 0 ? o.languages.join(', ') : 'none'}`,
      `  hints       ${o.hints} (shown one at a time, on request)`,
      `  follow-ups  ${o.followUps.length}${o.followUps.map((f) => `\n    - ${escapeControl(f)}`).join('')}`,
      `  cases       ${o.cases.total} hidden${tags ? `: ${tags}` : ''}` +
        [o.cases.fromFiles && `${o.cases.fromFiles} from ${o.cases.fromFiles === 1 ? 'a JSON file' : 'JSON files'}`, o.cases.repeatBlocks && `${o.cases.repeatBlocks} with ${o.cases.repeatBlocks === 1 ? 'a repeat block' : 'repeat blocks'}`, o.cases.raises && `${o.cases.raises} expecting an exception`]
          .filter(Boolean)
          .map((t) => `; ${t}`)
          .join(''),
      `  solutions   ${o.solutions.reference} reference, ${o.solutions.wrong} known-wrong`,
    ];
    io.out(lines.join('\n'));
    for (const d of found.diagnostics) io.err(formatDiagnostic(d, style, found.problem.packDir ?? args.packDir));
  }
  return hasErrors(found.diagnostics) ? ExitCode.Failed : ExitCode.Ok;
}
