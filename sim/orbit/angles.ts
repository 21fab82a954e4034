/**
 * Angle range reduction shared by the orbit and propagation code. Radians throughout.
 *
 * 2π is split Cody & Waite style (Cody & Waite, "Software Manual for the Elementary Functions", 1980; the same
 * scheme as fdlibm's __ieee754_rem_pio2) into TWO_PI_1 + TWO_PI_2 + TWO_PI_3: the first two have 33 significant
 * bits, so k * TWO_PI_1 and k * TWO_PI_2 are exact for |k| < 2^20 revolutions and x - k 2π is obtained with an
 * error of about one ulp of the result, not one ulp of x. Two paths that reduce the same double therefore agree to
 * ~1e-16 rad however many revolutions it holds.
 */

/** 2π rounded to the nearest double, and the remainder 2π - TWO_PI_HI. */
export const TWO_PI_HI = 6.283185307179586;
export const TWO_PI_LO = 2.4492935982947064e-16;

/** 2π = TWO_PI_1 + TWO_PI_2 + TWO_PI_3 to 4e-37 (first two: 33-bit truncations). */
const TWO_PI_1 = 6.2831853069365025;
const TWO_PI_2 = 2.4308402025215864e-10;
const TWO_PI_3 = 8.089064995183803e-21;

/** The integer k nearest to x / 2π: x - k 2π is then in [-π, π] (up to rounding at the ends). */
export function revolutionIndex(angleRad: number): number {
  return Math.round(angleRad / TWO_PI_HI);
}

/** x - k 2π, accurate to about one ulp of the result for |k| < 2^20. */
export function subtractRevolutions(angleRad: number, k: number): number {
  return angleRad - k * TWO_PI_1 - k * TWO_PI_2 - k * TWO_PI_3;
}

/** k 2π + r for a reduced r, rounded once at the end (the inverse of subtractRevolutions). */
export function addRevolutions(reducedRad: number, k: number): number {
  return k * TWO_PI_1 + (reducedRad + k * TWO_PI_2 + k * TWO_PI_3);
}

/**
 * Angle reduced to [-π, π], rad (x itself when already there). Finite input assumed. Used for mean anomalies: it
 * keeps periapsis passage (M = 0), where e -> 1 orbits are most sensitive to M, at full floating-point resolution,
 * where [0, 2π) would put M = 2π - δ at a resolution of ulp(2π) = 8.9e-16 rad.
 */
export function wrapPi(angleRad: number): number {
  if (Math.abs(angleRad) <= Math.PI) return angleRad;
  return subtractRevolutions(angleRad, revolutionIndex(angleRad));
}

/** Angle reduced to [0, 2π), rad. Finite input assumed. */
export function wrapTwoPi(angleRad: number): number {
  if (angleRad >= 0 && angleRad < TWO_PI_HI) return angleRad;
  const r = subtractRevolutions(angleRad, revolutionIndex(angleRad));
  if (r >= 0) return r < TWO_PI_HI ? r : 0;
  const wrapped = r + TWO_PI_1 + TWO_PI_2;
  // A tiny negative r rounds up to 2π itself; that angle is 0.
  return wrapped < TWO_PI_HI ? wrapped : 0;
}
