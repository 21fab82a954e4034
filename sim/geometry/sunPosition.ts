/**
 * The Sun as seen from the Earth's centre, from astronomy-engine (VSOP87 for the Earth), at the TT of the TDB
 * instant (sim/geometry/astroTime.ts). Time: TDB seconds past J2000. Unit: m. Frame: EQJ (J2000 mean equator),
 * the frame the Earth-orbit chain of sim/earth/frames.ts rotates into.
 */
import { Body, GeoVector } from 'astronomy-engine';

import { AU_M } from '../constants.ts';
import { requireFinite } from '../errors.ts';
import type { Vec3 } from '../orbit/elements.ts';
import { astroTimeOf } from './astroTime.ts';

/**
 * Geocentric apparent position of the Sun at tdbS (TDB s past J2000), EQJ, m: astronomy-engine GeoVector(Sun)
 * with light time and aberration (the direction sunlight arrives from, which is what casts the Earth's shadow).
 */
export function sunGeocentricEqjM(tdbS: number): Vec3 {
  requireFinite(tdbS, 'tdbS');
  const v = GeoVector(Body.Sun, astroTimeOf(tdbS), true);
  return [v.x * AU_M, v.y * AU_M, v.z * AU_M];
}
