import * as path from 'node:path';
import { loadPacks, loadProblem } from '../core/pack/index';
import type { Diagnostic, Language, Problem } from '../core/pack/types';
import { runSolution, stringifyJsonExact, type RunnerEnv, type RunResult } from '../core/runner/index';
import { ExitCode, type CommandOptions } from './io';
import { hasErrors } from './list';
import { formatDiagnostic } from './report';
import { cliRunnerEnv } from './runner';
import { checkKindPacks, isEmptyKindsReport } from '../core/kinds/check';
import { printKindsCheck } from './kindsReport';

/** What `check` found about one reference or known-wrong solution. */
export interface SolutionCheck {
  path: string;
  language: Language;
  /** Reference: every case passed. Known-wrong: at least one case failed for a reason other than not loading. */
  ok: boolean;
  passed: number;
  total: number;
  /** Cases that did not pass, with their verdicts. */
  failures: { case: string; tags: string[]; verdict: string; message?: string }[];
  error?: string;
}

export interface ProblemCheck {
  id: string;
  title: string;
  dir: string;
  cases: number;
  tags: Record<string, number>;
  references: SolutionCheck[];
  wrong: SolutionCheck[];
  diagnostics: Diagnostic[];
  ok: boolean;
}

export interface CheckReport {
  ok: boolean;
  packs: { id: string; name: string; dir: string; diagnostics: Diagnostic[]; problems: ProblemCheck[] }[];
}

/** Runs every check on every pack under a folder; calls `onProblem` as each problem finishes. */
export async function checkPacks(dir: string, env: RunnerEnv, onProblem?: (p: ProblemCheck) => void): Promise<CheckReport> {
  const packs = await loadPacks([dir]);
  const report: CheckReport = { ok: true, packs: [] };
  for (const pack of packs) {
    const problems: ProblemCheck[] = [];
    for (const summary of pack.problems) {
      const loaded = await loadProblem(summary);
      const check = loaded.problem
        ? await checkProblem(loaded.problem, loaded.diagnostics, pack.defaults.languages, env)
        : { id: summary.id, title: summary.title, dir: summary.dir, cases: 0, tags: {}, references: [], wrong: [], diagnostics: loaded.diagnostics, ok: false };
      problems.push(check);
      onProblem?.(check);
    }
    const packOk = !hasErrors(pack.diagnostics) && problems.every((p) => p.ok);
    report.ok &&= packOk;
    report.packs.push({ id: pack.id, name: pack.name, dir: pack.dir, diagnostics: pack.diagnostics, problems });
  }
  return report;
}

async function checkProblem(problem: Problem, diagnostics: Diagnostic[], declared: Language[] | undefined, env: RunnerEnv): Promise<ProblemCheck> {
  const tags: Record<string, number> = {};
  for (const c of problem.cases) for (const t of c.tags) tags[t] = (tags[t] ?? 0) + 1;
  const issues = [...diagnostics];
  const references: SolutionCheck[] = [];
  for (const s of problem.solutions) references.push(summarise(await runOne(problem, s, env), s, 'reference'));
  const wrong: SolutionCheck[] = [];
  for (const s of problem.wrong) wrong.push(summarise(await runOne(problem, s, env), s, 'wrong'));
  const solutionsFile = path.join(problem.dir, 'problem.yaml');
  for (const lang of declared ?? []) {
    if (!problem.solutions.some((s) => s.language === lang)) {
      issues.push({ file: solutionsFile, line: 1, column: 1, severity: 'error', message: `No reference solution in ${lang} (the pack declares it): add solutions/solution.${ext(lang)}` });
    }
  }
  if (problem.cases.length === 0) issues.push({ file: path.join(problem.dir, 'tests.yaml'), line: 1, column: 1, severity: 'error', message: 'No hidden test cases.' });
  const ok = !hasErrors(issues) && references.every((r) => r.ok) && wrong.every((w) => w.ok);
  return { id: problem.id, title: problem.title, dir: problem.dir, cases: problem.cases.length, tags, references, wrong, diagnostics: issues, ok };
}

