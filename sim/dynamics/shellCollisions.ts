/**
 * Collisions per shell at one instant: kineticCollisions (collisions.ts) over each shell's tracers on station,
 * with the tracers' nominal weights scaled to the collectors on station (World.tracerWeightScaleAt), and the
 * collision time and fragments that follow. Collisions between shells are left out (the baseline's shells do not
 * overlap: 0.68-0.74 au at e <= 0.02 and 0.95-1.05 au at e <= 0.03). SI units.
 */
import { SECONDS_PER_JULIAN_YEAR } from '../constants.ts';
import { propagateCpu64 } from '../propagate/cpu64.ts';
import { tracerTablePrefix, type TracerTable } from '../propagate/tracerTable.ts';
import { collisionCrossSectionM2, gridAround, kineticCollisions } from './collisions.ts';
import { breakupFragments, TRACKABLE_FRAGMENT_M } from './fragments.ts';

export interface ShellCollisions {
  /** Real collectors on station in the shell. */
  readonly collectors: number;
  /** Collisions per Julian year inside the shell. */
  readonly collisionsPerYear: number;
  /** Mean relative speed of colliding pairs, m/s. */
  readonly meanRelativeSpeedMS: number;
  /**
   * Mean time between collisions of one collector, years: collectors / (2 × collisions per year) (each collision
   * takes two); Infinity without collisions.
   */
  readonly collisionTimeYears: number;
  /** Fragments >= 10 cm made per year (NASA standard breakup model, fragments.ts). */
  readonly fragmentsPerYear: number;
  /**
   * collisionsPerYear / collectors²: constant while the shell's geometry is (the rate goes as N²); 0 when empty.
   */
  readonly ratePerCollectorSquared: number;
}

/**
 * Per shell, the collisions at tdbS of the first `onStation` tracers of `table` (those on station), a tracer of
 * shell s standing for weight × weightScale[s] collectors of area unitAreaM2 (m²) and mass unitMassKg (kg).
 * Positions and velocities from the float64 reference (cpu64), or from `statesM` (positions then velocities,
 * each 3 × onStation, heliocentric ECLIPJ2000) when a caller has perturbed ones. `groups` (the tracers'
 * formations, -1 for none) leaves out collisions inside a formation (collisions.ts).
 */
export function shellCollisionsAt(
  table: TracerTable,
  onStation: number,
  tdbS: number,
  shellCount: number,
  weightScale: ArrayLike<number>,
  unitAreaM2: number,
  unitMassKg: number,
  statesM?: { readonly positionsM: Float64Array; readonly velocitiesMS: Float64Array },
  groups?: ArrayLike<number>,
): ShellCollisions[] {
  const positions = statesM?.positionsM ?? new Float64Array(3 * onStation);
  const velocities = statesM?.velocitiesMS ?? new Float64Array(3 * onStation);
  if (statesM === undefined) propagateCpu64(tracerTablePrefix(table, onStation), tdbS, positions, velocities);
  const sigma = collisionCrossSectionM2(unitAreaM2);
  const out: ShellCollisions[] = [];
  for (let s = 0; s < shellCount; s += 1) {
    let n = 0;
    for (let k = 0; k < onStation; k += 1) if (table.shellIndex[k] === s) n += 1;
    const p = new Float64Array(3 * n);
    const v = new Float64Array(3 * n);
    const w = new Float64Array(n);
    const g = new Int32Array(n).fill(-1);
    const scale = weightScale[s] ?? 0;
    let j = 0;
    for (let k = 0; k < onStation; k += 1) {
      if (table.shellIndex[k] !== s) continue;
      p.set(positions.subarray(3 * k, 3 * k + 3), 3 * j);
      v.set(velocities.subarray(3 * k, 3 * k + 3), 3 * j);
      w[j] = (table.weight[k] as number) * scale;
      if (groups !== undefined) g[j] = groups[k] as number;
      j += 1;
    }
    const estimate = kineticCollisions(p, v, w, n, sigma, gridAround(p, n), g);
    const perYear = estimate.collisionsPerS * SECONDS_PER_JULIAN_YEAR;
    const collectors = estimate.collectors;
    out.push({
      collectors,
      collisionsPerYear: perYear,
      meanRelativeSpeedMS: estimate.meanRelativeSpeedMS,
      collisionTimeYears: perYear > 0 ? collectors / (2 * perYear) : Infinity,
      fragmentsPerYear:
        perYear > 0
          ? perYear * breakupFragments(unitMassKg, estimate.meanRelativeSpeedMS, TRACKABLE_FRAGMENT_M)
          : 0,
      ratePerCollectorSquared: collectors > 0 ? perYear / (collectors * collectors) : 0,
    });
  }
  return out;
}
