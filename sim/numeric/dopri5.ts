/**
 * The explicit Runge-Kutta pair of Dormand & Prince, order 5(4) (J. R. Dormand & P. J. Prince, "A family of
 * embedded Runge-Kutta formulae", J. Comput. Appl. Math. 6, 1980, 19-26), with the automatic step-size control,
 * dense output and event location of Hairer, Norsett & Wanner, "Solving Ordinary Differential Equations I",
 * 2nd ed., 1993 (HNW): tableau of table II.5.2 (the fifth-order solution is propagated, local extrapolation;
 * FSAL: the last stage is f at the new point), error norm and step control of sec. II.4 (eq. 4.10 to 4.13,
 * facmax 5, facmin 0.2, fac 0.9), dense output by cubic Hermite interpolation of the step's end values and
 * slopes (sec. II.6; hermite.ts), events located by bisection on that interpolant (locateEvent.ts).
 *
 * Units: t in the problem's unit of time, y in the caller's units, f in y's units per unit of t. The error of a
 * step is the RMS over the n components of e_i / sc_i with sc_i = tol (1 + max(|y_i|, |y_new_i|)), i.e. HNW's
 * Atol = Rtol = tol; a step is accepted when it is <= 1. makeDopri5Step gives the unchecked, allocation-free step;
 * dopri5 is the checked driver that returns every accepted step.
 */
import { InputError, requireFinite } from '../errors.ts';
import { hermite } from './hermite.ts';
import { crossesUpward, locateEvent } from './locateEvent.ts';

/** Right-hand side f(t, y) written into `out` (same length as y). */
export type Dopri5Derivative = (t: number, y: Float64Array, out: Float64Array) => void;

/**
 * One Dormand-Prince step from (t, y), with f0 = f(t, y), of length h into yOut, and f(t + h, yOut) into fOut;
 * returns the scaled RMS error estimate (accept when <= 1). yOut and fOut may not alias y and f0.
 */
export type Dopri5Step = (
  t: number,
  y: Float64Array,
  f0: Float64Array,
  h: number,
  yOut: Float64Array,
  fOut: Float64Array,
) => number;

// Dormand-Prince 5(4) tableau (HNW table II.5.2); E = 5th-order minus 4th-order weights.
const [C2, C3, C4, C5] = [1 / 5, 3 / 10, 4 / 5, 8 / 9];
const A21 = 1 / 5;
const [A31, A32] = [3 / 40, 9 / 40];
const [A41, A42, A43] = [44 / 45, -56 / 15, 32 / 9];
const [A51, A52, A53, A54] = [19372 / 6561, -25360 / 2187, 64448 / 6561, -212 / 729];
const [A61, A62, A63, A64, A65] = [9017 / 3168, -355 / 33, 46732 / 5247, 49 / 176, -5103 / 18656];
const [B1, B3, B4, B5, B6] = [35 / 384, 500 / 1113, 125 / 192, -2187 / 6784, 11 / 84];
const [E1, E3, E4, E5, E6, E7] = [71 / 57600, -71 / 16695, 71 / 1920, -17253 / 339200, 22 / 525, -1 / 40];

