/**
 * The inner planets' heliocentric positions, for the scene and anything that draws or points at them, from
 * astronomy-engine (VSOP87, arcsecond-level), at the TT of the TDB instant (sim/geometry/astroTime.ts). Geometric
 * (no light time). Time: TDB seconds past J2000. Unit: m. Frame: ECLIPJ2000, rotated from astronomy-engine's EQJ
 * by sim/orbit/frames.ts. The Earth's entry is earthHeliocentricEclipticM (earthPosition.ts), bit for bit.
 */
import { Body, HelioVector } from 'astronomy-engine';

import { AU_M } from '../constants.ts';
import { InputError, requireFinite } from '../errors.ts';
import type { Vec3 } from '../orbit/elements.ts';
import { equatorialToEcliptic } from '../orbit/frames.ts';
import { astroTimeOf } from './astroTime.ts';

const PLANET_BODIES = {
  mercury: Body.Mercury,
  venus: Body.Venus,
  earth: Body.Earth,
  mars: Body.Mars,
} as const;

/** The planets this module places. */
export type PlanetId = keyof typeof PLANET_BODIES;
export const PLANET_IDS = Object.keys(PLANET_BODIES) as PlanetId[];

/** Sidereal orbital periods, days (NASA NSSDC Planetary Fact Sheet, D. R. Williams), e.g. to sample a path. */
export const SIDEREAL_PERIOD_DAYS: Readonly<Record<PlanetId, number>> = {
  mercury: 87.969,
  venus: 224.701,
  earth: 365.256,
  mars: 686.98,
};

/** Heliocentric position of planet `id` at tdbS (TDB s past J2000), ECLIPJ2000, m. */
export function planetHeliocentricEclipticM(id: PlanetId, tdbS: number): Vec3 {
  requireFinite(tdbS, 'tdbS');
  const body = PLANET_BODIES[id] as Body | undefined;
  if (body === undefined)
    throw new InputError(`must be one of ${PLANET_IDS.join(', ')}, got ${JSON.stringify(id)}`, 'planet');
  const v = HelioVector(body, astroTimeOf(tdbS));
  return equatorialToEcliptic([v.x * AU_M, v.y * AU_M, v.z * AU_M]);
}
