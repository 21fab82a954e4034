/**
 * Radiation-pressure acceleration of a flat sheet tilted by a cone angle alpha from the Sun line, in the orbit
 * plane, and the locally optimal cone angle for a wanted direction.
 *
 * Force model: the "simple non-perfect" reading of sim/orbit/radiationPressure.ts, tilted. A fraction rho of the
 * light is specularly reflected (momentum 2 cos(alpha) along the sheet's normal n) and the rest absorbed (momentum
 * along the sunlight, r-hat); the light intercepted scales as cos(alpha) (McInnes, "Solar Sailing", 1999, ch. 2, the
 * optical force model without diffuse reflection or thermal emission):
 *   a = (beta0 / 2) (mu / r^2) cos(alpha) [ (1 - rho) r-hat + 2 rho cos(alpha) n-hat ],
 *   n-hat = cos(alpha) r-hat + sin(alpha) theta-hat,   alpha in [-pi/2, pi/2] (the lit face towards the Sun),
 * with beta0 = sigma* / sigma the lightness number of a perfect mirror of the same areal density. Facing the Sun
 * (alpha = 0) this is beta0 (1 + rho) / 2 = beta, radial: the Kepler case mu (1 - beta). A perfect mirror (rho = 1)
 * gives McInnes's perfect-sail force beta0 (mu / r^2) cos^2(alpha) n-hat.
 *
 * Locally optimal steering (McInnes 1999 ch. 4, locally optimal control laws): the cone angle that maximises the
 * component of the sail's acceleration along a wanted direction lambda (for the energy-rate law, lambda = +-v-hat).
 * For a perfect mirror it has the closed form tan(alpha*) = (-3 cos(t) + sqrt(9 cos^2(t) + 8 sin^2(t))) /
 * (4 sin(t)), t the angle of lambda from r-hat (from d/d(alpha) [cos^2(alpha) cos(t - alpha)] = 0); for rho < 1 it
 * is found numerically (coarse scan, then golden section).
 */

/**
 * Radial and transverse acceleration of the tilted sheet, in units of mu / r^2, into out[0] and out[1]:
 * (beta0 / 2) cos(alpha) [(1 - rho) + 2 rho cos^2(alpha)] and (beta0 / 2) cos(alpha) 2 rho cos(alpha) sin(alpha).
 * Zero when the sheet is edge-on or turned away (cos(alpha) <= 0).
 */
export function sailAccelerationFactors(
  coneAngleRad: number,
  perfectLightness: number,
  reflectivity: number,
  out: Float64Array,
): void {
  const c = Math.cos(coneAngleRad);
  if (!(c > 0)) {
    out[0] = 0;
    out[1] = 0;
    return;
  }
  const k = 0.5 * perfectLightness * c;
  out[0] = k * (1 - reflectivity + 2 * reflectivity * c * c);
  out[1] = k * 2 * reflectivity * c * Math.sin(coneAngleRad);
}

/** The closed-form locally optimal cone angle of a perfect mirror (McInnes ch. 4), rad, for lambda at t from r-hat. */
export function idealLocallyOptimalConeAngle(lambdaRadial: number, lambdaTransverse: number): number {
  const t = Math.atan2(lambdaTransverse, lambdaRadial);
  const s = Math.sin(t);
  const c = Math.cos(t);
  if (Math.abs(s) < 1e-15) return c > 0 ? 0 : Math.PI / 2;
  return Math.atan((-3 * c + Math.sqrt(9 * c * c + 8 * s * s)) / (4 * s));
}

const SCAN_POINTS = 24;
const GOLDEN_ITERATIONS = 40;
const INV_PHI = (Math.sqrt(5) - 1) / 2;
const _factors = new Float64Array(2);

function projection(
  alpha: number,
  perfectLightness: number,
  reflectivity: number,
  lambdaRadial: number,
  lambdaTransverse: number,
): number {
  sailAccelerationFactors(alpha, perfectLightness, reflectivity, _factors);
  return (_factors[0] as number) * lambdaRadial + (_factors[1] as number) * lambdaTransverse;
}

/**
 * The cone angle in [-pi/2, pi/2] that maximises the sail's acceleration along (lambdaRadial, lambdaTransverse)
 * (any length), rad: a scan of SCAN_POINTS + 1 angles, then golden section on the bracket around the best one.
 * Pure; no allocation.
 */
export function locallyOptimalConeAngle(
  perfectLightness: number,
  reflectivity: number,
  lambdaRadial: number,
  lambdaTransverse: number,
): number {
  const half = Math.PI / 2;
  const step = Math.PI / SCAN_POINTS;
  let best = -half;
  let bestValue = -Infinity;
  for (let i = 0; i <= SCAN_POINTS; i += 1) {
    const alpha = -half + i * step;
    const value = projection(alpha, perfectLightness, reflectivity, lambdaRadial, lambdaTransverse);
    if (value > bestValue) {
      bestValue = value;
      best = alpha;
    }
  }
  let lo = Math.max(-half, best - step);
  let hi = Math.min(half, best + step);
  let x1 = hi - INV_PHI * (hi - lo);
  let x2 = lo + INV_PHI * (hi - lo);
  let f1 = projection(x1, perfectLightness, reflectivity, lambdaRadial, lambdaTransverse);
  let f2 = projection(x2, perfectLightness, reflectivity, lambdaRadial, lambdaTransverse);
  for (let k = 0; k < GOLDEN_ITERATIONS; k += 1) {
    if (f1 < f2) {
      lo = x1;
      x1 = x2;
      f1 = f2;
      x2 = lo + INV_PHI * (hi - lo);
      f2 = projection(x2, perfectLightness, reflectivity, lambdaRadial, lambdaTransverse);
    } else {
      hi = x2;
      x2 = x1;
      f2 = f1;
      x1 = hi - INV_PHI * (hi - lo);
      f1 = projection(x1, perfectLightness, reflectivity, lambdaRadial, lambdaTransverse);
    }
  }
  return 0.5 * (lo + hi);
}

/**
 * A sail cannot throttle, but it can tilt less: the cone angle between the neutral one and the locally optimal one
 * at which the push along (lambdaRadial, lambdaTransverse) beyond the neutral force is `fraction` (in [0, 1]) of the
 * locally optimal push, rad (bisection; the push grows from 0 to its most along that arc). Neutral: facing the Sun
 * (`edgeOn` false), whose force is already in the orbit's mu (1 - beta); or edge-on (true), no force at all, for a
 * target orbit under the full mu. fraction >= 1 gives the locally optimal angle.
 */
export function throttledConeAngle(
  perfectLightness: number,
  reflectivity: number,
  lambdaRadial: number,
  lambdaTransverse: number,
  fraction: number,
  edgeOn = false,
): number {
  const best = locallyOptimalConeAngle(perfectLightness, reflectivity, lambdaRadial, lambdaTransverse);
  if (!(fraction < 1)) return best;
  const neutral = edgeOn ? (best < 0 ? -Math.PI / 2 : Math.PI / 2) : 0;
  const facing = projection(neutral, perfectLightness, reflectivity, lambdaRadial, lambdaTransverse);
  const most = projection(best, perfectLightness, reflectivity, lambdaRadial, lambdaTransverse) - facing;
  if (!(most > 0) || !(fraction > 0)) return neutral;
  const wanted = fraction * most;
  let lo = neutral;
  let hi = best;
  for (let k = 0; k < GOLDEN_ITERATIONS; k += 1) {
    const mid = 0.5 * (lo + hi);
    const push = projection(mid, perfectLightness, reflectivity, lambdaRadial, lambdaTransverse) - facing;
    if (push < wanted) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}
