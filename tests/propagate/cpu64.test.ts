import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { AU_M, GM_SUN_M3_S2, SECONDS_PER_DAY, SECONDS_PER_JULIAN_YEAR } from '../../sim/constants.ts';
import { InputError } from '../../sim/errors.ts';
import type { KeplerElements } from '../../sim/orbit/elements.ts';
import { effectiveMu } from '../../sim/orbit/radiationPressure.ts';
import { keplerToState, propagateElements } from '../../sim/orbit/state.ts';
import { heliocentricDistancesCpu64, propagateCpu64 } from '../../sim/propagate/cpu64.ts';
import type { TracerTable } from '../../sim/propagate/tracerTable.ts';
import { createTracerTable, setTracer, validateTracerTable } from '../../sim/propagate/tracerTable.ts';
import { diffNorm, elementsArb, norm } from '../orbit/arbitraries.ts';

const YEAR = SECONDS_PER_JULIAN_YEAR;

/** Against keplerToState(propagateElements(...)), relative: two float64 Kepler solutions, each to ~1e-12 rad. */
const STATE_REL = 1e-12;
/** At the epoch, relative: no Kepler solve, the same rotation of the same elements, a few ulp. */
const AT_EPOCH_REL = 1e-15;
/** Energy and angular momentum from the state, relative: the state's own float64 error, as STATE_REL. */
const INVARIANT_REL = 1e-12;
/** The period found by propagation against 365.25 days, relative: a coarse first check (they differ by 1.9e-5). */
const PERIOD_COARSE_REL = 1e-3;
/** Against 2 pi / k = 365.2568983 days, relative: GM_sun = k^2 au^3/day^2 to 1e-10, the bisection to 1e-6 s. */
const GAUSS_PERIOD_REL = 1e-8;
/** Back at the start after one period, au (150 m): the period to 1e-6 s is 3 cm of orbit, plus rounding. */
const RETURN_AU = 1e-9;
/** Distances against the norm of the positions, relative: the same norm taken twice, a few ulp. */
const NORM_REL = 1e-14;
/** Slack on perihelion <= r <= aphelion, relative: rounding of the conic at the extremes. */
const APSIS_SLACK_REL = 1e-12;

/** A tracer's orbit as generated: elements, epoch, effective mu. */
interface Row {
  el: KeplerElements;
  epochTdbS: number;
  mu: number;
}

const rowArb: fc.Arbitrary<Row> = fc.record({
  el: elementsArb,
  epochTdbS: fc.double({ min: 0, max: 50 * YEAR, noNaN: true }),
  mu: fc.oneof(
    fc.constant(GM_SUN_M3_S2),
    fc.double({ min: 0, max: 0.9, noNaN: true }).map((b) => effectiveMu(b)),
  ),
});
const rowsArb = fc.array(rowArb, { minLength: 1, maxLength: 24 });
/** Times within 50 years either side of 2000-2050. */
const timeArb = fc.double({ min: -50 * YEAR, max: 100 * YEAR, noNaN: true });

function tableOf(rows: readonly Row[]): TracerTable {
  const t = createTracerTable(rows.length);
  rows.forEach((r, k) => setTracer(t, k, r.el, r.epochTdbS, r.mu, 1 + k, r.epochTdbS, k % 7));
  validateTracerTable(t);
  return t;
}

/** The elements as stored in row k (angles already reduced by setTracer). */
function storedElements(t: TracerTable, k: number): KeplerElements {
  return {
    semiMajorAxisM: t.semiMajorAxisM[k] as number,
    eccentricity: t.eccentricity[k] as number,
    inclinationRad: t.inclinationRad[k] as number,
    ascendingNodeRad: t.ascendingNodeRad[k] as number,
    argPeriapsisRad: t.argPeriapsisRad[k] as number,
    meanAnomalyRad: t.meanAnomalyAtEpochRad[k] as number,
  };
}

function vec(buffer: Float64Array, k: number): [number, number, number] {
  return [buffer[3 * k] as number, buffer[3 * k + 1] as number, buffer[3 * k + 2] as number];
}

function propagate(t: TracerTable, tdbS: number): { r: Float64Array; v: Float64Array } {
  const r = new Float64Array(3 * t.count);
  const v = new Float64Array(3 * t.count);
  propagateCpu64(t, tdbS, r, v);
  return { r, v };
}

