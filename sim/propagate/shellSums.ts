/**
 * The per-shell sums of the swarm at one instant, from the positions a backend computed: the one aggregation path
 * (backend `positions` -> shellSums -> sim/world.ts finishes with shading and Earth dimming). Pure, over typed
 * arrays, no allocation; memory-bound and cheap next to the Kepler solve that made the positions.
 *
 * For the first `count` tracers, with w_k the weight, r_k the heliocentric distance in au, t_station,k the time on
 * station, λ the degradation rate and s the tracer's shell:
 *   weight[s]           = Σ w_k                                  (real collectors)
 *   sunlight[s]         = Σ w_k / r_k^2                          (in units of one collector at 1 au)
 *   degradedSunlight[s] = Σ w_k / r_k^2 exp(-λ (t - t_station,k))
 * and over all shells, for the tracers sunward of the Earth (sim/geometry/sunward.ts isSunwardOfEarth):
 *   sunward[0] = Σ w_k                                         (collectorsSunwardOfEarth)
 *   sunward[1] = Σ w_k A / |p_k - E|^2                         (sr: a Sun-facing collector of area A seen from the
 *                                                              Earth near its normal)
 * Every sum is added in tracer order (k = 0, 1, ...), so the result is the same bytes for the same positions.
 */
import { AU_M } from '../constants.ts';
import { isSunwardOfEarth } from '../geometry/sunward.ts';

/** The tracer columns shellSums reads (those of sim/propagate/tracerTable.ts). */
export interface ShellSumsColumns {
  readonly weight: Float64Array;
  readonly shellIndex: ArrayLike<number>;
  /** TDB s past J2000. */
  readonly stationTdbS: Float64Array;
}

/** Caller-owned outputs, overwritten by shellSums. The three per-shell arrays hold one value per shell. */
export interface ShellSumsOut {
  readonly weight: Float64Array;
  readonly sunlight: Float64Array;
  readonly degradedSunlight: Float64Array;
  /** Length 2: [Σ w sunward of the Earth, Σ w A / d^2 over those (sr)]. */
  readonly sunward: Float64Array;
  /** Optional, 2 per shell: the same two sums shell by shell ([2 s], [2 s + 1]), for per-shell weight scales. */
  readonly sunwardByShell?: Float64Array;
}

/**
 * Fill `out` (module comment) for the first `count` tracers at `tdbS` (TDB s past J2000). `positionsM` holds
 * heliocentric ECLIPJ2000 positions (m), xyz interleaved, at least 3 count values; `earthM` is the Earth's
 * heliocentric position at tdbS (m, ECLIPJ2000); `unitAreaM2` the area of one collector (m^2);
 * `degradationRatePerS` λ (1/s). Shell indices must be below the length of the per-shell arrays. Nothing is checked
 * here (the hot path): the caller validated the table and the lengths.
 */
export function shellSums(
  positionsM: Float64Array | Float32Array,
  count: number,
  columns: ShellSumsColumns,
  tdbS: number,
  earthM: ArrayLike<number>,
  unitAreaM2: number,
  degradationRatePerS: number,
  out: ShellSumsOut,
): void {
  const { weight, shellIndex, stationTdbS } = columns;
  const ex = earthM[0] as number;
  const ey = earthM[1] as number;
  const ez = earthM[2] as number;
  out.weight.fill(0);
  out.sunlight.fill(0);
  out.degradedSunlight.fill(0);
  let sunwardWeight = 0;
  let sunwardSolidAngle = 0;
  const byShell = out.sunwardByShell;
  byShell?.fill(0);
  for (let k = 0; k < count; k += 1) {
    const x = positionsM[3 * k] as number;
    const y = positionsM[3 * k + 1] as number;
    const z = positionsM[3 * k + 2] as number;
    const w = weight[k] as number;
    const s = shellIndex[k] as number;
    if (isSunwardOfEarth(x, y, z, earthM)) {
      sunwardWeight += w;
      const d2 = (x - ex) ** 2 + (y - ey) ** 2 + (z - ez) ** 2;
      const solidAngle = (w * unitAreaM2) / d2;
      sunwardSolidAngle += solidAngle;
      if (byShell !== undefined) {
        byShell[2 * s] = (byShell[2 * s] as number) + w;
        byShell[2 * s + 1] = (byShell[2 * s + 1] as number) + solidAngle;
      }
    }
    const r = Math.hypot(x, y, z) / AU_M;
    const sunlight = w / (r * r);
    out.weight[s] = (out.weight[s] as number) + w;
    out.sunlight[s] = (out.sunlight[s] as number) + sunlight;
    out.degradedSunlight[s] =
      (out.degradedSunlight[s] as number) +
      sunlight * Math.exp(-degradationRatePerS * (tdbS - (stationTdbS[k] as number)));
  }
  out.sunward[0] = sunwardWeight;
  out.sunward[1] = sunwardSolidAngle;
}
