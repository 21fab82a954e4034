/**
 * Radiator sizing by the Stefan-Boltzmann law: a surface of emissivity eps at temperature T facing a sink at
 * Ts rejects q = eps sigma (T^4 - Ts^4) W per m^2 of each radiating side (grey, diffuse, view factor 1 to the
 * sink; Incropera & DeWitt, "Fundamentals of Heat and Mass Transfer", eq. 1.7). Deep space is a 2.7 K sink; a
 * radiator near Earth or in sunlight sees a warmer effective sink, which the caller passes.
 */
import { STEFAN_BOLTZMANN_W_M2_K4 } from '../constants.ts';
import { InputError } from '../errors.ts';

/** Cosmic microwave background temperature, K (Fixsen 2009, ApJ 707:916: 2.72548 K). */
export const DEEP_SPACE_SINK_K = 2.72548;

export interface RadiatorSpec {
  /** Heat to reject, W (>= 0). */
  readonly heatW: number;
  /** Radiating surface temperature, K (> sink). */
  readonly temperatureK: number;
  /** Hemispherical emissivity, (0, 1]. */
  readonly emissivity: number;
  /** Effective sink temperature, K; default deep space. */
  readonly sinkTemperatureK?: number;
  /** Radiating sides per unit of area: 1 (body-mounted) or 2 (a free-standing panel); default 1. */
  readonly sides?: 1 | 2;
}

function check(spec: RadiatorSpec): Required<RadiatorSpec> {
  const sink = spec.sinkTemperatureK ?? DEEP_SPACE_SINK_K;
  if (!Number.isFinite(spec.heatW) || spec.heatW < 0)
    throw new InputError(`must be >= 0 W, got ${spec.heatW}`, 'heatW');
  if (!Number.isFinite(spec.emissivity) || spec.emissivity <= 0 || spec.emissivity > 1) {
    throw new InputError(`must be within (0, 1], got ${spec.emissivity}`, 'emissivity');
  }
  if (!Number.isFinite(sink) || sink < 0)
    throw new InputError(`must be >= 0 K, got ${sink}`, 'sinkTemperatureK');
  if (!Number.isFinite(spec.temperatureK) || spec.temperatureK <= sink) {
    throw new InputError(
      `must be above the sink temperature ${sink} K, got ${spec.temperatureK}`,
      'temperatureK',
    );
  }
  return { ...spec, sinkTemperatureK: sink, sides: spec.sides ?? 1 };
}

/** Net flux rejected per m^2 of one radiating side, W/m^2. */
export function radiatedFluxWm2(
  temperatureK: number,
  emissivity: number,
  sinkTemperatureK = DEEP_SPACE_SINK_K,
): number {
  return emissivity * STEFAN_BOLTZMANN_W_M2_K4 * (temperatureK ** 4 - sinkTemperatureK ** 4);
}

/** Radiator area, m^2 (planform area: each m^2 radiates from `sides` faces). */
export function radiatorAreaM2(spec: RadiatorSpec): number {
  const s = check(spec);
  return s.heatW / (s.sides * radiatedFluxWm2(s.temperatureK, s.emissivity, s.sinkTemperatureK));
}

/** Equilibrium temperature, K, of a radiator of the given area rejecting heatW. */
export function radiatorTemperatureK(
  heatW: number,
  areaM2: number,
  emissivity: number,
  sinkTemperatureK = DEEP_SPACE_SINK_K,
  sides: 1 | 2 = 1,
): number {
  if (!Number.isFinite(areaM2) || areaM2 <= 0)
    throw new InputError(`must be > 0 m^2, got ${areaM2}`, 'areaM2');
  check({ heatW, temperatureK: sinkTemperatureK + 1, emissivity, sinkTemperatureK, sides });
  return (heatW / (sides * areaM2 * emissivity * STEFAN_BOLTZMANN_W_M2_K4) + sinkTemperatureK ** 4) ** 0.25;
}
