/** Angle range reduction shared by the orbit and propagation code. Radians throughout. */

/** 2π split in two doubles (Cody & Waite): TWO_PI_HI + TWO_PI_LO equals 2π to about 1e-32. */
export const TWO_PI_HI = 6.283185307179586;
export const TWO_PI_LO = 2.4492935982947064e-16;

/** Angle reduced to [0, 2π), rad. Finite input assumed. */
export function wrapTwoPi(angleRad: number): number {
  if (angleRad >= 0 && angleRad < TWO_PI_HI) return angleRad;
  const k = Math.floor(angleRad / TWO_PI_HI);
  const r = angleRad - k * TWO_PI_HI - k * TWO_PI_LO;
  // Rounding can land exactly on (or a hair outside) the ends of the interval.
  if (r >= TWO_PI_HI) return r - TWO_PI_HI;
  if (r < 0) return r + TWO_PI_HI < TWO_PI_HI ? r + TWO_PI_HI : 0;
  return r;
}
