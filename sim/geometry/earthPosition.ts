/**
 * The Earth's heliocentric position, ECLIPJ2000, m, from astronomy-engine (VSOP87, arcsecond-level), at the TT of
 * the TDB instant (sim/geometry/astroTime.ts).
 */
import { Body, HelioVector } from 'astronomy-engine';

import { AU_M } from '../constants.ts';
import { InputError } from '../errors.ts';
import { equatorialToEcliptic } from '../orbit/frames.ts';
import { astroTimeOf } from './astroTime.ts';

/**
 * The Earth's (not the Earth-Moon barycentre's) heliocentric position at tdbS (TDB s past J2000), ECLIPJ2000, m.
 * Rotated from astronomy-engine's EQJ frame by sim/orbit/frames.ts.
 */
export function earthHeliocentricEclipticM(tdbS: number): [number, number, number] {
  if (!Number.isFinite(tdbS))
    throw new InputError(`must be a finite number of TDB seconds, got ${tdbS}`, 'tdbS');
  const v = HelioVector(Body.Earth, astroTimeOf(tdbS));
  const [x, y, z] = equatorialToEcliptic([v.x * AU_M, v.y * AU_M, v.z * AU_M]);
  return [x, y, z];
}
