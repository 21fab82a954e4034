import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { AU_M } from '../../sim/constants.ts';
import { InputError } from '../../sim/errors.ts';
import type { KeplerElements, StateVector } from '../../sim/orbit/elements.ts';
import { validateElements } from '../../sim/orbit/elements.ts';
import {
  CIRCULAR_ECCENTRICITY_TOLERANCE,
  keplerToState,
  propagateElements,
  stateToKepler,
} from '../../sim/orbit/state.ts';
import { MU, angleDiff, boundStateArb, diffNorm, elementsArb, norm } from './arbitraries.ts';

/** Round trip state -> elements -> state, relative to |r| and |v| (the acceptance criterion). */
const ROUND_TRIP_RELATIVE = 1e-10;
/** Angles of the singular-case conventions, rad: atan2 of rounded components of a 1 au state, ~1e3 ulp of 2π. */
const SINGULAR_ANGLE_RAD = 1e-12;
/** Inclination of a circular inclined orbit, rad: acos of a unit normal's rounded z, a few tens of ulp of 0.4. */
const CIRCULAR_INCLINATION_RAD = 1e-14;
/** Inclination of an equatorial retrograde orbit, rad: about two ulp of π (4.4e-16 each). */
const RETROGRADE_INCLINATION_RAD = 1e-15;
/** a, e and i recovered where well defined (relative for a, absolute for e and i, rad): ~1e4 ulp of rounding. */
const WELL_DEFINED_SHAPE_REL = 1e-12;
/**
 * Ω, ω and M recovered where well defined, rad: down to e = 1e-3 and i = 1e-3 the node and periapsis directions
 * are ill-conditioned by 1 / e and 1 / sin i (~1e3), on top of the 1e-12 shape tolerance.
 */
const WELL_DEFINED_ANGLE_RAD = 1e-9;
/** Vis-viva energy and angular momentum, relative: a handful of products and a sqrt, ~1e4 ulp of margin. */
const INVARIANT_REL = 1e-12;
/** A circular 1 au orbit's |r| and |v|, relative: a few ulp (eps = 2.2e-16) of a norm of three products. */
const CIRCULAR_NORM_REL = 1e-15;
/** M advanced by n dt and reduced to [-π, π], rad: about two ulp of π. */
const MEAN_ANOMALY_STEP_RAD = 1e-15;
/** Floor of the there-and-back tolerance, relative: the round trip's own rounding (ROUND_TRIP_RELATIVE / 100). */
const REVERSE_FLOOR_REL = 1e-12;
/** State after 7 whole periods, relative: M returns to itself within ulp of 7 * 2π, state to ~1e4 ulp. */
const WHOLE_PERIODS_REL = 1e-12;

function relativeStateError(a: StateVector, b: StateVector): number {
  return Math.max(
    diffNorm(a.positionM, b.positionM) / norm(b.positionM),
    diffNorm(a.velocityMS, b.velocityMS) / norm(b.velocityMS),
  );
}

function expectCanonical(el: KeplerElements): void {
  expect(el.inclinationRad).toBeGreaterThanOrEqual(0);
  expect(el.inclinationRad).toBeLessThanOrEqual(Math.PI);
  for (const angle of [el.ascendingNodeRad, el.argPeriapsisRad]) {
    expect(angle).toBeGreaterThanOrEqual(0);
    expect(angle).toBeLessThan(2 * Math.PI);
  }
  expect(Math.abs(el.meanAnomalyRad)).toBeLessThanOrEqual(Math.PI);
}

const base: KeplerElements = {
  semiMajorAxisM: 1.3 * AU_M,
  eccentricity: 0.2,
  inclinationRad: 0.4,
  ascendingNodeRad: 1.1,
  argPeriapsisRad: 2.3,
  meanAnomalyRad: 0.7,
};

