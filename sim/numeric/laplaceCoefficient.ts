/**
 * Laplace coefficients of celestial mechanics (Murray & Dermott, "Solar System Dynamics", 1999, eq. 6.67):
 *   b_s^(j)(α) = (1/π) ∫_0^{2π} cos(jψ) / (1 - 2α cos ψ + α²)^s dψ,   0 <= α < 1.
 * The integrand is smooth and 2π-periodic, so the trapezoid rule converges geometrically, its error falling like
 * α^N for N nodes (the integrand's poles sit at ψ = ±i ln(1/α)); N is chosen for α^N below 2^-60 (at least 64,
 * at most 65 536 nodes, which covers α up to 0.9994).
 */
import { InputError } from '../errors.ts';

const MIN_NODES = 64;
const MAX_NODES = 65_536;

/** b_s^(j)(α) for s > 0, integer j >= 0 and α in [0, 1). Throws InputError naming the argument otherwise. */
export function laplaceCoefficient(s: number, j: number, alpha: number): number {
  if (!(Number.isFinite(s) && s > 0)) throw new InputError(`must be a finite number > 0, got ${s}`, 's');
  if (!(Number.isInteger(j) && j >= 0)) throw new InputError(`must be an integer >= 0, got ${j}`, 'j');
  if (!(alpha >= 0 && alpha < 1)) throw new InputError(`must be in [0, 1), got ${alpha}`, 'alpha');
  const wanted = alpha === 0 ? MIN_NODES : Math.ceil((60 * Math.LN2) / -Math.log(alpha)) + 16;
  if (wanted > MAX_NODES) {
    throw new InputError(`must be below 0.9994 (the quadrature's limit), got ${alpha}`, 'alpha');
  }
  const n = Math.max(MIN_NODES, wanted);
  const a2 = 1 + alpha * alpha;
  // Symmetric in ψ -> -ψ: sum over [0, π] with half weights at the ends.
  let sum = 0;
  for (let k = 0; k <= n / 2; k += 1) {
    const psi = (2 * Math.PI * k) / n;
    const weight = k === 0 || 2 * k === n ? 1 : 2;
    sum += (weight * Math.cos(j * psi)) / (a2 - 2 * alpha * Math.cos(psi)) ** s;
  }
  return (2 * sum) / n;
}
