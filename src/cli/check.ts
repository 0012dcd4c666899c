import * as os from 'node:os';
import * as path from 'node:path';
import { loadPacks, loadProblem, PROBLEM_FILE, type LoadOptions } from '../core/pack/index';
import type { Diagnostic, Language, PackSummary, Problem, ProblemSummary } from '../core/pack/types';
import { runSolution, stringifyJsonExact, type RunnerEnv, type RunResult } from '../core/runner/index';
import { languageById } from '../core/languages/registry';
import { ExitCode, type CommandOptions } from './io';
import { hasErrors, unique } from './list';
import { escapeControl, formatDiagnostic } from './report';
import { cliRunnerEnv } from './runner';
import { checkKindPacks, isEmptyKindsReport } from '../core/kinds/check';
import { printKindsCheck } from './kindsReport';
import type { Style } from './style';

/** What `check` found about one reference, known-wrong solution or starter. */
export interface SolutionCheck {
  path: string;
  language: Language;
  /**
   * Reference: every case passed. Known-wrong: at least one case failed for a reason other than not loading.
   * Starter: it loads (a compiled one builds) and passes no case.
   */
  ok: boolean;
  passed: number;
  /** Cases that ran. */
  total: number;
  /** Cases that did not pass, with their verdicts (a known-wrong solution stops at its first one unless `--all`). */
  failures: { case: string; tags: string[]; verdict: string; message?: string }[];
  /** Cases not run because a known-wrong solution was already caught. */
  skipped?: number;
  /** A starter's cases that passed (it must pass none). */
  passing?: string[];
  error?: string;
  /**
   * With --complexity: the measured complexity against the problem's stated one. A reference must be measured at or
   * below it; a known-wrong solution named in the problem's `tooSlow`, above it.
   */
  complexity?: { label: string; best?: string; ok: boolean; wanted: 'at-or-below' | 'above'; stated: string; durationMs: number };
}

export interface ProblemCheck {
  id: string;
  title: string;
  dir: string;
  cases: number;
  tags: Record<string, number>;
  references: SolutionCheck[];
  wrong: SolutionCheck[];
  /** The starter of each language: a candidate's first run of it must show every case failing, not a build error. */
  starters: SolutionCheck[];
  diagnostics: Diagnostic[];
  /** True when problem.yaml has errors: the problem is not in the index and nothing of it ran. */
  loadFailed?: boolean;
  /** True when the hidden tests have errors: no solution ran. */
  testsBroken?: boolean;
  ok: boolean;
}

export interface CheckReport {
  ok: boolean;
  packs: { id: string; name: string; dir: string; diagnostics: Diagnostic[]; problems: ProblemCheck[] }[];
}

/** How `check` runs the solutions. */
export interface CheckOptions {
  /** Run every case of a known-wrong solution, not only up to the first one that catches it. */
  all?: boolean;
  /** How many solutions run at once (default: the number of cores). */
  jobs?: number;
  /** Also measure complexities: each reference at or below the stated one, each `tooSlow` known-wrong one above. */
  complexity?: boolean;
  /** How the packs are read (the YAML cache). */
  load?: LoadOptions;
  /** Called as each problem finishes, in pack order. */
  onProblem?: (p: ProblemCheck, pack: PackSummary) => void;
}

/** Runs every check on every pack under a folder; calls `onProblem` as each problem finishes, in order. */
export async function checkPacks(dir: string, env: RunnerEnv, options: CheckOptions = {}): Promise<CheckReport> {
  const packs = await loadPacks([dir], options.load);
  const slots = semaphore(Math.max(1, options.jobs ?? os.availableParallelism()));
  const report: CheckReport = { ok: true, packs: [] };
  // Every problem of every pack starts now; the semaphore bounds how many solutions run at once.
  const started = packs.map((pack) => {
    const { own, byProblem, broken } = attribute(pack);
    const checks = pack.problems.map((summary) => checkIndexed(summary, byProblem.get(summary.dir) ?? [], pack, env, slots, options));
    const failed = [...broken].map(([problemDir, diagnostics]) => Promise.resolve(loadFailure(problemDir, pack, diagnostics)));
    return { pack, own, checks: [...checks, ...failed] };
  });
  for (const { pack, own, checks } of started) {
    const problems: ProblemCheck[] = [];
    for (const check of checks) {
      const p = await check;
      problems.push(p);
      options.onProblem?.(p, pack);
    }
    const packOk = !hasErrors(own) && problems.every((p) => p.ok);
    report.ok &&= packOk;
    report.packs.push({ id: pack.id, name: pack.name, dir: pack.dir, diagnostics: own, problems });
  }
  return report;
}

