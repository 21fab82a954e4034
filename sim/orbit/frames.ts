/**
 * Rotations between the two J2000 frames used in Essaim, both heliocentric or geocentric alike (pure rotations,
 * any unit):
 *   ECLIPJ2000  x to the J2000 mean equinox, z to the north pole of the J2000 mean ecliptic (the propagator's frame);
 *   EQJ         x to the J2000 mean equinox, z to the J2000 mean celestial pole (ICRF to within 0.02 arcsec;
 *               astronomy-engine's EQJ, SPICE's J2000).
 * The rotation is about x by the J2000 mean obliquity OBLIQUITY_J2000_RAD (84381.406 arcsec, IAU 2006).
 * astronomy-engine's Rotation_EQJ_ECL uses 84381.448 arcsec (IAU 1976); the 0.042 arcsec difference moves a point
 * at 1 au by at most 30 km.
 */
import { OBLIQUITY_J2000_RAD } from '../constants.ts';
import type { Vec3 } from './elements.ts';

const COS_OBLIQUITY = Math.cos(OBLIQUITY_J2000_RAD);
const SIN_OBLIQUITY = Math.sin(OBLIQUITY_J2000_RAD);

/** ECLIPJ2000 -> EQJ (rotation about x by +obliquity). Same unit out as in. */
export function eclipticToEquatorial(v: Vec3): Vec3 {
  const [x, y, z] = v;
  return [x, COS_OBLIQUITY * y - SIN_OBLIQUITY * z, SIN_OBLIQUITY * y + COS_OBLIQUITY * z];
}

/** EQJ -> ECLIPJ2000 (rotation about x by -obliquity). Same unit out as in. */
export function equatorialToEcliptic(v: Vec3): Vec3 {
  const [x, y, z] = v;
  return [x, COS_OBLIQUITY * y + SIN_OBLIQUITY * z, -SIN_OBLIQUITY * y + COS_OBLIQUITY * z];
}
