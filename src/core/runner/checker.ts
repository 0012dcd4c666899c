import { spawn } from 'node:child_process';
import * as crypto from 'node:crypto';
import { stringifyJsonExact } from '../exactJson';
import { protocolMarker } from './protocol';
import type { Interpreter } from './types';

/** One returned value for a pack's checker to judge. `args` is `{ops, opArgs}` for class problems. */
export interface CheckItem {
  index: number;
  args: unknown;
  expected: unknown;
  actual: unknown;
}

/** The checker's word on one item: passed, or why not. */
export type CheckVerdict = { index: number; ok: true } | { index: number; ok: false; reason: string; crashed?: boolean };

/**
 * The checker protocol: a pack's checker is a CommonJS file exporting `check(args, expected, actual)`
 * (or being that function) that returns `true` when the answer is acceptable and a string (the reason)
 * or `false` when not. It runs in one child Node process per run, all items batched.
 */
const CHECKER_MAIN = `
const fs = require('fs');
const job = JSON.parse(fs.readFileSync(0, 'utf8'));
const send = (v) => fs.writeSync(1, job.marker + JSON.stringify(v) + '\\n');
let check;
try {
  const m = require(job.script);
  check = typeof m === 'function' ? m : typeof m.check === 'function' ? m.check : m.default && typeof m.default.check === 'function' ? m.default.check : m.default;
  if (typeof check !== 'function') throw new Error('it exports no check(args, expected, actual) function');
} catch (e) {
  send({ loadError: String(e && e.message || e) });
  process.exit(0);
}
send({ verdicts: job.items.map((it) => {
  try {
    const r = check(it.args, it.expected, it.actual);
    if (r === true) return { index: it.index, ok: true };
    const reason = typeof r === 'string' ? r : r === false ? 'the checker rejected the answer' : 'the checker returned ' + JSON.stringify(r) + ' (expected true or a reason)';
    return { index: it.index, ok: false, reason };
  } catch (e) {
    return { index: it.index, ok: false, crashed: true, reason: 'the checker threw: ' + String(e && e.stack || e) };
  }
}) });
process.exit(0);
`;

/** Runs a checker script over all items in one Node process; a broken checker is reported per item. */
export function runChecker(node: Interpreter, script: string, items: CheckItem[], timeoutMs: number, signal?: AbortSignal): Promise<CheckVerdict[]> {
  const marker = protocolMarker(crypto.randomBytes(16).toString('hex'));
  const failAll = (reason: string): CheckVerdict[] => items.map((it) => ({ index: it.index, ok: false, crashed: true, reason }));
  return new Promise((resolve) => {
    const child = spawn(node.command, ['-e', CHECKER_MAIN], { stdio: ['pipe', 'pipe', 'pipe'], detached: true, env: { ...process.env, ...node.env } });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const kill = (): void => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, timeoutMs);
    const onAbort = (): void => kill();
    signal?.addEventListener('abort', onAbort);
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr = (stderr + d).slice(-4000)));
    child.stdin.on('error', () => {});
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve(failAll(`the checker could not start: ${e.message}`));
    });
    child.on('close', () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      const at = stdout.lastIndexOf(marker);
      let reply: { loadError?: string; verdicts?: CheckVerdict[] } | undefined;
      if (at >= 0) {
        try {
          reply = JSON.parse(stdout.slice(at + marker.length).split('\n')[0]) as typeof reply;
        } catch {
          reply = undefined;
        }
      }
      if (timedOut) resolve(failAll(`the checker ${script} did not answer within ${timeoutMs} ms`));
      else if (reply?.loadError) resolve(failAll(`the checker ${script} failed to load: ${reply.loadError}`));
      else if (reply?.verdicts) resolve(reply.verdicts);
      else resolve(failAll(`the checker ${script} ended without an answer${stderr ? `: ${stderr.trim()}` : ''}`));
    });
    child.stdin.end(stringifyJsonExact({ marker, script, items }));
  });
}
