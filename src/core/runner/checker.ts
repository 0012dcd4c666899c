import { spawn } from 'node:child_process';
import * as crypto from 'node:crypto';
import { parseJsonExact, stringifyJsonExact } from '../exactJson';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { registerCleanup } from './cleanup';
import { solutionEnv } from './languages';
import { ProcessTree, newRunMarker, pidMark } from './processTree';
import { protocolMarker } from './protocol';
import type { Interpreter } from './types';

/** A checker read once, before any case ran: what runs is this text, whatever happens to the file meanwhile. */
export interface CheckerScript {
  /** The checker's real path (symbolic links resolved), inside the pack. */
  path: string;
  source: string;
}

/** Reads a pack's checker from its real path, which must be inside the pack: a message for the user when not. */
export function loadChecker(script: string, packDir: string): CheckerScript | string {
  return loadPackScript(script, packDir, 'checker');
}

/** Reads a pack's script (a checker, a generator) from its real path, which must be inside the pack. */
export function loadPackScript(script: string, packDir: string, what: 'checker' | 'generator'): CheckerScript | string {
  let real: string;
  let root: string;
  try {
    real = fs.realpathSync(script);
    root = fs.realpathSync(packDir);
  } catch (e) {
    return `The ${what} ${script} cannot be read: ${(e as Error).message}`;
  }
  const rel = path.relative(root, real);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return `The ${what} ${script} is outside the pack (it resolves to ${real}).`;
  try {
    return { path: real, source: fs.readFileSync(real, 'utf8') };
  } catch (e) {
    return `The ${what} ${script} cannot be read: ${(e as Error).message}`;
  }
}

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
  // The text read before the cases ran, compiled as the CommonJS module at its real path.
  const wrapper = '(function (exports, require, module, __filename, __dirname) {' + job.source + '\\n})';
  const mod = { exports: {} };
  require('vm').runInThisContext(wrapper, { filename: job.script }).call(mod.exports, mod.exports, require('module').createRequire(job.script), mod, job.script, require('path').dirname(job.script));
  const m = mod.exports;
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
export async function runChecker(node: Interpreter, checker: CheckerScript, items: CheckItem[], timeoutMs: number, signal?: AbortSignal): Promise<CheckVerdict[]> {
  const script = checker.path;
  const failAll = (reason: string): CheckVerdict[] => items.map((it) => ({ index: it.index, ok: false, crashed: true, reason }));
  const outcome = await runPackScript(node, CHECKER_MAIN, { script, source: checker.source, items }, timeoutMs, signal);
  if (outcome.startError) return failAll(`the checker could not start: ${outcome.startError}`);
  const reply = outcome.reply as { loadError?: string; verdicts?: CheckVerdict[] } | undefined;
  if (outcome.timedOut) return failAll(`the checker ${script} did not answer within ${timeoutMs} ms`);
  if (reply?.loadError) return failAll(`the checker ${script} failed to load: ${reply.loadError}`);
  if (reply?.verdicts) return reply.verdicts;
  return failAll(`the checker ${script} ended without an answer${outcome.stderr ? `: ${outcome.stderr.trim()}` : ''}`);
}

/** How a pack script's process ended: its one reply line (parsed), or why there is none. */
export interface PackScriptOutcome {
  reply?: unknown;
  timedOut: boolean;
  /** The end of what it wrote to stderr. */
  stderr: string;
  /** Why the process could not start. */
  startError?: string;
}

/**
 * Runs pack code (a checker, a generator) in a child Node process as a solution runs: the same minimal
 * environment, everything it starts killed at the end, a time bound. `main` reads the JSON job from stdin
 * (`payload` plus `marker`) and writes one line, the marker then JSON, with its reply.
 */
export function runPackScript(node: Interpreter, main: string, payload: Record<string, unknown>, timeoutMs: number, signal?: AbortSignal): Promise<PackScriptOutcome> {
  const marker = protocolMarker(crypto.randomBytes(16).toString('hex'));
  return new Promise((resolve) => {
    const runMarker = newRunMarker();
    // Node needs nothing beyond the base variables (NODE_OPTIONS in particular must not reach pack code).
    const env = solutionEnv({ keepEnv: /^$/, fixedEnv: {} }, node, runMarker);
    const mark = pidMark();
    const child = spawn(node.command, ['-e', main], { stdio: ['pipe', 'pipe', 'pipe'], detached: true, env });
    const tree = child.pid ? new ProcessTree(child.pid, runMarker, mark) : undefined;
    const unregister = registerCleanup(() => tree?.kill());
    const chunks: string[] = [];
    let stderr = '';
    let timedOut = false;
    const kill = (): void => tree?.kill();
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, timeoutMs);
    const onAbort = (): void => kill();
    signal?.addEventListener('abort', onAbort);
    child.stdout.setEncoding('utf8').on('data', (d: string) => chunks.push(d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr = (stderr + d).slice(-4000)));
    child.stdin.on('error', () => {});
    child.on('error', (e) => {
      clearTimeout(timer);
      unregister();
      resolve({ timedOut: false, stderr, startError: e.message });
    });
    let pipeTimer: NodeJS.Timeout | undefined;
    let exited = false;
    // Whatever still holds the pipes once the script is gone is not waited for, once nothing came through them for
    // a while and one more poll of the pipes (before setImmediate) has read what the script wrote.
    const armPipeTimer = (): void => {
      clearTimeout(pipeTimer);
      pipeTimer = setTimeout(() => setImmediate(() => {
        child.stdout.destroy();
        child.stderr.destroy();
      }), 500);
    };
    child.stdout.on('data', () => exited && armPipeTimer());
    child.stderr.on('data', () => exited && armPipeTimer());
    child.on('exit', () => {
      kill();
      exited = true;
      armPipeTimer();
    });
    child.on('close', () => {
      clearTimeout(timer);
      clearTimeout(pipeTimer);
      signal?.removeEventListener('abort', onAbort);
      kill();
      unregister();
      const stdout = chunks.join('');
      const at = stdout.lastIndexOf(marker);
      let reply: unknown;
      if (at >= 0) {
        try {
          const end = stdout.indexOf('\n', at);
          reply = parseJsonExact(stdout.slice(at + marker.length, end < 0 ? undefined : end));
        } catch {
          reply = undefined;
        }
      }
      resolve({ reply, timedOut, stderr });
    });
    child.stdin.end(stringifyJsonExact({ marker, ...payload }));
  });
}
