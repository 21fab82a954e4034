/**
 * Dormand-Prince 5(4) (sim/numeric/dopri5.ts) against problems with known answers:
 * - the Arenstorf orbit of the restricted three-body problem (Hairer, Norsett & Wanner, "Solving Ordinary
 *   Differential Equations I", 2nd ed., 1993, sec. II.0, eq. 0.1-0.2): periodic, so one period returns it to its
 *   start;
 * - the harmonic oscillator y'' = -y, y = (cos t, -sin t), a linear problem with an exact solution;
 * - an event: -cos t crosses zero upward at t = pi / 2.
 */
import { describe, expect, it } from 'vitest';

import { InputError } from '../../sim/errors.ts';
import { dopri5, type Dopri5Derivative } from '../../sim/numeric/dopri5.ts';

// HNW I, sec. II.0: mass ratio, initial state and period of the Arenstorf orbit. HNW give
// y2'(0) = -2.00158510637908252240537862224 and T = 17.0652165601579625588917206249; the literals below are
// the nearest doubles.
const MU = 0.012277471;
const MU_PRIME = 1 - MU;
const ARENSTORF_Y0 = [0.994, 0, 0, -2.0015851063790824];
const ARENSTORF_PERIOD = 17.065216560157964;

/**
 * State error after one period allowed, in units of the integrator's tolerance: the local tolerance is
 * accumulated over ~800-2000 steps and amplified through the two close approaches to the Earth, where the speed
 * reaches ~10 and the error of a step is largest; measured 1.6e4 to 4.1e4 x tol for tol in [1e-13, 1e-6].
 */
const ARENSTORF_CLOSURE_PER_TOL = 1e5;
/** Same for the position alone (the velocity carries most of the error): measured 100 to 250 x tol. */
const ARENSTORF_POSITION_PER_TOL = 1e3;
/**
 * Largest error along the oscillator over [0, 20] (3 periods), per tol: the global error grows about linearly in
 * t; 8 x tol measured.
 */
const OSCILLATOR_PER_TOL = 20;
/** Error of the located event time, per tol: the step's Hermite interpolant; 0.33 x tol measured. */
const EVENT_TIME_PER_TOL = 1;

const arenstorf: Dopri5Derivative = (_t, y, out) => {
  const y1 = y[0] as number;
  const y2 = y[1] as number;
  const y3 = y[2] as number;
  const y4 = y[3] as number;
  const d1 = ((y1 + MU) ** 2 + y2 ** 2) ** 1.5;
  const d2 = ((y1 - MU_PRIME) ** 2 + y2 ** 2) ** 1.5;
  out[0] = y3;
  out[1] = y4;
  out[2] = y1 + 2 * y4 - (MU_PRIME * (y1 + MU)) / d1 - (MU * (y1 - MU_PRIME)) / d2;
  out[3] = y2 - 2 * y3 - (MU_PRIME * y2) / d1 - (MU * y2) / d2;
};

const oscillator: Dopri5Derivative = (_t, y, out) => {
  out[0] = y[1] as number;
  out[1] = -(y[0] as number);
};

const last = (s: { count: number; states: Float64Array }, n: number, i: number): number =>
  s.states[(s.count - 1) * n + i] as number;

describe('dopri5', () => {
  for (const tolerance of [1e-8, 1e-10, 1e-12]) {
    it(`closes the Arenstorf orbit after one period (tol ${tolerance})`, () => {
      const s = dopri5(arenstorf, 0, ARENSTORF_Y0, ARENSTORF_PERIOD, {
        tolerance,
        initialStep: 1e-4,
        maxSteps: 100_000,
      });
      expect(s.times[s.count - 1]).toBe(ARENSTORF_PERIOD);
      expect(s.event).toBe(-1);
      const error = Math.hypot(...ARENSTORF_Y0.map((y, i) => last(s, 4, i) - y));
      const positionError = Math.hypot(last(s, 4, 0) - 0.994, last(s, 4, 1));
      expect(error).toBeLessThan(ARENSTORF_CLOSURE_PER_TOL * tolerance);
      expect(positionError).toBeLessThan(ARENSTORF_POSITION_PER_TOL * tolerance);
      // Halfway, the orbit is far from its start (it does move): y1 < -1.
      const half = s.times.findIndex((t) => t >= ARENSTORF_PERIOD / 2);
      expect(s.states[4 * half] as number).toBeLessThan(-1);
    });
  }

  it('follows the exact solution of the harmonic oscillator at every sample', () => {
    for (const tolerance of [1e-8, 1e-10, 1e-12]) {
      const s = dopri5(oscillator, 0, [1, 0], 20, { tolerance, initialStep: 1e-3, maxSteps: 100_000 });
      let worst = 0;
      for (let k = 0; k < s.count; k += 1) {
        const t = s.times[k] as number;
        worst = Math.max(worst, Math.abs((s.states[2 * k] as number) - Math.cos(t)));
        worst = Math.max(worst, Math.abs((s.states[2 * k + 1] as number) + Math.sin(t)));
        // The recorded derivative is f at the sample.
        expect(s.derivatives[2 * k]).toBe(s.states[2 * k + 1]);
      }
      expect(worst).toBeLessThan(OSCILLATOR_PER_TOL * tolerance);
      for (let k = 1; k < s.count; k += 1) expect(s.times[k]).toBeGreaterThan(s.times[k - 1] as number);
    }
  });

  it('stops at an event at its analytic time: -cos t crosses 0 upward at pi / 2', () => {
    for (const tolerance of [1e-8, 1e-10, 1e-12]) {
      const s = dopri5(oscillator, 0, [1, 0], 20, {
        tolerance,
        initialStep: 1e-3,
        maxSteps: 100_000,
        events: {
          count: 2,
          values: (t, y, out) => {
            out[0] = t - 100; // never fires
            out[1] = -(y[0] as number);
          },
        },
      });
      expect(s.event).toBe(1);
      expect(Math.abs((s.times[s.count - 1] as number) - Math.PI / 2)).toBeLessThan(
        EVENT_TIME_PER_TOL * tolerance,
      );
    }
  });

  it('refuses bad input, naming the field', () => {
    const options = { tolerance: 1e-8, initialStep: 1e-3, maxSteps: 10 };
    expect(() => dopri5(oscillator, 0, [1, 0], 0, options)).toThrow(/^tEnd: /);
    expect(() => dopri5(oscillator, NaN, [1, 0], 1, options)).toThrow(/^t0: /);
    expect(() => dopri5(oscillator, 0, [1, Infinity], 1, options)).toThrow(/^y0\[1\]: /);
    expect(() => dopri5(oscillator, 0, [1, 0], 1, { ...options, tolerance: 0 })).toThrow(/^tolerance: /);
    expect(() => dopri5(oscillator, 0, [1, 0], 1, { ...options, initialStep: -1 })).toThrow(/^initialStep: /);
    expect(() => dopri5(oscillator, 0, [1, 0], 1, { ...options, maxSteps: 0.5 })).toThrow(InputError);
    // Too few steps for the span: an internal failure, not bad input.
    expect(() => dopri5(oscillator, 0, [1, 0], 100, { ...options, maxSteps: 3 })).toThrow(/no end after 3/);
  });
});
