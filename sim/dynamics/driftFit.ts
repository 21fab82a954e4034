/**
 * The secular drift of a sampled orbit: least-squares slopes of the eccentricity vector (k, h) = e (cos ϖ, sin ϖ)
 * and the inclination vector (q, p) = sin I (cos Ω, sin Ω) over a series of times, and the bound that the
 * series' own non-linear part (short-period terms) puts on those slopes. By Cauchy-Schwarz, a residual y added to
 * a series moves its least-squares slope by at most sqrt(Σ y^2 / Σ (t - t̄)^2) ≈ sqrt(12) rms(y) / T for even
 * sampling over a span T: a secular model whose slope differs from the integration's by more than that bound
 * (taken from the integration's residuals about its own line) is not what the integration shows. Units: per
 * second.
 */
import { InputError } from '../errors.ts';

export interface DriftFit {
  /** d(k, h)/dt and d(q, p)/dt, 1/s. */
  readonly eccentricityRate: readonly [number, number];
  readonly inclinationRate: readonly [number, number];
  /** The Cauchy-Schwarz bound on each pair's slope from the residuals about the fitted lines, 1/s. */
  readonly eccentricityNoise: number;
  readonly inclinationNoise: number;
}

/** Fit the drift of `samples` (k, h, q, p per time, interleaved) at `timesS` (s, at least 3). */
export function fitDrift(timesS: ArrayLike<number>, samples: ArrayLike<number>): DriftFit {
  const n = timesS.length;
  if (!(n >= 3 && samples.length >= 4 * n)) {
    throw new InputError(`must hold at least 3 times and 4 values per time, got ${n} times`, 'samples');
  }
  let tm = 0;
  for (let k = 0; k < n; k += 1) tm += timesS[k] as number;
  tm /= n;
  let stt = 0;
  for (let k = 0; k < n; k += 1) stt += ((timesS[k] as number) - tm) ** 2;
  const slope = new Float64Array(4);
  const mean = new Float64Array(4);
  const residual2 = new Float64Array(4);
  for (let c = 0; c < 4; c += 1) {
    let ym = 0;
    for (let k = 0; k < n; k += 1) ym += samples[4 * k + c] as number;
    ym /= n;
    let sty = 0;
    for (let k = 0; k < n; k += 1)
      sty += ((timesS[k] as number) - tm) * ((samples[4 * k + c] as number) - ym);
    mean[c] = ym;
    slope[c] = sty / stt;
    let r2 = 0;
    for (let k = 0; k < n; k += 1) {
      r2 += ((samples[4 * k + c] as number) - ym - (slope[c] as number) * ((timesS[k] as number) - tm)) ** 2;
    }
    residual2[c] = r2;
  }
  return {
    eccentricityRate: [slope[0] as number, slope[1] as number],
    inclinationRate: [slope[2] as number, slope[3] as number],
    eccentricityNoise: Math.sqrt(((residual2[0] as number) + (residual2[1] as number)) / stt),
    inclinationNoise: Math.sqrt(((residual2[2] as number) + (residual2[3] as number)) / stt),
  };
}

/** (k, h, q, p) of elements e, ω, i, Ω (rad). */
export function elementVectors(e: number, argPeriapsisRad: number, inclinationRad: number, nodeRad: number) {
  const varpi = argPeriapsisRad + nodeRad;
  const s = Math.sin(inclinationRad);
  return [e * Math.cos(varpi), e * Math.sin(varpi), s * Math.cos(nodeRad), s * Math.sin(nodeRad)] as const;
}
