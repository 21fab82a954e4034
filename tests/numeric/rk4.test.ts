/**
 * Classical RK4 (sim/numeric/rk4.ts) against closed forms: the harmonic oscillator y'' = -y and the
 * non-autonomous y' = y cos t (y = exp(sin t)); the observed order of convergence is 4 (the error falls by
 * ~2^4 = 16 when the step halves).
 */
import { describe, expect, it } from 'vitest';

import { InputError } from '../../sim/errors.ts';
import { makeRk4Scratch, rk4Integrate, rk4Step, type Rk4Derivative } from '../../sim/numeric/rk4.ts';

/** The error ratio of h and h/2 must be 16 within 5 %: the asymptotic regime is reached at these steps. */
const ORDER_RATIO_TOL = 0.05 * 16;

const oscillator: Rk4Derivative = (_t, y, out) => {
  out[0] = y[1] as number;
  out[1] = -(y[0] as number);
};
const expSin: Rk4Derivative = (t, y, out) => {
  out[0] = (y[0] as number) * Math.cos(t);
};

/** Ratios of the errors at successive halvings of the step, from `steps` steps on (rounding stays far below). */
function observedRatios(errorAt: (steps: number) => number, steps: readonly number[]): number[] {
  const errors = steps.map(errorAt);
  return errors.slice(1).map((e, k) => (errors[k] as number) / e);
}

describe('rk4', () => {
  it('converges with order 4 on the harmonic oscillator over [0, 10]', () => {
    const ratios = observedRatios(
      (steps) => {
        const y = rk4Integrate(oscillator, 0, [1, 0], 10, steps);
        return Math.hypot((y[0] as number) - Math.cos(10), (y[1] as number) + Math.sin(10));
      },
      [50, 100, 200, 400],
    );
    for (const ratio of ratios) expect(Math.abs(ratio - 16)).toBeLessThan(ORDER_RATIO_TOL);
  });

  it("converges with order 4 on y' = y cos t (time-dependent) over [0, 2], y(t) = exp(sin t)", () => {
    const ratios = observedRatios(
      (steps) => {
        const y = rk4Integrate(expSin, 0, [1], 2, steps);
        return Math.abs((y[0] as number) - Math.exp(Math.sin(2)));
      },
      [25, 50, 100, 200],
    );
    for (const ratio of ratios) expect(Math.abs(ratio - 16)).toBeLessThan(ORDER_RATIO_TOL);
  });

  it('flags only the fourth stage, at t + h, as atEnd', () => {
    const calls: Array<[number, boolean]> = [];
    const f: Rk4Derivative = (t, _y, out, atEnd) => {
      calls.push([t, atEnd]);
      out[0] = 0;
    };
    rk4Step(f, 1, Float64Array.of(0), 0.5, new Float64Array(1), makeRk4Scratch(1));
    expect(calls).toEqual([
      [1, false],
      [1.25, false],
      [1.25, false],
      [1.5, true],
    ]);
  });

  it('refuses bad input, naming the field', () => {
    expect(() => rk4Integrate(oscillator, 0, [1, 0], 1, 0)).toThrow(/^steps: /);
    expect(() => rk4Integrate(oscillator, 0, [1, 0], 1, 2.5)).toThrow(InputError);
    expect(() => rk4Integrate(oscillator, NaN, [1, 0], 1, 4)).toThrow(/^t0: /);
    expect(() => rk4Integrate(oscillator, 0, [1, 0], Infinity, 4)).toThrow(/^t1: /);
    expect(() => rk4Integrate(oscillator, 0, [1, NaN], 1, 4)).toThrow(/^y0\[1\]: /);
  });
});
