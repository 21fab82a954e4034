/**
 * The classical fourth-order Runge-Kutta method (Kutta 1901; Hairer, Norsett & Wanner, "Solving Ordinary
 * Differential Equations I", 2nd ed., 1993, sec. II.1, the "classical" method): for y' = f(t, y),
 *   k1 = f(t, y), k2 = f(t + h/2, y + h/2 k1), k3 = f(t + h/2, y + h/2 k2), k4 = f(t + h, y + h k3),
 *   y(t + h) ~ y + h/6 (k1 + 2 k2 + 2 k3 + k4),
 * with a global error O(h^4) for a smooth f (tests/numeric/rk4.test.ts measures the order).
 *
 * Units: t and h in the unit of the problem (s in this project), y in the caller's units, f in y's units per unit
 * of t. The fourth stage is flagged `atEnd`, so a right-hand side with a jump at t + h (a step that stops at a
 * discontinuity) can evaluate it as the limit from the left. rk4Step is unchecked and allocation-free (the scratch
 * comes from makeRk4Scratch); rk4Integrate is the checked fixed-step driver.
 */
import { InputError, requireFinite } from '../errors.ts';

/** Right-hand side f(t, y) written into `out` (same length as y); `atEnd` is true for the stage at t + h only. */
export type Rk4Derivative = (t: number, y: Float64Array, out: Float64Array, atEnd: boolean) => void;

/** Scratch arrays of one rk4Step dimension: the four stages and the stage argument. */
export interface Rk4Scratch {
  readonly k1: Float64Array;
  readonly k2: Float64Array;
  readonly k3: Float64Array;
  readonly k4: Float64Array;
  readonly stage: Float64Array;
}

/** Scratch for rk4Step on `dimension` components. */
export function makeRk4Scratch(dimension: number): Rk4Scratch {
  return {
    k1: new Float64Array(dimension),
    k2: new Float64Array(dimension),
    k3: new Float64Array(dimension),
    k4: new Float64Array(dimension),
    stage: new Float64Array(dimension),
  };
}

/**
 * One RK4 step from (t, y0) of length h into `out` (y0.length components; out may not alias y0). Unchecked;
 * no allocation.
 */
export function rk4Step(
  f: Rk4Derivative,
  t: number,
  y0: Float64Array,
  h: number,
  out: Float64Array,
  scratch: Rk4Scratch,
): void {
  const { k1, k2, k3, k4, stage } = scratch;
  const n = y0.length;
  f(t, y0, k1, false);
  for (let i = 0; i < n; i += 1) stage[i] = (y0[i] ?? 0) + 0.5 * h * (k1[i] ?? 0);
  f(t + 0.5 * h, stage, k2, false);
  for (let i = 0; i < n; i += 1) stage[i] = (y0[i] ?? 0) + 0.5 * h * (k2[i] ?? 0);
  f(t + 0.5 * h, stage, k3, false);
  for (let i = 0; i < n; i += 1) stage[i] = (y0[i] ?? 0) + h * (k3[i] ?? 0);
  f(t + h, stage, k4, true);
  for (let i = 0; i < n; i += 1) {
    out[i] = (y0[i] ?? 0) + (h / 6) * ((k1[i] ?? 0) + 2 * (k2[i] ?? 0) + 2 * (k3[i] ?? 0) + (k4[i] ?? 0));
  }
}

/**
 * y(t1) from y(t0) = y0 by `steps` equal RK4 steps (a fresh array). Throws InputError naming t0, t1, y0 or steps
 * for non-finite times or state, or steps not an integer >= 1.
 */
export function rk4Integrate(
  f: Rk4Derivative,
  t0: number,
  y0: ArrayLike<number>,
  t1: number,
  steps: number,
): Float64Array {
  requireFinite(t0, 't0');
  requireFinite(t1, 't1');
  if (!(Number.isInteger(steps) && steps >= 1)) {
    throw new InputError(`must be an integer >= 1, got ${steps}`, 'steps');
  }
  for (let i = 0; i < y0.length; i += 1) requireFinite(y0[i] as number, `y0[${i}]`);
  const scratch = makeRk4Scratch(y0.length);
  let y = Float64Array.from(y0);
  let next = new Float64Array(y0.length);
  const h = (t1 - t0) / steps;
  for (let k = 0; k < steps; k += 1) {
    rk4Step(f, t0 + k * h, y, h, next, scratch);
    [y, next] = [next, y];
  }
  return y;
}