/**
 * Splits a pack's index diagnostics: those about the pack itself, those about an indexed problem (loading it whole
 * reports them again, so they are dropped here), and those of problems that did not load, by problem folder.
 */
function attribute(pack: PackSummary): { own: Diagnostic[]; byProblem: Map<string, Diagnostic[]>; broken: Map<string, Diagnostic[]> } {
  const indexed = new Set(pack.problems.map((p) => p.dir));
  const own: Diagnostic[] = [];
  const byProblem = new Map<string, Diagnostic[]>();
  const broken = new Map<string, Diagnostic[]>();
  for (const d of pack.diagnostics.map(strict)) {
    const problemDir = path.basename(d.file) === PROBLEM_FILE ? path.dirname(d.file) : undefined;
    if (problemDir && indexed.has(problemDir)) byProblem.set(problemDir, [...(byProblem.get(problemDir) ?? []), d]);
    else if (problemDir) broken.set(problemDir, [...(broken.get(problemDir) ?? []), d]);
    else own.push(d);
  }
  for (const [problemDir, list] of broken) {
    // A problem.yaml with only warnings that still did not get indexed: its id is shared (an error is among them).
    if (!hasErrors(list)) {
      own.push(...list);
      broken.delete(problemDir);
    }
  }
  return { own, byProblem, broken };
}

/** An unknown key is ignored by the editor (a newer pack may use it); an author's check fails on it. */
function strict(d: Diagnostic): Diagnostic {
  return d.code === 'unknown-key' && d.severity === 'warning' ? { ...d, severity: 'error', message: `${d.message} (\`drills check\` fails on unknown keys.)` } : d;
}

function loadFailure(problemDir: string, pack: PackSummary, diagnostics: Diagnostic[]): ProblemCheck {
  const id = path.relative(pack.dir, problemDir) || path.basename(problemDir);
  return { id, title: id, dir: problemDir, cases: 0, tags: {}, references: [], wrong: [], starters: [], diagnostics, loadFailed: true, ok: false };
}

async function checkIndexed(summary: ProblemSummary, indexDiagnostics: Diagnostic[], pack: PackSummary, env: RunnerEnv, slots: Semaphore, options: CheckOptions): Promise<ProblemCheck> {
  const loaded = await loadProblem(summary, options.load);
  const diagnostics = unique([...indexDiagnostics, ...loaded.diagnostics.map(strict)]);
  if (!loaded.problem) return { id: summary.id, title: summary.title, dir: summary.dir, cases: 0, tags: {}, references: [], wrong: [], starters: [], diagnostics, loadFailed: true, ok: false };
  return checkProblem(loaded.problem, diagnostics, pack.defaults.languages, env, slots, options);
}

