/**
 * The Moon as seen from the Earth's centre, from astronomy-engine (a truncated ELP/MPP02-style lunar series,
 * arcsecond-level), at the TT of the TDB instant (sim/geometry/astroTime.ts). Geometric (no light time). Time: TDB
 * seconds past J2000. Units: m, m/s. Frame: ECLIPJ2000, rotated from astronomy-engine's EQJ by
 * sim/orbit/frames.ts.
 */
import { GeoMoon, GeoMoonState } from 'astronomy-engine';

import { AU_M, SECONDS_PER_DAY } from '../constants.ts';
import { requireFinite } from '../errors.ts';
import type { Vec3 } from '../orbit/elements.ts';
import { equatorialToEcliptic } from '../orbit/frames.ts';
import { astroTimeOf } from './astroTime.ts';

/** A geocentric state in ECLIPJ2000: position m, velocity m/s. */
export interface GeocentricEclipticState {
  readonly positionM: Vec3;
  readonly velocityMS: Vec3;
}

/** The Moon's geocentric position at tdbS (TDB s past J2000), ECLIPJ2000, m (astronomy-engine GeoMoon). */
export function moonGeocentricEclipticM(tdbS: number): Vec3 {
  requireFinite(tdbS, 'tdbS');
  const v = GeoMoon(astroTimeOf(tdbS));
  return equatorialToEcliptic([v.x * AU_M, v.y * AU_M, v.z * AU_M]);
}

/**
 * The Moon's geocentric state at tdbS (TDB s past J2000), ECLIPJ2000, m and m/s (astronomy-engine GeoMoonState:
 * the series evaluated 0.864 s either side; the position is their mean, within millimetres of
 * moonGeocentricEclipticM, the velocity their difference quotient).
 */
export function moonGeocentricStateEcliptic(tdbS: number): GeocentricEclipticState {
  requireFinite(tdbS, 'tdbS');
  const s = GeoMoonState(astroTimeOf(tdbS));
  const perDay = AU_M / SECONDS_PER_DAY;
  return {
    positionM: equatorialToEcliptic([s.x * AU_M, s.y * AU_M, s.z * AU_M]),
    velocityMS: equatorialToEcliptic([s.vx * perDay, s.vy * perDay, s.vz * perDay]),
  };
}
