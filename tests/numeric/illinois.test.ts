/**
 * illinoisRoot against roots known from outside the code: the Dottie number (the fixed point of cos,
 * 0.739085133215160641655..., OEIS A003957) and sqrt(2); on Kepler's equation E - e sin E = M (e = 0.5, M = 1)
 * the residual, and fewer evaluations than bisection would need.
 */
import { describe, expect, it } from 'vitest';

import { illinoisRoot } from '../../sim/numeric/illinois.ts';

describe('illinoisRoot', () => {
  it('finds the Dottie number and sqrt(2) to the tolerance', () => {
    const dottie = (x: number) => Math.cos(x) - x;
    expect(
      Math.abs(illinoisRoot(dottie, 0, 1, dottie(0), dottie(1), 1e-12) - 0.7390851332151607),
    ).toBeLessThan(1e-12);
    const square = (x: number) => x * x - 2;
    expect(Math.abs(illinoisRoot(square, 1, 2, -1, 2, 1e-13) - Math.SQRT2)).toBeLessThan(1e-13);
  });

  it('needs a handful of evaluations on a smooth root, where bisection needs one per halving', () => {
    let calls = 0;
    const kepler = (E: number) => {
      calls += 1;
      return E - 0.5 * Math.sin(E) - 1;
    };
    const root = illinoisRoot(kepler, 0, Math.PI, kepler(0), kepler(Math.PI), 1e-10);
    calls -= 2;
    expect(Math.abs(kepler(root))).toBeLessThan(1e-10);
    expect(calls).toBeLessThan(12); // bisection from pi to 1e-10: 35 halvings
  });

  it('returns an end where the function is zero', () => {
    expect(illinoisRoot((x) => x, 0, 1, 0, 1, 1e-9)).toBe(0);
    expect(illinoisRoot((x) => x - 1, 0, 1, -1, 0, 1e-9)).toBe(1);
  });
});
