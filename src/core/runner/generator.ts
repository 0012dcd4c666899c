import * as crypto from 'node:crypto';
import type { GenerateSpec, Problem, TestCase } from '../pack/types';
import { loadPackScript, runPackScript, type CheckerScript } from './checker';
import type { Interpreter } from './types';

/** How long a generator may take for all inputs of one call, in milliseconds. */
export const GENERATOR_TIMEOUT_MS = 20_000;

/**
 * The generator protocol: a pack's generator is a CommonJS file exporting `generate(n, seed, variant)` (or being
 * that function) that returns the argument list of one call (class problems: `{ops, args}`). It must be
 * deterministic for a seed: it runs in a child Node process like a checker, all requested inputs in one process.
 */
const GENERATOR_MAIN = `
const fs = require('fs');
const job = JSON.parse(fs.readFileSync(0, 'utf8'));
const send = (v) => fs.writeSync(1, job.marker + JSON.stringify(v) + '\\n');
let generate;
try {
  const wrapper = '(function (exports, require, module, __filename, __dirname) {' + job.source + '\\n})';
  const mod = { exports: {} };
  require('vm').runInThisContext(wrapper, { filename: job.script }).call(mod.exports, mod.exports, require('module').createRequire(job.script), mod, job.script, require('path').dirname(job.script));
  const m = mod.exports;
  generate = typeof m === 'function' ? m : typeof m.generate === 'function' ? m.generate : m.default && typeof m.default.generate === 'function' ? m.default.generate : m.default;
  if (typeof generate !== 'function') throw new Error('it exports no generate(n, seed, variant) function');
} catch (e) {
  send({ loadError: String(e && e.message || e) });
  process.exit(0);
}
const inputs = [];
for (const r of job.requests) {
  try {
    inputs.push(generate(r.n, r.seed, r.variant));
  } catch (e) {
    send({ failed: { request: r, error: String(e && e.stack || e) } });
    process.exit(0);
  }
}
send({ inputs });
process.exit(0);
`;

/** A generated input: positional arguments, or a class case's ops and their argument lists. */
export type GeneratedInput = { args: unknown[] } | { ops: string[]; opArgs: unknown[][] };

export type GenerateOutcome = { ok: true; inputs: GeneratedInput[] } | { ok: false; message: string };

/** Inputs already made, by generator source and request: a re-run after an edit does not make them again. */
const made = new Map<string, GeneratedInput>();
const MADE_LIMIT = 48;

const requestLabel = (r: GenerateSpec): string => `n = ${r.n}, seed = ${r.seed}${r.variant ? `, variant ${r.variant}` : ''}`;

/**
 * Inputs being made now, by the same key as `made`: runs of one problem started together (one per language, or a
 * check's references and known-wrong solutions) wait for one generator instead of each starting its own.
 */
const making = new Map<string, { outcome: Promise<GeneratedInput | string>; signal?: AbortSignal }>();

/** Makes inputs with the problem's generator; a generator that fails, hangs or returns a bad shape is a message. */
export async function generateInputs(problem: Problem, node: Interpreter, requests: GenerateSpec[], signal?: AbortSignal, timeoutMs = GENERATOR_TIMEOUT_MS): Promise<GenerateOutcome> {
  if (!problem.generator) return { ok: false, message: `Problem ${problem.id} has no generator.` };
  const loaded = loadPackScript(problem.generator.script, problem.packDir ?? problem.dir, 'generator');
  if (typeof loaded === 'string') return { ok: false, message: loaded };
  const source = sourceHash(loaded);
  const keys = requests.map((r) => `${source}\0${r.n}\0${r.seed}\0${r.variant ?? ''}`);
  // What this call returns is kept apart from the shared cache, which may drop its oldest entries meanwhile.
  const found = new Map<string, GeneratedInput>();
  const waiting = new Map<string, { outcome: Promise<GeneratedInput | string>; signal?: AbortSignal }>();
  const missing: GenerateSpec[] = [];
  const missingKeys: string[] = [];
  requests.forEach((r, i) => {
    const key = keys[i];
    const hit = made.get(key);
    if (hit) found.set(key, hit);
    else if (making.has(key)) waiting.set(key, making.get(key)!);
    else if (!missingKeys.includes(key)) {
      missing.push(r);
      missingKeys.push(key);
    }
  });
  if (missing.length > 0) {
    const outcome = makeInputs(node, problem, loaded, missing, timeoutMs, signal);
    missingKeys.forEach((key, i) => {
      const one = outcome.then((o) => (typeof o === 'string' ? o : o[i]));
      making.set(key, { outcome: one, signal });
      waiting.set(key, { outcome: one, signal });
      void one.then((value) => {
        if (typeof value !== 'string') {
          made.set(key, value);
          while (made.size > MADE_LIMIT) made.delete(made.keys().next().value as string);
        }
        if (making.get(key)?.outcome === one) making.delete(key);
      });
    });
  }
  let again = false;
  for (const [key, shared] of waiting) {
    const value = await shared.outcome;
    if (typeof value !== 'string') found.set(key, value);
    // Another run's generator, stopped because that run was cancelled: this one makes its own.
    else if (shared.signal !== signal && shared.signal?.aborted && !signal?.aborted) again = true;
    else return { ok: false, message: value };
  }
  if (again) return generateInputs(problem, node, requests, signal, timeoutMs);
  return { ok: true, inputs: keys.map((key) => found.get(key)!) };
}

