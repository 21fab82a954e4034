/**
 * The Earth's heliocentric position (and velocity, where a caller needs the direction of motion), from
 * astronomy-engine (VSOP87, arcsecond-level), at the TT of the TDB instant (sim/geometry/astroTime.ts). These are
 * the Earth's own centre, not the Earth-Moon barycentre's. Time: TDB seconds past J2000. Units: m, m/s.
 */
import { Body, HelioState, HelioVector } from 'astronomy-engine';

import { AU_M, SECONDS_PER_DAY } from '../constants.ts';
import { InputError } from '../errors.ts';
import type { Vec3 } from '../orbit/elements.ts';
import { equatorialToEcliptic } from '../orbit/frames.ts';
import { astroTimeOf } from './astroTime.ts';

/** A state in EQJ: position m, velocity m/s. */
export interface EqjState {
  readonly positionM: Vec3;
  readonly velocityMS: Vec3;
}

function requireTdbS(tdbS: number): void {
  if (!Number.isFinite(tdbS))
    throw new InputError(`must be a finite number of TDB seconds, got ${tdbS}`, 'tdbS');
}

/** The Earth's heliocentric position at tdbS (TDB s past J2000), EQJ (J2000 mean equator), m. */
export function earthHeliocentricEqjM(tdbS: number): Vec3 {
  requireTdbS(tdbS);
  const v = HelioVector(Body.Earth, astroTimeOf(tdbS));
  return [v.x * AU_M, v.y * AU_M, v.z * AU_M];
}

/**
 * The Earth's heliocentric position at tdbS (TDB s past J2000), ECLIPJ2000, m: earthHeliocentricEqjM rotated by
 * sim/orbit/frames.ts.
 */
export function earthHeliocentricEclipticM(tdbS: number): [number, number, number] {
  return equatorialToEcliptic(earthHeliocentricEqjM(tdbS));
}

/**
 * The Earth's heliocentric state at tdbS (TDB s past J2000), EQJ: position in m, velocity in m/s (astronomy-engine
 * HelioState, the analytic time derivative of the same VSOP87 series; its position is bit-for-bit the one of
 * earthHeliocentricEqjM).
 */
export function earthHeliocentricStateEqj(tdbS: number): EqjState {
  requireTdbS(tdbS);
  const s = HelioState(Body.Earth, astroTimeOf(tdbS));
  const perDay = AU_M / SECONDS_PER_DAY;
  return {
    positionM: [s.x * AU_M, s.y * AU_M, s.z * AU_M],
    velocityMS: [s.vx * perDay, s.vy * perDay, s.vz * perDay],
  };
}
