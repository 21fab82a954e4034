/**
 * A tracer table prepared for the fast CPU kernel (cpuKernel.ts): the angles' trigonometry and the epoch
 * arithmetic done once per table, in float64, so that the kernel only solves Kepler's equation. ECLIPJ2000,
 * metres, TDB seconds past J2000.
 */
import type { TracerTable } from './tracerTable.ts';

/** Float64 values per tracer in PreparedOrbits.orbits. */
export const PREPARED_STRIDE = 9;

/**
 * A tracer table prepared for the fast path: per tracer, PREPARED_STRIDE float64 values
 *   [M at referenceTdbS reduced to [-π, π] (rad), n (rad/s), e, Ax, Ay, Az, Bx, By, Bz (m)]
 * with A = a P and B = a sqrt(1 - e^2) Q in ECLIPJ2000. 72 bytes per tracer.
 */
export interface PreparedOrbits {
  readonly count: number;
  /** The time the mean anomalies refer to, TDB s past J2000 (the middle of the table's epochs). */
  readonly referenceTdbS: number;
  readonly orbits: Float64Array;
}

/** Allocates the Float64Array for `length` values: plain by default, or over a SharedArrayBuffer for workers. */
export type Float64Allocator = (length: number) => Float64Array;

/** The default allocator: a plain Float64Array. */
export const plainAllocator: Float64Allocator = (length) => new Float64Array(length);

/**
 * Prepare a validated table (validateTracerTable) for the fast path. O(count), 6 sin/cos per tracer.
 * The angles' trigonometry and the epoch arithmetic happen here, once, in float64.
 */
export function prepareOrbits(
  table: TracerTable,
  allocate: Float64Allocator = plainAllocator,
): PreparedOrbits {
  const count = table.count;
  const referenceTdbS = middleEpoch(table);
  const orbits = allocate(PREPARED_STRIDE * count);
  const { semiMajorAxisM, eccentricity, inclinationRad, ascendingNodeRad, argPeriapsisRad } = table;
  const { meanAnomalyAtEpochRad, epochTdbS, meanMotionRadS } = table;
  for (let k = 0; k < count; k += 1) {
    const a = semiMajorAxisM[k] as number;
    const e = eccentricity[k] as number;
    const n = meanMotionRadS[k] as number;
    const M = (meanAnomalyAtEpochRad[k] as number) + n * (referenceTdbS - (epochTdbS[k] as number));
    const sO = Math.sin(ascendingNodeRad[k] as number);
    const cO = Math.cos(ascendingNodeRad[k] as number);
    const sw = Math.sin(argPeriapsisRad[k] as number);
    const cw = Math.cos(argPeriapsisRad[k] as number);
    const si = Math.sin(inclinationRad[k] as number);
    const ci = Math.cos(inclinationRad[k] as number);
    const b = a * Math.sqrt((1 - e) * (1 + e));
    const o = PREPARED_STRIDE * k;
    orbits[o] = reduceAngle(M);
    orbits[o + 1] = n;
    orbits[o + 2] = e;
    orbits[o + 3] = a * (cO * cw - sO * sw * ci);
    orbits[o + 4] = a * (sO * cw + cO * sw * ci);
    orbits[o + 5] = a * (sw * si);
    orbits[o + 6] = b * (-cO * sw - sO * cw * ci);
    orbits[o + 7] = b * (-sO * sw + cO * cw * ci);
    orbits[o + 8] = b * (cw * si);
  }
  return { count, referenceTdbS, orbits };
}

/** Middle of the range of epochs (0 for an empty table): keeps |n (t - tRef)| as small as the epochs allow. */
function middleEpoch(table: TracerTable): number {
  if (table.count === 0) return 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < table.count; k += 1) {
    const t = table.epochTdbS[k] as number;
    if (t < lo) lo = t;
    if (t > hi) hi = t;
  }
  return 0.5 * lo + 0.5 * hi;
}

/** 2π split in two doubles (as sim/orbit/angles.ts); the result is in [-π, π] up to rounding. */
function reduceAngle(x: number): number {
  const k = Math.round(x / 6.283185307179586);
  return x - k * 6.283185307179586 - k * 2.4492935982947064e-16;
}
