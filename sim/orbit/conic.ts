/**
 * The one place where an ellipse and an eccentric anomaly become a Cartesian state. keplerToState and the
 * float64 propagator both call it, so the two cannot drift apart.
 *
 * Perifocal coordinates from E (the form of Vallado, "Fundamentals of Astrodynamics and Applications", 4th ed.,
 * Algorithm 10 COE2RV, written with E instead of the true anomaly so that no ν is needed):
 *   x' = a (cos E - e),  y' = a sqrt(1 - e^2) sin E,
 *   vx' = -sqrt(mu a)/r sin E,  vy' = sqrt(mu a)/r sqrt(1 - e^2) cos E,  r = a (1 - e cos E),
 * with cos E - e = (1 - e) - 2 sin^2(E/2) and 1 - e cos E = (1 - e) + 2 e sin^2(E/2) so that e -> 1 near
 * periapsis keeps its relative accuracy. Then r = x' P + y' Q with the periapsis and semi-latus directions
 *   P = (cosΩ cosω - sinΩ sinω cos i,  sinΩ cosω + cosΩ sinω cos i,  sinω sin i)
 *   Q = (-cosΩ sinω - sinΩ cosω cos i, -sinΩ sinω + cosΩ cosω cos i, cosω sin i)
 * i.e. R_z(Ω) R_x(i) R_z(ω) applied to the perifocal vector.
 */

/**
 * Write position (m) and, when `outVelocityMS` is not null, velocity (m/s) at `offset`, `offset + 1`,
 * `offset + 2` of the output arrays. Frame: that of the angles (ECLIPJ2000 here). `sqrtMuA` is sqrt(mu a) in
 * m^2/s, equal to n a^2. Inputs are assumed valid (a > 0, 0 <= e < 1, finite). No allocation.
 */
export function writeEllipticState(
  a: number,
  e: number,
  inclinationRad: number,
  ascendingNodeRad: number,
  argPeriapsisRad: number,
  eccentricAnomalyRad: number,
  sqrtMuA: number,
  outPositionM: Float64Array | number[],
  outVelocityMS: Float64Array | number[] | null,
  offset: number,
): void {
  const sinE = Math.sin(eccentricAnomalyRad);
  const cosE = Math.cos(eccentricAnomalyRad);
  const sinHalf = Math.sin(0.5 * eccentricAnomalyRad);
  const twoSinHalfSq = 2 * sinHalf * sinHalf;
  const oneMinusE = 1 - e;
  const rootOneMinusE2 = Math.sqrt(oneMinusE * (1 + e));
  const xp = a * (oneMinusE - twoSinHalfSq);
  const yp = a * rootOneMinusE2 * sinE;

  const sO = Math.sin(ascendingNodeRad);
  const cO = Math.cos(ascendingNodeRad);
  const sw = Math.sin(argPeriapsisRad);
  const cw = Math.cos(argPeriapsisRad);
  const si = Math.sin(inclinationRad);
  const ci = Math.cos(inclinationRad);
  const px = cO * cw - sO * sw * ci;
  const py = sO * cw + cO * sw * ci;
  const pz = sw * si;
  const qx = -cO * sw - sO * cw * ci;
  const qy = -sO * sw + cO * cw * ci;
  const qz = cw * si;

  outPositionM[offset] = xp * px + yp * qx;
  outPositionM[offset + 1] = xp * py + yp * qy;
  outPositionM[offset + 2] = xp * pz + yp * qz;
  if (outVelocityMS === null) return;

  const r = a * (oneMinusE + e * twoSinHalfSq);
  const scale = sqrtMuA / r;
  const vxp = -scale * sinE;
  const vyp = scale * rootOneMinusE2 * cosE;
  outVelocityMS[offset] = vxp * px + vyp * qx;
  outVelocityMS[offset + 1] = vxp * py + vyp * qy;
  outVelocityMS[offset + 2] = vxp * pz + vyp * qz;
}

/** Heliocentric distance r = a (1 - e cos E), m, in the cancellation-free form a ((1 - e) + 2 e sin^2(E/2)). */
export function ellipticRadius(a: number, e: number, eccentricAnomalyRad: number): number {
  const sinHalf = Math.sin(0.5 * eccentricAnomalyRad);
  return a * (1 - e + 2 * e * sinHalf * sinHalf);
}
