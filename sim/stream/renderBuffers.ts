/**
 * The swarm's tracer table repacked for drawing: the packed float32 columns of the gpu backend
 * (sim/propagate/gpuRebase.ts createGpuColumns), which the shared shader shaders/kepler.glsl reads, plus what the
 * main thread needs to re-base them and to draw only the tracers on station. Built once per world in the worker and
 * transferred.
 *
 * Layout per tracer (4 float32 each; lengths in metres, heliocentric ECLIPJ2000):
 *   orbitA = (μ0 rad, j in 0..3, n rad/s, e)   mean anomaly at rebaseTdbS = j π/2 + μ0 (gpuRebase.ts)
 *   orbitB = (Ax, Ay, Az, Bx)                  A = a P, B = a sqrt(1 - e²) Q
 *   orbitC = (By, Bz, station day, shell)      station day: days past J2000 TDB (float32, fading in only)
 * The gpu backend leaves orbitC.zw free; the scene uses them as above.
 *
 * Precision design (see gpuRebase.ts and shaders/kepler.glsl): the mean anomaly reaches the GPU re-based in float64
 * to a time t_ref near the displayed time and split as j π/2 + μ0, so the shader only adds n (t - t_ref) and keeps
 * float32 accuracy. The scene re-bases when max n |t - t_ref| exceeds SCENE_REBASE_MAX_PHASE_RAD.
 * Times: TDB seconds past J2000.
 */
import { SECONDS_PER_DAY } from '../constants.ts';
import { countAtOrBelow } from '../numeric/search.ts';
import { createGpuColumns } from '../propagate/gpuRebase.ts';
import type { TracerTable } from '../propagate/tracerTable.ts';

/**
 * Largest phase n |t - t_ref| the scene lets the shader add before re-basing, rad. Four times the gpu backend's
 * REBASE_MAX_PHASE_RAD: positions stay within about 1e-6 of a (tests/browser/scene-kepler), and at the fastest
 * playback (2 years/s) a re-base is needed only every few frames.
 */
export const SCENE_REBASE_MAX_PHASE_RAD = 1;

/** fdlibm's three-part π/2, as sim/propagate/gpuRebase.ts: j π/2 is exact for |j| < 2^20. */
const PIO2_1 = 1.5707963267341256;
const PIO2_2 = 6.077100506303966e-11;
const PIO2_3 = 2.0222662487959506e-21;

export interface SwarmRenderBuffers {
  /** Number of tracers. */
  readonly count: number;
  /** (μ0, j, n, e) per tracer, float32; μ0 and j valid at the last re-base (rebaseSwarm). */
  readonly orbitA: Float32Array;
  /** (Ax, Ay, Az, Bx) per tracer, m, float32. */
  readonly orbitB: Float32Array;
  /** (By, Bz (m), station day (d past J2000 TDB), shell index) per tracer, float32. */
  readonly orbitC: Float32Array;
  /** Largest mean motion of the table, rad/s (decides when to re-base). */
  readonly maxMeanMotionRadS: number;
  /** Mean anomaly extrapolated to J2000, M0 - n epoch, rad, not reduced; float64, one per tracer. */
  readonly meanAnomalyJ2000Rad: Float64Array;
  /** Mean motion n, rad/s; float64, one per tracer. */
  readonly meanMotionRadS: Float64Array;
  /** On station from this time, TDB s past J2000, ascending (the table's order); float64, one per tracer. */
  readonly stationTdbS: Float64Array;
  /**
   * Where each tracer's collectors were made, float32 one per tracer: 0 for collectors launched from the Earth
   * (the fixed schedule), k + 1 for the growth model's site k (ScenarioMeta.sites[k]).
   */
  readonly site: Float32Array;
}

/**
 * Pack a validated tracer table for drawing, re-based at `tdbS`. The table is not modified. `siteIndex` gives each
 * tracer's source site (a cohort's siteIndex: -1 for the Earth, k for growth site k); all from the Earth if left out.
 */
export function packSwarm(
  table: TracerTable,
  tdbS: number,
  siteIndex: (tracer: number) => number = () => -1,
): SwarmRenderBuffers {
  const columns = createGpuColumns(table, tdbS);
  const { count } = table;
  const orbitC = columns.orbitC;
  const meanAnomalyJ2000Rad = new Float64Array(count);
  const meanMotionRadS = new Float64Array(count);
  const stationTdbS = Float64Array.from(table.stationTdbS);
  const site = new Float32Array(count);
  for (let k = 0; k < count; k += 1) {
    site[k] = siteIndex(k) + 1;
    const n = table.meanMotionRadS[k] as number;
    meanMotionRadS[k] = n;
    meanAnomalyJ2000Rad[k] = (table.meanAnomalyAtEpochRad[k] as number) - n * (table.epochTdbS[k] as number);
    orbitC[4 * k + 2] = (table.stationTdbS[k] as number) / SECONDS_PER_DAY;
    orbitC[4 * k + 3] = table.shellIndex[k] as number;
  }
  return {
    count,
    orbitA: columns.orbitA,
    orbitB: columns.orbitB,
    orbitC,
    maxMeanMotionRadS: columns.maxMeanMotionRadS,
    meanAnomalyJ2000Rad,
    meanMotionRadS,
    stationTdbS,
    site,
  };
}

/**
 * Re-base every tracer's mean anomaly to `refTdbS`: M = M_J2000 + n refTdbS in float64, split as j π/2 + μ0 with
 * |μ0| <= π/4 (the split of gpuRebase.ts rebase), written into orbitA's x and y (orbitA may be buffers.orbitA).
 * No allocation.
 */
export function rebaseSwarm(buffers: SwarmRenderBuffers, refTdbS: number, orbitA: Float32Array): void {
  const { meanAnomalyJ2000Rad, meanMotionRadS, count } = buffers;
  for (let k = 0; k < count; k += 1) {
    const m = (meanAnomalyJ2000Rad[k] as number) + (meanMotionRadS[k] as number) * refTdbS;
    const j = Math.round(m / (PIO2_1 + PIO2_2));
    orbitA[4 * k] = m - j * PIO2_1 - j * PIO2_2 - j * PIO2_3;
    orbitA[4 * k + 1] = j - 4 * Math.floor(j / 4);
  }
}

/** True when the shader would have to add more than SCENE_REBASE_MAX_PHASE_RAD of mean anomaly. */
export function needsSwarmRebase(buffers: SwarmRenderBuffers, refTdbS: number, tdbS: number): boolean {
  return !(buffers.maxMeanMotionRadS * Math.abs(tdbS - refTdbS) <= SCENE_REBASE_MAX_PHASE_RAD);
}

/**
 * Number of tracers on station at `tdbS`: those with stationTdbS <= tdbS, a prefix of the table because the table
 * is sorted by station time. Same rule as the world's snapshot (sim/world.ts), so the scene draws exactly the
 * tracers the figures count.
 */
export function countOnStation(stationTdbS: Float64Array, tdbS: number): number {
  return countAtOrBelow(stationTdbS, tdbS);
}

/**
 * Tracers chosen to carry a marker (a compute node among the collectors): at most `maxMarkers` indices, evenly
 * spread over the table, ascending. The table is in station-time order, so the markers on station at t are a
 * prefix (countOnStation on their station times) and they appear as the swarm grows.
 */
export function markerTracers(count: number, maxMarkers: number): Uint32Array {
  const markers = Math.max(0, Math.min(count, Math.floor(maxMarkers)));
  const out = new Uint32Array(markers);
  for (let k = 0; k < markers; k += 1) out[k] = Math.floor(((k + 0.5) * count) / markers);
  return out;
}
