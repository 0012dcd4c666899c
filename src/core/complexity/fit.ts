import { COMPLEXITY_CLASSES, GROWTH, classLabel, classRank, type ComplexityClass } from './classes';

/** One measured size: n, and the time of one call there (the fastest of its repeats, empty-call cost subtracted). */
export interface TimingPoint {
  n: number;
  ms: number;
  /**
   * How far the repeats at this size stood apart, relative to the fastest: (second fastest − fastest) / fastest.
   * Reported with the points (how much to trust each); the fit does not widen its range by it: on a loaded machine
   * the spread reaches 50 % and more, which would leave every class in range.
   */
  spread?: number;
}

/** What the timings say: the best-fitting class, and the range of classes they cannot tell apart from it. */
export interface ComplexityFit {
  best: ComplexityClass;
  /** The lowest and highest class the fit cannot separate from `best` (both `best` when it stands alone). */
  range: [ComplexityClass, ComplexityClass];
  /** Relative residual of each class's least-squares fit (lower fits better). */
  residuals: Record<ComplexityClass, number>;
}

/**
 * A neighbour whose residual is within this factor of the best one's is not told apart from it: timing noise on
 * a busy machine easily moves a residual by that much, and n against n log n differs by a few per cent a doubling.
 */
export const SEPARATION = 2;
/** Residuals below this are all "a perfect fit": noise-free data (tests) do not separate by ratio alone. */
const RESIDUAL_FLOOR = 1e-4;
/**
 * How much steeper than its algorithm a solution's timings can grow, as an extra exponent of n: once its data
 * outgrows a cache level, every step costs more. Measured here between 16,000 and 128,000: a Python dict of
 * strings grows as n^1.27, a C++ deque as n^1.1, for algorithms that are O(n). A class below the best
 * one is not told apart from it when the timings fit that class times n^β, β at most this, about as well: timing
 * alone cannot tell O(n) with a cache effect from O(n log n) (an exponent 0.07–0.1 apart over these sizes), nor
 * O(1) from O(log n). Classes an exponent of about one apart (n log n and n², n² and n³) stay apart.
 */
export const CACHE_DRIFT = 0.35;
/** The drifts tried, from none to CACHE_DRIFT in steps of 0.01. */
const DRIFTS = Array.from({ length: Math.round(CACHE_DRIFT * 100) }, (_, i) => (i + 1) / 100);
/**
 * A class with a drift fits within this residual (about 4 % of each time) or within the best one's tolerance: a
 * cache effect is a step or two in the curve, which a power of n follows only roughly (n^1.11 follows n log n
 * from 1,000 to 64,000 to within 3 %).
 */
const DRIFT_RESIDUAL = 2e-3;

/**
 * Fits `ms ≈ c·g(n)` for each class g by least squares on the relative error (each point weighs as much as any
 * other, whatever its size), as the big_O method fits each class and keeps the one with the least residual.
 * Needs at least three sizes; undefined otherwise.
 */
export function fitComplexity(points: readonly TimingPoint[]): ComplexityFit | undefined {
  const usable = points.filter((p) => p.n >= 1 && Number.isFinite(p.ms) && p.ms > 0);
  if (new Set(usable.map((p) => p.n)).size < 3) return undefined;
  const residuals = {} as Record<ComplexityClass, number>;
  for (const c of COMPLEXITY_CLASSES) residuals[c] = c === 'O(2^n)' ? exponentialResidual(usable) : relativeResidual(usable, GROWTH[c]);
  const best = COMPLEXITY_CLASSES.reduce((a, b) => (residuals[b] < residuals[a] ? b : a));
  const tolerance = Math.max(SEPARATION * residuals[best], RESIDUAL_FLOOR);
  const close = (c: ComplexityClass): boolean => residuals[c] <= tolerance;
  // A class below the best one, with a cache effect of up to CACHE_DRIFT on top (see there).
  const closeWithDrift = (c: ComplexityClass): boolean =>
    close(c) || (c !== 'O(2^n)' && DRIFTS.some((beta) => relativeResidual(usable, (n) => GROWTH[c](n) * Math.pow(n, beta)) <= Math.max(tolerance, DRIFT_RESIDUAL)));
  let lo = classRank(best);
  let hi = lo;
  // Below an exponential, the polynomials are not a cache effect of it.
  const closeBelow = best === 'O(2^n)' ? close : closeWithDrift;
  while (lo > 0 && closeBelow(COMPLEXITY_CLASSES[lo - 1])) lo--;
  while (hi < COMPLEXITY_CLASSES.length - 1 && close(COMPLEXITY_CLASSES[hi + 1])) hi++;
  return { best, range: [COMPLEXITY_CLASSES[lo], COMPLEXITY_CLASSES[hi]], residuals };
}

/** Mean squared relative error of the best `c·g(n)` (c ≥ 0): minimises Σ(1 − c·g/t)², so c = Σ(g/t) / Σ(g/t)². */
function relativeResidual(points: readonly TimingPoint[], g: (n: number) => number): number {
  return residualOfRatios(points.map((p) => g(p.n) / p.ms));
}

/** The exponential bases tried, from barely exponential (1.1ⁿ) to 16ⁿ, evenly in log b. */
const BASES = Array.from({ length: 240 }, (_, i) => Math.exp(Math.log(1.1) + (i / 239) * (Math.log(16) - Math.log(1.1))));

/**
 * The exponential class is every `c·bⁿ` with b > 1, not 2ⁿ alone: a recursion that branches three ways (3ⁿ) or
 * like Fibonacci numbers (1.6ⁿ) is exponential too, and a fixed base would fit it worse than a polynomial does.
 * The best base is searched; the ratios are scaled by their largest before exponentiating, so large n cannot
 * overflow (the residual does not depend on the scale).
 */
function exponentialResidual(points: readonly TimingPoint[]): number {
  let best = Infinity;
  for (const b of BASES) {
    const logs = points.map((p) => p.n * Math.log(b) - Math.log(p.ms));
    const top = Math.max(...logs);
    best = Math.min(best, residualOfRatios(logs.map((l) => Math.exp(l - top))));
  }
  return best;
}

function residualOfRatios(ratios: number[]): number {
  if (ratios.some((r) => !Number.isFinite(r)) || ratios.every((r) => r === 0)) return Infinity;
  const c = ratios.reduce((s, r) => s + r, 0) / ratios.reduce((s, r) => s + r * r, 0);
  return ratios.reduce((s, r) => s + (1 - c * r) ** 2, 0) / ratios.length;
}

/** The fit as a reader takes it: `≈ O(n log n)`, or `between O(n) and O(n log n)`. */
export function fitLabel(fit: ComplexityFit): string {
  const [lo, hi] = fit.range;
  return lo === hi ? `≈ ${classLabel(lo)}` : `between ${classLabel(lo)} and ${classLabel(hi)}`;
}

/** How a measurement stands against a stated class: within the range, above it (slower) or below it. */
export function compareWithStated(fit: ComplexityFit, stated: ComplexityClass): 'consistent' | 'slower' | 'faster' {
  const [lo, hi] = fit.range;
  if (classRank(lo) > classRank(stated)) return 'slower';
  if (classRank(hi) < classRank(stated)) return 'faster';
  return 'consistent';
}