describe('propagateCpu64 vs keplerToState(propagateElements(...))', () => {
  it('matches every tracer to 1e-12 relative, positions and velocities', () => {
    fc.assert(
      fc.property(rowsArb, timeArb, (rows, tdbS) => {
        const t = tableOf(rows);
        const { r, v } = propagate(t, tdbS);
        rows.forEach((row, k) => {
          const dt = tdbS - (t.epochTdbS[k] as number);
          const expected = keplerToState(propagateElements(storedElements(t, k), row.mu, dt), row.mu);
          expect(diffNorm(vec(r, k), expected.positionM) / norm(expected.positionM)).toBeLessThan(STATE_REL);
          expect(diffNorm(vec(v, k), expected.velocityMS) / norm(expected.velocityMS)).toBeLessThan(
            STATE_REL,
          );
        });
      }),
      { numRuns: 300 },
    );
  });

  it('gives each tracer its position whether or not it is on station yet', () => {
    const t = tableOf([{ el: { ...elementsFixture }, epochTdbS: 0, mu: GM_SUN_M3_S2 }]);
    t.stationTdbS[0] = 10 * YEAR;
    const { r } = propagate(t, 0);
    const expected = keplerToState(elementsFixture, GM_SUN_M3_S2).positionM;
    expect(diffNorm(vec(r, 0), expected) / norm(expected)).toBeLessThan(AT_EPOCH_REL);
  });
});

const elementsFixture: KeplerElements = {
  semiMajorAxisM: 1.1 * AU_M,
  eccentricity: 0.3,
  inclinationRad: 0.5,
  ascendingNodeRad: 0.3,
  argPeriapsisRad: 1.2,
  meanAnomalyRad: 2,
};

