/**
 * Gauss-Legendre rules on [0, 1] (sim/numeric/gaussLegendre.ts) against values from outside the code:
 * - nodes and weights of Abramowitz & Stegun, "Handbook of Mathematical Functions" (1964), Table 25.4 (p. 916),
 *   on [-1, 1], 15 decimals; the positive nodes and their weights for n = 2, 3, 4, 5, 6 and 10;
 * - exactness for polynomials of degree <= 2n - 1, and the error term of A&S 25.4.30 at degree 2n:
 *   int_0^1 x^(2n) dx - Q_n = (n!)^4 / ((2n + 1) ((2n)!)^2) (f^(2n) = (2n)! is constant, so this is exact).
 */
import { describe, expect, it } from 'vitest';

import { InputError } from '../../sim/errors.ts';
import { gaussLegendre01 } from '../../sim/numeric/gaussLegendre.ts';

/** Nodes against Table 25.4, on [-1, 1]: half a unit of its 15th decimal (5e-16) plus the rounding of the map. */
const TABLE_NODE_TOL = 1e-15;
/**
 * Weights against Table 25.4: w = 2 / ((1 - x^2) P_n'(x)^2) amplifies the rounding of the node and of the
 * recurrence; the largest difference measured is 4.4e-15 (n = 10, the outermost weight).
 */
const TABLE_WEIGHT_TOL = 1e-14;
/** Error allowed on the integral of a monomial of degree <= 2n - 1, or of the degree-2n error term: rounding. */
const EXACT_TOL = 1e-14;
/** x_i + x_(n-1-i) against 1, digits (5e-16): each node rounds within an ulp below 1 (1.1e-16). */
const SYMMETRY_DIGITS = 15;

/** A&S Table 25.4: n -> [positive node x_i, weight w_i] on [-1, 1]. */
const TABLE_25_4: ReadonlyMap<number, ReadonlyArray<readonly [number, number]>> = new Map([
  [2, [[0.577350269189626, 1]]],
  [
    3,
    [
      [0, 0.888888888888889],
      [0.774596669241483, 0.555555555555556],
    ],
  ],
  [
    4,
    [
      [0.339981043584856, 0.652145154862546],
      [0.861136311594053, 0.347854845137454],
    ],
  ],
  [
    5,
    [
      [0, 0.568888888888889],
      [0.538469310105683, 0.478628670499366],
      [0.906179845938664, 0.236926885056189],
    ],
  ],
  [
    6,
    [
      [0.238619186083197, 0.467913934572691],
      [0.661209386466265, 0.360761573048139],
      [0.932469514203152, 0.17132449237917],
    ],
  ],
  [
    10,
    [
      [0.148874338981631, 0.295524224714753],
      [0.433395394129247, 0.269266719309996],
      [0.679409568299024, 0.219086362515982],
      [0.865063366688985, 0.149451349150581],
      [0.973906528517172, 0.066671344308688],
    ],
  ],
]);

function factorial(k: number): number {
  let p = 1;
  for (let i = 2; i <= k; i += 1) p *= i;
  return p;
}

describe('Gauss-Legendre on [0, 1]', () => {
  it('has the nodes and weights of A&S Table 25.4', () => {
    let rows = 0;
    for (const [n, table] of TABLE_25_4) {
      const { nodes, weights } = gaussLegendre01(n);
      expect(nodes.length).toBe(n);
      // Ascending nodes; the positive half of [-1, 1] is the upper half of [0, 1], x = 2 s - 1, w = 2 w01.
      const positive = Array.from(nodes.slice(Math.floor(n / 2)), (s, k) => ({
        x: 2 * s - 1,
        w: 2 * (weights[Math.floor(n / 2) + k] as number),
      }));
      expect(positive.length).toBe(table.length);
      table.forEach(([x, w], k) => {
        expect(Math.abs((positive[k]?.x ?? NaN) - x)).toBeLessThan(TABLE_NODE_TOL);
        expect(Math.abs((positive[k]?.w ?? NaN) - w)).toBeLessThan(TABLE_WEIGHT_TOL);
        rows += 1;
      });
    }
    expect(rows).toBe(16);
  });

  it('is symmetric about 1/2 and its weights sum to 1', () => {
    for (const n of [1, 2, 7, 32, 101]) {
      const { nodes, weights } = gaussLegendre01(n);
      for (let i = 0; i < n; i += 1) {
        expect((nodes[i] as number) + (nodes[n - 1 - i] as number)).toBeCloseTo(1, SYMMETRY_DIGITS);
        expect(weights[i]).toBe(weights[n - 1 - i]);
      }
      expect(Math.abs(weights.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(EXACT_TOL);
    }
  });

  it('integrates x^k exactly for k <= 2n - 1, and misses x^(2n) by the A&S 25.4.30 error term', () => {
    for (const n of [1, 2, 3, 5, 8, 12]) {
      const { nodes, weights } = gaussLegendre01(n);
      const rule = (k: number): number =>
        nodes.reduce((acc, x, i) => acc + (weights[i] as number) * x ** k, 0);
      for (let k = 0; k <= 2 * n - 1; k += 1) expect(Math.abs(rule(k) - 1 / (k + 1))).toBeLessThan(EXACT_TOL);
      const error = 1 / (2 * n + 1) - rule(2 * n);
      const expected = factorial(n) ** 4 / ((2 * n + 1) * factorial(2 * n) ** 2);
      expect(Math.abs(error - expected)).toBeLessThan(EXACT_TOL);
      expect(error).toBeGreaterThan(0);
    }
  });

  it('refuses an order that is not an integer >= 1, naming n', () => {
    for (const n of [0, -3, 1.5, NaN, Infinity]) {
      expect(() => gaussLegendre01(n)).toThrow(InputError);
      expect(() => gaussLegendre01(n)).toThrow(/^n: /);
    }
  });
});
