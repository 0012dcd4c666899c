import type { Language, Problem, TestCase } from '../pack/types';
import { generateInputs, withInput, type GeneratedInput } from '../runner/generator';
import { runSolution } from '../runner/run';
import type { RunnerEnv } from '../runner/types';
import { classLabel, parseComplexity, type ComplexityClass } from './classes';
import { compareWithStated, fitComplexity, fitLabel, type ComplexityFit, type TimingPoint } from './fit';

/** What measuring a solution's growth found. */
export interface ComplexityMeasurement {
  /** Each size measured: n and the time of one call (the fastest of its repeats), the empty-call cost subtracted. */
  points: TimingPoint[];
  /** The time of a call on the smallest input (n = 1, the fastest of its repeats), subtracted from every point. */
  emptyCallMs: number;
  /** Undefined when too few sizes could be measured (`reason` says why). */
  fit?: ComplexityFit;
  /** `≈ O(n)`, `between O(n) and O(n log n)`, or why there is no fit. */
  label: string;
  /** Why measuring stopped before the largest size, or why there is no fit. */
  reason?: string;
  /** Wall time the measurement took. */
  durationMs: number;
}

export interface MeasureOptions {
  problem: Problem;
  language: Language;
  solutionPath: string;
  env: RunnerEnv;
  signal?: AbortSignal;
  /** Wall-time budget for the whole measurement (default 8 s); sizes that would not fit are not run. */
  budgetMs?: number;
  /** Calls per size; the fastest counts (default 3). */
  repeats?: number;
  /** The seed of the inputs (default 1). */
  seed?: number;
  /** Once a call takes this long, larger sizes are not timed (default 800 ms): the growth shows by then. */
  enoughMs?: number;
}

/** A call slower than this is slow enough to read its growth from: larger sizes are not needed. */
const ENOUGH_MS = 800;
/** Below this, a first size is too slow to start from: smaller sizes are measured first, down to 1/64 of it. */
const SLOW_START_MS = 60;
/** A call shorter than this (after the empty-call cost) is timer noise, not growth. */
const MEASURABLE_MS = 0.3;
/** Calls at least this long are preferred for the fit, when there are three sizes of them. */
const RELIABLE_MS = 2;
/** Sizes beyond the problem's largest are tried up to this many elements (see measureComplexity). */
const MAX_SIZE_BEYOND = 4_000_000;
/** Sizes beyond the problem's largest are tried until three sizes took this long a call. */
const BEYOND_ENOUGH_MS = 1;
/** A size beyond the problem's largest is made and timed only with this much of the budget left. */
const BEYOND_MIN_LEFT_MS = 2000;
/** The longest a call at the first sizes may take: a slow solution is measured at smaller sizes instead. */
const PROBE_CAP_MS = 300;
/** The memory limit of the measuring runs, at least (the problem's own when it is higher). */
const MEASURE_MEMORY_MB = 512;
/** A doubling whose time ratio is below this is timed again: no class shrinks as n grows, so noise made it. */
const SHRINK_RATIO = 0.8;
/** The longest one call may take while measuring. */
const CALL_CAP_MS = 2500;

/**
 * Runs the solution on the generator's inputs of growing size (doubling from the problem's smallest size to its
 * largest; first halving when the smallest is already slow), a few calls per size, and fits the median times
 * to the usual classes. Times are the CPU time of each call where the harness measures it (a busy machine
 * stretches wall time, not CPU time), else its wall time. Run it after the verdict: it takes seconds.
 */