/** A Dormand-Prince step for f on `dimension` components at tolerance `tolerance`, with its own scratch arrays. */
export function makeDopri5Step(f: Dopri5Derivative, dimension: number, tolerance: number): Dopri5Step {
  const n = dimension;
  const k2 = new Float64Array(n);
  const k3 = new Float64Array(n);
  const k4 = new Float64Array(n);
  const k5 = new Float64Array(n);
  const k6 = new Float64Array(n);
  const tmp = new Float64Array(n);
  return (t, y, f0, h, yOut, fOut) => {
    const at = (a: Float64Array, i: number): number => a[i] as number;
    for (let i = 0; i < n; i += 1) tmp[i] = at(y, i) + h * A21 * at(f0, i);
    f(t + C2 * h, tmp, k2);
    for (let i = 0; i < n; i += 1) tmp[i] = at(y, i) + h * (A31 * at(f0, i) + A32 * at(k2, i));
    f(t + C3 * h, tmp, k3);
    for (let i = 0; i < n; i += 1) {
      tmp[i] = at(y, i) + h * (A41 * at(f0, i) + A42 * at(k2, i) + A43 * at(k3, i));
    }
    f(t + C4 * h, tmp, k4);
    for (let i = 0; i < n; i += 1) {
      tmp[i] = at(y, i) + h * (A51 * at(f0, i) + A52 * at(k2, i) + A53 * at(k3, i) + A54 * at(k4, i));
    }
    f(t + C5 * h, tmp, k5);
    for (let i = 0; i < n; i += 1) {
      tmp[i] =
        at(y, i) +
        h * (A61 * at(f0, i) + A62 * at(k2, i) + A63 * at(k3, i) + A64 * at(k4, i) + A65 * at(k5, i));
    }
    f(t + h, tmp, k6);
    for (let i = 0; i < n; i += 1) {
      yOut[i] =
        at(y, i) + h * (B1 * at(f0, i) + B3 * at(k3, i) + B4 * at(k4, i) + B5 * at(k5, i) + B6 * at(k6, i));
    }
    f(t + h, yOut, fOut);
    let sum = 0;
    for (let i = 0; i < n; i += 1) {
      const e =
        h *
        (E1 * at(f0, i) +
          E3 * at(k3, i) +
          E4 * at(k4, i) +
          E5 * at(k5, i) +
          E6 * at(k6, i) +
          E7 * at(fOut, i));
      const scale = tolerance * (1 + Math.max(Math.abs(at(y, i)), Math.abs(at(yOut, i))));
      sum += (e / scale) ** 2;
    }
    return Math.sqrt(sum / n);
  };
}

/** Event functions g_k(t, y), k < count, written into `out`; event k fires where g_k crosses from < 0 to >= 0. */
export interface Dopri5Events {
  readonly count: number;
  values(t: number, y: Float64Array, out: Float64Array): void;
}

export interface Dopri5Options {
  /** Relative and absolute tolerance, > 0 (see the module comment). */
  readonly tolerance: number;
  /** First trial step, in the unit of t, > 0. */
  readonly initialStep: number;
  /** Most step attempts (accepted or rejected) before giving up with an Error, integer >= 1. */
  readonly maxSteps: number;
  /** State events that end the integration; none by default. */
  readonly events?: Dopri5Events;
  /** Bisections of the step fraction that locate an event (2^-iterations of the step); default 60. */
  readonly eventIterations?: number;
}

/** The accepted steps of a dopri5 run. Fresh arrays, owned by the caller. */
export interface Dopri5Solution {
  readonly count: number;
  /** Times of the samples, increasing from t0 to the end (tEnd, or the event's time). */
  readonly times: Float64Array;
  /** State at each sample, count x n, interleaved. */
  readonly states: Float64Array;
  /** f(t, y) at each sample, count x n (for cubic Hermite interpolation between samples). */
  readonly derivatives: Float64Array;
  /** Index of the event that ended the run (the highest index if several fired in one step), or -1 at tEnd. */
  readonly event: number;
}

const DEFAULT_EVENT_ITERATIONS = 60;

/**
 * Integrate y' = f(t, y) from (t0, y0) to tEnd > t0 with adaptive Dormand-Prince steps (the last one lands on tEnd
 * exactly), stopping early at the first step over which an event fires: its time is located on the step's
 * Hermite interpolant to 2^-eventIterations of the step, and the run ends with one step of that length, so the
 * last sample is on or just past the event (g_k >= 0 up to the interpolant's error). Throws InputError naming
 * t0, tEnd, y0[i] or the option for non-finite or out-of-range input, and an Error after maxSteps attempts.
 */