async function checkProblem(problem: Problem, diagnostics: Diagnostic[], declared: Language[] | undefined, env: RunnerEnv, slots: Semaphore, options: CheckOptions): Promise<ProblemCheck> {
  const tags: Record<string, number> = {};
  for (const c of problem.cases) for (const t of c.tags) tags[t] = (tags[t] ?? 0) + 1;
  const issues = [...diagnostics];
  const solutionsFile = path.join(problem.dir, PROBLEM_FILE);
  for (const lang of declared ?? []) {
    if (!problem.solutions.some((s) => s.language === lang)) {
      issues.push({ file: solutionsFile, line: 1, column: 1, severity: 'error', message: `No reference solution in ${lang} (the pack declares it): add solutions/${languageById(lang).solutionFile}` });
    }
  }
  if (problem.cases.length === 0 && !problem.testsErrors) issues.push({ file: problem.testsPath ?? path.join(problem.dir, 'tests.yaml'), line: 1, column: 1, severity: 'error', message: 'No hidden test cases.' });
  const base = { id: problem.id, title: problem.title, dir: problem.dir, cases: problem.cases.length, tags };
  // Broken tests would leave cases out of every run: nothing runs until they are fixed.
  if (problem.testsErrors) return { ...base, references: [], wrong: [], starters: [], diagnostics: issues, testsBroken: true, ok: false };
  const starterFiles = Object.entries(problem.starters).map(([language, file]) => ({ language: language as Language, path: file }));
  const [references, wrong, starters] = await Promise.all([
    Promise.all(problem.solutions.map((s) => slots.run(() => runReference(problem, s, env)))),
    Promise.all(problem.wrong.map((s) => slots.run(() => runWrong(problem, s, env, options.all ?? false)))),
    Promise.all(starterFiles.map((s) => slots.run(() => runStarter(problem, s, env)))),
  ]);
  if (options.complexity && problem.generator && problem.complexity) {
    // One at a time: measurements of several solutions at once would share the cores they time.
    for (const r of references) if (r.ok) await slots.run(() => checkComplexity(problem, r, 'at-or-below', env));
    // Only the solutions problem.yaml names in `tooSlow`: one may time out for another reason than n (a huge
    // parameter beside it), and one caught by a wrong answer first may still be the pack's slow one.
    const slow = new Set(problem.tooSlow ?? []);
    for (const w of wrong) if (w.ok && slow.has(path.basename(w.path, path.extname(w.path)))) await slots.run(() => checkComplexity(problem, w, 'above', env));
  }
  const complexityOk = [...references, ...wrong].every((s) => !s.complexity || s.complexity.ok);
  const ok = !hasErrors(issues) && references.every((r) => r.ok) && wrong.every((w) => w.ok) && starters.every((t) => t.ok) && complexityOk;
  return { ...base, references, wrong, starters, diagnostics: issues, ok };
}

async function runReference(problem: Problem, s: { language: Language; path: string }, env: RunnerEnv): Promise<SolutionCheck> {
  const r = await runSolution({ problem, language: s.language, solutionPath: s.path }, env);
  const failures = failuresOf(r);
  const base = { path: s.path, language: s.language, passed: r.passed, total: r.cases.length, failures };
  if (r.error) return { ...base, ok: false, error: r.error.message };
  return { ...base, ok: failures.length === 0 && r.cases.length > 0 };
}

/** A known-wrong solution is proven wrong by its first case that does not pass: the rest need not run. */
async function runWrong(problem: Problem, s: { language: Language; path: string }, env: RunnerEnv, all: boolean): Promise<SolutionCheck> {
  const stop = new AbortController();
  const r = await runSolution(
    {
      problem,
      language: s.language,
      solutionPath: s.path,
      ...(all ? {} : { signal: stop.signal, onCase: (c) => c.verdict !== 'passed' && c.verdict !== 'notRun' && stop.abort() }),
    },
    env,
  );
  const ran = r.cases.filter((c) => c.verdict !== 'notRun');
  const skipped = r.cases.length - ran.length;
  const base = { path: s.path, language: s.language, passed: r.passed, total: ran.length, failures: failuresOf(r), ...(skipped > 0 ? { skipped } : {}) };
  // A known-wrong solution that does not even load proves nothing about the tests.
  if (r.error) return { ...base, ok: false, error: r.error.message };
  return { ...base, ok: base.failures.length > 0 };
}

/**
 * A starter runs every case: it must load (a compiled one must build) and pass none, so that a candidate's first run
 * shows the cases failing, never a build error in code they did not write nor a case already passing.
 */
async function runStarter(problem: Problem, s: { language: Language; path: string }, env: RunnerEnv): Promise<SolutionCheck> {
  const r = await runSolution({ problem, language: s.language, solutionPath: s.path }, env);
  const base = { path: s.path, language: s.language, passed: r.passed, total: r.cases.length, failures: failuresOf(r) };
  if (r.error) return { ...base, ok: false, error: r.error.message };
  const passing = r.cases.filter((c) => c.verdict === 'passed').map((c) => c.name);
  return { ...base, ok: passing.length === 0, ...(passing.length > 0 ? { passing } : {}) };
}

/** The wall-time budget of one measurement in `check --complexity`. */
const CHECK_BUDGET_MS = 20_000;
/**
 * Calls of a quarter of a second are enough to tell a pack's stated class from the one above it: the sizes past
 * that would cost each measurement seconds of CPU time (times three repeats, times two for the size before).
 */
const CHECK_ENOUGH_MS = 250;

