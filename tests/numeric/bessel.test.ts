/**
 * Bessel J0, J1 (sim/numeric/bessel.ts, A&S 9.4.1-9.4.6) against values from outside the code:
 * - Abramowitz & Stegun, "Handbook of Mathematical Functions" (1964), Table 9.1 (pp. 390-), J0(x) and J1(x) to
 *   15 decimals;
 * - the first three zeros j_{0,s} and j_{1,s} of A&S Table 9.5 (p. 409);
 * - the integral representation J_n(x) = (1/pi) int_0^pi cos(n t - x sin t) dt (A&S 9.1.21), by the midpoint rule,
 *   spectrally accurate for this periodic integrand.
 */
import { describe, expect, it } from 'vitest';

import { besselJ0, besselJ1 } from '../../sim/numeric/bessel.ts';

/**
 * Absolute error allowed, dimensionless: the accuracy the module states, from A&S's bounds on the polynomial
 * (5e-8 for J0, 1.3e-8 x 3 for J1 on |x| <= 3) and on the modulus and phase beyond (about 4e-8 / sqrt(x)).
 */
const BESSEL_ABS_TOL = 1e-7;

/** A&S Table 9.1: x, J0(x), J1(x). */
const TABLE_9_1: ReadonlyArray<readonly [number, number, number]> = [
  [0.5, 0.938469807240813, 0.242268457674874],
  [1, 0.765197686557967, 0.440050585744934],
  [1.5, 0.511827671735918, 0.5579365079101],
  [2, 0.223890779141236, 0.576724807756873],
  [2.5, -0.048383776468198, 0.497094102464274],
  [3, -0.260051954901933, 0.339058958525936],
  [4, -0.397149809863847, -0.066043328023549],
  [5, -0.177596771314338, -0.327579137591465],
  [10, -0.245935764451348, 0.043472746168862],
];

/** A&S Table 9.5: the first zeros of J0 and J1. */
const J0_ZEROS = [2.404825557695773, 5.520078110286311, 8.653727912911013];
const J1_ZEROS = [3.831705970207512, 7.015586669815619, 10.17346813506272];

/** J_n(x) by the integral representation A&S 9.1.21 (midpoint rule, 400 points). */
function besselByIntegral(n: number, x: number): number {
  const steps = 400;
  let sum = 0;
  for (let k = 0; k < steps; k++) {
    const t = ((k + 0.5) * Math.PI) / steps;
    sum += Math.cos(n * t - x * Math.sin(t));
  }
  return sum / steps;
}

describe('Bessel J0, J1 (A&S 9.4)', () => {
  it('match A&S Table 9.1 to the stated accuracy', () => {
    expect(TABLE_9_1.length).toBe(9);
    for (const [x, j0, j1] of TABLE_9_1) {
      expect(Math.abs(besselJ0(x) - j0)).toBeLessThan(BESSEL_ABS_TOL);
      expect(Math.abs(besselJ1(x) - j1)).toBeLessThan(BESSEL_ABS_TOL);
    }
  });

  it('vanish at the zeros of A&S Table 9.5', () => {
    for (const z of J0_ZEROS) expect(Math.abs(besselJ0(z))).toBeLessThan(BESSEL_ABS_TOL);
    for (const z of J1_ZEROS) expect(Math.abs(besselJ1(z))).toBeLessThan(BESSEL_ABS_TOL);
    // and change sign there (a zero, not a minimum of |J| near 0)
    for (const z of J0_ZEROS) expect(Math.sign(besselJ0(z - 0.01))).toBe(-Math.sign(besselJ0(z + 0.01)));
    for (const z of J1_ZEROS) expect(Math.sign(besselJ1(z - 0.01))).toBe(-Math.sign(besselJ1(z + 0.01)));
  });

  it('match the integral representation to the stated accuracy from 0 to 60', () => {
    let worst = 0;
    for (let x = 0; x <= 60; x += 0.137) {
      worst = Math.max(worst, Math.abs(besselJ0(x) - besselByIntegral(0, x)));
      worst = Math.max(worst, Math.abs(besselJ1(x) - besselByIntegral(1, x)));
    }
    expect(worst).toBeLessThan(BESSEL_ABS_TOL);
  });

  it('have the parity of J0 (even) and J1 (odd), and J0(0) = 1, J1(0) = 0', () => {
    expect(besselJ0(-4.2)).toBe(besselJ0(4.2));
    expect(besselJ1(-4.2)).toBe(-besselJ1(4.2));
    expect(besselJ0(-1.3)).toBe(besselJ0(1.3));
    expect(besselJ1(-1.3)).toBe(-besselJ1(1.3));
    expect(besselJ0(0)).toBe(1);
    expect(besselJ1(0)).toBe(0);
  });
});
