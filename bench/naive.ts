/**
 * The baseline every propagator figure is a ratio against (shared/TOOLCHAIN.md, issue 6): the naive float64 loop
 * over the tracer table as it comes. Per tracer: M = M0 + n (t - epoch); Newton's method from E = M with a
 * convergence test, one Math.sin and one Math.cos per iteration; then the position in the ecliptic frame from the
 * table's angles (six more Math.sin/Math.cos). No preparation, no tricks. `naivePrecomputedPositions` is the same
 * loop with the orientation (P, Q) computed beforehand, reported as a second reference.
 */
import type { TracerTable } from '../sim/propagate/tracerTable.ts';

const TOLERANCE_RAD = 1e-12;
const MAX_ITERATIONS = 50;

/** Positions (m, xyz interleaved) of every tracer at tdbS into out. */
export function naivePositions(table: TracerTable, tdbS: number, out: Float64Array): void {
  const { semiMajorAxisM, eccentricity, inclinationRad, ascendingNodeRad, argPeriapsisRad } = table;
  const { meanAnomalyAtEpochRad, epochTdbS, meanMotionRadS } = table;
  for (let k = 0; k < table.count; k += 1) {
    const e = eccentricity[k]!;
    const M = meanAnomalyAtEpochRad[k]! + meanMotionRadS[k]! * (tdbS - epochTdbS[k]!);
    let E = M;
    for (let iteration = 0; iteration < MAX_ITERATIONS; iteration += 1) {
      const step = (E - e * Math.sin(E) - M) / (1 - e * Math.cos(E));
      E -= step;
      if (Math.abs(step) < TOLERANCE_RAD) break;
    }
    const a = semiMajorAxisM[k]!;
    const xp = a * (Math.cos(E) - e);
    const yp = a * Math.sqrt(1 - e * e) * Math.sin(E);
    const cO = Math.cos(ascendingNodeRad[k]!);
    const sO = Math.sin(ascendingNodeRad[k]!);
    const cw = Math.cos(argPeriapsisRad[k]!);
    const sw = Math.sin(argPeriapsisRad[k]!);
    const ci = Math.cos(inclinationRad[k]!);
    const si = Math.sin(inclinationRad[k]!);
    out[3 * k] = xp * (cO * cw - sO * sw * ci) + yp * (-cO * sw - sO * cw * ci);
    out[3 * k + 1] = xp * (sO * cw + cO * sw * ci) + yp * (-sO * sw + cO * cw * ci);
    out[3 * k + 2] = xp * (sw * si) + yp * (cw * si);
  }
}

/** The perifocal unit vectors P, Q per tracer (6 values), for naivePrecomputedPositions. */
export function orientation(table: TracerTable): Float64Array {
  const pq = new Float64Array(6 * table.count);
  for (let k = 0; k < table.count; k += 1) {
    const cO = Math.cos(table.ascendingNodeRad[k]!);
    const sO = Math.sin(table.ascendingNodeRad[k]!);
    const cw = Math.cos(table.argPeriapsisRad[k]!);
    const sw = Math.sin(table.argPeriapsisRad[k]!);
    const ci = Math.cos(table.inclinationRad[k]!);
    const si = Math.sin(table.inclinationRad[k]!);
    pq.set(
      [
        cO * cw - sO * sw * ci,
        sO * cw + cO * sw * ci,
        sw * si,
        -cO * sw - sO * cw * ci,
        -sO * sw + cO * cw * ci,
        cw * si,
      ],
      6 * k,
    );
  }
  return pq;
}

/** The naive loop with P and Q given (no trigonometry of the angles per call). */
export function naivePrecomputedPositions(
  table: TracerTable,
  pq: Float64Array,
  tdbS: number,
  out: Float64Array,
): void {
  const { semiMajorAxisM, eccentricity, meanAnomalyAtEpochRad, epochTdbS, meanMotionRadS } = table;
  for (let k = 0; k < table.count; k += 1) {
    const e = eccentricity[k]!;
    const M = meanAnomalyAtEpochRad[k]! + meanMotionRadS[k]! * (tdbS - epochTdbS[k]!);
    let E = M;
    for (let iteration = 0; iteration < MAX_ITERATIONS; iteration += 1) {
      const step = (E - e * Math.sin(E) - M) / (1 - e * Math.cos(E));
      E -= step;
      if (Math.abs(step) < TOLERANCE_RAD) break;
    }
    const a = semiMajorAxisM[k]!;
    const xp = a * (Math.cos(E) - e);
    const yp = a * Math.sqrt(1 - e * e) * Math.sin(E);
    const o = 6 * k;
    out[3 * k] = xp * pq[o]! + yp * pq[o + 3]!;
    out[3 * k + 1] = xp * pq[o + 1]! + yp * pq[o + 4]!;
    out[3 * k + 2] = xp * pq[o + 2]! + yp * pq[o + 5]!;
  }
}
