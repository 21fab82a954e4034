/**
 * The numerical reference judging the secular model, tracer by tracer: integrate the tracer under the Sun and the
 * planets (nbody.ts), sample its osculating elements every 5 days, and compare the drift of its eccentricity and
 * inclination vectors (driftFit.ts) with the secular model's (secularPropagate.ts) sampled at the same times.
 * A tracer is described when both drifts agree within the larger of the integration's short-period bound and a
 * relative tolerance (SECULAR_RELATIVE_TOL), and the secular model left no planet out for it. SI units.
 */
import { GM_SUN_M3_S2, SECONDS_PER_DAY } from '../constants.ts';
import type { Dopri5Solution } from '../numeric/dopri5.ts';
import { hermite } from '../numeric/hermite.ts';
import { keplerToState, stateToKepler } from '../orbit/state.ts';
import type { TracerTable } from '../propagate/tracerTable.ts';
import { elementVectors, fitDrift, type DriftFit } from './driftFit.ts';
import { integrateTracer, type PerturberField } from './nbody.ts';
import { secularElements } from './secularPropagate.ts';
import type { SecularTable } from './secularTracers.ts';

/**
 * Relative disagreement allowed between the secular and the integrated drift: first-order theory leaves out terms
 * of second order in e and I and in the planets' e (Mercury's is 0.21), 10-20 % at e ~ 0.2 (measured 2-19 % on
 * tracers inside Mercury's orbit, tests/dynamics/secular.test.ts).
 */
export const SECULAR_RELATIVE_TOL = 0.25;
/** Sampling step of the osculating elements, s. */
export const DRIFT_SAMPLE_S = 5 * SECONDS_PER_DAY;

export interface SecularCheck {
  readonly numerical: DriftFit;
  readonly secular: DriftFit;
  /** |difference of the rates| over |secular rate|, for e and for i. */
  readonly eccentricityError: number;
  readonly inclinationError: number;
  /** Both drifts agree (within the short-period bound or SECULAR_RELATIVE_TOL) and no planet was left out. */
  readonly described: boolean;
  /** The integration, for the encounter counts. */
  readonly solution: Dopri5Solution;
}

/** State at t from a dopri5 solution's dense output (cubic Hermite), into out (6 values). */
export function denseState(solution: Dopri5Solution, t: number, out: Float64Array, hint = 0): number {
  let j = Math.min(Math.max(0, hint), solution.count - 2);
  while (j < solution.count - 2 && (solution.times[j + 1] as number) < t) j += 1;
  while (j > 0 && (solution.times[j] as number) > t) j -= 1;
  const t0 = solution.times[j] as number;
  const h = (solution.times[j + 1] as number) - t0;
  const s = h > 0 ? (t - t0) / h : 0;
  for (let c = 0; c < 6; c += 1) {
    out[c] = hermite(
      solution.states[6 * j + c] as number,
      solution.derivatives[6 * j + c] as number,
      solution.states[6 * j + 6 + c] as number,
      solution.derivatives[6 * j + 6 + c] as number,
      h,
      s,
    );
  }
  return j;
}

/** Check row k of `table` (secular coefficients `secular`) over [t0, t1] against an integration in `field`. */
export function checkSecular(
  table: TracerTable,
  secular: SecularTable,
  k: number,
  field: PerturberField,
  t0: number,
  t1: number,
): SecularCheck {
  const a = table.semiMajorAxisM[k] as number;
  const n = table.meanMotionRadS[k] as number;
  const muEff = n * n * a * a * a;
  const beta = 1 - muEff / GM_SUN_M3_S2;
  const el = new Float64Array(6);
  secularElements(table, secular, k, t0, el);
  const start = keplerToState(
    {
      semiMajorAxisM: el[0] as number,
      eccentricity: el[1] as number,
      inclinationRad: el[2] as number,
      ascendingNodeRad: el[3] as number,
      argPeriapsisRad: el[4] as number,
      meanAnomalyRad: el[5] as number,
    },
    muEff,
  );
  const solution = integrateTracer(field, start, Math.max(0, beta), t0, t1);
  const count = Math.floor((t1 - t0) / DRIFT_SAMPLE_S) + 1;
  const times = new Float64Array(count);
  const numerical = new Float64Array(4 * count);
  const model = new Float64Array(4 * count);
  const state = new Float64Array(6);
  let hint = 0;
  for (let s = 0; s < count; s += 1) {
    const t = t0 + s * DRIFT_SAMPLE_S;
    times[s] = t;
    hint = denseState(solution, t, state, hint);
    const o = stateToKepler(
      {
        positionM: [state[0] as number, state[1] as number, state[2] as number],
        velocityMS: [state[3] as number, state[4] as number, state[5] as number],
      },
      muEff,
    );
    numerical.set(
      elementVectors(o.eccentricity, o.argPeriapsisRad, o.inclinationRad, o.ascendingNodeRad),
      4 * s,
    );
    secularElements(table, secular, k, t, el);
    model.set(elementVectors(el[1] as number, el[4] as number, el[2] as number, el[3] as number), 4 * s);
  }
  const fitN = fitDrift(times, numerical);
  const fitS = fitDrift(times, model);
  const de = Math.hypot(
    fitN.eccentricityRate[0] - fitS.eccentricityRate[0],
    fitN.eccentricityRate[1] - fitS.eccentricityRate[1],
  );
  const di = Math.hypot(
    fitN.inclinationRate[0] - fitS.inclinationRate[0],
    fitN.inclinationRate[1] - fitS.inclinationRate[1],
  );
  const se = Math.hypot(...fitS.eccentricityRate);
  const si = Math.hypot(...fitS.inclinationRate);
  const agrees = (d: number, signal: number, noise: number): boolean =>
    d <= Math.max(noise, SECULAR_RELATIVE_TOL * signal);
  return {
    numerical: fitN,
    secular: fitS,
    eccentricityError: se > 0 ? de / se : Infinity,
    inclinationError: si > 0 ? di / si : Infinity,
    described:
      (secular.excluded[k] as number) === 0 &&
      (secular.flags[k] as number) === 0 &&
      agrees(de, se, fitN.eccentricityNoise) &&
      agrees(di, si, fitN.inclinationNoise),
    solution,
  };
}
