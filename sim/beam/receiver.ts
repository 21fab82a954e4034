/**
 * How much of a circularly symmetric beam falls on an elliptical receiver, possibly off-centre.
 *
 * Frame: the plane normal to the beam axis at the receiver, origin at the beam centre, x along the receiver's
 * first semi-axis. For a ground rectenna the ellipse is the projection of the ground outline (see
 * geometry.ts). With C(r) the power within radius r of the beam axis, the power on any region E is, by Green's
 * theorem applied to the polar form,
 *
 *   P(E) = (1 / 2 pi) closed-integral over the outline of C(|p|) dphi,   dphi = (p_x dp_y - p_y dp_x) / |p|^2,
 *
 * whether or not E contains the axis. Along the outline p(t) = c + (a cos t, b sin t) the integrand is smooth
 * and periodic in t (C(r) ~ r^2 near the axis keeps it bounded), so the trapezoid rule converges spectrally,
 * for thin ellipses too.
 */

/** An ellipse in the beam-normal plane: semi-axes in metres, centre offset from the beam axis in metres. */
export interface ReceiverEllipse {
  readonly semiAxisXM: number;
  readonly semiAxisYM: number;
  readonly centreXM: number;
  readonly centreYM: number;
}

/** Default number of outline points for the contour integral. */
export const DEFAULT_RAYS = 256;

/**
 * Fraction of the beam power on the ellipse, given `encircled(rM)`: the fraction within radius rM of the
 * beam axis (non-decreasing, 0 at 0). `points` is the number of outline samples of the trapezoid rule.
 */
export function fractionOnEllipse(
  receiver: ReceiverEllipse,
  encircled: (rM: number) => number,
  points: number = DEFAULT_RAYS,
): number {
  const { semiAxisXM: ax, semiAxisYM: by, centreXM: cx, centreYM: cy } = receiver;
  if (cx === 0 && cy === 0 && ax === by) return encircled(ax);
  let sum = 0;
  for (let k = 0; k < points; k++) {
    const t = ((k + 0.5) * 2 * Math.PI) / points;
    const cos = Math.cos(t);
    const sin = Math.sin(t);
    const px = cx + ax * cos;
    const py = cy + by * sin;
    const r2 = px * px + py * py;
    if (r2 === 0) continue;
    // p x p' with p' = (-a sin t, b cos t).
    const cross = px * by * cos + py * ax * sin;
    sum += (encircled(Math.sqrt(r2)) * cross) / r2;
  }
  return Math.max(0, sum / points);
}

/** Smallest distance, m, from the beam axis to the ellipse outline. */
export function nearestEdgeDistanceM(receiver: ReceiverEllipse): number {
  const { semiAxisXM: ax, semiAxisYM: by, centreXM: cx, centreYM: cy } = receiver;
  if (cx === 0 && cy === 0) return Math.min(ax, by);
  return sampleEdgeDistances(receiver, Math.min, Infinity);
}

/** Largest distance, m, from the beam axis to the ellipse outline. */
export function farthestEdgeDistanceM(receiver: ReceiverEllipse): number {
  const { semiAxisXM: ax, semiAxisYM: by, centreXM: cx, centreYM: cy } = receiver;
  if (cx === 0 && cy === 0) return Math.max(ax, by);
  return sampleEdgeDistances(receiver, Math.max, 0);
}

/** Point of the outline nearest to the beam axis, as its distance; sampled at 720 points then refined. */
function sampleEdgeDistances(
  receiver: ReceiverEllipse,
  pick: (a: number, b: number) => number,
  start: number,
): number {
  const { semiAxisXM: ax, semiAxisYM: by, centreXM: cx, centreYM: cy } = receiver;
  const distance = (t: number): number => Math.hypot(cx + ax * Math.cos(t), cy + by * Math.sin(t));
  const samples = 720;
  let best = start;
  let bestT = 0;
  for (let k = 0; k < samples; k++) {
    const t = (k * 2 * Math.PI) / samples;
    const d = distance(t);
    if (pick(best, d) === d) {
      best = d;
      bestT = t;
    }
  }
  // Golden-section refinement within one sample spacing.
  let lo = bestT - (2 * Math.PI) / samples;
  let hi = bestT + (2 * Math.PI) / samples;
  const sign = pick === Math.min ? 1 : -1;
  for (let i = 0; i < 40; i++) {
    const m1 = lo + (hi - lo) * 0.382;
    const m2 = lo + (hi - lo) * 0.618;
    if (sign * distance(m1) < sign * distance(m2)) hi = m2;
    else lo = m1;
  }
  return pick(best, distance((lo + hi) / 2));
}

/**
 * Average of g(offsetX, offsetY) over pointing errors: a static offset (m, along x) plus a circular Gaussian
 * jitter of standard deviation sigmaM per axis. The jitter magnitude is Rayleigh distributed; it is sampled at
 * 12 equal-probability radii and 8 directions (a product rule that is exact in the limit of small jitter).
 */
export function averageOverPointing(
  staticOffsetM: number,
  jitterSigmaM: number,
  g: (offsetXM: number, offsetYM: number) => number,
): number {
  if (!(jitterSigmaM > 0)) return g(staticOffsetM, 0);
  const radii = 12;
  const directions = 8;
  let sum = 0;
  for (let i = 0; i < radii; i++) {
    const rho = jitterSigmaM * Math.sqrt(-2 * Math.log(1 - (i + 0.5) / radii));
    for (let j = 0; j < directions; j++) {
      const psi = ((j + 0.5) * 2 * Math.PI) / directions;
      sum += g(staticOffsetM + rho * Math.cos(psi), rho * Math.sin(psi));
    }
  }
  return sum / (radii * directions);
}
