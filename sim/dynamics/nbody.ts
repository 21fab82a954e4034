/**
 * The numerical reference: tracers integrated one by one under the Sun and the eight planets, the planets moving
 * on astronomy-engine's ephemeris (tabulated, perturberTable.ts), with the adaptive Dormand-Prince 5(4) integrator
 * (sim/numeric/dopri5.ts) at a tight tolerance. Heliocentric equations of motion (the Sun's frame is not inertial:
 * the indirect term is the Sun's own acceleration towards each planet, Murray & Dermott 1999 eq. 6.8):
 *   r'' = -GM (1 - β) r / |r|^3 + Σ_j GM_j [ (r_j - r) / |r_j - r|^3 - r_j / |r_j|^3 ],
 * β the tracer's lightness number (radiation pressure on a Sun-facing flat collector cancels that fraction of the
 * Sun's gravity only). The Earth-Moon pair pulls from its barycentre. SI units, ECLIPJ2000, TDB s past J2000.
 * The planets' positions carry the table's interpolation error (km), far below what matters for perturbations.
 */
import { GM_SUN_M3_S2 } from '../constants.ts';
import { InputError } from '../errors.ts';
import { dopri5, type Dopri5Solution } from '../numeric/dopri5.ts';
import type { StateVector } from '../orbit/elements.ts';
import { PERTURBERS, type Perturber } from './planets.ts';
import { perturberTable, positionAt, type StateTable } from './perturberTable.ts';

/** Relative and absolute tolerance of the integration (dopri5's): 1e-12 of (1 + |y|) in SI. */
export const NBODY_TOLERANCE = 1e-11;

export interface PerturberField {
  readonly perturbers: readonly Perturber[];
  readonly tables: readonly StateTable[];
  /** GM of each perturber, m^3/s^2 (0 for a two-body test). */
  readonly gmM3S2: Float64Array;
  readonly startTdbS: number;
  readonly endTdbS: number;
}

/** The perturbers tabulated over [startTdbS, endTdbS]; `massScale` 0 gives the two-body problem. */
export function perturberField(startTdbS: number, endTdbS: number, massScale = 1): PerturberField {
  const perturbers = PERTURBERS;
  return {
    perturbers,
    tables: perturbers.map((p) => perturberTable(p, startTdbS, endTdbS)),
    gmM3S2: Float64Array.from(perturbers, (p) => p.gmM3S2 * massScale),
    startTdbS,
    endTdbS,
  };
}

/** The right-hand side for a tracer of lightness beta in `field`: y = [r, v] (m, m/s), written into out. */
export function nbodyDerivative(field: PerturberField, beta: number) {
  const muSun = GM_SUN_M3_S2 * (1 - beta);
  const rj = new Float64Array(3);
  const count = field.tables.length;
  return (t: number, y: Float64Array, out: Float64Array): void => {
    const x = y[0] as number;
    const yy = y[1] as number;
    const z = y[2] as number;
    const r2 = x * x + yy * yy + z * z;
    const k = -muSun / (r2 * Math.sqrt(r2));
    let ax = k * x;
    let ay = k * yy;
    let az = k * z;
    for (let j = 0; j < count; j += 1) {
      const gm = field.gmM3S2[j] as number;
      if (gm === 0) continue;
      positionAt(field.tables[j] as StateTable, t, rj);
      const [px, py, pz] = [rj[0] as number, rj[1] as number, rj[2] as number];
      const dx = px - x;
      const dy = py - yy;
      const dz = pz - z;
      const d2 = dx * dx + dy * dy + dz * dz;
      const direct = gm / (d2 * Math.sqrt(d2));
      const p2 = px * px + py * py + pz * pz;
      const indirect = gm / (p2 * Math.sqrt(p2));
      ax += direct * dx - indirect * px;
      ay += direct * dy - indirect * py;
      az += direct * dz - indirect * pz;
    }
    out[0] = y[3] as number;
    out[1] = y[4] as number;
    out[2] = y[5] as number;
    out[3] = ax;
    out[4] = ay;
    out[5] = az;
  };
}

/**
 * Integrate one tracer from `state` at t0 to tEnd (TDB s, inside the field's span) under `field`, lightness beta
 * in [0, 1). Returns every accepted step (dense output by cubic Hermite between them).
 */
export function integrateTracer(
  field: PerturberField,
  state: StateVector,
  beta: number,
  t0: number,
  tEnd: number,
): Dopri5Solution {
  if (!(beta >= 0 && beta < 1)) throw new InputError(`must be in [0, 1), got ${beta}`, 'beta');
  if (!(t0 >= field.startTdbS && tEnd <= field.endTdbS + (field.tables[0]?.stepS ?? 0))) {
    throw new InputError(
      `must lie inside the perturbers' table [${field.startTdbS}, ${field.endTdbS}] s, got [${t0}, ${tEnd}]`,
      'span',
    );
  }
  return dopri5(nbodyDerivative(field, beta), t0, [...state.positionM, ...state.velocityMS], tEnd, {
    tolerance: NBODY_TOLERANCE,
    initialStep: 3600,
    maxSteps: 2_000_000,
  });
}

/** The state at the last sample of a solution. */
export function finalState(solution: Dopri5Solution): StateVector {
  const s = solution.states;
  const o = 6 * (solution.count - 1);
  return {
    positionM: [s[o] as number, s[o + 1] as number, s[o + 2] as number],
    velocityMS: [s[o + 3] as number, s[o + 4] as number, s[o + 5] as number],
  };
}
