/**
 * The self-check table of `auto` (backend.ts), also drawn by the benchmarks and the backend tests: a deterministic
 * table over the domain the GPU bound is stated for, with the hard cases mixed in, and the error measure the
 * self-check applies to it. The random numbers come from pure-rand's xoroshiro128+, as the swarm's do.
 */
import { xoroshiro128plus } from 'pure-rand/generator/XoroShiro';

import { AU_M, GM_SUN_M3_S2, SECONDS_PER_JULIAN_YEAR } from '../constants.ts';
import type { TracerTable } from './tracerTable.ts';
import { createTracerTable, setTracer } from './tracerTable.ts';

/** 2030-01-01 and 2050-01-01 (TDB s past J2000, to within a minute): the span Essaim simulates. */
export const SPAN_2030_TDB_S = 30 * SECONDS_PER_JULIAN_YEAR - 0.75 * 86_400;
export const SPAN_2050_TDB_S = 50 * SECONDS_PER_JULIAN_YEAR - 0.75 * 86_400;

/** Tracers in the `auto` self-check table. */
export const AUTO_CHECK_TRACERS = 32_768;

/**
 * A deterministic table of `count` tracers over the domain the GPU bound is stated for (a in [0.1, 5] au, e <= 0.9,
 * epochs and stations in 2030-2050), with the hard cases mixed in: e = 0.9 placed near periapsis at the
 * epoch, i = 0 and i = π, beta up to 0.99 (small n), and some near-circular orbits. `seed` picks the sample.
 * Used by the `auto` self-check and the benchmarks; tests draw their own tables with fast-check.
 */
export function createCheckTable(count: number, seed = 1): TracerTable {
  const generator = xoroshiro128plus(seed | 0);
  // uniform doubles in [0, 1) with 53 random bits, as sim/swarm/random.ts draws them
  const random = (): number => {
    const high = generator.unsafeNext() >>> 5; // 27 bits
    const low = generator.unsafeNext() >>> 6; // 26 bits
    return (high * 67_108_864 + low) / 9_007_199_254_740_992;
  };
  const table = createTracerTable(count);
  const span = SPAN_2050_TDB_S - SPAN_2030_TDB_S;
  for (let k = 0; k < count; k += 1) {
    const kind = k % 8;
    const a = Math.exp(Math.log(0.1) + random() * Math.log(50)) * AU_M;
    const e = kind === 0 ? 0.9 : kind === 1 ? 1e-7 * random() : 0.9 * random();
    const i = kind === 2 ? 0 : kind === 3 ? Math.PI : Math.PI * random();
    const beta = kind === 4 ? 0.99 * random() : kind === 5 ? 0.9 + 0.09 * random() : 0;
    const M = kind === 0 ? 1e-3 * (random() - 0.5) : 2 * Math.PI * random();
    const epoch = SPAN_2030_TDB_S + span * random();
    setTracer(
      table,
      k,
      {
        semiMajorAxisM: a,
        eccentricity: e,
        inclinationRad: i,
        ascendingNodeRad: 2 * Math.PI * random(),
        argPeriapsisRad: 2 * Math.PI * random(),
        meanAnomalyRad: M,
      },
      epoch,
      GM_SUN_M3_S2 * (1 - beta),
      1 + 1e6 * random(),
      epoch,
      kind,
    );
  }
  return table;
}

/** Worst |p - p_ref| / a over the first `count` tracers (NaN counts as Infinity). */
export function maxRelativeError(
  table: TracerTable,
  positions: Float64Array | Float32Array,
  reference: Float64Array,
  count = table.count,
): number {
  let worst = 0;
  for (let k = 0; k < count; k += 1) {
    const dx = (positions[3 * k] as number) - (reference[3 * k] as number);
    const dy = (positions[3 * k + 1] as number) - (reference[3 * k + 1] as number);
    const dz = (positions[3 * k + 2] as number) - (reference[3 * k + 2] as number);
    const error = Math.sqrt(dx * dx + dy * dy + dz * dz) / (table.semiMajorAxisM[k] as number);
    if (!(error <= worst)) worst = Number.isNaN(error) ? Infinity : error;
  }
  return worst;
}
