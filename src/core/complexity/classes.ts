/**
 * The complexity classes timing can be fitted to, in increasing order of growth, and the way people write them
 * (`O(n log n)`, `O(n^2)`, `O(n²)`, `O(N*logN)`).
 */

/** A complexity class, by growth: each grows faster than the one before it. */
export type ComplexityClass = 'O(1)' | 'O(log n)' | 'O(n)' | 'O(n log n)' | 'O(n^2)' | 'O(n^3)' | 'O(2^n)';

/** The classes in increasing order of growth. */
export const COMPLEXITY_CLASSES: readonly ComplexityClass[] = ['O(1)', 'O(log n)', 'O(n)', 'O(n log n)', 'O(n^2)', 'O(n^3)', 'O(2^n)'];

/** How fast each class grows with n (n ≥ 1). */
export const GROWTH: Readonly<Record<ComplexityClass, (n: number) => number>> = {
  'O(1)': () => 1,
  'O(log n)': (n) => Math.log2(n),
  'O(n)': (n) => n,
  'O(n log n)': (n) => n * Math.log2(n),
  'O(n^2)': (n) => n * n,
  'O(n^3)': (n) => n * n * n,
  'O(2^n)': (n) => Math.pow(2, Math.min(n, 1000)),
};

/** The class as people read it: `O(n²)`, `O(n log n)`. */
export function classLabel(c: ComplexityClass): string {
  return c.replace('^2', '²').replace('^3', '³').replace('2^n', '2ⁿ');
}

/** The position of a class in COMPLEXITY_CLASSES (for "at or below" comparisons). */
export function classRank(c: ComplexityClass): number {
  return COMPLEXITY_CLASSES.indexOf(c);
}

/**
 * Reads a complexity as written in a plan or a problem (`O(n log n)`, `O(N*logN)`, `O(n^2)`, `O(n²)`, `Θ(n)`,
 * `O(V + E)` is not a class of one variable: undefined). Any single letter stands for n, so `O(k log k)` reads
 * as `O(n log n)`.
 */
export function parseComplexity(text: string): ComplexityClass | undefined {
  const m = /^\s*[OΘθΩ]\s*\((.*)\)\s*$/.exec(text.trim());
  if (!m) return undefined;
  let body = m[1]
    .replace(/²/g, '^2')
    .replace(/³/g, '^3')
    .replace(/ⁿ/g, '^n')
    .replace(/\*\*/g, '^')
    .replace(/[·*×⋅]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const letters = new Set(body.replace(/log/gi, '').match(/[A-Za-z]/g) ?? []);
  if (letters.size > 1) return undefined;
  const letter = [...letters][0];
  if (letter) body = body.split(letter).join('n');
  body = body.replace(/\blg\b/g, 'log').replace(/log ?_?2? ?\(?n\)?/gi, 'log n');
  const compact = body.replace(/\s+/g, '');
  switch (compact) {
    case '1':
      return 'O(1)';
    case 'logn':
      return 'O(log n)';
    case 'n':
      return 'O(n)';
    case 'nlogn':
    case 'logn n':
      return 'O(n log n)';
    case 'n^2':
      return 'O(n^2)';
    case 'n^3':
      return 'O(n^3)';
    case '2^n':
      return 'O(2^n)';
    default:
      return undefined;
  }
}
