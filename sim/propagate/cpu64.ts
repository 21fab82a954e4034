/**
 * The float64 CPU propagator: the reference every faster backend is checked against.
 *
 * Random access in time: the state at tdbS is computed from the elements alone (two-body Kepler motion, mean
 * anomaly M = M0 + n (tdbS - epoch)), with no stepping, so any instant costs the same. Output frame ECLIPJ2000,
 * heliocentric, metres and m/s; time TDB seconds past J2000.
 *
 * The table is not re-validated on every call (that would double the cost): validate it once with
 * validateTracerTable after filling it. Only O(1) checks (time finite, buffer lengths) are made here.
 * No allocation per tracer.
 *
 * Precision (what a faster backend is compared against): M0 + n (t - epoch) is one rounded double, so it carries
 * about eps |n (t - epoch)| rad (1e-12 rad after 4500 revolutions, a 0.05 au orbit over 50 years); the reduction to
 * [-π, π] and the Kepler solve add ~1e-16 rad. A state's relative error is that times at most
 * sqrt((1 + e) / (1 - e)^3) (periapsis; 1 for a circle, 1400 at e = 0.99).
 */
import { InputError } from '../errors.ts';
import { ellipticRadius, writeEllipticState } from '../orbit/conic.ts';
import { reducedEccentricAnomaly } from '../orbit/kepler.ts';
import type { TracerTable } from './tracerTable.ts';

/**
 * Positions (and, if `outVelocityMS` is given, velocities) of every tracer at `tdbS`, written interleaved
 * x, y, z at 3k, 3k+1, 3k+2 (ECLIPJ2000, m and m/s). Output arrays must hold at least 3 * count values.
 * A tracer not yet on station (tdbS < stationTdbS) still gets the position of its orbit; callers mask.
 */
export function propagateCpu64(
  t: TracerTable,
  tdbS: number,
  outPositionM: Float64Array,
  outVelocityMS?: Float64Array,
): void {
  checkTime(tdbS);
  checkOut(outPositionM, 3 * t.count, 'outPositionM');
  const velocity = outVelocityMS ?? null;
  if (velocity !== null) checkOut(velocity, 3 * t.count, 'outVelocityMS');
  const { semiMajorAxisM, eccentricity, inclinationRad, ascendingNodeRad, argPeriapsisRad } = t;
  const { meanAnomalyAtEpochRad, epochTdbS, meanMotionRadS } = t;
  for (let k = 0; k < t.count; k += 1) {
    const a = semiMajorAxisM[k] as number;
    const e = eccentricity[k] as number;
    const n = meanMotionRadS[k] as number;
    const E = reducedEccentricAnomaly(
      (meanAnomalyAtEpochRad[k] as number) + n * (tdbS - (epochTdbS[k] as number)),
      e,
    );
    writeEllipticState(
      a,
      e,
      inclinationRad[k] as number,
      ascendingNodeRad[k] as number,
      argPeriapsisRad[k] as number,
      E,
      n * a * a, // sqrt(mu a) = n a^2
      outPositionM,
      velocity,
      3 * k,
    );
  }
}

/**
 * Heliocentric distance of every tracer at `tdbS`, m, r = a (1 - e cos E): the cheaper path when only the
 * distance to the Sun is needed (irradiance, temperature). `outDistanceM` must hold at least count values.
 */
export function heliocentricDistancesCpu64(t: TracerTable, tdbS: number, outDistanceM: Float64Array): void {
  checkTime(tdbS);
  checkOut(outDistanceM, t.count, 'outDistanceM');
  const { semiMajorAxisM, eccentricity, meanAnomalyAtEpochRad, epochTdbS, meanMotionRadS } = t;
  for (let k = 0; k < t.count; k += 1) {
    const e = eccentricity[k] as number;
    const M =
      (meanAnomalyAtEpochRad[k] as number) +
      (meanMotionRadS[k] as number) * (tdbS - (epochTdbS[k] as number));
    outDistanceM[k] = ellipticRadius(semiMajorAxisM[k] as number, e, reducedEccentricAnomaly(M, e));
  }
}

function checkTime(tdbS: number): void {
  if (!Number.isFinite(tdbS))
    throw new InputError(`must be a finite number of TDB seconds, got ${tdbS}`, 'tdbS');
}

function checkOut(out: Float64Array, needed: number, field: string): void {
  if (!(out instanceof Float64Array) || out.length < needed) {
    throw new InputError(`must be a Float64Array of length >= ${needed}, got length ${out?.length}`, field);
  }
}
