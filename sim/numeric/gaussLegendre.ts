/**
 * Gauss-Legendre quadrature on [0, 1]: the n-point rule of Abramowitz & Stegun, "Handbook of Mathematical
 * Functions" (1964), 25.4.29 (nodes the zeros x_i of the Legendre polynomial P_n, weights
 * w_i = 2 / ((1 - x_i^2) P_n'(x_i)^2)), mapped from [-1, 1] to [0, 1]. Nodes by Newton's method on P_n from
 * the three-term recurrence (Golub & Welsch 1969 give the theory). tests/numeric/gaussLegendre.test.ts checks
 * A&S Table 25.4 and exactness to degree 2n - 1.
 */
import { InputError } from '../errors.ts';

/** Nodes and weights of the n-point Gauss-Legendre rule mapped to [0, 1]. Exact for polynomials of degree 2n-1. */
export interface QuadratureRule {
  readonly nodes: Float64Array;
  readonly weights: Float64Array;
}

/**
 * The n-point Gauss-Legendre rule on [0, 1]. Newton iteration on the Legendre polynomial P_n from the
 * Tricomi initial guess cos(pi (i - 1/4) / (n + 1/2)); converges to machine precision in a few steps. Throws
 * InputError naming n unless n is an integer >= 1. Allocates the two arrays: build a rule once, outside loops.
 */
export function gaussLegendre01(n: number): QuadratureRule {
  if (!(Number.isInteger(n) && n >= 1)) throw new InputError(`must be an integer >= 1, got ${n}`, 'n');
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  const half = Math.floor((n + 1) / 2);
  for (let i = 0; i < half; i++) {
    let x = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let derivative = 0;
    for (let iteration = 0; iteration < 100; iteration++) {
      // Three-term recurrence for P_n(x) and P_(n-1)(x).
      let p0 = 1;
      let p1 = x;
      for (let k = 2; k <= n; k++) {
        const p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      const pn = n === 1 ? x : p1;
      const pnMinus1 = n === 1 ? 1 : p0;
      derivative = (n * (x * pn - pnMinus1)) / (x * x - 1);
      const step = pn / derivative;
      x -= step;
      if (Math.abs(step) < 1e-15) break;
    }
    const weight = 2 / ((1 - x * x) * derivative * derivative);
    // Map [-1, 1] -> [0, 1]: node (1 + x)/2, weight w/2. The pair +-x fills both ends.
    nodes[i] = (1 - x) / 2;
    nodes[n - 1 - i] = (1 + x) / 2;
    weights[i] = weight / 2;
    weights[n - 1 - i] = weight / 2;
  }
  return { nodes, weights };
}
