/**
 * The tracers' secular perturbations (sim/dynamics/secularTracers.ts, secularPropagate.ts) against an independent
 * numerical integration under the Sun and the eight planets (sim/dynamics/nbody.ts, itself tested against Kepler
 * and astronomy-engine's GravitySimulator in nbody.test.ts) over 20 years: the drift of the eccentricity and
 * inclination vectors (e, ϖ, i, Ω together) agrees within SECULAR_RELATIVE_TOL where the theory holds (tracers
 * inside Mercury's orbit, far from every planet), while a two-body model (no drift) is refuted by the same
 * integration. Co-orbital tracers (the baseline's shells) are flagged, not described.
 */
import { describe, expect, it } from 'vitest';

import { AU_M, GM_SUN_M3_S2, SECONDS_PER_JULIAN_YEAR } from '../../sim/constants.ts';
import { planetarySecularModes } from '../../sim/dynamics/laplaceLagrange.ts';
import { perturberField } from '../../sim/dynamics/nbody.ts';
import { checkSecular, SECULAR_RELATIVE_TOL } from '../../sim/dynamics/secularCheck.ts';
import { propagateSecularCpu64 } from '../../sim/dynamics/secularPropagate.ts';
import { secularTable } from '../../sim/dynamics/secularTracers.ts';
import { propagateCpu64 } from '../../sim/propagate/cpu64.ts';
import { createTracerTable, setTracer } from '../../sim/propagate/tracerTable.ts';

/** At the tracers' epoch the secular state is the table's: (k, h, q, p) -> elements round trip, ~1e-15 of a. */
const EPOCH_TOL = 1e-12;

const ROWS = [
  // a (au), e, i, Ω, ω (rad): three inside Mercury's orbit (gap to it over half their distance in a), then
  // co-orbital with the Earth and with Venus.
  [0.15, 0.2, 0.15, 1, 2],
  [0.15, 0.2, 0.15, 3, 5],
  [0.17, 0.1, 0.2, 2, 1],
  [1.0, 0.01, 0.02, 4, 1],
  [0.72, 0.01, 0.02, 5, 2],
] as const;
const BETA = 0.0014;

function table() {
  const t = createTracerTable(ROWS.length);
  ROWS.forEach(([a, e, i, node, omega], k) =>
    setTracer(
      t,
      k,
      {
        semiMajorAxisM: a * AU_M,
        eccentricity: e,
        inclinationRad: i,
        ascendingNodeRad: node,
        argPeriapsisRad: omega,
        meanAnomalyRad: 0.5 * k,
      },
      0,
      GM_SUN_M3_S2 * (1 - BETA),
      1,
      0,
      0,
    ),
  );
  return t;
}

describe('secular perturbations of the tracers', () => {
  const tracers = table();
  const secular = secularTable(tracers, planetarySecularModes());

  it('leave the elements as they are at the tracers’ epoch (bookkeeping)', () => {
    const mine = new Float64Array(3 * tracers.count);
    const kepler = new Float64Array(3 * tracers.count);
    propagateSecularCpu64(tracers, secular, 0, mine);
    propagateCpu64(tracers, 0, kepler);
    for (let k = 0; k < 3 * tracers.count; k += 1) {
      expect(Math.abs((mine[k] as number) - (kepler[k] as number))).toBeLessThan(EPOCH_TOL * AU_M);
    }
  });

  it('drift like a 20-year integration under the Sun and the planets', () => {
    const t1 = 20 * SECONDS_PER_JULIAN_YEAR;
    const field = perturberField(0, t1);
    for (const k of [0, 1, 2]) {
      const check = checkSecular(tracers, secular, k, field, 0, t1);
      const label = `row ${k}: e error ${check.eccentricityError.toFixed(3)}, i error ${check.inclinationError.toFixed(3)}`;
      expect(check.eccentricityError, label).toBeLessThan(SECULAR_RELATIVE_TOL);
      expect(check.inclinationError, label).toBeLessThan(SECULAR_RELATIVE_TOL);
      expect(check.described, label).toBe(true);
      // The drift is real: the integration's rates stand above their short-period bound (a two-body model,
      // with no drift, would fail), so the agreement is not that of two noises.
      expect(Math.hypot(...check.numerical.eccentricityRate)).toBeGreaterThan(
        2 * check.numerical.eccentricityNoise,
      );
      expect(Math.hypot(...check.numerical.inclinationRate)).toBeGreaterThan(
        2 * check.numerical.inclinationNoise,
      );
    }
  });

  it('leave out the planet a co-orbital tracer shares its orbit with, and say so', () => {
    // Bits: 1 << index in PERTURBERS (mercury, venus, earth, ...).
    expect((secular.excluded[3] as number) & (1 << 2)).not.toBe(0);
    expect((secular.excluded[4] as number) & (1 << 1)).not.toBe(0);
    for (const k of [0, 1, 2]) expect(secular.excluded[k]).toBe(0);
  });
});
