/**
 * The eight planets as perturbers: gravitational parameters and their state from astronomy-engine.
 *
 * GM: DE440 (R. S. Park, W. M. Folkner, J. G. Williams, D. H. Boggs, "The JPL Planetary and Lunar Ephemerides
 * DE440 and DE441", Astron. J. 161:105, 2021, Table 8), planet-system values (planet plus its satellites), km^3/s^2
 * converted to m^3/s^2. The Earth is the Earth-Moon barycentre (EMB) with the Earth + Moon GM: the Moon is a
 * separate perturber only in the encounter counts (encounters.ts).
 * The Sun's GM is the project's (sim/constants.ts GM_SUN_M3_S2, IAU 2015 nominal, 3e-9 from DE440's).
 * States: astronomy-engine HelioState (VSOP87 for the planets; Body.EMB for the Earth-Moon barycentre), at the TT of
 * the TDB instant (sim/geometry/astroTime.ts), rotated EQJ -> ECLIPJ2000 (sim/orbit/frames.ts). Units SI.
 */
import { Body, HelioState } from 'astronomy-engine';

import { AU_M, SECONDS_PER_DAY } from '../constants.ts';
import { astroTimeOf } from '../geometry/astroTime.ts';
import type { StateVector } from '../orbit/elements.ts';
import { equatorialToEcliptic } from '../orbit/frames.ts';

export type PerturberId =
  'mercury' | 'venus' | 'earth' | 'mars' | 'jupiter' | 'saturn' | 'uranus' | 'neptune';

export interface Perturber {
  readonly id: PerturberId;
  readonly body: Body;
  /** GM of the planet system, m^3/s^2 (DE440). */
  readonly gmM3S2: number;
}

/** The perturbers in order from the Sun. */
export const PERTURBERS: readonly Perturber[] = [
  { id: 'mercury', body: Body.Mercury, gmM3S2: 22_031.868551e9 },
  { id: 'venus', body: Body.Venus, gmM3S2: 324_858.592e9 },
  { id: 'earth', body: Body.EMB, gmM3S2: 403_503.235502e9 },
  { id: 'mars', body: Body.Mars, gmM3S2: 42_828.375816e9 },
  { id: 'jupiter', body: Body.Jupiter, gmM3S2: 126_712_764.1e9 },
  { id: 'saturn', body: Body.Saturn, gmM3S2: 37_940_584.8418e9 },
  { id: 'uranus', body: Body.Uranus, gmM3S2: 5_794_556.4e9 },
  { id: 'neptune', body: Body.Neptune, gmM3S2: 6_836_527.10058e9 },
];

const AU_PER_DAY_M_S = AU_M / SECONDS_PER_DAY;

/** Heliocentric state of a perturber at tdbS (TDB s past J2000), ECLIPJ2000, m and m/s. */
export function perturberState(p: Perturber, tdbS: number): StateVector {
  const s = HelioState(p.body, astroTimeOf(tdbS));
  return {
    positionM: equatorialToEcliptic([s.x * AU_M, s.y * AU_M, s.z * AU_M]),
    velocityMS: equatorialToEcliptic([s.vx * AU_PER_DAY_M_S, s.vy * AU_PER_DAY_M_S, s.vz * AU_PER_DAY_M_S]),
  };
}
