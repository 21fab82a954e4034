/**
 * The numerical reference (sim/dynamics/nbody.ts) against answers from outside it:
 * - the two-body problem (planet masses zero) against Kepler's solution (sim/orbit/state.ts propagateElements),
 *   with the sail's mu (1 - β), over 20 years;
 * - astronomy-engine's own GravitySimulator (Sun and eight planets) for a β = 0 body over 2 years, an independent
 *   integrator and force code on the same ephemeris.
 */
import { Body, GravitySimulator, StateVector as AstroState } from 'astronomy-engine';
import { describe, expect, it } from 'vitest';

import { AU_M, GM_SUN_M3_S2, SECONDS_PER_DAY, SECONDS_PER_JULIAN_YEAR } from '../../sim/constants.ts';
import { finalState, integrateTracer, perturberField } from '../../sim/dynamics/nbody.ts';
import { astroTimeOf } from '../../sim/geometry/astroTime.ts';
import type { Vec3 } from '../../sim/orbit/elements.ts';
import { eclipticToEquatorial, equatorialToEcliptic } from '../../sim/orbit/frames.ts';
import { keplerToState, propagateElements } from '../../sim/orbit/state.ts';

/**
 * Two-body position error after 20 years, m: dopri5 at 1e-11 gives 0.9 km after 2 years at 0.2 au (7000 steps),
 * errors growing along the track; 20 km over 20 years at 0.7 au is measured under 5 km.
 */
const TWO_BODY_TOL_M = 20_000;
/**
 * Against GravitySimulator after 2 years, m. Its step of 1/16 day still leaves ~800 km at 0.9 au (it converges
 * like dt^2: 2800, 790, 270 km at 1/8, 1/16, 1/32 day), and its heliocentric output comes from astronomy-engine's
 * barycentre of the Sun and the four giant planets only, which leaves out the Sun's reflex on Venus and the Earth:
 * periodic terms of GM_j / (r_j^2 n_j^2) = 270 km and 450 km. Measured 790 and 510 km.
 */
const GRAVITY_SIMULATOR_TOL_M = 1_500_000;

const distance = (a: Vec3, b: Vec3): number => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

describe('integrateTracer', () => {
  it('is Kepler motion under mu (1 - beta) when the planets have no mass', () => {
    const t1 = 20 * SECONDS_PER_JULIAN_YEAR;
    const field = perturberField(0, t1, 0);
    const beta = 0.084;
    const mu = GM_SUN_M3_S2 * (1 - beta);
    const el = {
      semiMajorAxisM: 0.7 * AU_M,
      eccentricity: 0.05,
      inclinationRad: 0.1,
      ascendingNodeRad: 1,
      argPeriapsisRad: 2,
      meanAnomalyRad: 3,
    };
    const solution = integrateTracer(field, keplerToState(el, mu), beta, 0, t1);
    const exact = keplerToState(propagateElements(el, mu, t1), mu);
    expect(distance(finalState(solution).positionM, exact.positionM)).toBeLessThan(TWO_BODY_TOL_M);
  }, 60_000);

  it('agrees with astronomy-engine’s GravitySimulator over 2 years', () => {
    const t1 = 2 * SECONDS_PER_JULIAN_YEAR;
    const field = perturberField(0, t1);
    const stepDays = 1 / 16;
    for (const a of [0.9, 2.5]) {
      const start = keplerToState(
        {
          semiMajorAxisM: a * AU_M,
          eccentricity: 0.1,
          inclinationRad: 0.05,
          ascendingNodeRad: 2,
          argPeriapsisRad: 3,
          meanAnomalyRad: 0.3,
        },
        GM_SUN_M3_S2,
      );
      const mine = finalState(integrateTracer(field, start, 0, 0, t1)).positionM;
      const time0 = astroTimeOf(0);
      const p = eclipticToEquatorial(start.positionM.map((x) => x / AU_M) as Vec3);
      const v = eclipticToEquatorial(start.velocityMS.map((x) => (x / AU_M) * SECONDS_PER_DAY) as Vec3);
      const simulator = new GravitySimulator(Body.Sun, time0, [
        new AstroState(p[0], p[1], p[2], v[0], v[1], v[2], time0),
      ]);
      const steps = Math.round(t1 / SECONDS_PER_DAY / stepDays);
      let out: AstroState[] = [];
      for (let k = 1; k <= steps; k += 1) out = simulator.Update(astroTimeOf(k * stepDays * SECONDS_PER_DAY));
      const o = out[0] as AstroState;
      const theirs = equatorialToEcliptic([o.x * AU_M, o.y * AU_M, o.z * AU_M]);
      expect(distance(mine, theirs), `a = ${a} au`).toBeLessThan(GRAVITY_SIMULATOR_TOL_M);
    }
  }, 60_000);
});
