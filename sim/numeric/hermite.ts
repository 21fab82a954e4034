/**
 * Cubic Hermite interpolation on one interval: the cubic with values p0, p1 and derivatives d0, d1 at its ends,
 * in the basis h00 = 2s^3 - 3s^2 + 1, h10 = s^3 - 2s^2 + s, h01 = 3s^2 - 2s^3, h11 = s^3 - s^2 of the
 * normalised abscissa s = (x - x0) / h in [0, 1] (de Boor, "A Practical Guide to Splines", 1978, ch. IV; Hairer,
 * Norsett & Wanner, "Solving Ordinary Differential Equations I", 2nd ed., 1993, sec. II.6, as the dense output of
 * a one-step method from the values and slopes at both ends of a step). Exact on cubics; on a smooth function
 * sampled with its derivative the error is h^4 max|f''''| / 384.
 *
 * Units: p in the caller's unit U, d in U per unit of x, h in the unit of x (> 0; h = 1 with d already scaled by
 * the width gives the same numbers), s dimensionless. s outside [0, 1] extrapolates the cubic. Unchecked and
 * allocation-free: these run once per tracer, packet or state slot.
 */

/** Value at s (in [0, 1]) of the cubic Hermite interpolant on an interval of width h. */
export function hermite(p0: number, d0: number, p1: number, d1: number, h: number, s: number): number {
  const s2 = s * s;
  const s3 = s2 * s;
  return (
    (2 * s3 - 3 * s2 + 1) * p0 + (s3 - 2 * s2 + s) * h * d0 + (3 * s2 - 2 * s3) * p1 + (s3 - s2) * h * d1
  );
}

/**
 * The four weights of hermite at s, written to out[0..3] in the order (p0, d0, p1, d1), the derivative weights
 * already multiplied by h: weights[0] p0 + weights[1] d0 + weights[2] p1 + weights[3] d1, summed in that order,
 * equals hermite(p0, d0, p1, d1, h, s) bit for bit. For many components sharing one interval.
 */
export function hermiteWeights(s: number, h: number, out: Float64Array): void {
  const s2 = s * s;
  const s3 = s2 * s;
  out[0] = 2 * s3 - 3 * s2 + 1;
  out[1] = (s3 - 2 * s2 + s) * h;
  out[2] = 3 * s2 - 2 * s3;
  out[3] = (s3 - s2) * h;
}

/**
 * Derivative with respect to x (U per unit of x) at s of the cubic Hermite interpolant on an interval of width
 * h > 0: 6 s (s - 1) (p0 - p1) / h + (3s^2 - 4s + 1) d0 + (3s^2 - 2s) d1. Its integral over the interval is
 * p1 - p0 exactly, so a rate read from it conserves the cumulative quantity it was sampled from.
 */
export function hermiteSlope(p0: number, d0: number, p1: number, d1: number, h: number, s: number): number {
  return (6 * s * (s - 1) * (p0 - p1)) / h + (3 * s * s - 4 * s + 1) * d0 + (3 * s * s - 2 * s) * d1;
}