/** One generator process for `wanted`: their inputs in order, or what went wrong. */
async function makeInputs(node: Interpreter, problem: Problem, loaded: CheckerScript, wanted: GenerateSpec[], timeoutMs: number, signal?: AbortSignal): Promise<GeneratedInput[] | string> {
  const where = `The generator ${loaded.path}`;
  // Never rejects: the runs waiting for these inputs get a message, and the next request starts a generator again.
  let outcome: Awaited<ReturnType<typeof runPackScript>>;
  try {
    outcome = await runPackScript(node, GENERATOR_MAIN, { script: loaded.path, source: loaded.source, requests: wanted }, timeoutMs, signal);
  } catch (e) {
    return `${where} could not start: ${e instanceof Error ? e.message : String(e)}`;
  }
  if (outcome.startError) return `${where} could not start: ${outcome.startError}`;
  if (outcome.timedOut) return `${where} did not finish within ${timeoutMs} ms.`;
  const reply = outcome.reply as { loadError?: string; failed?: { request: GenerateSpec; error: string }; inputs?: unknown[] } | undefined;
  if (reply?.loadError) return `${where} failed to load: ${reply.loadError}`;
  if (reply?.failed) return `${where} threw for ${requestLabel(reply.failed.request)}: ${reply.failed.error}`;
  if (!reply?.inputs || reply.inputs.length !== wanted.length) return `${where} ended without inputs${outcome.stderr ? `: ${outcome.stderr.trim()}` : '.'}`;
  const inputs: GeneratedInput[] = [];
  for (let i = 0; i < wanted.length; i++) {
    const input = inputShape(problem, reply.inputs[i]);
    if (typeof input === 'string') return `${where} returned, for ${requestLabel(wanted[i])}, ${input}`;
    inputs.push(input);
  }
  return inputs;
}

const hashes = new WeakMap<CheckerScript, string>();
function sourceHash(script: CheckerScript): string {
  let h = hashes.get(script);
  if (!h) hashes.set(script, (h = crypto.createHash('sha256').update(script.path).update('\0').update(script.source).digest('hex')));
  return h;
}

/** A generator's value as the runner needs it, or what is wrong with it (a sentence end). */
function inputShape(problem: Problem, value: unknown): GeneratedInput | string {
  if (problem.class) {
    const v = value as { ops?: unknown; args?: unknown } | null;
    if (!v || typeof v !== 'object' || !Array.isArray(v.ops) || !Array.isArray(v.args)) return 'not {ops, args}: a class problem needs its ops and one argument list per op.';
    if (v.ops.length !== v.args.length || v.ops[0] !== problem.class.name) return `ops and args of different lengths, or ops not starting with the constructor ${problem.class.name}.`;
    if (!v.args.every(Array.isArray)) return 'an args entry that is not a list.';
    return { ops: v.ops as string[], opArgs: v.args as unknown[][] };
  }
  const params = problem.function?.params.length ?? 0;
  if (!Array.isArray(value) || value.length !== params) return `${Array.isArray(value) ? `${value.length} arguments` : 'no argument list'}: ${problem.function?.name ?? 'the function'} takes ${params}.`;
  return { args: value };
}

/** The case with its generated input in place. */
export function withInput(c: TestCase, input: GeneratedInput): TestCase {
  return 'args' in input ? { ...c, args: input.args } : { ...c, ops: input.ops, opArgs: input.opArgs, expected: c.expected ?? [] };
}

/**
 * The problem with the generated inputs of the cases `indexes` in place (the others untouched); the problem
 * itself when none of them is generated.
 */
export async function withGeneratedCases(problem: Problem, indexes: number[], node: Interpreter, signal?: AbortSignal): Promise<{ ok: true; problem: Problem } | { ok: false; message: string }> {
  const wanted = indexes.filter((i) => problem.cases[i]?.generate && !problem.cases[i].args && !problem.cases[i].ops);
  if (wanted.length === 0) return { ok: true, problem };
  const outcome = await generateInputs(problem, node, wanted.map((i) => problem.cases[i].generate!), signal);
  if (!outcome.ok) return outcome;
  const cases = [...problem.cases];
  wanted.forEach((i, k) => (cases[i] = withInput(cases[i], outcome.inputs[k])));
  return { ok: true, problem: { ...problem, cases } };
}
