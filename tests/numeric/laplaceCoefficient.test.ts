/**
 * Laplace coefficients (sim/numeric/laplaceCoefficient.ts) against the hypergeometric series of Murray & Dermott,
 * "Solar System Dynamics" (1999), eq. 6.68: b_s^(j)(α) = 2 (s)_j / j! α^j F(s, s + j; j + 1; α^2), summed here
 * term by term to convergence (an independent formula: no quadrature), and the leading terms of the small-α
 * expansion b_3/2^(1) = 3α (1 + 15/8 α^2 + 175/64 α^4 + ...).
 */
import { describe, expect, it } from 'vitest';

import { InputError } from '../../sim/errors.ts';
import { laplaceCoefficient } from '../../sim/numeric/laplaceCoefficient.ts';

/** Relative agreement with the series: both converge to rounding; the series sums ~1000 terms at α = 0.95. */
const SERIES_TOL = 1e-12;

function pochhammer(x: number, k: number): number {
  let p = 1;
  for (let i = 0; i < k; i += 1) p *= x + i;
  return p;
}

function series(s: number, j: number, alpha: number): number {
  const z = alpha * alpha;
  let term = 1;
  let sum = 1;
  for (let k = 0; k < 100_000; k += 1) {
    term *= (((s + k) * (s + j + k)) / ((j + 1 + k) * (k + 1))) * z;
    sum += term;
    if (Math.abs(term) < 1e-18 * sum) break;
  }
  let factorial = 1;
  for (let i = 2; i <= j; i += 1) factorial *= i;
  return ((2 * pochhammer(s, j)) / factorial) * alpha ** j * sum;
}

describe('laplaceCoefficient', () => {
  it('matches the hypergeometric series of M&D eq. 6.68', () => {
    for (const s of [0.5, 1.5, 2.5]) {
      for (const j of [0, 1, 2, 3]) {
        for (const alpha of [0.05, 0.3, 0.5454, 0.72, 0.9, 0.95]) {
          const reference = series(s, j, alpha);
          expect(Math.abs(laplaceCoefficient(s, j, alpha) / reference - 1)).toBeLessThan(SERIES_TOL);
        }
      }
    }
  });
  it('starts like 3α (1 + 15/8 α^2 + 175/64 α^4) for b_3/2^(1) at small α', () => {
    const alpha = 1e-3;
    const expansion = 3 * alpha * (1 + (15 / 8) * alpha ** 2 + (175 / 64) * alpha ** 4);
    expect(Math.abs(laplaceCoefficient(1.5, 1, alpha) / expansion - 1)).toBeLessThan(SERIES_TOL);
  });
  it('refuses α outside [0, 1) and bad orders, naming the argument', () => {
    expect(() => laplaceCoefficient(1.5, 1, 1)).toThrow(InputError);
    expect(() => laplaceCoefficient(1.5, 1, 0.9999)).toThrow(/alpha/);
    expect(() => laplaceCoefficient(1.5, -1, 0.5)).toThrow(/j/);
    expect(() => laplaceCoefficient(0, 1, 0.5)).toThrow(/s/);
  });
});