describe('state -> elements -> state', () => {
  it('round-trips random bound states to 1e-10 relative', () => {
    fc.assert(
      fc.property(boundStateArb, (state) => {
        const el = stateToKepler(state, MU);
        expectCanonical(el);
        expect(relativeStateError(keplerToState(el, MU), state)).toBeLessThan(ROUND_TRIP_RELATIVE);
      }),
      { numRuns: 2_000 },
    );
  });

  it('round-trips states built from random elements, circular and equatorial included', () => {
    fc.assert(
      fc.property(elementsArb, (el) => {
        const state = keplerToState(el, MU);
        expect(relativeStateError(keplerToState(stateToKepler(state, MU), MU), state)).toBeLessThan(
          ROUND_TRIP_RELATIVE,
        );
      }),
      { numRuns: 5_000 },
    );
  });

  const singular: Array<[string, Partial<KeplerElements>]> = [
    ['circular inclined (e = 0)', { eccentricity: 0 }],
    ['equatorial prograde (i = 0)', { inclinationRad: 0 }],
    ['equatorial retrograde (i = π)', { inclinationRad: Math.PI }],
    ['circular equatorial prograde', { eccentricity: 0, inclinationRad: 0 }],
    ['circular equatorial retrograde', { eccentricity: 0, inclinationRad: Math.PI }],
    ['highly eccentric near periapsis', { eccentricity: 0.99, meanAnomalyRad: 1e-9 }],
    ['e = 0.999999 at periapsis', { eccentricity: 0.999999, meanAnomalyRad: 0 }],
  ];
  for (const [name, patch] of singular) {
    it(`round-trips the ${name} case`, () => {
      const state = keplerToState({ ...base, ...patch }, MU);
      const el = stateToKepler(state, MU);
      expectCanonical(el);
      expect(relativeStateError(keplerToState(el, MU), state)).toBeLessThan(ROUND_TRIP_RELATIVE);
      // Deterministic: the same state gives bit-identical elements.
      expect(stateToKepler(state, MU)).toEqual(el);
    });
  }
});

describe('stateToKepler singular-case conventions', () => {
  const u = base.argPeriapsisRad + base.meanAnomalyRad; // argument of latitude of a circular orbit

  it('circular: ω = 0 and the anomaly is measured from the node', () => {
    const el = stateToKepler(keplerToState({ ...base, eccentricity: 0 }, MU), MU);
    expect(el.eccentricity).toBeLessThan(CIRCULAR_ECCENTRICITY_TOLERANCE);
    expect(el.argPeriapsisRad).toBe(0);
    expect(angleDiff(el.ascendingNodeRad, base.ascendingNodeRad)).toBeLessThan(SINGULAR_ANGLE_RAD);
    expect(angleDiff(el.meanAnomalyRad, u)).toBeLessThan(SINGULAR_ANGLE_RAD);
    expect(Math.abs(el.inclinationRad - base.inclinationRad)).toBeLessThan(CIRCULAR_INCLINATION_RAD);
  });

  it('equatorial prograde: Ω = 0 and ω is the longitude of periapsis', () => {
    const el = stateToKepler(keplerToState({ ...base, inclinationRad: 0 }, MU), MU);
    expect(el.inclinationRad).toBe(0);
    expect(el.ascendingNodeRad).toBe(0);
    expect(angleDiff(el.argPeriapsisRad, base.ascendingNodeRad + base.argPeriapsisRad)).toBeLessThan(
      SINGULAR_ANGLE_RAD,
    );
    expect(angleDiff(el.meanAnomalyRad, base.meanAnomalyRad)).toBeLessThan(SINGULAR_ANGLE_RAD);
  });

  it('equatorial retrograde: Ω = 0 and ω is measured from the x axis in the direction of motion', () => {
    const el = stateToKepler(keplerToState({ ...base, inclinationRad: Math.PI }, MU), MU);
    expect(Math.abs(el.inclinationRad - Math.PI)).toBeLessThan(RETROGRADE_INCLINATION_RAD);
    expect(el.ascendingNodeRad).toBe(0);
    expect(angleDiff(el.argPeriapsisRad, base.argPeriapsisRad - base.ascendingNodeRad)).toBeLessThan(
      SINGULAR_ANGLE_RAD,
    );
    expect(angleDiff(el.meanAnomalyRad, base.meanAnomalyRad)).toBeLessThan(SINGULAR_ANGLE_RAD);
  });

  it('circular equatorial: Ω = ω = 0 and the anomaly is the true longitude', () => {
    const pro = stateToKepler(keplerToState({ ...base, eccentricity: 0, inclinationRad: 0 }, MU), MU);
    expect([pro.ascendingNodeRad, pro.argPeriapsisRad]).toEqual([0, 0]);
    expect(angleDiff(pro.meanAnomalyRad, base.ascendingNodeRad + u)).toBeLessThan(SINGULAR_ANGLE_RAD);
    const retro = stateToKepler(keplerToState({ ...base, eccentricity: 0, inclinationRad: Math.PI }, MU), MU);
    expect([retro.ascendingNodeRad, retro.argPeriapsisRad]).toEqual([0, 0]);
    expect(angleDiff(retro.meanAnomalyRad, u - base.ascendingNodeRad)).toBeLessThan(SINGULAR_ANGLE_RAD);
  });
});

