import * as path from 'node:path';
import type { KindsCheckReport } from '../core/kinds/check';
import type { Finding } from '../core/kinds/types';
import type { Io } from './io';
import { formatDiagnostic } from './report';
import type { Style } from './style';

/** The packs the `drills` bundle ships with: out/cli.js sits in out/, beside out/harness, below the repository. */
export function builtinProblemsDir(io: Io): string {
  return path.resolve(io.harnessDir, '..', '..', 'problems');
}

/** `file:line:column: severity: message` for a finding of a kind's check (info reads as `note`). */
export function formatFinding(file: string, f: Finding, style: Style): string {
  const sev = f.severity === 'error' ? style.red('error') : f.severity === 'warning' ? style.yellow('warning') : style.cyan('note');
  return `${path.relative(process.cwd(), file) || file}:${f.line}:${f.column}: ${sev}: ${f.message}`;
}

/** A finding as JSON output carries it: with its file. */
export function findingJson(file: string, f: Finding): Finding & { file: string } {
  return { file, ...f };
}

/** What `drills check` prints about design problems and story packs, for people. */
export function printKindsCheck(report: KindsCheckReport, dir: string, style: Style, io: Io): void {
  const rel = (p: string): string => path.relative(dir, p) || p;
  for (const pack of report.design) {
    for (const p of pack.problems) io.out(`${style.green('✓')} ${style.bold(p.id)} ${style.dim(`design, ${p.probes} probes, ${p.minutes} min (${rel(p.dir)})`)}`);
    if (!pack.ok) io.out(`${style.red('✗')} ${style.bold(pack.packId || 'design problems')} ${style.dim(`design problems that do not load${pack.dir ? ` (${rel(pack.dir)})` : ''}`)}`);
    for (const d of pack.diagnostics) io.out(`    ${formatDiagnostic(d, style)}`);
  }
  for (const s of report.stories) {
    const mark = s.ok ? style.green('✓') : style.red('✗');
    io.out(`${mark} ${style.bold(s.id ?? rel(s.dir))} ${style.dim(`story pack, ${s.questions} questions, ${s.slogans} slogans, templates: ${s.templates.join(', ') || 'none'}`)}`);
    for (const d of s.diagnostics) io.out(`    ${formatDiagnostic(d, style)}`);
  }
  const problems = report.design.reduce((n, p) => n + p.problems.length, 0);
  if (problems + report.stories.length === 0 && report.ok) return;
  const broken = report.design.filter((p) => !p.ok).length + report.stories.filter((s) => !s.ok).length;
  const counts = `${problems} design problem${problems === 1 ? '' : 's'}, ${report.stories.length} story pack${report.stories.length === 1 ? '' : 's'}`;
  io.out(report.ok ? style.green(`design and stories: ${counts}, all valid`) : style.red(`design and stories: ${counts}; ${broken} with errors`));
}