export function dopri5(
  f: Dopri5Derivative,
  t0: number,
  y0: ArrayLike<number>,
  tEnd: number,
  options: Dopri5Options,
): Dopri5Solution {
  requireFinite(t0, 't0');
  requireFinite(tEnd, 'tEnd');
  if (!(tEnd > t0)) throw new InputError(`must be after t0 = ${t0}, got ${tEnd}`, 'tEnd');
  for (let i = 0; i < y0.length; i += 1) requireFinite(y0[i] as number, `y0[${i}]`);
  const { tolerance, initialStep, maxSteps, events } = options;
  const iterations = options.eventIterations ?? DEFAULT_EVENT_ITERATIONS;
  if (!(Number.isFinite(tolerance) && tolerance > 0)) {
    throw new InputError(`must be a finite number > 0, got ${tolerance}`, 'tolerance');
  }
  if (!(Number.isFinite(initialStep) && initialStep > 0)) {
    throw new InputError(`must be a finite number > 0, got ${initialStep}`, 'initialStep');
  }
  if (!(Number.isInteger(maxSteps) && maxSteps >= 1)) {
    throw new InputError(`must be an integer >= 1, got ${maxSteps}`, 'maxSteps');
  }
  if (!(Number.isInteger(iterations) && iterations >= 0)) {
    throw new InputError(`must be an integer >= 0, got ${iterations}`, 'eventIterations');
  }
  const eventCount = events?.count ?? 0;
  if (!(Number.isInteger(eventCount) && eventCount >= 0)) {
    throw new InputError(`must be an integer >= 0, got ${eventCount}`, 'events.count');
  }

  const n = y0.length;
  const step = makeDopri5Step(f, n, tolerance);
  let y = Float64Array.from(y0);
  let fy = new Float64Array(n);
  f(t0, y, fy);
  let yNew = new Float64Array(n);
  let fNew = new Float64Array(n);
  const before = new Float64Array(eventCount);
  const after = new Float64Array(eventCount);
  const probe = new Float64Array(n);
  const probeEvents = new Float64Array(eventCount);

  const times: number[] = [t0];
  const states: number[] = [...y];
  const rates: number[] = [...fy];
  const record = (t: number, s: Float64Array, d: Float64Array): void => {
    times.push(t);
    for (let i = 0; i < n; i += 1) {
      states.push(s[i] as number);
      rates.push(d[i] as number);
    }
  };

  let t = t0;
  let h = initialStep;
  let event = -1;
  for (let count = 0; ; count += 1) {
    if (count >= maxSteps) throw new Error(`dopri5: no end after ${maxSteps} steps`);
    const last = t + h >= tEnd;
    const hStep = last ? tEnd - t : h;
    const err = step(t, y, fy, hStep, yNew, fNew);
    if (!(err <= 1)) {
      // Rejected (or non-finite): shrink, never below a fifth (HNW sec. II.4).
      h = hStep * Math.max(0.2, 0.9 * err ** -0.2 || 0.2);
      continue;
    }
    const fired = events === undefined ? -1 : firedEvent(events, t, y, t + hStep, yNew, before, after);
    if (events !== undefined && fired >= 0) {
      // Locate the crossing on the step's Hermite interpolant by bisection, then land on it with one step.
      const [ya, fa, yb, fb] = [y, fy, yNew, fNew];
      const fraction = locateEvent(
        (s) => {
          for (let i = 0; i < n; i += 1) {
            probe[i] = hermite(ya[i] as number, fa[i] as number, yb[i] as number, fb[i] as number, hStep, s);
          }
          events.values(t + s * hStep, probe, probeEvents);
          return (probeEvents[fired] as number) >= 0;
        },
        0,
        1,
        iterations,
      );
      step(t, y, fy, fraction * hStep, yNew, fNew);
      record(t + fraction * hStep, yNew, fNew);
      event = fired;
      break;
    }
    t = last ? tEnd : t + hStep;
    record(t, yNew, fNew);
    if (last) break;
    [y, yNew] = [yNew, y];
    [fy, fNew] = [fNew, fy];
    h = hStep * Math.min(5, Math.max(0.2, 0.9 * err ** -0.2));
  }
  return {
    count: times.length,
    times: Float64Array.from(times),
    states: Float64Array.from(states),
    derivatives: Float64Array.from(rates),
    event,
  };
}

/** The highest-index event that crossed upward between (t0, y0) and (t1, y1), or -1. */
function firedEvent(
  events: Dopri5Events,
  t0: number,
  y0: Float64Array,
  t1: number,
  y1: Float64Array,
  before: Float64Array,
  after: Float64Array,
): number {
  events.values(t0, y0, before);
  events.values(t1, y1, after);
  let fired = -1;
  for (let e = 0; e < events.count; e += 1) {
    if (crossesUpward(before[e] as number, after[e] as number)) fired = e;
  }
  return fired;
}
