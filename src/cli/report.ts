import * as path from 'node:path';
import type { Diagnostic } from '../core/pack/types';
import { stringifyJsonExact } from '../core/exactJson';
import type { CaseResult, RunResult, Verdict } from '../core/runner/types';
import type { Style } from './style';

/** `file:line:column: severity: message`, the shape editors and CI annotate. */
export function formatDiagnostic(d: Diagnostic, style: Style): string {
  const sev = d.severity === 'error' ? style.red('error') : style.yellow('warning');
  return `${path.relative(process.cwd(), d.file) || d.file}:${d.line}:${d.column}: ${sev}: ${d.message}`;
}

const MARK: Record<Verdict, string> = {
  passed: '✓',
  failed: '✗',
  error: '!',
  timeout: '⏱',
  memory: 'M',
  notRun: '-',
};

/** One line per case, then the failures' details, for people. */
export function formatRun(result: RunResult, style: Style): string[] {
  const lines: string[] = [];
  if (result.error) {
    lines.push(style.red(`✗ ${result.error.message}`));
    if (result.error.stack) lines.push(indent(result.error.stack));
    return lines;
  }
  for (const c of result.cases) lines.push(formatCaseLine(c, style));
  for (const c of result.cases.filter((x) => x.verdict !== 'passed')) {
    lines.push('', style.bold(`${c.name}`) + style.dim(` [${c.tags.join(', ')}]`));
    if (c.message) lines.push(indent(c.message));
    // A raises case that got another exception has neither value to show.
    if (c.verdict === 'failed' && (c.expected !== undefined || c.actual !== undefined)) {
      lines.push(indent(`expected: ${stringifyJsonExact(c.expected)}`.slice(0, 2000)));
      lines.push(indent(`actual:   ${stringifyJsonExact(c.actual)}`.slice(0, 2000)));
    }
    if (c.stack) lines.push(indent(c.stack));
    if (c.output) lines.push(indent(style.dim(`output: ${c.output.slice(0, 2000)}${c.outputTruncated ? ' …(truncated)' : ''}`)));
  }
  const total = result.cases.length;
  const summary = `${result.passed}/${total} passed in ${Math.round(result.durationMs)} ms`;
  lines.push('', result.passed === total ? style.green(summary) : style.red(summary));
  return lines;
}

function formatCaseLine(c: CaseResult, style: Style): string {
  const color = c.verdict === 'passed' ? style.green : c.verdict === 'notRun' ? style.dim : style.red;
  return `  ${color(MARK[c.verdict])} ${c.name} ${style.dim(`[${c.tags.join(', ')}] ${Math.round(c.durationMs)} ms${c.verdict === 'passed' ? '' : ' ' + c.verdict}`)}`;
}

function indent(text: string): string {
  return text.split('\n').map((l) => `      ${l}`).join('\n');
}
