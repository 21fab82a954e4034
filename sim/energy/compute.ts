/**
 * What delivered power buys in computation, and the radiator that computation needs.
 *
 * Every watt a computer draws ends as heat, so a compute node of power P sustains P x (operations per joule)
 * operations per second and must reject P watts (radiator.ts). Efficiency figures are LINPACK double-precision
 * FLOP/s per W of the Green500 leaders (top500.org): a scenario sets its own 2030-2050 trajectory and cites it;
 * these are the measured anchors.
 */
import { InputError } from '../errors.ts';
import { radiatorAreaM2 } from './radiator.ts';

/** Green500 No. 1, November 2020: NVIDIA DGX SuperPOD, 26.2 GFLOPS/W (top500.org/lists/green500/2020/11). */
export const GREEN500_2020_11_FLOPS_PER_W = 26.2e9;
/** Green500 No. 1, June 2022: Frontier TDS (ORNL), 62.8 GFLOPS/W (top500.org/lists/green500/2022/06). */
export const GREEN500_2022_06_FLOPS_PER_W = 62.8e9;

export interface ComputeNodeSpec {
  /** Electrical power delivered to the node, W. */
  readonly powerW: number;
  /** Computing efficiency, operations per joule (= FLOP/s per W). */
  readonly opsPerJoule: number;
  /** Radiator temperature, K. */
  readonly radiatorTemperatureK: number;
  /** Radiator emissivity, (0, 1]. */
  readonly radiatorEmissivity: number;
  /** Effective sink temperature, K (default deep space). */
  readonly sinkTemperatureK?: number;
  readonly radiatorSides?: 1 | 2;
  /** Operations per task (e.g. per 1,000 generated tokens), for the energy per task; optional. */
  readonly opsPerTask?: number;
}

export interface ComputeNodeResult {
  /** Sustained operations per second. */
  readonly opsPerS: number;
  /** Heat to reject, W (all the input power). */
  readonly wasteHeatW: number;
  readonly radiatorAreaM2: number;
  /** Energy per task, J (null without opsPerTask). */
  readonly energyPerTaskJ: number | null;
}

/** Energy per task, J: operations per task / operations per joule. */
export function energyPerTaskJ(opsPerTask: number, opsPerJoule: number): number {
  if (!Number.isFinite(opsPerTask) || opsPerTask < 0)
    throw new InputError(`must be >= 0, got ${opsPerTask}`, 'opsPerTask');
  if (!Number.isFinite(opsPerJoule) || opsPerJoule <= 0)
    throw new InputError(`must be > 0, got ${opsPerJoule}`, 'opsPerJoule');
  return opsPerTask / opsPerJoule;
}

/** Operations, heat and radiator of a compute node fed `powerW`. */
export function computeNode(spec: ComputeNodeSpec): ComputeNodeResult {
  if (!Number.isFinite(spec.powerW) || spec.powerW < 0)
    throw new InputError(`must be >= 0 W, got ${spec.powerW}`, 'powerW');
  if (!Number.isFinite(spec.opsPerJoule) || spec.opsPerJoule <= 0) {
    throw new InputError(`must be > 0, got ${spec.opsPerJoule}`, 'opsPerJoule');
  }
  return {
    opsPerS: spec.powerW * spec.opsPerJoule,
    wasteHeatW: spec.powerW,
    radiatorAreaM2: radiatorAreaM2({
      heatW: spec.powerW,
      temperatureK: spec.radiatorTemperatureK,
      emissivity: spec.radiatorEmissivity,
      ...(spec.sinkTemperatureK === undefined ? {} : { sinkTemperatureK: spec.sinkTemperatureK }),
      ...(spec.radiatorSides === undefined ? {} : { sides: spec.radiatorSides }),
    }),
    energyPerTaskJ: spec.opsPerTask === undefined ? null : energyPerTaskJ(spec.opsPerTask, spec.opsPerJoule),
  };
}
