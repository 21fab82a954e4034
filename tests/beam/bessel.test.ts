import { describe, expect, it } from 'vitest';
import { besselJ0, besselJ1 } from '../../sim/beam/bessel.ts';
import { gaussLegendre01 } from '../../sim/beam/quadrature.ts';

/** J_n(x) = (1/pi) int_0^pi cos(n t - x sin t) dt; the trapezoid rule is spectrally exact for this periodic form. */
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
  it('match the integral representation to 1e-7 from 0 to 60', () => {
    for (let x = 0; x <= 60; x += 0.137) {
      expect(Math.abs(besselJ0(x) - besselByIntegral(0, x))).toBeLessThan(1e-7);
      expect(Math.abs(besselJ1(x) - besselByIntegral(1, x))).toBeLessThan(1e-7);
    }
  });

  it('reproduce A&S table values and first zeros', () => {
    expect(besselJ0(1)).toBeCloseTo(0.7651976865579666, 7);
    expect(besselJ1(1)).toBeCloseTo(0.4400505857449335, 7);
    expect(Math.abs(besselJ0(2.404825557695773))).toBeLessThan(1e-7);
    expect(Math.abs(besselJ1(3.831705970207512))).toBeLessThan(1e-7);
  });

  it('have the parity of J0 (even) and J1 (odd)', () => {
    expect(besselJ0(-4.2)).toBe(besselJ0(4.2));
    expect(besselJ1(-4.2)).toBe(-besselJ1(4.2));
  });
});

describe('Gauss-Legendre on [0, 1]', () => {
  it('integrates polynomials of degree 2n-1 exactly and weights sum to 1', () => {
    for (const n of [1, 2, 5, 17, 64]) {
      const { nodes, weights } = gaussLegendre01(n);
      expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 13);
      const degree = 2 * n - 1;
      const integral = nodes.reduce((acc, x, i) => acc + (weights[i] as number) * x ** degree, 0);
      expect(integral).toBeCloseTo(1 / (degree + 1), 12);
    }
  });
});
