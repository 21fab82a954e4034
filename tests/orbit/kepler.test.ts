import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { InputError } from '../../sim/errors.ts';
import {
  eccentricAnomaly,
  eccentricFromTrue,
  meanFromEccentric,
  solveKepler,
  trueFromEccentric,
} from '../../sim/orbit/kepler.ts';

/** Absolute residual |E - e sin E - M| allowed, rad (the acceptance criterion). */
const RESIDUAL_TOLERANCE_RAD = 1e-12;
/** Slack on |E - M| <= e, rad: a few ulp of the reduced M (|M| <= π, ulp 4.4e-16). */
const BRANCH_SLACK_RAD = 1e-15;
/** Slack on the Lipschitz bound |dE| <= |dM| / (1 - e), rad: a few ulp of E, per the comment in the test. */
const LIPSCHITZ_SLACK_RAD = 1e-13;
/** Jump across a ±(2k+1)π boundary for a 2e-9 rad step, rad: there dE/dM = 1 / (1 + e) <= 1, so 2e-9 at most. */
const BOUNDARY_JUMP_RAD = 1e-8;
/** E at M = (2k+1)π, rad: E = M there exactly; the Newton iterate rounds within ~ulp of 11π. */
const BOUNDARY_FIXED_POINT_RAD = 1e-12;
/** Residual relative to M near M = 0 for e = 0.999999, relative: about two ulp (the 'full relative accuracy'). */
const SMALL_M_RESIDUAL_REL = 4e-16;
/** Small-M cubic limit, relative: 1 - e evaluated in float64 carries eps / (1 - e) = 1.1e-10 relative error. */
const SMALL_M_CUBIC_REL = 1e-9;
/** Slack on |E - M| <= e for |M| up to 5e3 rad: the range reduction rounds by ~ulp(5e3) = 9e-13. */
const LARGE_M_BRANCH_SLACK_RAD = 1e-12;
/** ν against the half-angle formula and cos ν, rad and absolute: two atan2/sqrt paths, ~1e4 ulp of margin. */
const TRUE_ANOMALY_RAD = 1e-12;
/** E recovered from ν, relative to max(1, |E|): a few hundred ulp of the branch offset for |E| <= 20. */
const ECCENTRIC_FROM_TRUE_REL = 1e-13;

const eccentricity = fc.double({ min: 0, max: 0.99, noNaN: true });
const meanAnomaly = fc.double({ min: -10 * Math.PI, max: 10 * Math.PI, noNaN: true });

function residual(E: number, e: number, M: number): number {
  return Math.abs(E - e * Math.sin(E) - M);
}