export async function measureComplexity(opts: MeasureOptions): Promise<ComplexityMeasurement> {
  const { problem, env } = opts;
  const started = env.now();
  const budget = opts.budgetMs ?? 8000;
  const repeats = Math.max(1, opts.repeats ?? 3);
  const seed = opts.seed ?? 1;
  const enoughMs = opts.enoughMs ?? ENOUGH_MS;
  const result = (points: TimingPoint[], emptyCallMs: number, reason?: string): ComplexityMeasurement => {
    const sorted = [...points].sort((a, b) => a.n - b.n);
    const fit = fitComplexity(sorted);
    const label = fit ? fitLabel(fit) : `not measured: ${reason ?? 'fewer than three sizes ran'}`;
    return { points: sorted, emptyCallMs, ...(fit ? { fit } : {}), label, ...(reason ? { reason } : {}), durationMs: env.now() - started };
  };
  if (!problem.generator) return result([], 0, 'the problem has no generator');
  const node = await env.interpreters.resolve('node');
  if (!node.ok) return result([], 0, node.message);

  const [from, to] = problem.generator.sizes;
  const up: number[] = [];
  for (let n = from; n <= to; n *= 2) up.push(n);
  const down: number[] = [];
  for (let n = Math.floor(from / 2); n >= Math.max(1, Math.floor(from / 64)); n = Math.floor(n / 2)) down.push(n);

  const inputs = new Map<number, GeneratedInput>();
  const made = async (sizes: number[]): Promise<string | undefined> => {
    const missing = sizes.filter((n) => !inputs.has(n));
    if (missing.length === 0) return undefined;
    const outcome = await generateInputs(problem, node.interpreter, missing.map((n) => ({ n, seed })), opts.signal);
    if (!outcome.ok) return outcome.message;
    missing.forEach((n, i) => inputs.set(n, outcome.inputs[i]));
    return undefined;
  };
  const failedToMake = await made([1, ...up]);
  if (failedToMake) return result([], 0, failedToMake);

  /**
   * The fastest of the calls at each size (and how far the others spread above it), one process for them all, after
   * one warm-up call on the smallest of them (so the first timed call does not pay for compiling the solution);
   * undefined entries did not finish. The fastest, not the median: whatever else the machine does (another
   * process on the core, a compiler thread that has not finished yet) only ever adds time to a call.
   */
  const timeSizes = async (
    sizes: number[],
    capMs: number,
    times: number,
    interleave = true,
    variant = 0,
  ): Promise<{ medians: (number | undefined)[]; spreads: number[]; failure?: string }> => {
    const warmUp = Math.min(...sizes);
    const cases: TestCase[] = [withInput({ name: 'warm-up', tags: [] }, inputs.get(warmUp)!)];
    // Interleaved (a, b, then b, a…), a burst of load from elsewhere on the machine hits every size alike; in order
    // (a, a, b, b…), a time-out at the largest size (which ends the run) loses no other size.
    const order = interleave ? roundOrders(sizes.length, times, variant) : [];
    const slot = (r: number, k: number): number => 1 + (interleave ? r * sizes.length + order[r][k] : k * times + r);
    const ordered: TestCase[] = [];
    for (let r = 0; r < times; r++) {
      sizes.forEach((n, k) => (ordered[slot(r, k) - 1] = withInput({ name: `n = ${n} #${r + 1}`, tags: [] }, inputs.get(n)!)));
    }
    cases.push(...ordered);
    // Only the times count: nothing is compared (the cases expect nothing) and each call is capped.
    // The hidden tests' own errors do not concern these cases (a run would otherwise refuse to start).
    // Memory is the verdict's business, not growth's: a 32 MB limit meant for a stream in repeat blocks would stop
    // the same calls written out op by op, as generated inputs are.
    const limits = { timeMs: Math.max(1, Math.round(capMs)), memoryMb: Math.max(problem.limits.memoryMb, MEASURE_MEMORY_MB) };
    const timed: Problem = { ...problem, cases, testsErrors: undefined, compare: { kind: 'exact' }, limits };
    const run = await runSolution({ problem: timed, language: opts.language, solutionPath: opts.solutionPath, measuring: true, ...(opts.signal ? { signal: opts.signal } : {}) }, env);
    if (run.error && run.error.kind !== 'tests-broken') return { medians: sizes.map(() => undefined), spreads: sizes.map(() => 0), failure: run.error.message };
    let failure: string | undefined;
    const ok = (c: (typeof run.cases)[number]): boolean => c.verdict === 'passed' || c.verdict === 'failed';
    // Calls not run after a time-out are part of that time-out, not failures of their own.
    if (!ok(run.cases[0]) && run.cases[0].verdict !== 'notRun') failure = `the solution stopped at n = ${warmUp} (${run.cases[0].verdict}${run.cases[0].message ? `: ${run.cases[0].message}` : ''})`;
    const spreads = sizes.map(() => 0);
    const medians = sizes.map((n, k) => {
      const ms: number[] = [];
      for (let r = 0; r < times; r++) {
        const c = run.cases[slot(r, k)];
        if (ok(c)) ms.push(c.cpuMs ?? c.durationMs);
        else if (c.verdict !== 'notRun') failure ??= c.verdict === 'timeout' ? `a call at n = ${n} took over ${Math.round(capMs)} ms` : `the solution stopped at n = ${n} (${c.verdict}${c.message ? `: ${c.message}` : ''})`;
      }
      if (ms.length !== times) return undefined;
      // How far the fastest call stands below the next one: a fastest call that two agree on is a sure one.
      const [fastest, next = fastest] = [...ms].sort((x, y) => x - y);
      spreads[k] = fastest > 0 ? (next - fastest) / fastest : 0;
      return fastest;
    });
    return { medians, spreads, ...(failure ? { failure } : {}) };
  };
  /** More calls where they are cheap: short timings are the noisiest. */
  const repeatsFor = (lastMs: number | undefined): number => (lastMs !== undefined && lastMs < 20 ? repeats + 4 : repeats);

  const remaining = (): number => budget - (env.now() - started);
  /** A pair's time ratio, larger size over smaller; undefined when either did not finish or took no time. */
  const growth = ([before, now]: (number | undefined)[]): number | undefined => (before !== undefined && now !== undefined && before > 0 ? now / before : undefined);
  const measured = new Map<number, number>();
  /** How far the repeats behind each measured size spread (see TimingPoint.spread). */
  const spreadAt = new Map<number, number>();
  const record = (n: number, ms: number, spread: number): void => {
    measured.set(n, ms);
    spreadAt.set(n, spread);
  };
  const first = await timeSizes([1, from], PROBE_CAP_MS, repeats);
  const emptyCallMs = first.medians[0] ?? 0;
  if (first.medians[1] === undefined) {
    // Even the smallest size is too slow (or failed): go down in one run, largest first would waste the budget.
    if (first.failure && !/took over/.test(first.failure)) return result([], emptyCallMs, first.failure);
  } else record(from, first.medians[1], first.spreads[1]);
  const slowStart = first.medians[1] === undefined || first.medians[1] > SLOW_START_MS;
  let tooSlowAtStart: number | undefined = first.medians[1] === undefined ? from : undefined;
  /** How many sizes took long enough to read growth from. */
  const reliable = (): number => [...measured.values()].filter((ms) => ms - emptyCallMs >= RELIABLE_MS).length;
  /** Whether the sizes below the first one were timed (they are, once at most). */
  let timedBelow = false;
  /**
   * Times the sizes below the first one (halving, six at most) and the first one itself, in one process. Every size
   * timed from the first one up is rescaled by the first one's new time: each is its time times ratios measured
   * side by side, and two processes' times do not compare. Returns why it could not, or the first size too slow.
   */
  const timeBelow = async (): Promise<{ error?: string; tooSlow?: number }> => {
    timedBelow = true;
    const err = await made(down);
    if (err) return { error: err };
    const ascending = [...down.slice(0, 6).reverse(), from];
    const rescale = (n: number, ms: number, spread: number): void => {
      const old = measured.get(from);
      if (n === from && old !== undefined && old > 0) {
        for (const [m, t] of measured) if (m > from) measured.set(m, (t * ms) / old);
      }
      record(n, ms, spread);
    };
    const lower = await timeSizes(ascending, PROBE_CAP_MS, repeats, false);
    ascending.forEach((n, k) => lower.medians[k] !== undefined && rescale(n, lower.medians[k]!, lower.spreads[k]));
    // In order, a burst of load from elsewhere that lasts a size's few calls bends the curve there. The sizes that
    // finished are timed again interleaved, in a fresh process, and those times count when every size finishes.
    const finished = ascending.filter((_, k) => lower.medians[k] !== undefined);
    const cost = finished.reduce((sum, n) => sum + measured.get(n)!, 0) * repeats;
    if (finished.length >= 2 && cost * 2 + 300 < remaining()) {
      const slowest = Math.max(...finished.map((n) => measured.get(n)!));
      const again = await timeSizes(finished, Math.max(PROBE_CAP_MS, 2 * slowest), repeats);
      if (again.medians.every((ms) => ms !== undefined)) finished.forEach((n, k) => rescale(n, again.medians[k]!, again.spreads[k]));
    }
    const slowest = ascending.find((_, k) => lower.medians[k] === undefined);
    return slowest !== undefined && /took over/.test(lower.failure ?? '') ? { tooSlow: slowest } : {};
  };
  if (slowStart && down.length > 0) {
    const below = await timeBelow();
    if (below.error) return result([], emptyCallMs, below.error);
    if (below.tooSlow !== undefined) tooSlowAtStart = below.tooSlow;
  }
  let reason: string | undefined;
  let prev = from;
  let last = measured.get(from);
  /** The first size that was too slow to time (a call over its cap), after the last size timed. */
  let tooSlowAt = tooSlowAtStart;
  // Beyond the largest size, up to three more doublings while fewer than three sizes took a millisecond (a
  // compiled language's linear pass can take under one at the size a pack chose for Python). A millisecond, not
  // the fit's 0.3: the sizes are timed again below, and a size just over 0.3 ms can fall under it then.
  const top = up[up.length - 1];
  const beyond = [top * 2, top * 4, top * 8].filter((n) => n <= MAX_SIZE_BEYOND);
  const measurable = (): number => [...measured.values()].filter((ms) => ms - emptyCallMs >= BEYOND_ENOUGH_MS).length;
  for (const n of [...up.slice(1), ...beyond]) {
    if (last === undefined) break;
    if (last >= enoughMs) break;
    if (n > top) {
      if (measurable() >= 3 || remaining() < BEYOND_MIN_LEFT_MS) break;
      const err = await made([n]);
      if (err) {
        reason = err;
        break;
      }
    }
    // A doubling multiplies the time by at most 8 for the cubic class (a step over a size left out, by 64); stop when
    // that would not fit.
    const times = repeatsFor(last);
    const predicted = (Math.max(last * (n / prev) ** 3, 1) + last) * times + 300;
    if (predicted > remaining()) {
      reason = `stopped before n = ${n} to stay within ${Math.round(budget / 1000)} s`;
      break;
    }
    // The size before is timed again in the same process: the time at n is the one before times the ratio of the
    // two, measured side by side, so a machine busier now than a second ago does not bend the curve.
    const cap = Math.min(CALL_CAP_MS, Math.max(50, remaining() / times));
    let pair = await timeSizes([prev, n], cap, times);
    // No class gets faster as n doubles: a pair that did was slowed at the smaller size (a burst of load, a
    // collection that fell on those calls), and every size after it would inherit the error. It is timed again in a
    // fresh process, whose own ratio counts (the fastest calls of two processes do not compare: one process can run
    // the same code half as fast again as another), unless it shrank further.
    const shrink = growth(pair.medians);
    if (shrink !== undefined && shrink < SHRINK_RATIO && ((pair.medians[0] ?? 0) + (pair.medians[1] ?? 0)) * times + 300 < remaining()) {
      // In other orders: whatever fell on every call at one size in the first orders may do so again in the same ones.
      const again = await timeSizes([prev, n], cap, times, true, 1);
      if ((growth(again.medians) ?? 0) > shrink) pair = again;
    }
    // A size past the largest is optional: one that still reads as shrinking is left out, and the next one is timed
    // beside the last size kept (a burst of load on the machine that fell on both pairs ended the measurement there
    // with two sizes timed, and no fit).
    if (n > top && (growth(pair.medians) ?? Infinity) < SHRINK_RATIO) {
      if (opts.signal?.aborted) break;
      continue;
    }
    const [before, now] = pair.medians;
    if (before === undefined || now === undefined) {
      reason = pair.failure;
      if (before !== undefined && /took over/.test(pair.failure ?? '')) tooSlowAt = n;
      break;
    }
    last = before > 0 ? last * (now / before) : now;
    // A ratio of two timings carries the noise of both.
    record(n, last, pair.spreads[0] + pair.spreads[1]);
    prev = n;
    if (opts.signal?.aborted) break;
  }
  // A size too slow to double within the budget, with too few sizes timed yet: the sizes below the first one give
  // the curve.
  if (!timedBelow && down.length > 0 && tooSlowAt === undefined && reliable() < 3 && !opts.signal?.aborted && remaining() >= 500) {
    const below = await timeBelow();
    if (below.error) return result([], emptyCallMs, below.error);
  }
  // Growth steeper than any power (2ⁿ) goes from too fast to measure to too slow to wait for within one doubling,
  // leaving too few sizes to fit: the sizes between the last one timed and the first one too slow are timed in
  // steps of an eighth of that gap (at least 1), in order, until one is too slow; again inside the new gap while
  // there are still fewer than three sizes to fit and the gap is more than one step.
  for (let round = 0; round < 3 && tooSlowAt !== undefined && reliable() < 3 && !opts.signal?.aborted; round++) {
    const limit: number = tooSlowAt;
    const below = [...measured.keys()].filter((n) => n < limit);
    if (below.length === 0 || remaining() < 500) break;
    const start = Math.max(...below);
    const step = Math.max(1, Math.floor((limit - start) / 8));
    const between: number[] = [];
    for (let n = start + step; n < limit; n += step) between.push(n);
    if (between.length === 0) break;
    const err = await made(between);
    if (err) return result([], emptyCallMs, err);
    const fine = await timeSizes(between, Math.min(CALL_CAP_MS, Math.max(enoughMs, 2 * PROBE_CAP_MS), Math.max(50, remaining() / (repeats * 2))), repeats, false);
    between.forEach((n, k) => fine.medians[k] !== undefined && record(n, fine.medians[k]!, fine.spreads[k]));
    if (fine.failure && !/took over/.test(fine.failure)) {
      reason = fine.failure;
      break;
    }
    tooSlowAt = between.find((_, k) => fine.medians[k] === undefined) ?? limit;
  }
  // The gap can also be below: the size after the last one too fast to time took long already (a busy machine
  // slows every call), and the ones above it are too slow. The sizes between are timed then, in the same steps.
  if (tooSlowAt !== undefined && reliable() < 3 && (!reason || /took over/.test(reason)) && !opts.signal?.aborted && remaining() >= 500) {
    const slowEnough = [...measured].filter(([, ms]) => ms - emptyCallMs >= RELIABLE_MS).map(([n]) => n);
    const top = slowEnough.length > 0 ? Math.min(...slowEnough) : undefined;
    const under = top === undefined ? [] : [...measured.keys()].filter((n) => n < top);
    if (top !== undefined && under.length > 0) {
      const bottom = Math.max(...under);
      const step = Math.max(1, Math.floor((top - bottom) / 8));
      const between: number[] = [];
      for (let n = bottom + step; n < top; n += step) between.push(n);
      if (between.length > 0) {
        const err = await made(between);
        if (err) return result([], emptyCallMs, err);
        const fine = await timeSizes(between, Math.min(CALL_CAP_MS, Math.max(enoughMs, 2 * PROBE_CAP_MS), Math.max(50, remaining() / (repeats * 2))), repeats, false);
        between.forEach((n, k) => fine.medians[k] !== undefined && record(n, fine.medians[k]!, fine.spreads[k]));
        if (fine.failure && !/took over/.test(fine.failure)) reason = fine.failure;
      }
    }
  }
  // Calls shorter than the timer's noise say nothing about growth: they are left out of the fit.
  let points = [...measured].map(([n, ms]): TimingPoint => ({ n, ms: ms - emptyCallMs, spread: spreadAt.get(n) ?? 0 })).filter((p) => p.ms >= MEASURABLE_MS);
  // Calls of a millisecond or two carry the harness's own per-call work and the timer's jitter: with enough longer
  // ones, those alone are fitted.
  if (points.filter((p) => p.ms >= RELIABLE_MS).length >= 3) points = points.filter((p) => p.ms >= RELIABLE_MS);
  if (points.length < 3 && measured.size >= 3) {
    const largest = Math.max(...measured.keys());
    if (points.length === 0) return result(points, emptyCallMs, `too fast to measure: under ${MEASURABLE_MS} ms a call up to n = ${largest.toLocaleString('en-US')}`);
    return result(points, emptyCallMs, `only ${points.length === 1 ? 'one size' : 'two sizes'} took over ${MEASURABLE_MS} ms a call without getting too slow to wait for${reason ? ` (${reason})` : ''}`);
  }
  return result(points, emptyCallMs, reason);
}