describe('independence of tracer order', () => {
  it('gives bit-identical rows for a permuted table', () => {
    fc.assert(
      fc.property(
        rowsArb.chain((rows) =>
          fc.tuple(
            fc.constant(rows),
            fc.shuffledSubarray(
              rows.map((_, k) => k),
              { minLength: rows.length },
            ),
          ),
        ),
        timeArb,
        ([rows, order], tdbS) => {
          const a = propagate(tableOf(rows), tdbS);
          const b = propagate(tableOf(order.map((k) => rows[k] as Row)), tdbS);
          order.forEach((k, j) => {
            expect(vec(b.r, j)).toEqual(vec(a.r, k));
            expect(vec(b.v, j)).toEqual(vec(a.v, k));
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('conservation over long propagation', () => {
  it('keeps specific energy and the angular momentum vector to 1e-12 relative over ±20-50 years', () => {
    fc.assert(
      fc.property(rowsArb, fc.array(timeArb, { minLength: 1, maxLength: 4 }), (rows, times) => {
        const t = tableOf(rows);
        for (const tdbS of [...times, 20 * YEAR, -20 * YEAR]) {
          const { r, v } = propagate(t, tdbS);
          for (let k = 0; k < t.count; k += 1) {
            const a = t.semiMajorAxisM[k] as number;
            const e = t.eccentricity[k] as number;
            const i = t.inclinationRad[k] as number;
            const node = t.ascendingNodeRad[k] as number;
            const n = t.meanMotionRadS[k] as number;
            const mu = n * n * a * a * a;
            const [x, y, z] = vec(r, k);
            const [vx, vy, vz] = vec(v, k);
            const energy = 0.5 * (vx * vx + vy * vy + vz * vz) - mu / Math.hypot(x, y, z);
            expect(Math.abs(energy + mu / (2 * a)) / (mu / (2 * a))).toBeLessThan(INVARIANT_REL);
            const h = [y * vz - z * vy, z * vx - x * vz, x * vy - y * vx];
            const hMag = Math.sqrt(mu * a * (1 - e * e));
            const hExpected = [
              hMag * Math.sin(i) * Math.sin(node),
              -hMag * Math.sin(i) * Math.cos(node),
              hMag * Math.cos(i),
            ];
            expect(diffNorm(h, hExpected) / hMag).toBeLessThan(INVARIANT_REL);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('analytic: a circular 1 au orbit about GM_sun', () => {
  it('returns to its starting position after 365.25 days within 0.1 % (found by propagation)', () => {
    const el: KeplerElements = { ...elementsFixture, semiMajorAxisM: AU_M, eccentricity: 0 };
    const t = tableOf([{ el, epochTdbS: 0, mu: GM_SUN_M3_S2 }]);
    const out = new Float64Array(3);
    propagateCpu64(t, 0, out);
    const start = vec(out, 0);
    // Signed angle swept from the start, about the orbit normal: crosses 0 (upwards) once per revolution.
    const normal = keplerToState(el, GM_SUN_M3_S2);
    const hVec = [
      start[1] * normal.velocityMS[2] - start[2] * normal.velocityMS[1],
      start[2] * normal.velocityMS[0] - start[0] * normal.velocityMS[2],
      start[0] * normal.velocityMS[1] - start[1] * normal.velocityMS[0],
    ];
    const sweptSign = (tdbS: number): number => {
      propagateCpu64(t, tdbS, out);
      const [x, y, z] = vec(out, 0);
      const c = [start[1] * z - start[2] * y, start[2] * x - start[0] * z, start[0] * y - start[1] * x];
      return (
        (c[0] as number) * (hVec[0] as number) +
        (c[1] as number) * (hVec[1] as number) +
        (c[2] as number) * (hVec[2] as number)
      );
    };
    // Scan day by day from 300 to 400 days for the first upward crossing, then bisect to 1e-6 s.
    let lo = 300 * SECONDS_PER_DAY;
    while (!(sweptSign(lo) < 0 && sweptSign(lo + SECONDS_PER_DAY) >= 0)) {
      lo += SECONDS_PER_DAY;
      expect(lo).toBeLessThan(400 * SECONDS_PER_DAY);
    }
    let hi = lo + SECONDS_PER_DAY;
    while (hi - lo > 1e-6) {
      const mid = 0.5 * (lo + hi);
      if (sweptSign(mid) < 0) lo = mid;
      else hi = mid;
    }
    const periodDays = hi / SECONDS_PER_DAY;
    expect(Math.abs(periodDays - 365.25) / 365.25).toBeLessThan(PERIOD_COARSE_REL);
    // Independent figure: with Gauss's constant k = 0.01720209895 (IAU 1976), 2π/k = 365.256 898 3 days, and
    // GM_sun (IAU 2015 nominal) equals k^2 au^3/day^2 to 1e-10.
    expect(Math.abs(periodDays - 365.2568983) / 365.2568983).toBeLessThan(GAUSS_PERIOD_REL);
    propagateCpu64(t, hi, out);
    expect(diffNorm(vec(out, 0), start) / AU_M).toBeLessThan(RETURN_AU);
  });
});

describe('heliocentricDistancesCpu64', () => {
  it('equals the norm of the propagated positions', () => {
    fc.assert(
      fc.property(rowsArb, timeArb, (rows, tdbS) => {
        const t = tableOf(rows);
        const { r } = propagate(t, tdbS);
        const d = new Float64Array(t.count);
        heliocentricDistancesCpu64(t, tdbS, d);
        for (let k = 0; k < t.count; k += 1) {
          expect(Math.abs((d[k] as number) - norm(vec(r, k))) / (d[k] as number)).toBeLessThan(NORM_REL);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('robustness', () => {
  it('gives finite output for e = 0.99 and 0.999999 near periapsis, i = 0 and π, ±50 years from epoch', () => {
    const rows: Row[] = [];
    for (const e of [0, 0.5, 0.99, 0.999999]) {
      for (const i of [0, Math.PI / 3, Math.PI]) {
        for (const M of [0, 1e-12, -1e-9, Math.PI, 1e-300]) {
          rows.push({
            el: {
              ...elementsFixture,
              semiMajorAxisM: 0.05 * AU_M,
              eccentricity: e,
              inclinationRad: i,
              meanAnomalyRad: M,
            },
            epochTdbS: 25 * YEAR,
            mu: GM_SUN_M3_S2,
          });
        }
      }
    }
    const t = tableOf(rows);
    const d = new Float64Array(t.count);
    for (const tdbS of [25 * YEAR, -25 * YEAR, 75 * YEAR, 25 * YEAR + 1e-3]) {
      const { r, v } = propagate(t, tdbS);
      heliocentricDistancesCpu64(t, tdbS, d);
      expect(r.every(Number.isFinite)).toBe(true);
      expect(v.every(Number.isFinite)).toBe(true);
      rows.forEach((row, k) => {
        const a = row.el.semiMajorAxisM;
        const e = row.el.eccentricity;
        expect(d[k]).toBeGreaterThanOrEqual(a * (1 - e) * (1 - APSIS_SLACK_REL));
        expect(d[k]).toBeLessThanOrEqual(a * (1 + e) * (1 + APSIS_SLACK_REL));
      });
    }
  });

  it('refuses non-finite time and short output buffers', () => {
    const t = tableOf([
      { el: elementsFixture, epochTdbS: 0, mu: GM_SUN_M3_S2 },
      { el: elementsFixture, epochTdbS: 0, mu: GM_SUN_M3_S2 },
    ]);
    expect(() => propagateCpu64(t, Number.NaN, new Float64Array(6))).toThrow(InputError);
    expect(() => propagateCpu64(t, 0, new Float64Array(5))).toThrow(
      /outPositionM: must be a Float64Array of length >= 6/,
    );
    expect(() => propagateCpu64(t, 0, new Float64Array(6), new Float64Array(3))).toThrow(/outVelocityMS/);
    expect(() => heliocentricDistancesCpu64(t, 0, new Float64Array(1))).toThrow(/outDistanceM/);
    expect(() => heliocentricDistancesCpu64(t, Number.POSITIVE_INFINITY, new Float64Array(2))).toThrow(
      /tdbS/,
    );
  });
});