/** Measures a solution's complexity and records whether it stands where it must against the stated one. */
async function checkComplexity(problem: Problem, s: SolutionCheck, wanted: 'at-or-below' | 'above', env: RunnerEnv): Promise<void> {
  const { measureComplexity } = await import('../core/complexity/measure');
  const { classRank, parseComplexity } = await import('../core/complexity/classes');
  const stated = parseComplexity(problem.complexity!)!;
  // An author's check can wait longer than a candidate: more sizes fit, so fewer measurements end as ranges.
  const m = await measureComplexity({ problem, language: s.language, solutionPath: s.path, env, budgetMs: CHECK_BUDGET_MS, enoughMs: CHECK_ENOUGH_MS });
  const ok = m.fit !== undefined && (wanted === 'at-or-below' ? classRank(m.fit.range[0]) <= classRank(stated) : classRank(m.fit.best) > classRank(stated));
  s.complexity = { label: m.label, ...(m.fit ? { best: m.fit.best } : {}), ok, wanted, stated: problem.complexity!, durationMs: Math.round(m.durationMs) };
}

function failuresOf(r: RunResult): SolutionCheck['failures'] {
  return r.cases.filter((c) => c.verdict !== 'passed' && c.verdict !== 'notRun').map((c) => ({ case: c.name, tags: c.tags, verdict: c.verdict, ...(c.message ? { message: c.message } : {}) }));
}

interface Semaphore {
  run<T>(task: () => Promise<T>): Promise<T>;
}

/** Runs at most `size` tasks at once, in the order they were asked for. */
function semaphore(size: number): Semaphore {
  let active = 0;
  const waiting: (() => void)[] = [];
  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (active >= size) await new Promise<void>((resolve) => waiting.push(resolve));
      else active++;
      try {
        return await task();
      } finally {
        // The slot passes straight to the next waiting task, if any.
        const next = waiting.shift();
        if (next) next();
        else active--;
      }
    },
  };
}

/** How many failing cases of a reference solution the report lists one by one. */
const SHOWN_FAILURES = 10;

/** The first line of a message, cut for a one-line report. */
function firstLine(message: string | undefined, max = 160): string {
  const line = (message ?? '').split('\n')[0];
  return escapeControl(line.length > max ? `${line.slice(0, max)}…` : line);
}