/**
 * Where each size goes within each round of interleaved calls: `orders[r][k]` is size k's place in round r. The
 * order changes from round to round, so that nothing that recurs every few calls falls on the same size each time.
 * A collection of the old generation does: when each call's inputs (promoted before the call, see the harnesses)
 * fill it every second call, a fixed order a, b, a, b… put it into every call at one size. A JavaScript tree of
 * 128,000 nodes timed beside one of 256,000 took 12–16 ms a call against 3.5 ms for the larger one, and the pair read
 * as shrinking. The orders are shuffles seeded by the round, the first ones in which nothing recurring every 2, 3 or
 * 4 calls hits all of one size's calls: the same orders on every run. Another `variant` gives other orders (a pair
 * timed again).
 */
export function roundOrders(sizes: number, rounds: number, variant = 0): number[][] {
  let orders: number[][] = [];
  for (let attempt = variant * 100; attempt < (variant + 1) * 100; attempt++) {
    orders = Array.from({ length: rounds }, (_, r) => shuffled(sizes, attempt * 1009 + r + 1));
    if (rounds < 2 || spreadOut(orders, sizes)) break;
  }
  return orders;
}

/** 0…n−1 shuffled by a generator seeded with `seed` (mulberry32). */
function shuffled(n: number, seed: number): number[] {
  const places = Array.from({ length: n }, (_, k) => k);
  let state = Math.imul(seed, 0x9e3779b9);
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let k = n - 1; k > 0; k--) {
    const j = Math.floor(next() * (k + 1));
    [places[k], places[j]] = [places[j], places[k]];
  }
  return places;
}

