/**
 * Named computing-efficiency trajectories a scenario's compute section can choose (`compute.trajectory`).
 *
 * - `mlperf-llama2-70b` (the baseline's): generated tokens per joule of a Llama-2-70B-class dense model,
 *   MLPerf Inference datacenter, closed division, benchmark llama2-70b-99, Offline scenario (batched serving
 *   with no latency bound), at system power. Anchored on published MLPerf results (INFERENCE_ANCHORS; the
 *   provenance is tests/data/inference/README.md), then projected by a stated rule (inferenceProjection).
 * - `green500-fp64`: HPL (LINPACK) FP64 FLOP per joule of the Green500 leaders, then a 3.0-year doubling:
 *   the baseline's trajectory before it moved to inference; kept as a named alternative.
 *
 * Each trajectory fixes its own unit (opsMetric); the scenario's task.opsPerTask is in that unit.
 */
import { isoToTdbS } from '../time.ts';

/** One dated efficiency value, in the trajectory's unit per joule. */
export interface TrajectoryPoint {
  readonly date: string;
  readonly opsPerJoule: number;
  readonly source: string;
}

/** What a trajectory's operation is, where the figures need its unit: a generated token, or a FLOP. */
export type OpsUnit = 'token' | 'flop';

export interface Trajectory {
  readonly opsMetric: string;
  readonly opsUnit: OpsUnit;
  readonly points: readonly TrajectoryPoint[];
}

/** One published MLPerf Inference result: what it measures is in tests/data/inference/README.md. */
export interface InferenceAnchor {
  /** Publication date of the MLPerf round (ISO). */
  readonly date: string;
  readonly round: string;
  readonly system: string;
  /** Offline throughput, generated tokens per second, as published. */
  readonly tokensPerS: number;
  /** Measured system power during the run (MLPerf Power, mean AC watts at the wall), W. */
  readonly systemPowerW: number;
}

/**
 * MLPerf Inference llama2-70b-99 Offline anchors with measured system power (MLPerf Power: mean wall AC power over
 * the timed run). Provenance, and how the watts were read, in tests/data/inference/README.md.
 */
export const INFERENCE_ANCHORS: readonly InferenceAnchor[] = [
  {
    date: '2024-08-28',
    round: 'v4.1',
    system: 'NVIDIA H200-SXM-141GBx8_TRT_MaxQ, 8x H200-SXM-141GB, TensorRT 10.2',
    tokensPerS: 25_262.1,
    systemPowerW: 6_153.0,
  },
  {
    date: '2025-09-09',
    round: 'v5.1',
    system: 'Lenovo SR680a_V3_B200SXMx8_TRT, 8x B200-SXM, TensorRT, FP4',
    tokensPerS: 102_909,
    systemPowerW: 10_401.0,
  },
];

/**
 * The sustained doubling time the projection may not beat, years: Koomey & Naffziger's peak-output efficiency
 * doubling every 2.6 years since 2000 [Koomey-2016]. The anchors' own trend is faster because it contains
 * one-off steps (a GPU generation, FP8 -> FP4 weights, serving software) that cannot repeat indefinitely:
 * precision has a floor.
 */
export const SUSTAINED_DOUBLING_YEARS = 2.6;

/** Boltzmann constant, J/K (SI 2019, exact). */
const BOLTZMANN_J_PER_K = 1.380649e-23;
/** Temperature of the Landauer ceiling, K: the baseline's radiator temperature. */
export const LANDAUER_TEMPERATURE_K = 320;
/** Operations per generated token of a 70B dense model: 2N [Kaplan-2020]. */
export const OPS_PER_TOKEN_70B = 1.4e11;
/**
 * Physical ceiling, tokens per joule: every operation erases at least one bit, kT ln 2 each (Landauer 1961), at
 * LANDAUER_TEMPERATURE_K.
 */
export const LANDAUER_TOKENS_PER_JOULE =
  1 / (OPS_PER_TOKEN_70B * BOLTZMANN_J_PER_K * LANDAUER_TEMPERATURE_K * Math.LN2);

/** Julian year, s: the unit of the fitted slope. */
const YEAR_S = 365.25 * 86_400;
/** The date the projection runs to: efficiency is held constant after it. */
export const PROJECTION_END_DATE = '2100-01-01';

/** Tokens per joule of an anchor. */
export function anchorTokensPerJoule(anchor: InferenceAnchor): number {
  return anchor.tokensPerS / anchor.systemPowerW;
}

/**
 * Log-linear least squares of ln(tokens per joule) on time in years: the anchors' own trend, as a doubling
 * time in years.
 */
