import * as path from 'node:path';
import type { Diagnostic } from '../core/pack/types';
import { stringifyJsonExact } from '../core/exactJson';
import type { CaseResult, RunResult, Verdict } from '../core/runner/types';
import type { Style } from './style';

/**
 * `file:line:column: severity: message`, the shape editors and CI annotate. The path is relative to `base` (the
 * pack) when the file is inside it, else absolute.
 */
export function formatDiagnostic(d: Diagnostic, style: Style, base?: string): string {
  const sev = d.severity === 'error' ? style.red('error') : style.yellow('warning');
  const relative = base ? path.relative(base, d.file) : '';
  const shown = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : d.file;
  return `${escapeControl(shown)}:${d.line}:${d.column}: ${sev}: ${escapeControl(d.message)}`;
}

// C0 and C1 control characters but tab and newline, DEL, and the bidirectional overrides and isolates.
// eslint-disable-next-line no-control-regex
const CONTROL = /\r\n|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text a solution or a pack controls, made safe for a terminal: control characters are shown as escapes (`\x1b`,
 * `\r`), so printed output cannot clear the screen, move the cursor, colour lines or reorder text.
 * A CRLF line end is kept as a newline.
 */
export function escapeControl(text: string): string {
  return text.replace(CONTROL, (c) => {
    if (c === '\r\n') return '\n';
    if (c === '\r') return '\\r';
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

const MARK: Record<Verdict, string> = {
  passed: '✓',
  failed: '✗',
  error: '!',
  timeout: '⏱',
  memory: 'M',
  notRun: '-',
};

/** How long an expected or actual value may be to be printed whole under a failed case. */
const SHOWN_WHOLE = 300;

/** One line per case, then the failures' details, for people. */
export function formatRun(result: RunResult, style: Style): string[] {
  const lines: string[] = [];
  if (result.error) {
    lines.push(style.red(`✗ ${escapeControl(result.error.message)}`));
    if (result.error.stack) lines.push(indent(escapeControl(result.error.stack)));
    return lines;
  }
  for (const c of result.cases) lines.push(formatCaseLine(c, style));
  for (const c of result.cases.filter((x) => x.verdict !== 'passed')) {
    lines.push('', style.bold(escapeControl(c.name)) + style.dim(` [${c.tags.join(', ')}]`));
    if (c.message) lines.push(indent(escapeControl(c.message)));
    // A raises case that got another exception has neither value to show.
    const hasValues = c.expected !== undefined || c.actual !== undefined;
    const expected = stringifyJsonExact(c.expected) ?? 'undefined';
    const actual = stringifyJsonExact(c.actual) ?? 'undefined';
    // Large values: the message names where they differ, with both sides around it; their first
    // characters would show only what is the same.
    if (c.verdict === 'failed' && hasValues && expected.length <= SHOWN_WHOLE && actual.length <= SHOWN_WHOLE) {
      lines.push(indent(escapeControl(`expected: ${expected}`)));
      lines.push(indent(escapeControl(`actual:   ${actual}`)));
    }
    if (c.stack) lines.push(indent(escapeControl(c.stack)));
    if (c.output) lines.push(indent(style.dim(`output: ${escapeControl(c.output.slice(0, 2000))}${c.outputTruncated ? ' …(truncated)' : ''}`)));
  }
  const total = result.cases.length;
  const summary = `${result.passed}/${total} passed in ${Math.round(result.durationMs)} ms`;
  lines.push('', result.passed === total ? style.green(summary) : style.red(summary));
  return lines;
}

function formatCaseLine(c: CaseResult, style: Style): string {
  const color = c.verdict === 'passed' ? style.green : c.verdict === 'notRun' ? style.dim : style.red;
  return `  ${color(MARK[c.verdict])} ${escapeControl(c.name)} ${style.dim(`[${c.tags.join(', ')}] ${Math.round(c.durationMs)} ms${c.verdict === 'passed' ? '' : ' ' + c.verdict}`)}`;
}

function indent(text: string): string {
  return text.split('\n').map((l) => `      ${l}`).join('\n');
}
