/**
 * The Jacobi eigen-solver (sim/numeric/jacobiEigen.ts) against the analytic spectrum of the second-difference
 * matrix (2 on the diagonal, -1 beside it): λ_k = 2 - 2 cos(kπ / (n + 1)), eigenvectors sin(jkπ / (n + 1))
 * (G. Strang, "Introduction to Applied Mathematics", 1986, sec. 1.5), and the reconstruction A = V Λ V^T of a
 * random symmetric matrix with orthonormal V.
 */
import { describe, expect, it } from 'vitest';

import { InputError } from '../../sim/errors.ts';
import { jacobiEigen } from '../../sim/numeric/jacobiEigen.ts';
import { createUniformSource } from '../../sim/swarm/random.ts';

/** Eigenvalues and reconstruction, absolute on O(1) entries: a few ulp per rotation over ~5 sweeps. */
const EIGEN_TOL = 1e-13;

describe('jacobiEigen', () => {
  it('gives the second-difference matrix its analytic eigenvalues and vectors', () => {
    const n = 8;
    const m = new Float64Array(n * n);
    for (let i = 0; i < n; i += 1) {
      m[i * n + i] = 2;
      if (i > 0) m[i * n + i - 1] = -1;
      if (i < n - 1) m[i * n + i + 1] = -1;
    }
    const { values, vectors } = jacobiEigen(m, n);
    for (let k = 1; k <= n; k += 1) {
      expect(Math.abs((values[k - 1] as number) - (2 - 2 * Math.cos((k * Math.PI) / (n + 1))))).toBeLessThan(
        EIGEN_TOL,
      );
      // The analytic vector, normalised, equals the computed one up to sign.
      const norm = Math.sqrt((n + 1) / 2);
      const sign = Math.sign(vectors[k - 1] as number);
      for (let j = 1; j <= n; j += 1) {
        const expected = Math.sin((j * k * Math.PI) / (n + 1)) / norm;
        expect(Math.abs(sign * (vectors[(j - 1) * n + (k - 1)] as number) - expected)).toBeLessThan(
          EIGEN_TOL,
        );
      }
    }
  });
  it('reconstructs a random symmetric matrix as V Λ V^T', () => {
    const n = 6;
    const rng = createUniformSource(3);
    const m = new Float64Array(n * n);
    for (let i = 0; i < n; i += 1) {
      for (let j = i; j < n; j += 1) {
        const v = 2 * rng.next() - 1;
        m[i * n + j] = v;
        m[j * n + i] = v;
      }
    }
    const { values, vectors } = jacobiEigen(m, n);
    for (let i = 0; i < n; i += 1) {
      for (let j = 0; j < n; j += 1) {
        let a = 0;
        let dot = 0;
        for (let k = 0; k < n; k += 1) {
          a += (vectors[i * n + k] as number) * (values[k] as number) * (vectors[j * n + k] as number);
          dot += (vectors[k * n + i] as number) * (vectors[k * n + j] as number);
        }
        expect(Math.abs(a - (m[i * n + j] as number))).toBeLessThan(EIGEN_TOL);
        expect(Math.abs(dot - (i === j ? 1 : 0))).toBeLessThan(EIGEN_TOL);
      }
    }
  });
  it('refuses a matrix of the wrong size', () => {
    expect(() => jacobiEigen([1, 2, 3], 2)).toThrow(InputError);
  });
});
