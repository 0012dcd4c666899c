import type { Problem, ResultDigest } from '../pack/types';
import { digestedValue, digestOf, shapeOf } from './digest';
import { runSolution } from './run';
import type { RunnerEnv } from './types';

/** The digests of a problem's generated cases, as its reference solutions compute them, or why they cannot be. */
export type DigestOutcome = { ok: true; digests: { index: number; name: string; digest: ResultDigest }[] } | { ok: false; message: string };

/**
 * Runs every reference solution on the problem's generated cases and takes the digest of each result; the
 * references must agree on every case (a disagreement is an error: one of them is wrong).
 */
export async function computeDigests(problem: Problem, env: RunnerEnv): Promise<DigestOutcome> {
  const indexes = problem.cases.flatMap((c, i) => (c.generate ? [i] : []));
  if (indexes.length === 0) return { ok: true, digests: [] };
  if (problem.solutions.length === 0) return { ok: false, message: `${problem.id} has generated cases but no reference solution in solutions/ to compute their results.` };
  // Judged by nothing: the results are what is wanted, whatever the stored digests say.
  const unjudged: Problem = { ...problem, cases: problem.cases.map((c) => (c.generate ? { ...c, digest: undefined, expected: undefined } : c)) };
  const found = new Map<number, { digest: ResultDigest; by: string }>();
  for (const solution of problem.solutions) {
    const result = await runSolution({ problem: unjudged, language: solution.language, solutionPath: solution.path, only: indexes }, env);
    if (result.error) return { ok: false, message: `${solution.path}: ${result.error.message}` };
    for (const r of result.cases) {
      if (!('actual' in r) || r.verdict === 'error' || r.verdict === 'timeout' || r.verdict === 'memory' || r.verdict === 'notRun') {
        return { ok: false, message: `${solution.path} did not return a result for "${r.name}": ${r.message ?? r.verdict}` };
      }
      const value = digestedValue(r.actual, problem.class !== undefined);
      const digest: ResultDigest = { sha256: digestOf(value), shape: shapeOf(value) };
      const before = found.get(r.index);
      if (before && before.digest.sha256 !== digest.sha256) {
        return { ok: false, message: `The references disagree on "${r.name}": ${before.by} gives ${before.digest.shape}, ${solution.path} gives ${digest.shape}.` };
      }
      found.set(r.index, { digest, by: solution.path });
    }
  }
  return { ok: true, digests: indexes.map((index) => ({ index, name: problem.cases[index].name, digest: found.get(index)!.digest })) };
}

/**
 * tests.yaml with each case's `digest:` line written (replaced, or added after its `generate:` line). `line` is the
 * 1-based line of each case's first key, as the loader records it;
 * `caseLines` those of every case in the file (where each case ends). Text edits keep the file's comments and layout.
 */
export function writeDigests(text: string, cases: { line: number; digest: ResultDigest }[], caseLines: number[]): string {
  const lines = text.split('\n');
  const starts = caseLines.map((l) => l - 1).sort((a, b) => a - b);
  // From the last case up, so earlier line numbers stay right.
  for (const c of [...cases].sort((a, b) => b.line - a.line)) {
    const start = c.line - 1;
    const next = starts.find((s) => s > start) ?? lines.length;
    const entry = `digest: {sha256: ${c.digest.sha256}${c.digest.shape ? `, shape: ${JSON.stringify(c.digest.shape)}` : ''}}`;
    let done = false;
    let generateAt = -1;
    for (let i = start; i < next; i++) {
      const m = /^(\s*(?:- )?\s*)(digest|generate):/.exec(lines[i]);
      if (!m) continue;
      if (m[2] === 'digest') {
        lines[i] = `${m[1]}${entry}`;
        done = true;
        break;
      }
      generateAt = i;
    }
    if (!done && generateAt >= 0) {
      const indent = /^\s*(?:- )?/.exec(lines[generateAt])![0].replace('- ', '  ');
      lines.splice(generateAt + 1, 0, `${indent}${entry}`);
    }
  }
  return lines.join('\n');
}
