/**
 * Eigenvalues and eigenvectors of a real symmetric matrix by the cyclic Jacobi method (W. H. Press et al.,
 * "Numerical Recipes", 3rd ed., 2007, sec. 11.1; G. H. Golub & C. F. Van Loan, "Matrix Computations", 4th ed.,
 * sec. 8.5): plane rotations that zero each off-diagonal element in turn, sweep after sweep, until the
 * off-diagonal norm is below 2^-52 of the matrix's norm. Quadratic convergence; exact orthogonality of the vectors
 * up to rounding. Small matrices (the planets' secular matrices are 8 x 8).
 */
import { InputError } from '../errors.ts';

const MAX_SWEEPS = 64;

export interface SymmetricEigen {
  /** Eigenvalues, in increasing order. */
  readonly values: Float64Array;
  /** Eigenvectors as columns, n x n row-major: vectors[r * n + c] is component r of vector c. */
  readonly vectors: Float64Array;
}

/**
 * The eigen-decomposition of the n x n symmetric matrix `matrix` (row-major; only symmetric input is meaningful:
 * the mean of a_rc and a_cr is used). Throws InputError for a bad size or a non-finite entry.
 */
export function jacobiEigen(matrix: ArrayLike<number>, n: number): SymmetricEigen {
  if (!(Number.isInteger(n) && n >= 1)) throw new InputError(`must be an integer >= 1, got ${n}`, 'n');
  if (matrix.length !== n * n) {
    throw new InputError(`must hold n^2 = ${n * n} entries, got ${matrix.length}`, 'matrix');
  }
  const a = new Float64Array(n * n);
  for (let r = 0; r < n; r += 1) {
    for (let c = 0; c < n; c += 1) {
      const v = 0.5 * ((matrix[r * n + c] as number) + (matrix[c * n + r] as number));
      if (!Number.isFinite(v)) throw new InputError(`must be finite, got ${v}`, `matrix[${r * n + c}]`);
      a[r * n + c] = v;
    }
  }
  const v = new Float64Array(n * n);
  for (let r = 0; r < n; r += 1) v[r * n + r] = 1;
  let norm = 0;
  for (let k = 0; k < n * n; k += 1) norm += (a[k] as number) ** 2;
  const threshold = (norm * 2 ** -104) / (n * n);
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep += 1) {
    let off = 0;
    for (let p = 0; p < n; p += 1) for (let q = p + 1; q < n; q += 1) off += (a[p * n + q] as number) ** 2;
    if (off <= threshold) break;
    for (let p = 0; p < n; p += 1) {
      for (let q = p + 1; q < n; q += 1) {
        const apq = a[p * n + q] as number;
        if (apq === 0) continue;
        // The rotation angle of Numerical Recipes eq. 11.1.8-11.1.10 (t the smaller root, no cancellation).
        const theta = ((a[q * n + q] as number) - (a[p * n + p] as number)) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k += 1) {
          const akp = a[k * n + p] as number;
          const akq = a[k * n + q] as number;
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k += 1) {
          const apk = a[p * n + k] as number;
          const aqk = a[q * n + k] as number;
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k += 1) {
          const vkp = v[k * n + p] as number;
          const vkq = v[k * n + q] as number;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, k) => k).sort(
    (i, j) => (a[i * n + i] as number) - (a[j * n + j] as number),
  );
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  order.forEach((from, to) => {
    values[to] = a[from * n + from] as number;
    for (let r = 0; r < n; r += 1) vectors[r * n + to] = v[r * n + from] as number;
  });
  return { values, vectors };
}