function runOne(problem: Problem, s: { language: Language; path: string }, env: RunnerEnv): Promise<RunResult> {
  return runSolution({ problem, language: s.language, solutionPath: s.path }, env);
}

function summarise(r: RunResult, s: { language: Language; path: string }, role: 'reference' | 'wrong'): SolutionCheck {
  const failures = r.cases.filter((c) => c.verdict !== 'passed').map((c) => ({ case: c.name, tags: c.tags, verdict: c.verdict, message: c.message }));
  const total = r.cases.length;
  const base = { path: s.path, language: s.language, passed: r.passed, total, failures };
  if (r.error) {
    // A known-wrong solution that does not even load proves nothing about the tests.
    return { ...base, ok: false, error: r.error.message };
  }
  return { ...base, ok: role === 'reference' ? failures.length === 0 && total > 0 : failures.length > 0 };
}

function ext(lang: Language): string {
  return { python: 'py', javascript: 'js', typescript: 'ts' }[lang];
}

/** `drills check [DIR]`: validates packs for authors and their CI. */
export async function checkCommand(dir: string, { json, style, io }: CommandOptions): Promise<number> {
  const rel = (p: string) => path.relative(dir, p) || p;
  const report = await checkPacks(dir, cliRunnerEnv(io), json ? undefined : (p) => {
    const mark = p.ok ? style.green('✓') : style.red('✗');
    const tagText = Object.entries(p.tags).map(([t, n]) => `${t}×${n}`).join(' ');
    io.out(`${mark} ${style.bold(p.id)} ${style.dim(`${p.cases} cases [${tagText}]`)}`);
    for (const r of p.references) {
      const text = r.ok ? `passes ${r.passed}/${r.total}` : r.error ? `does not run: ${r.error}` : `fails ${r.failures.map((f) => `${f.case} (${f.verdict})`).join(', ')}`;
      io.out(`    ${r.ok ? style.green('✓') : style.red('✗')} reference ${rel(r.path)} ${r.ok ? style.dim(text) : style.red(text)}`);
    }
    for (const w of p.wrong) {
      const text = w.error ? `does not run: ${w.error}` : w.ok ? `caught by ${w.failures.map((f) => `${f.case} (${f.verdict})`).join(', ')}` : `passes every case: the tests do not catch it`;
      io.out(`    ${w.ok ? style.green('✓') : style.red('✗')} wrong     ${rel(w.path)} ${w.ok ? style.dim(text) : style.red(text)}`);
    }
    for (const d of p.diagnostics) io.out(`    ${formatDiagnostic(d, style)}`);
  });
  // Design problems and story packs (src/core/kinds): validated beside the coding problems.
  const kinds = await checkKindPacks(dir);
  if (!json) printKindsCheck(kinds, dir, style, io);
  if (report.packs.length === 0 && isEmptyKindsReport(kinds)) {
    io.err(`drills: no pack under ${dir} (a pack is a folder with a drills-pack.yaml)`);
    return ExitCode.Usage;
  }
  if (json) {
    io.out(stringifyJsonExact(isEmptyKindsReport(kinds) ? report : { ...report, ok: report.ok && kinds.ok, kinds }, 2));
  } else {
    for (const pack of report.packs) for (const d of pack.diagnostics) io.out(formatDiagnostic(d, style));
    const problems = report.packs.flatMap((p) => p.problems);
    const bad = problems.filter((p) => !p.ok).length;
    const summary = `${problems.length - bad} passed, ${bad} failed`;
    io.out('', );
    io.out(`check: ${report.ok ? style.green(summary) : style.red(summary)}`);
  }
  return report.ok && kinds.ok ? ExitCode.Ok : ExitCode.Failed;
}
