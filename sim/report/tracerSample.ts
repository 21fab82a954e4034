/**
 * Tracers for the exports: a seeded sample of the table (CZML points, OEM ephemerides) and one tracer's state at
 * an instant. The sample is uniform over tracers, so it is representative of the swarm's resolution, not of its
 * weights (each tracer still carries its weight); the same table, count and seed give the same indices.
 */
import { xoroshiro128plus } from 'pure-rand/generator/XoroShiro';
import { unsafeUniformIntDistribution } from 'pure-rand/distribution/UnsafeUniformIntDistribution';
import { InputError } from '../errors.ts';
import type { StateVector } from '../orbit/elements.ts';
import { keplerToState } from '../orbit/state.ts';
import type { TracerTable } from '../propagate/tracerTable.ts';

/**
 * `count` distinct indices in [0, tableCount), ascending, uniformly at random (Floyd's algorithm: every subset of
 * that size equally likely); all of them when count >= tableCount.
 */
export function sampleTracerIndices(tableCount: number, count: number, seed: number): Uint32Array {
  if (!(Number.isInteger(count) && count >= 0)) {
    throw new InputError(`must be a non-negative integer, got ${count}`, 'count');
  }
  if (count >= tableCount) return Uint32Array.from({ length: tableCount }, (_, k) => k);
  const generator = xoroshiro128plus(seed | 0);
  const chosen = new Set<number>();
  // Floyd (Bentley & Floyd 1987, "A sample of brilliance"): for j = n - m .. n - 1, add a uniform draw in [0, j],
  // or j itself when the draw was already taken
  for (let j = tableCount - count; j < tableCount; j += 1) {
    const draw = unsafeUniformIntDistribution(0, j, generator);
    chosen.add(chosen.has(draw) ? j : draw);
  }
  return Uint32Array.from([...chosen].sort((a, b) => a - b));
}

/**
 * The heliocentric ECLIPJ2000 state (m, m/s) of tracer `index` at `tdbS`: its two-body ellipse under the
 * effective mu the table's mean motion implies (mu_eff = n^2 a^3, radiation pressure included), as cpu64 does.
 */
export function tracerStateAt(table: TracerTable, index: number, tdbS: number): StateVector {
  if (!(Number.isInteger(index) && index >= 0 && index < table.count)) {
    throw new InputError(`must be an integer in [0, ${table.count - 1}], got ${index}`, 'tracer');
  }
  const a = table.semiMajorAxisM[index] as number;
  const n = table.meanMotionRadS[index] as number;
  return keplerToState(
    {
      semiMajorAxisM: a,
      eccentricity: table.eccentricity[index] as number,
      inclinationRad: table.inclinationRad[index] as number,
      ascendingNodeRad: table.ascendingNodeRad[index] as number,
      argPeriapsisRad: table.argPeriapsisRad[index] as number,
      meanAnomalyRad:
        (table.meanAnomalyAtEpochRad[index] as number) + n * (tdbS - (table.epochTdbS[index] as number)),
    },
    n * n * a * a * a,
  );
}
