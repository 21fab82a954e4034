/**
 * The perturbers' heliocentric states tabulated once over a span, then interpolated (cubic Hermite on position and
 * velocity, sim/numeric/hermite.ts) so the integrator's force calls do not each ask astronomy-engine. Error of the
 * interpolant h^4 max|r''''| / 384 ≈ a n^4 h^4 / 384: 60 km for Mercury at the 2-day step, less for the others;
 * the Moon (geocentric, for the encounter counts) at 0.5 day: 0.2 km. SI units, ECLIPJ2000, TDB s past J2000.
 */
import { Body, GeoMoonState } from 'astronomy-engine';

import { AU_M, SECONDS_PER_DAY } from '../constants.ts';
import { InputError } from '../errors.ts';
import { astroTimeOf } from '../geometry/astroTime.ts';
import { hermite } from '../numeric/hermite.ts';
import { equatorialToEcliptic } from '../orbit/frames.ts';
import { perturberState, type Perturber } from './planets.ts';

/** Node spacing of the planets' table, s (2 days). */
export const PLANET_TABLE_STEP_S = 2 * SECONDS_PER_DAY;
/** Node spacing of the Moon's table, s (half a day). */
export const MOON_TABLE_STEP_S = 0.5 * SECONDS_PER_DAY;

/** One body's states at equally spaced nodes: [x, y, z, vx, vy, vz] per node. */
export interface StateTable {
  readonly startTdbS: number;
  readonly stepS: number;
  readonly count: number;
  readonly states: Float64Array;
}

function tabulate(
  startTdbS: number,
  endTdbS: number,
  stepS: number,
  state: (tdbS: number) => readonly [number, number, number, number, number, number],
): StateTable {
  if (!(Number.isFinite(startTdbS) && Number.isFinite(endTdbS) && endTdbS > startTdbS)) {
    throw new InputError(`must be finite with end > start, got [${startTdbS}, ${endTdbS}]`, 'span');
  }
  const count = Math.ceil((endTdbS - startTdbS) / stepS) + 2;
  const states = new Float64Array(6 * count);
  for (let k = 0; k < count; k += 1) states.set(state(startTdbS + k * stepS), 6 * k);
  return { startTdbS, stepS, count, states };
}

/** A perturber's heliocentric states over [startTdbS, endTdbS] every PLANET_TABLE_STEP_S. */
export function perturberTable(p: Perturber, startTdbS: number, endTdbS: number): StateTable {
  return tabulate(startTdbS, endTdbS, PLANET_TABLE_STEP_S, (t) => {
    const s = perturberState(p, t);
    return [...s.positionM, ...s.velocityMS];
  });
}

/** The Moon's geocentric states (astronomy-engine GeoMoonState, EQJ -> ECLIPJ2000) every MOON_TABLE_STEP_S. */
export function moonTable(startTdbS: number, endTdbS: number): StateTable {
  const v = AU_M / SECONDS_PER_DAY;
  return tabulate(startTdbS, endTdbS, MOON_TABLE_STEP_S, (t) => {
    const s = GeoMoonState(astroTimeOf(t));
    return [
      ...equatorialToEcliptic([s.x * AU_M, s.y * AU_M, s.z * AU_M]),
      ...equatorialToEcliptic([s.vx * v, s.vy * v, s.vz * v]),
    ];
  });
}

/** The Earth's own heliocentric states (Body.Earth, not the barycentre), for the encounter distances. */
export function earthTable(startTdbS: number, endTdbS: number): StateTable {
  return perturberTable({ id: 'earth', body: Body.Earth, gmM3S2: 0 }, startTdbS, endTdbS);
}

/** Interpolated position at tdbS into out[offset..offset+2], m. Clamps to the table's ends (callers stay inside). */
export function positionAt(table: StateTable, tdbS: number, out: Float64Array, offset = 0): void {
  const x = (tdbS - table.startTdbS) / table.stepS;
  const k = Math.min(table.count - 2, Math.max(0, Math.floor(x)));
  const s = x - k;
  const base = 6 * k;
  const st = table.states;
  for (let c = 0; c < 3; c += 1) {
    out[offset + c] = hermite(
      st[base + c] as number,
      st[base + 3 + c] as number,
      st[base + 6 + c] as number,
      st[base + 9 + c] as number,
      table.stepS,
      s,
    );
  }
}
