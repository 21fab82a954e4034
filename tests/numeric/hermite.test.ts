/**
 * Cubic Hermite interpolation (sim/numeric/hermite.ts) against analytic functions:
 * - exact on cubics (the interpolant of a cubic's values and slopes is that cubic), value and slope;
 * - on sin, the error is below the bound h^4 max|f''''| / 384 and falls as h^4 (ratio ~16 when h halves);
 * - hermiteWeights reproduces hermite bit for bit (the state interpolation relies on it).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { hermite, hermiteSlope, hermiteWeights } from '../../sim/numeric/hermite.ts';

/** Relative error allowed on a cubic: a few roundings of terms of size |coefficients| (~1e-15 each). */
const CUBIC_REL_TOL = 1e-12;
/** Observed order: the ratio of the errors of h and h/2 must be within 10 % of 2^4. */
const ORDER_RATIO_TOL = 0.1 * 16;

const coefficient = fc.double({ min: -10, max: 10, noNaN: true });

describe('hermite', () => {
  it('is exact on cubics, in value and in slope', () => {
    fc.assert(
      fc.property(
        fc.tuple(coefficient, coefficient, coefficient, coefficient),
        fc.double({ min: -5, max: 5, noNaN: true }),
        fc.double({ min: 0.01, max: 3, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        ([a, b, c, d], x0, h, s) => {
          const p = (x: number): number => a + x * (b + x * (c + x * d));
          const dp = (x: number): number => b + x * (2 * c + x * 3 * d);
          const x = x0 + s * h;
          const scale = Math.abs(a) + Math.abs(b) + Math.abs(c) + Math.abs(d);
          const xScale = 1 + Math.abs(x0) + h;
          const value = hermite(p(x0), dp(x0), p(x0 + h), dp(x0 + h), h, s);
          expect(Math.abs(value - p(x))).toBeLessThanOrEqual(CUBIC_REL_TOL * scale * xScale ** 3);
          const slope = hermiteSlope(p(x0), dp(x0), p(x0 + h), dp(x0 + h), h, s);
          expect(Math.abs(slope - dp(x))).toBeLessThanOrEqual((CUBIC_REL_TOL * scale * xScale ** 3) / h);
        },
      ),
      { numRuns: 3_000 },
    );
  });

  it('takes the end values and slopes at s = 0 and s = 1', () => {
    expect(hermite(2, 5, -1, 7, 0.5, 0)).toBe(2);
    expect(hermite(2, 5, -1, 7, 0.5, 1)).toBe(-1);
    expect(hermiteSlope(2, 5, -1, 7, 0.5, 0)).toBe(5);
    expect(hermiteSlope(2, 5, -1, 7, 0.5, 1)).toBe(7);
  });

  it('matches sin to O(h^4), within h^4 / 384', () => {
    const maxError = (h: number): number => {
      let worst = 0;
      for (let x0 = 0; x0 < 6; x0 += h) {
        for (let k = 1; k < 16; k += 1) {
          const s = k / 16;
          const value = hermite(Math.sin(x0), Math.cos(x0), Math.sin(x0 + h), Math.cos(x0 + h), h, s);
          worst = Math.max(worst, Math.abs(value - Math.sin(x0 + s * h)));
        }
      }
      return worst;
    };
    const steps = [0.4, 0.2, 0.1, 0.05];
    const errors = steps.map(maxError);
    steps.forEach((h, k) => expect(errors[k]).toBeLessThanOrEqual(h ** 4 / 384));
    for (let k = 1; k < errors.length; k += 1) {
      expect(Math.abs((errors[k - 1] as number) / (errors[k] as number) - 16)).toBeLessThan(ORDER_RATIO_TOL);
    }
  });

  it('hermiteWeights gives the same number as hermite, bit for bit', () => {
    const weights = new Float64Array(4);
    fc.assert(
      fc.property(
        fc.tuple(coefficient, coefficient, coefficient, coefficient),
        fc.double({ min: 1e-6, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        ([p0, d0, p1, d1], h, s) => {
          hermiteWeights(s, h, weights);
          const viaWeights =
            (weights[0] as number) * p0 +
            (weights[1] as number) * d0 +
            (weights[2] as number) * p1 +
            (weights[3] as number) * d1;
          expect(viaWeights).toBe(hermite(p0, d0, p1, d1, h, s));
        },
      ),
      { numRuns: 3_000 },
    );
  });
});