/** The human report of one problem: each solution, why each known-wrong one was caught, the diagnostics. */
export function formatProblemCheck(p: ProblemCheck, packDir: string, style: Style, all = false): string[] {
  const rel = (f: string) => escapeControl(path.relative(packDir, f) || f);
  const lines: string[] = [];
  const mark = p.ok ? style.green('✓') : style.red('✗');
  if (p.loadFailed) {
    lines.push(`${mark} ${style.bold(escapeControl(p.id))} ${style.red('does not load: problem.yaml has errors')}`);
  } else {
    const tagText = Object.entries(p.tags).map(([t, n]) => `${t}×${n}`).join(' ');
    lines.push(`${mark} ${style.bold(p.id)} ${style.dim(`${p.cases} cases [${tagText}]`)}`);
  }
  for (const r of p.references) {
    const text = r.ok ? `passes ${r.passed}/${r.total}` : r.error ? `does not run: ${firstLine(r.error)}` : `fails ${r.failures.length} of ${r.total}:`;
    lines.push(`    ${r.ok ? style.green('✓') : style.red('✗')} reference ${rel(r.path)} ${r.ok ? style.dim(text) : style.red(text)}`);
    const shown = r.ok ? [] : r.failures.slice(0, SHOWN_FAILURES);
    for (const f of shown) lines.push(`        ${style.red(f.verdict)} ${escapeControl(f.case)}: ${firstLine(f.message)}`);
    if (r.complexity) lines.push(complexityLine(r.complexity, style));
    if (r.failures.length > shown.length && !r.ok) lines.push(`        ${style.dim(`… and ${r.failures.length - shown.length} more (--json lists them all)`)}`);
  }
  for (const w of p.wrong) {
    if (w.error) {
      lines.push(`    ${style.red('✗')} wrong     ${rel(w.path)} ${style.red(`does not run: ${firstLine(w.error)}`)}`);
    } else if (!w.ok) {
      lines.push(`    ${style.red('✗')} wrong     ${rel(w.path)} ${style.red(`passes every case: the tests do not catch it (${w.passed}/${w.total} passed)`)}`);
    } else {
      // Why it was caught: a wrong answer is what the tests are for; an error or a limit may be the harness's or the pack's fault.
      const [first, ...rest] = w.failures;
      const how = `caught by ${escapeControl(first.case)}: ${first.verdict}${first.message ? ` (${firstLine(first.message, 120)})` : ''}`;
      lines.push(`    ${style.green('✓')} wrong     ${rel(w.path)} ${style.dim(how)}`);
      if (w.complexity) lines.push(complexityLine(w.complexity, style));
      // Without --all, cases that finished before the run was stopped are incidental: counted, not listed.
      if (all) for (const f of rest) lines.push(`        ${style.dim(`also ${escapeControl(f.case)}: ${f.verdict}${f.message ? ` (${firstLine(f.message, 120)})` : ''}`)}`);
      else if (rest.length > 0) lines.push(`        ${style.dim(`(${rest.length} more case${rest.length === 1 ? '' : 's'} failed before it was stopped; --all runs every case)`)}`);
    }
  }
  for (const t of p.starters) {
    if (t.error) {
      lines.push(`    ${style.red('✗')} starter   ${rel(t.path)} ${style.red(`does not run: ${firstLine(t.error)}`)}`);
    } else if (!t.ok) {
      lines.push(`    ${style.red('✗')} starter   ${rel(t.path)} ${style.red(`passes ${t.passed} of ${t.total} cases: a starter must pass none`)}`);
      const shown = (t.passing ?? []).slice(0, SHOWN_FAILURES);
      for (const name of shown) lines.push(`        ${style.red('passed')} ${escapeControl(name)}`);
      if ((t.passing ?? []).length > shown.length) lines.push(`        ${style.dim(`… and ${(t.passing ?? []).length - shown.length} more (--json lists them all)`)}`);
    } else {
      lines.push(`    ${style.green('✓')} starter   ${rel(t.path)} ${style.dim(`passes none of ${t.total}`)}`);
    }
  }
  if (p.testsBroken) lines.push(`    ${style.red('no solution was run: the hidden tests have errors (below), and a run would leave cases out')}`);
  for (const d of p.diagnostics) lines.push(`    ${formatDiagnostic(d, style, packDir)}`);
  return lines;
}

function complexityLine(c: NonNullable<SolutionCheck['complexity']>, style: Style): string {
  const want = c.wanted === 'at-or-below' ? `at or below the stated ${c.stated}` : `above the stated ${c.stated}`;
  const text = `complexity ${c.label}${c.ok ? `, ${want}` : `: should be ${want}`} (${(c.durationMs / 1000).toFixed(1)} s)`;
  return `        ${c.ok ? style.green('✓') : style.red('✗')} ${c.ok ? style.dim(text) : style.red(text)}`;
}

/** `drills check [DIR]`: validates packs for authors and their CI. */
export async function checkCommand(dir: string, { json, style, io }: CommandOptions, flags: { all?: boolean; jobs?: number; complexity?: boolean } = {}): Promise<number> {
  const report = await checkPacks(dir, cliRunnerEnv(io), {
    ...flags,
    onProblem: json ? undefined : (p, pack) => io.out(formatProblemCheck(p, pack.dir, style, flags.all).join('\n')),
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
    for (const pack of report.packs) for (const d of pack.diagnostics) io.out(formatDiagnostic(d, style, pack.dir));
    const problems = report.packs.flatMap((p) => p.problems);
    const bad = problems.filter((p) => !p.ok).length;
    const notLoaded = problems.filter((p) => p.loadFailed).length;
    const packErrors = report.packs.filter((p) => hasErrors(p.diagnostics)).length;
    const summary = [
      `${problems.length - bad} passed, ${bad} failed`,
      notLoaded > 0 ? ` (${notLoaded} did not load)` : '',
      packErrors > 0 ? `; ${packErrors} pack${packErrors === 1 ? '' : 's'} with errors in drills-pack.yaml` : '',
    ].join('');
    io.out('');
    io.out(`check: ${report.ok ? style.green(summary) : style.red(summary)}`);
  }
  return report.ok && kinds.ok ? ExitCode.Ok : ExitCode.Failed;
}