describe('elements -> state -> elements where well defined', () => {
  it('recovers every element (e >= 1e-3, 1e-3 <= i <= π - 1e-3)', () => {
    const wellDefined = fc.record({
      semiMajorAxisM: fc.double({ min: 0.05 * AU_M, max: 30 * AU_M, noNaN: true }),
      eccentricity: fc.double({ min: 1e-3, max: 0.99, noNaN: true }),
      inclinationRad: fc.double({ min: 1e-3, max: Math.PI - 1e-3, noNaN: true }),
      ascendingNodeRad: fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
      argPeriapsisRad: fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
      meanAnomalyRad: fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }),
    });
    fc.assert(
      fc.property(wellDefined, (el) => {
        const back = stateToKepler(keplerToState(el, MU), MU);
        expect(Math.abs(back.semiMajorAxisM - el.semiMajorAxisM) / el.semiMajorAxisM).toBeLessThan(
          WELL_DEFINED_SHAPE_REL,
        );
        expect(Math.abs(back.eccentricity - el.eccentricity)).toBeLessThan(WELL_DEFINED_SHAPE_REL);
        expect(Math.abs(back.inclinationRad - el.inclinationRad)).toBeLessThan(WELL_DEFINED_SHAPE_REL);
        expect(angleDiff(back.ascendingNodeRad, el.ascendingNodeRad)).toBeLessThan(WELL_DEFINED_ANGLE_RAD);
        expect(angleDiff(back.argPeriapsisRad, el.argPeriapsisRad)).toBeLessThan(WELL_DEFINED_ANGLE_RAD);
        expect(angleDiff(back.meanAnomalyRad, el.meanAnomalyRad)).toBeLessThan(WELL_DEFINED_ANGLE_RAD);
      }),
      { numRuns: 3_000 },
    );
  });
});

describe('keplerToState physics', () => {
  it('satisfies vis-viva and |h| = sqrt(mu a (1 - e^2)) with h along the orbit normal', () => {
    fc.assert(
      fc.property(elementsArb, (el) => {
        const { positionM: r, velocityMS: v } = keplerToState(el, MU);
        const energy = 0.5 * norm(v) ** 2 - MU / norm(r);
        expect(Math.abs(energy + MU / (2 * el.semiMajorAxisM)) / (MU / (2 * el.semiMajorAxisM))).toBeLessThan(
          INVARIANT_REL,
        );
        const h = [r[1] * v[2] - r[2] * v[1], r[2] * v[0] - r[0] * v[2], r[0] * v[1] - r[1] * v[0]];
        const { inclinationRad: i, ascendingNodeRad: node } = el;
        const hMag = Math.sqrt(MU * el.semiMajorAxisM * (1 - el.eccentricity ** 2));
        const expected = [
          hMag * Math.sin(i) * Math.sin(node),
          -hMag * Math.sin(i) * Math.cos(node),
          hMag * Math.cos(i),
        ];
        expect(diffNorm(h, expected) / hMag).toBeLessThan(INVARIANT_REL);
      }),
      { numRuns: 2_000 },
    );
  });

  it('puts a circular 1 au orbit at 1 au moving at sqrt(mu / a)', () => {
    const { positionM, velocityMS } = keplerToState({ ...base, semiMajorAxisM: AU_M, eccentricity: 0 }, MU);
    expect(Math.abs(norm(positionM) - AU_M) / AU_M).toBeLessThan(CIRCULAR_NORM_REL);
    expect(Math.abs(norm(velocityMS) - Math.sqrt(MU / AU_M)) / Math.sqrt(MU / AU_M)).toBeLessThan(
      CIRCULAR_NORM_REL,
    );
  });
});