export function fittedDoublingYears(anchors: readonly InferenceAnchor[]): number {
  const xs = anchors.map((a) => isoToTdbS(a.date) / YEAR_S);
  const ys = anchors.map((a) => Math.log(anchorTokensPerJoule(a)));
  const n = xs.length;
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  xs.forEach((x, k) => {
    sxy += (x - mx) * ((ys[k] as number) - my);
    sxx += (x - mx) ** 2;
  });
  return Math.LN2 / (sxy / sxx);
}

/**
 * The projection beyond the last anchor: growth from the last anchor's value at the slower of the anchors'
 * fitted doubling time and SUSTAINED_DOUBLING_YEARS, capped at LANDAUER_TOKENS_PER_JOULE.
 */
export function inferenceProjection(anchors: readonly InferenceAnchor[] = INFERENCE_ANCHORS): {
  readonly fittedDoublingYears: number;
  readonly doublingYears: number;
  readonly points: readonly TrajectoryPoint[];
} {
  const fitted = fittedDoublingYears(anchors);
  const doublingYears = Math.max(fitted, SUSTAINED_DOUBLING_YEARS);
  const last = anchors[anchors.length - 1] as InferenceAnchor;
  const y0 = anchorTokensPerJoule(last);
  const t0 = isoToTdbS(last.date);
  const tEnd = isoToTdbS(PROJECTION_END_DATE);
  const rule = `x 2^(years / ${doublingYears.toPrecision(4)}) from ${last.date}, capped at Landauer`;
  const points: TrajectoryPoint[] = anchors.map((a) => ({
    date: a.date,
    opsPerJoule: anchorTokensPerJoule(a),
    source: `MLPerf Inference ${a.round} llama2-70b-99 Offline: ${a.system} / ${a.systemPowerW} W`,
  }));
  const yEnd = y0 * 2 ** ((tEnd - t0) / YEAR_S / doublingYears);
  if (yEnd <= LANDAUER_TOKENS_PER_JOULE) {
    points.push({ date: PROJECTION_END_DATE, opsPerJoule: yEnd, source: `projection: ${rule}` });
  } else {
    // The cap is reached before the end: the point where the exponential meets it, then held there.
    const years = doublingYears * Math.log2(LANDAUER_TOKENS_PER_JOULE / y0);
    const capMs = Date.parse(`${last.date}T00:00:00Z`) + Math.round(years * YEAR_S * 1000);
    points.push({
      date: new Date(capMs).toISOString(),
      opsPerJoule: LANDAUER_TOKENS_PER_JOULE,
      source: `projection: ${rule} (reached)`,
    });
  }
  return { fittedDoublingYears: fitted, doublingYears, points };
}

/** The Green500 FP64 trajectory the baseline used before: measured No. 1 values, then 3.0-year doubling. */
const GREEN500_FP64: Trajectory = {
  opsMetric: 'HPL FP64 FLOP (Green500)',
  opsUnit: 'flop',
  points: [
    { date: '2020-11-01', opsPerJoule: 26.2e9, source: '[Green500-2020-11] No. 1 NVIDIA DGX SuperPOD' },
    { date: '2022-06-01', opsPerJoule: 62.8e9, source: '[Green500-2022-06] No. 1 Frontier TDS' },
    { date: '2025-11-01', opsPerJoule: 73.282e9, source: '[Green500-2025-11] No. 1 Kairos' },
    {
      date: '2030-01-01',
      opsPerJoule: 1.92e11,
      source: 'projection: 73.282 GFLOPS/W x 2^(4.167 yr / 3.0 yr)',
    },
    {
      date: '2040-01-01',
      opsPerJoule: 1.93e12,
      source: 'projection: 73.282 GFLOPS/W x 2^(14.166 yr / 3.0 yr)',
    },
    {
      date: '2050-01-01',
      opsPerJoule: 1.95e13,
      source: 'projection: 73.282 GFLOPS/W x 2^(24.167 yr / 3.0 yr)',
    },
  ],
};

export const TRAJECTORIES = {
  'mlperf-llama2-70b': {
    opsMetric: 'generated tokens, Llama-2-70B class (MLPerf llama2-70b-99 Offline, at measured system power)',
    opsUnit: 'token',
    points: inferenceProjection().points,
  },
  'green500-fp64': GREEN500_FP64,
} as const satisfies Record<string, Trajectory>;

export type TrajectoryName = keyof typeof TRAJECTORIES;
export const TRAJECTORY_NAMES = Object.keys(TRAJECTORIES) as readonly TrajectoryName[];
