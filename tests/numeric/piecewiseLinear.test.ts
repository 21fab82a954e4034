/**
 * Piecewise-linear reading of a cumulative quantity (sim/numeric/piecewiseLinear.ts): exact on linear data, the
 * documented rules at the knots, at jumps (repeated times) and outside the span, and the integral of the slope.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { piecewiseLinearSlope, piecewiseLinearValue } from '../../sim/numeric/piecewiseLinear.ts';

/** Relative error allowed on linear data: a few roundings (interpolation, then the difference). */
const LINEAR_REL_TOL = 1e-12;
/** Relative error allowed on the integral of the slope: one rounding per interval, up to 30 intervals. */
const INTEGRAL_REL_TOL = 1e-12;

/** Coefficients of the linear data, hundredths in [-5, 5] (no subnormal values, where relative rounding fails). */
const coefficient = fc.integer({ min: -500, max: 500 }).map((k) => k / 100);

/** Increasing knot times in [0, 100], at least 0.01 apart (midpoints of intervals fall strictly inside). */
const knots = fc
  .uniqueArray(fc.integer({ min: 0, max: 10_000 }), { minLength: 2, maxLength: 30 })
  .map((t) => Float64Array.from(t, (k) => k / 100).sort());

describe('piecewiseLinearValue and piecewiseLinearSlope', () => {
  it('are exact on linear data inside the span', () => {
    fc.assert(
      fc.property(
        knots,
        coefficient,
        coefficient,
        fc.double({ min: 0, max: 1, noNaN: true }),
        (times, a, b, u) => {
          const values = times.map((t) => a + b * t);
          const n = times.length;
          // Clamped: t0 + (t1 - t0) may round past t1, where the slope is 0 by rule.
          const t = Math.min(
            (times[0] as number) + u * ((times[n - 1] as number) - (times[0] as number)),
            times[n - 1] as number,
          );
          const scale = Math.abs(a) + 100 * Math.abs(b);
          expect(Math.abs(piecewiseLinearValue(times, n, values, t) - (a + b * t))).toBeLessThanOrEqual(
            LINEAR_REL_TOL * scale,
          );
          const slope = piecewiseLinearSlope(times, n, (i) => values[i] as number, t);
          const gap = Math.min(...Array.from(times.slice(1), (v, i) => v - (times[i] as number)));
          expect(Math.abs(slope - b)).toBeLessThanOrEqual((LINEAR_REL_TOL * scale) / gap);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('take the knot values at the knots, 0 before the span and the last value after it', () => {
    const times = Float64Array.of(1, 2, 4);
    const values = Float64Array.of(3, 5, 9);
    expect([1, 2, 4].map((t) => piecewiseLinearValue(times, 3, values, t))).toEqual([3, 5, 9]);
    expect(piecewiseLinearValue(times, 3, values, 0.999)).toBe(0);
    expect(piecewiseLinearValue(times, 3, values, 1e9)).toBe(9);
    expect(piecewiseLinearValue(times, 3, values, 3)).toBe(7);
    expect(piecewiseLinearValue(times, 0, values, 3)).toBe(0);
  });

  it('give a slope that is 0 outside the span, right-continuous at knots, and the last one at the end', () => {
    const times = Float64Array.of(1, 2, 4);
    const values = [3, 5, 9];
    const slope = (t: number): number => piecewiseLinearSlope(times, 3, (i) => values[i] as number, t);
    expect(slope(0.5)).toBe(0);
    expect(slope(4.5)).toBe(0);
    expect(slope(1)).toBe(2);
    expect(slope(2)).toBe(2); // (9 - 5) / (4 - 2), the interval that starts at 2
    expect(slope(4)).toBe(2); // the last interval
    expect(slope(1.5)).toBe(2);
    expect(piecewiseLinearSlope(times, 1, (i) => values[i] as number, 1)).toBe(0);
  });

  it('read a repeated time as a jump: the value after it, the slope of the interval after it', () => {
    // A jump of 10 at t = 2: samples (2, 5) before and (2, 15) after.
    const times = Float64Array.of(0, 2, 2, 4, 4);
    const values = Float64Array.of(1, 5, 15, 19, 19);
    const slope = (t: number): number => piecewiseLinearSlope(times, 5, (i) => values[i] as number, t);
    expect(piecewiseLinearValue(times, 5, values, 2)).toBe(15);
    expect(piecewiseLinearValue(times, 5, values, 1)).toBe(3);
    expect(slope(1)).toBe(2);
    expect(slope(2)).toBe(2);
    expect(slope(4)).toBe(2); // the last interval of positive width, [2, 4]
  });

  it('have a slope whose integral over the span is the total change, jumps excluded', () => {
    fc.assert(
      fc.property(
        knots,
        fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: 30 }),
        (times, d) => {
          const n = times.length;
          const values = new Float64Array(n);
          for (let i = 1; i < n; i += 1) values[i] = (values[i - 1] as number) + (d[i] as number);
          // The slope is constant on each interval: the midpoint rule is exact.
          let integral = 0;
          for (let i = 0; i + 1 < n; i += 1) {
            const a = times[i] as number;
            const b = times[i + 1] as number;
            integral += (b - a) * piecewiseLinearSlope(times, n, (k) => values[k] as number, (a + b) / 2);
          }
          expect(Math.abs(integral - (values[n - 1] as number))).toBeLessThanOrEqual(
            INTEGRAL_REL_TOL * (1 + integral),
          );
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
