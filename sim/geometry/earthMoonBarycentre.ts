/**
 * The Earth-Moon barycentre's heliocentric state, from astronomy-engine (VSOP87's EMB series) at the TT of the TDB
 * instant (astroTime.ts), as earthPosition.ts gives the Earth's own. The barycentre moves on the heliocentric
 * orbit without the Moon's monthly +-12.5 m/s swing of the Earth's centre, so its osculating elements are the
 * ones to copy for an orbit co-moving with the Earth (sim/swarm/hubOrbit.ts). Time: TDB s past J2000; m, m/s.
 */
import { Body, HelioState } from 'astronomy-engine';

import { AU_M, SECONDS_PER_DAY } from '../constants.ts';
import { requireFinite } from '../errors.ts';
import type { EqjState } from './earthPosition.ts';
import { astroTimeOf } from './astroTime.ts';

/** The Earth-Moon barycentre's heliocentric state at tdbS (TDB s past J2000), EQJ: m and m/s. */
export function earthMoonBarycentreStateEqj(tdbS: number): EqjState {
  requireFinite(tdbS, 'tdbS');
  const s = HelioState(Body.EMB, astroTimeOf(tdbS));
  const perDay = AU_M / SECONDS_PER_DAY;
  return {
    positionM: [s.x * AU_M, s.y * AU_M, s.z * AU_M],
    velocityMS: [s.vx * perDay, s.vy * perDay, s.vz * perDay],
  };
}