describe('solveKepler', () => {
  it('solves M = E - e sin E to 1e-12 rad for e in [0, 0.99], M in [-10π, 10π]', () => {
    fc.assert(
      fc.property(eccentricity, meanAnomaly, (e, M) => {
        const E = solveKepler(M, e);
        expect(residual(E, e, M)).toBeLessThan(RESIDUAL_TOLERANCE_RAD);
      }),
      { numRuns: 10_000 },
    );
  });

  it('keeps E on the branch of M (|E - M| <= e) and continuous in M', () => {
    fc.assert(
      fc.property(
        eccentricity,
        meanAnomaly,
        fc.double({ min: -1e-6, max: 1e-6, noNaN: true }),
        (e, M, dM) => {
          const M2 = M + dM;
          const step = M2 - M; // the step actually taken after rounding (exact subtraction)
          const E1 = solveKepler(M, e);
          const E2 = solveKepler(M2, e);
          expect(Math.abs(E1 - M)).toBeLessThanOrEqual(e + BRANCH_SLACK_RAD);
          // dE/dM = 1 / (1 - e cos E) <= 1 / (1 - e): no 2π jumps. Slack: a few ulp of E.
          expect(Math.abs(E2 - E1)).toBeLessThanOrEqual(Math.abs(step) / (1 - e) + LIPSCHITZ_SLACK_RAD);
          // Monotonic (non-decreasing) in M.
          expect((E2 - E1) * Math.sign(step)).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 5_000 },
    );
  });

  it('is continuous across the ±π, ±3π, ... branch boundaries of the range reduction', () => {
    for (const e of [0, 0.3, 0.9, 0.99, 0.999999]) {
      for (let k = -5; k <= 5; k += 1) {
        const boundary = (2 * k + 1) * Math.PI;
        const below = solveKepler(boundary - 1e-9, e);
        const above = solveKepler(boundary + 1e-9, e);
        expect(above - below).toBeGreaterThan(0);
        expect(above - below).toBeLessThan(BOUNDARY_JUMP_RAD);
        expect(Math.abs(solveKepler(boundary, e) - boundary)).toBeLessThan(BOUNDARY_FIXED_POINT_RAD);
      }
    }
  });

  it('is odd in M within the reduction interval, and E = M at M = kπ and for e = 0', () => {
    fc.assert(
      fc.property(eccentricity, fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }), (e, M) => {
        expect(solveKepler(-M, e)).toBe(-solveKepler(M, e));
      }),
    );
    expect(solveKepler(0, 0.7)).toBe(0);
    for (let k = -4; k <= 4; k += 1) {
      expect(Math.abs(solveKepler(k * Math.PI, 0.7) - k * Math.PI)).toBeLessThanOrEqual(
        4 * Number.EPSILON * Math.max(1, Math.abs(k * Math.PI)),
      );
    }
    expect(solveKepler(1.234, 0)).toBe(1.234);
  });

  it('does not blow up for e = 0.999999 near M = 0 (full relative accuracy)', () => {
    const e = 0.999999;
    let previous = 0;
    for (const M of [1e-300, 1e-200, 1e-30, 1e-15, 1e-12, 1e-10, 1e-8, 1e-6, 1e-4, 1e-2, 0.1, 1, 3]) {
      const E = solveKepler(M, e);
      expect(Number.isFinite(E)).toBe(true);
      expect(E).toBeGreaterThan(previous);
      // Residual relative to M, evaluated without cancellation: (1 - e) E + e (E - sin E) - M.
      expect(Math.abs(meanFromEccentric(E, e) - M)).toBeLessThanOrEqual(SMALL_M_RESIDUAL_REL * M);
      expect(residual(E, e, M)).toBeLessThan(RESIDUAL_TOLERANCE_RAD);
      expect(solveKepler(-M, e)).toBe(-E);
      previous = E;
    }
    // Small-M limit: (1 - e) E + E^3 / 6 = M.
    const M = 1e-12;
    const E = solveKepler(M, e);
    expect(Math.abs((1 - e) * E + (E * E * E) / 6 - M) / M).toBeLessThan(SMALL_M_CUBIC_REL);
  });

  it('handles large |M| (hundreds of revolutions) with the residual at rounding level', () => {
    fc.assert(
      fc.property(eccentricity, fc.double({ min: -5e3, max: 5e3, noNaN: true }), (e, M) => {
        const E = solveKepler(M, e);
        expect(residual(E, e, M)).toBeLessThan(64 * Number.EPSILON * Math.max(1, Math.abs(M)));
        expect(Math.abs(E - M)).toBeLessThanOrEqual(e + LARGE_M_BRANCH_SLACK_RAD);
      }),
    );
  });

  it('rejects bad input with an InputError naming the field', () => {
    expect(() => solveKepler(Number.NaN, 0.1)).toThrow(InputError);
    expect(() => solveKepler(Number.POSITIVE_INFINITY, 0.1)).toThrow(/meanAnomalyRad/);
    expect(() => solveKepler(1, 1)).toThrow(/eccentricity: must be in \[0, 1\), got 1/);
    expect(() => solveKepler(1, -0.1)).toThrow(/eccentricity/);
    expect(() => solveKepler(1, Number.NaN)).toThrow(/eccentricity/);
  });

  it('eccentricAnomaly (unchecked) equals solveKepler', () => {
    fc.assert(
      fc.property(eccentricity, meanAnomaly, (e, M) => {
        expect(eccentricAnomaly(M, e)).toBe(solveKepler(M, e));
      }),
    );
  });
});

describe('true anomaly', () => {
  it('trueFromEccentric matches the half-angle formula and stays on the branch of E', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        fc.double({ min: -20, max: 20, noNaN: true }),
        (e, E) => {
          const nu = trueFromEccentric(E, e);
          const halfAngle =
            2 * Math.atan2(Math.sqrt(1 + e) * Math.sin(E / 2), Math.sqrt(1 - e) * Math.cos(E / 2));
          const d = nu - halfAngle;
          expect(Math.abs(Math.atan2(Math.sin(d), Math.cos(d)))).toBeLessThan(TRUE_ANOMALY_RAD);
          expect(Math.abs(nu - E)).toBeLessThan(Math.PI);
          // cos ν = (cos E - e) / (1 - e cos E)
          expect(Math.abs(Math.cos(nu) - (Math.cos(E) - e) / (1 - e * Math.cos(E)))).toBeLessThan(
            TRUE_ANOMALY_RAD,
          );
        },
      ),
    );
  });

  it('eccentricFromTrue inverts trueFromEccentric on the same branch', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        fc.double({ min: -20, max: 20, noNaN: true }),
        (e, E) => {
          expect(Math.abs(eccentricFromTrue(trueFromEccentric(E, e), e) - E)).toBeLessThan(
            ECCENTRIC_FROM_TRUE_REL * Math.max(1, Math.abs(E)),
          );
        },
      ),
    );
  });

  it('is the identity for e = 0 and rejects bad input', () => {
    expect(trueFromEccentric(1.1, 0)).toBe(1.1);
    expect(() => trueFromEccentric(Number.NaN, 0.1)).toThrow(InputError);
    expect(() => trueFromEccentric(1, 1.5)).toThrow(/eccentricity/);
    expect(() => eccentricFromTrue(1, 1)).toThrow(/eccentricity/);
  });
});
