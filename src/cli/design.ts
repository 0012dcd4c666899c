import * as fs from 'node:fs/promises';
import { checkDesignGate, DECISIONS_REQUIRED, findDesignPacks, type DesignProblem } from '../core/kinds/design/index';
import type { Diagnostic } from '../core/pack/types';
import { ExitCode, type CommandOptions } from './io';
import { builtinProblemsDir, findingJson, formatFinding } from './kindsReport';
import { formatDiagnostic } from './report';

/** Arguments of `drills design`. */
export interface DesignArgs {
  file: string;
  problemId: string;
  /** The pack folder given with --pack; without it, the working directory and then the built-in packs. */
  packDir?: string;
  cwd: string;
}

/** Finds a design problem by id under the roots, in order; the first root that has it wins. */
async function findDesignProblem(roots: string[], id: string): Promise<{ problem?: DesignProblem; diagnostics: Diagnostic[]; known: string[] }> {
  const known: string[] = [];
  for (const root of roots) {
    const packs = await findDesignPacks([root]);
    const diagnostics = packs.flatMap((p) => p.diagnostics);
    const problem = packs.flatMap((p) => p.problems).find((p) => p.id === id);
    if (problem) return { problem, diagnostics: diagnostics.filter((d) => d.file.startsWith(problem.dir)), known };
    // A problem with this id that does not load is reported rather than looked for elsewhere.
    const broken = diagnostics.filter((d) => d.severity === 'error');
    if (broken.length > 0 && (await Promise.all(broken.map((d) => mentions(d.file, id)))).some(Boolean)) return { diagnostics: broken, known };
    known.push(...packs.flatMap((p) => p.problems.map((q) => q.id)));
  }
  return { diagnostics: [], known };
}

async function mentions(file: string, id: string): Promise<boolean> {
  const text = await fs.readFile(file, 'utf8').catch(() => '');
  return new RegExp(`^id\\s*:\\s*["']?${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*$`, 'm').test(text);
}

/** `drills design FILE --problem ID [--pack DIR]`: the design gate's checks on a DESIGN.md, without the editor. */
export async function designCommand(args: DesignArgs, { json, style, io }: CommandOptions): Promise<number> {
  const text = await fs.readFile(args.file, 'utf8').catch((e: NodeJS.ErrnoException) => {
    io.err(`drills: cannot read ${args.file} (${e.code ?? e.message})`);
    return undefined;
  });
  if (text === undefined) return ExitCode.Usage;
  const roots = args.packDir ? [args.packDir] : [args.cwd, builtinProblemsDir(io)];
  const { problem, diagnostics, known } = await findDesignProblem(roots, args.problemId);
  if (!problem) {
    for (const d of diagnostics) io.err(formatDiagnostic(d, style));
    if (diagnostics.length === 0) io.err(`drills: no design problem '${args.problemId}' under ${roots.join(' or ')}. Known: ${[...new Set(known)].join(', ') || '(none)'}`);
    return ExitCode.Usage;
  }
  const gate = checkDesignGate(problem, text);
  if (json) {
    io.out(JSON.stringify({
      file: args.file,
      problem: { id: problem.id, packId: problem.packId, title: problem.title, dir: problem.dir },
      passed: gate.passed,
      findings: gate.findings.map((f) => findingJson(args.file, f)),
      coverage: gate.coverage,
      quantities: gate.quantities,
      decisions: gate.decisions,
      phases: problem.phases,
      probes: problem.probes.length,
    }, null, 2));
    return gate.passed ? ExitCode.Ok : ExitCode.Failed;
  }
  for (const f of gate.findings) io.out(formatFinding(args.file, f, style));
  if (gate.findings.length > 0) io.out('');
  const measured = gate.quantities.filter((q) => q.category !== undefined && q.category !== 'factor');
  const byKind = ['rate', 'size', 'time', 'count'].map((k) => [k, measured.filter((q) => q.category === k).length] as const).filter(([, n]) => n > 0);
  io.out(`${style.bold(problem.title)} ${style.dim(`(${problem.packId}/${problem.id})`)}`);
  io.out(`  numbers with units: ${measured.length}${byKind.length ? ` (${byKind.map(([k, n]) => `${k} ${n}`).join(', ')})` : ''}`);
  const anticipated = gate.coverage.anticipated.map((m) => `${m.label.toLowerCase()} (line ${m.line})`);
  io.out(`  failure modes anticipated: ${anticipated.length ? style.green(anticipated.join(', ')) : style.dim('none')}`);
  io.out(`  failure modes missed:      ${gate.coverage.missed.length ? style.yellow(gate.coverage.missed.map((m) => m.label.toLowerCase()).join(', ')) : style.dim('none')}`);
  const complete = gate.decisions.filter((d) => d.decision !== undefined && d.alternative !== undefined).length;
  io.out(`  decisions with an alternative: ${complete}/${DECISIONS_REQUIRED}`);
  const errors = gate.findings.filter((f) => f.severity === 'error').length;
  io.out(gate.passed
    ? style.green(`gate: open, the ${problem.probes.length} probes can start`)
    : style.red(`gate: closed (${errors} error${errors === 1 ? '' : 's'})`));
  return gate.passed ? ExitCode.Ok : ExitCode.Failed;
}
