import * as assert from 'node:assert/strict';
import { GROWTH, parseComplexity, type ComplexityClass } from '../../../src/core/complexity/classes';
import { compareWithStated, fitComplexity, fitLabel, SEPARATION } from '../../../src/core/complexity/fit';
import { statedTimeComplexity } from '../../../src/core/complexity/stated';

/** Synthetic timings of c·g(n) at doubling sizes, each multiplied by a fixed pattern of noise. */
function timings(c: ComplexityClass, sizes: number[], scale: number, noise: number[] = [1]): { n: number; ms: number }[] {
  return sizes.map((n, i) => ({ n, ms: scale * GROWTH[c](n) * noise[i % noise.length] }));
}
const DOUBLING = [1000, 2000, 4000, 8000, 16000, 32000, 64000];

describe('fitting timings to a complexity class', () => {
  it('finds each class from clean timings, alone when its neighbours fit clearly worse', () => {
    for (const c of ['O(1)', 'O(n)', 'O(n^2)', 'O(n^3)'] as ComplexityClass[]) {
      const fit = fitComplexity(timings(c, DOUBLING, 1e-6));
      assert.equal(fit?.best, c);
      assert.deepEqual(fit?.range, [c, c], `${c}: ${JSON.stringify(fit?.residuals)}`);
    }
    const exp = fitComplexity(timings('O(2^n)', [10, 12, 14, 16, 18, 20], 1e-3));
    assert.equal(exp?.best, 'O(2^n)');
  });

  it('reads any exponential base as exponential, not 2ⁿ alone', () => {
    // A three-way recursion (3ⁿ) and a Fibonacci-like one (1.6ⁿ), timed at sizes a step of one or two apart.
    for (const [base, sizes] of [[3, [8, 9, 10, 11, 12, 13]], [1.6, [20, 22, 24, 26, 28, 30]]] as const) {
      const fit = fitComplexity(sizes.map((n, i) => ({ n, ms: 1e-3 * Math.pow(base, n) * [1.05, 0.95, 1, 1.04, 0.97, 1][i] })));
      assert.equal(fit?.best, 'O(2^n)', `${base}ⁿ: ${JSON.stringify(fit?.residuals)}`);
      assert.deepEqual(fit?.range, ['O(2^n)', 'O(2^n)'], `${base}ⁿ: ${JSON.stringify(fit?.residuals)}`);
    }
    // An exponential base cannot pass for a polynomial over doubling sizes, however large n gets (no overflow).
    assert.equal(fitComplexity(timings('O(n^2)', DOUBLING, 1e-7))?.best, 'O(n^2)');
    assert.ok(Number.isFinite(fitComplexity(timings('O(n)', DOUBLING, 1e-5))!.residuals['O(2^n)']));
  });

  it('says "between" when noise hides the difference between neighbours', () => {
    // ±10 % noise over four sizes: n and n log n differ by a few per cent per doubling, so they cannot be told apart.
    const fit = fitComplexity(timings('O(n)', [1000, 2000, 4000, 8000], 1e-4, [1.1, 0.9, 0.95, 1.1]));
    assert.ok(fit);
    assert.equal(fitLabel(fit), 'between O(n) and O(n log n)');
    assert.equal(compareWithStated(fit, 'O(n)'), 'consistent');
    assert.equal(compareWithStated(fit, 'O(n log n)'), 'consistent');
    assert.equal(compareWithStated(fit, 'O(1)'), 'slower');
    assert.equal(compareWithStated(fit, 'O(n^2)'), 'faster');
  });

  it('keeps n² apart from n log n even with the same noise', () => {
    const fit = fitComplexity(timings('O(n^2)', DOUBLING, 1e-7, [1.08, 0.92, 1.05, 0.95, 1.08, 0.93, 1.02]));
    assert.equal(fit?.best, 'O(n^2)');
    assert.equal(fitLabel(fit!), '≈ O(n²)');
    assert.equal(compareWithStated(fit!, 'O(n log n)'), 'slower');
  });

  it('does not tell O(n) from O(n log n) when the timings grow a little faster than n, as a cache effect makes them', () => {
    // Measured here for an O(n) solution (a Python dict of strings), 16,000 to 128,000: each doubling cost 2.4–2.6×.
    const measured = [
      { n: 16000, ms: 3.25 },
      { n: 32000, ms: 8.33 },
      { n: 64000, ms: 19 },
      { n: 128000, ms: 46 },
    ];
    const fit = fitComplexity(measured)!;
    assert.equal(fitLabel(fit), 'between O(n) and O(n log n)', JSON.stringify(fit.residuals));
    assert.equal(compareWithStated(fit, 'O(n)'), 'consistent');
    // Clean n log n reads the same way: with a cache effect, n is as good an explanation.
    assert.deepEqual(fitComplexity(timings('O(n log n)', DOUBLING, 1e-6))?.range, ['O(n)', 'O(n log n)']);
    // Growth an exponent of one above stays apart, cache effect or not: n² on top of such an n still reads n².
    const quadratic = fitComplexity(measured.map((p) => ({ n: p.n, ms: (p.ms * p.n) / 1000 })))!;
    assert.equal(fitLabel(quadratic), '≈ O(n²)', JSON.stringify(quadratic.residuals));
    assert.equal(compareWithStated(quadratic, 'O(n log n)'), 'slower');
    // Without the drift allowed for the class below (the fit before), the timings read as n log n alone.
    assert.ok(fit.residuals['O(n)'] > SEPARATION * fit.residuals['O(n log n)']);
  });

  it('does not guess from fewer than three sizes', () => {
    assert.equal(fitComplexity(timings('O(n)', [1000, 2000], 1e-3)), undefined);
    assert.equal(fitComplexity([{ n: 1000, ms: 1 }, { n: 1000, ms: 2 }, { n: 2000, ms: 2 }]), undefined);
  });
});

describe('reading a stated complexity', () => {
  it('reads the usual ways of writing a class, and nothing else', () => {
    const cases: [string, ComplexityClass | undefined][] = [
      ['O(n log n)', 'O(n log n)'], ['O(N*logN)', 'O(n log n)'], ['O(n log(n))', 'O(n log n)'], ['O(k log k)', 'O(n log n)'],
      ['O(n^2)', 'O(n^2)'], ['O(n²)', 'O(n^2)'], ['O(n**3)', 'O(n^3)'], ['Θ(n)', 'O(n)'], ['O(1)', 'O(1)'], ['O(log n)', 'O(log n)'],
      ['O(2^n)', 'O(2^n)'], ['O(V + E)', undefined], ['O(n!)', undefined], ['n log n', undefined],
    ];
    for (const [text, wanted] of cases) assert.equal(parseComplexity(text), wanted, text);
  });

  it("finds the time complexity in a plan's Complexity section, not the space one", () => {
    const plan = '# Plan\n\n## 1. Restated\nx\n\n## 4. Complexity\n\n- Space: O(n)\n- Time: O(n log n) for the sort\n';
    assert.deepEqual(statedTimeComplexity(plan), { class: 'O(n log n)', text: 'O(n log n)', line: 9 });
    assert.equal(statedTimeComplexity('## Complexity\n\nTime: linear, space: constant\n')?.class, 'O(n)');
    assert.equal(statedTimeComplexity('## Complexity\n\nSpace: O(1)\n'), undefined);
  });
});