/** Whether every size has, for a period of 2, 3 or 4 calls and any first call, one call off that beat. */
function spreadOut(orders: number[][], sizes: number): boolean {
  for (let k = 0; k < sizes; k++) {
    const calls = orders.map((order, r) => r * sizes + order[k]);
    for (let period = 2; period <= 4; period++) {
      if (calls.every((c) => c % period === calls[0] % period)) return false;
    }
  }
  return true;
}

/** "you stated O(n log n); measured ≈ O(n²)", or the measurement alone when nothing was stated. */
export function measurementSentence(m: ComplexityMeasurement, statedText?: string): string {
  const stated = statedText ? parseComplexity(statedText) : undefined;
  const measured = m.fit ? `measured ${m.label}` : m.label;
  if (!statedText) return `Complexity: ${measured}.`;
  if (!stated) return `Complexity: you stated ${statedText}, which is not one class of n (${measured}).`;
  if (!m.fit) return `Complexity: you stated ${classLabel(stated)}; ${measured}.`;
  const against = compareWithStated(m.fit, stated);
  const note = against === 'slower' ? ' — slower than stated' : against === 'faster' ? ' — faster than stated' : '';
  return `Complexity: you stated ${classLabel(stated)}; ${measured}${note}.`;
}

/** Sizes and times, for a detailed printout: `n = 4,000: 1.20 ms`. */
export function measurementTable(m: ComplexityMeasurement): string[] {
  return m.points.map((p) => `n = ${p.n.toLocaleString('en-US')}: ${p.ms < 10 ? p.ms.toFixed(2) : Math.round(p.ms)} ms`);
}

export type { ComplexityClass };