describe('propagateElements', () => {
  it('advances only M, by n dt, reduced to [-π, π]', () => {
    const dt = 12_345.678;
    const out = propagateElements(base, MU, dt);
    const n = Math.sqrt(MU / base.semiMajorAxisM ** 3);
    expect(angleDiff(out.meanAnomalyRad, base.meanAnomalyRad + n * dt)).toBeLessThan(MEAN_ANOMALY_STEP_RAD);
    expect({ ...out, meanAnomalyRad: 0 }).toEqual({ ...base, meanAnomalyRad: 0 });
    expect(Math.abs(out.meanAnomalyRad)).toBeLessThanOrEqual(Math.PI);
  });

  it('is reversible and returns to the same state after a whole number of periods', () => {
    fc.assert(
      fc.property(elementsArb, fc.double({ min: -2e9, max: 2e9, noNaN: true }), (el, dt) => {
        const there = propagateElements(el, MU, dt);
        const back = propagateElements(there, MU, -dt);
        // Float64 conditioning: M = M0 + n dt carries ~eps |n dt| rad of rounding, and the state moves by at most
        // sqrt((1 + e) / (1 - e)^3) (periapsis, |dr/dM| / r) times that, relative.
        const e = el.eccentricity;
        const nDt = Math.sqrt(MU / el.semiMajorAxisM ** 3) * Math.abs(dt);
        const tolerance =
          8 * Number.EPSILON * Math.max(1, nDt) * Math.sqrt((1 + e) / (1 - e) ** 3) + REVERSE_FLOOR_REL;
        expect(relativeStateError(keplerToState(back, MU), keplerToState(el, MU))).toBeLessThan(tolerance);
      }),
      { numRuns: 1_000 },
    );
    const period = 2 * Math.PI * Math.sqrt(base.semiMajorAxisM ** 3 / MU);
    const later = propagateElements(base, MU, 7 * period);
    expect(relativeStateError(keplerToState(later, MU), keplerToState(base, MU))).toBeLessThan(
      WHOLE_PERIODS_REL,
    );
  });

  it('rejects bad input', () => {
    expect(() => propagateElements(base, MU, Number.NaN)).toThrow(/dtS/);
    expect(() => propagateElements(base, 0, 1)).toThrow(/muM3S2/);
    expect(() => propagateElements({ ...base, eccentricity: 1 }, MU, 1)).toThrow(InputError);
  });
});

describe('input validation', () => {
  it('validateElements names the field, the value and the range', () => {
    expect(() => validateElements({ ...base, eccentricity: 1.2 })).toThrow(
      'elements.eccentricity: must be in [0, 1), got 1.2',
    );
    expect(() => validateElements({ ...base, semiMajorAxisM: 0 }, 'orbit')).toThrow(
      /^orbit\.semiMajorAxisM: must be > 0/,
    );
    expect(() => validateElements({ ...base, inclinationRad: -0.1 })).toThrow(
      /inclinationRad: must be in \[0, π\]/,
    );
    expect(() => validateElements({ ...base, inclinationRad: 4 })).toThrow(/inclinationRad/);
    expect(() => validateElements({ ...base, argPeriapsisRad: Number.NaN })).toThrow(
      /argPeriapsisRad: must be a finite/,
    );
    expect(() => validateElements({ ...base, meanAnomalyRad: Number.POSITIVE_INFINITY })).toThrow(
      /meanAnomalyRad/,
    );
    expect(() => validateElements(base)).not.toThrow();
    expect(() => validateElements({ ...base, eccentricity: 0, inclinationRad: Math.PI })).not.toThrow();
  });

  it('keplerToState rejects bad elements and mu', () => {
    expect(() => keplerToState({ ...base, eccentricity: -0.1 }, MU)).toThrow(InputError);
    expect(() => keplerToState(base, -1)).toThrow(/muM3S2/);
    expect(() => keplerToState(base, Number.NaN)).toThrow(/muM3S2/);
  });

  it('stateToKepler refuses unbound states, saying e and that they are unsupported', () => {
    const r = AU_M;
    const escape = Math.sqrt((2 * MU) / r);
    const hyperbolic: StateVector = { positionM: [r, 0, 0], velocityMS: [0, 1.01 * escape, 0] };
    expect(() => stateToKepler(hyperbolic, MU)).toThrow(InputError);
    expect(() => stateToKepler(hyperbolic, MU)).toThrow(/e = 1\.0\d+.*unbound orbits .* are not supported/);
    const parabolic: StateVector = { positionM: [r, 0, 0], velocityMS: [0, escape * (1 + 1e-15), 0] };
    expect(() => stateToKepler(parabolic, MU)).toThrow(/not supported/);
  });

  it('stateToKepler refuses degenerate and non-finite states', () => {
    expect(() => stateToKepler({ positionM: [0, 0, 0], velocityMS: [1, 0, 0] }, MU)).toThrow(/positionM/);
    expect(() => stateToKepler({ positionM: [AU_M, 0, 0], velocityMS: [1000, 0, 0] }, MU)).toThrow(
      /rectilinear/,
    );
    expect(() => stateToKepler({ positionM: [AU_M, Number.NaN, 0], velocityMS: [0, 1, 0] }, MU)).toThrow(
      'state.positionM[1]: must be a finite number, got NaN',
    );
    expect(() =>
      stateToKepler({ positionM: [AU_M, 0, 0], velocityMS: [0, Number.POSITIVE_INFINITY, 0] }, MU),
    ).toThrow(/velocityMS\[1\]/);
    expect(() => stateToKepler({ positionM: [AU_M, 0, 0], velocityMS: [0, 3e4, 0] }, 0)).toThrow(/muM3S2/);
  });
});
