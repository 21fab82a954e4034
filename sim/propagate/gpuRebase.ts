/**
 * Host side of the `gpu` backend: the float32 columns the kernel (gpuKernels.ts) reads, made in float64 here.
 *
 * Time never reaches the GPU as a large number. The mean anomalies are re-based to a recent time tR in float64,
 * M(tR) = M0 + n (tR - epoch), and split exactly as j π/2 + μ0 (j integer, |μ0| <= π/4; π/2 in three parts, the
 * fdlibm split, so j π/2 is exact for |j| < 2^20). The kernel gets μ0, j mod 4 and Δt = t - tR, and the host
 * re-bases again whenever max n |t - tR| would exceed REBASE_MAX_PHASE_RAD (a 0.1 au orbit: every 11 hours of
 * simulated time; 1 au: every 14 days). A re-base costs O(count) float64 work and an upload of 8 bytes per tracer.
 */
import { REBASE_MAX_PHASE_RAD } from './gpuKernels.ts';
import type { TracerTable } from './tracerTable.ts';

/** fdlibm's three-part π/2: PIO2_1 and PIO2_2 have 33 significant bits. */
const PIO2_1 = 1.5707963267341256;
const PIO2_2 = 6.077100506303966e-11;
const PIO2_3 = 2.0222662487959506e-21;

/**
 * The kernel's inputs for one table (layout in gpuKernels.ts): packed float32 columns, 4 values per tracer in
 * orbitA, orbitB and orbitC. Tables of 0 rows get one padding row (never read).
 */
export interface GpuColumns {
  readonly count: number;
  /** [μ0 (rad), j mod 4, n (rad/s), e] per tracer; μ0 and j are valid at rebaseTdbS. */
  readonly orbitA: Float32Array;
  /** [Ax, Ay, Az, Bx] (m). */
  readonly orbitB: Float32Array;
  /** [By, Bz (m), 0, 0]: the last two are free (sim/stream/renderBuffers.ts puts the scene's values there). */
  readonly orbitC: Float32Array;
  rebaseTdbS: number;
  /** Largest n of the table, rad/s (decides when to re-base). */
  maxMeanMotionRadS: number;
}

/** The columns for a validated table, re-based at `tdbS`. */
export function createGpuColumns(table: TracerTable, tdbS: number): GpuColumns {
  const count = table.count;
  const size = Math.max(1, count);
  const columns: GpuColumns = {
    count,
    orbitA: new Float32Array(4 * size),
    orbitB: new Float32Array(4 * size),
    orbitC: new Float32Array(4 * size),
    rebaseTdbS: tdbS,
    maxMeanMotionRadS: 0,
  };
  const { orbitA, orbitB, orbitC } = columns;
  let maxN = 0;
  for (let k = 0; k < count; k += 1) {
    const a = table.semiMajorAxisM[k] as number;
    const e = table.eccentricity[k] as number;
    const n = table.meanMotionRadS[k] as number;
    if (n > maxN) maxN = n;
    const sO = Math.sin(table.ascendingNodeRad[k] as number);
    const cO = Math.cos(table.ascendingNodeRad[k] as number);
    const sw = Math.sin(table.argPeriapsisRad[k] as number);
    const cw = Math.cos(table.argPeriapsisRad[k] as number);
    const si = Math.sin(table.inclinationRad[k] as number);
    const ci = Math.cos(table.inclinationRad[k] as number);
    const b = a * Math.sqrt((1 - e) * (1 + e));
    orbitA[4 * k + 2] = n;
    orbitA[4 * k + 3] = e;
    orbitB[4 * k] = a * (cO * cw - sO * sw * ci);
    orbitB[4 * k + 1] = a * (sO * cw + cO * sw * ci);
    orbitB[4 * k + 2] = a * (sw * si);
    orbitB[4 * k + 3] = b * (-cO * sw - sO * cw * ci);
    orbitC[4 * k] = b * (-sO * sw + cO * cw * ci);
    orbitC[4 * k + 1] = b * (cw * si);
  }
  columns.maxMeanMotionRadS = maxN;
  rebase(columns, table, tdbS);
  return columns;
}

/** True when Δt = tdbS - rebaseTdbS is too long for float32 (see REBASE_MAX_PHASE_RAD). */
export function needsRebase(columns: GpuColumns, tdbS: number): boolean {
  return columns.maxMeanMotionRadS * Math.abs(tdbS - columns.rebaseTdbS) > REBASE_MAX_PHASE_RAD;
}

/** Re-base μ0 and j to tdbS, in float64 (see the module comment). */
export function rebase(columns: GpuColumns, table: TracerTable, tdbS: number): void {
  const { orbitA } = columns;
  for (let k = 0; k < columns.count; k += 1) {
    const n = table.meanMotionRadS[k] as number;
    const M = (table.meanAnomalyAtEpochRad[k] as number) + n * (tdbS - (table.epochTdbS[k] as number));
    const j = Math.round(M / (PIO2_1 + PIO2_2));
    orbitA[4 * k] = M - j * PIO2_1 - j * PIO2_2 - j * PIO2_3;
    orbitA[4 * k + 1] = j - 4 * Math.floor(j / 4);
  }
  columns.rebaseTdbS = tdbS;
}
