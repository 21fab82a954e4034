/**
 * Aggregates over the swarm at one instant, computed where the positions are (only a few numbers come back):
 * the sunlight intercepted and the power captured by the collectors on station, and how many are between the
 * Earth and the Sun. This module holds the definitions, the input checks and the float64 reference
 * (reduceCpu64); the fast backends (cpuFast.ts, gpu.ts) compute the same quantities.
 *
 * Power (the same model as sim/world.ts): a tracer k of weight w_k at heliocentric distance r_k contributes
 *   intercepted_k = w_k A S (1 au / r_k)^2 cos(incidence),  captured_k = intercepted_k η exp(-λ (t - t_station,k))
 * with A the area of one collector (m^2), S = SOLAR_IRRADIANCE_1AU_W_M2, η the conversion efficiency and λ the
 * degradation rate (1/s). Flat collectors face the Sun (the Keplerian case, see ARCHITECTURE.md), so
 * cos(incidence) = 1: `cosIncidence: 'sun-facing'` is the only model for now, kept in the API for the day
 * collectors tilt.
 *
 * Sunward of Earth: a tracer is counted when it is in front of the solar disc as seen from the Earth's centre,
 * i.e. inside the cone with apex at the Earth, axis towards the Sun and half-angle θ the Sun's angular radius
 * (sin θ = R_sun / |S - E|), and nearer than the Sun along that axis. With d = p - E and s = S - E = -E:
 *   0 < d·s < |s|^2   and   (d·s)^2 >= |d|^2 |s|^2 cos^2 θ.
 * These are the collectors that can shade some of the Sun for the Earth. The weights of the counted tracers are
 * summed too (collectorsSunwardOfEarth). The Earth's position is the caller's (earthPositionM): use
 * sim/geometry/earthPosition.ts earthHeliocentricEclipticM, or any ephemeris. The test itself is
 * sim/geometry/sunward.ts.
 */
import { AU_M, SOLAR_IRRADIANCE_1AU_W_M2, SOLAR_RADIUS_M } from '../constants.ts';
import { InputError } from '../errors.ts';
import { isSunwardOfEarth } from '../geometry/sunward.ts';
import { propagateCpu64 } from './cpu64.ts';
import type { TracerTable } from './tracerTable.ts';

export interface ReduceParams {
  /** Area of one real collector, m^2 (> 0). */
  readonly unitAreaM2: number;
  /** Conversion efficiency, sunlight to electrical power, in [0, 1]. */
  readonly efficiency: number;
  /** Degradation rate λ, 1/s (>= 0): captured power scales by exp(-λ (t - stationTdbS)). */
  readonly degradationRatePerS: number;
  /** Incidence model; 'sun-facing' (cos = 1) is the only one and the default. */
  readonly cosIncidence?: 'sun-facing';
  /** The Earth's heliocentric position at t, ECLIPJ2000, m: three finite numbers. */
  readonly earthPositionM: ArrayLike<number>;
}

/** The aggregates at one instant. SI units; immutable. */
export interface Reduction {
  /** TDB seconds past J2000. */
  readonly tdbS: number;
  /** Tracers summed (the first `count` rows of the table). */
  readonly tracerCount: number;
  /** Sunlight falling on the collectors, W. */
  readonly interceptedSunlightW: number;
  /** Electrical power captured, W: intercepted * efficiency * degradation. */
  readonly capturedPowerW: number;
  /** Tracers in front of the solar disc seen from the Earth's centre (see the module comment). */
  readonly tracersSunwardOfEarth: number;
  /** Real collectors those tracers stand for (sum of their weights). */
  readonly collectorsSunwardOfEarth: number;
}

/** Throw an InputError naming the field for anything but valid reduction parameters. */
export function checkReduceParams(params: ReduceParams): void {
  const { unitAreaM2, efficiency, degradationRatePerS, cosIncidence, earthPositionM } = params;
  if (!(Number.isFinite(unitAreaM2) && unitAreaM2 > 0)) {
    throw new InputError(`must be a finite number > 0 m^2, got ${unitAreaM2}`, 'unitAreaM2');
  }
  if (!(efficiency >= 0 && efficiency <= 1)) {
    throw new InputError(`must be in [0, 1], got ${efficiency}`, 'efficiency');
  }
  if (!(Number.isFinite(degradationRatePerS) && degradationRatePerS >= 0)) {
    throw new InputError(
      `must be a finite number >= 0 per s, got ${degradationRatePerS}`,
      'degradationRatePerS',
    );
  }
  if (cosIncidence !== undefined && cosIncidence !== 'sun-facing') {
    throw new InputError(
      `must be 'sun-facing' (the only incidence model), got ${String(cosIncidence)}`,
      'cosIncidence',
    );
  }
  if (earthPositionM === null || typeof earthPositionM !== 'object' || earthPositionM.length !== 3) {
    throw new InputError('must be three numbers (x, y, z in m, ECLIPJ2000)', 'earthPositionM');
  }
  for (let i = 0; i < 3; i += 1) {
    const v = earthPositionM[i];
    if (!(typeof v === 'number' && Number.isFinite(v))) {
      throw new InputError(`must be a finite number of metres, got ${String(v)}`, `earthPositionM[${i}]`);
    }
  }
  const r = Math.hypot(earthPositionM[0] as number, earthPositionM[1] as number, earthPositionM[2] as number);
  if (!(r > SOLAR_RADIUS_M)) {
    throw new InputError(
      `must be outside the Sun (|E| > ${SOLAR_RADIUS_M} m), got |E| = ${r} m`,
      'earthPositionM',
    );
  }
}

/** Throw an InputError unless `count` is an integer in [0, table.count]. */
export function checkCount(count: number, table: TracerTable): void {
  if (!(Number.isInteger(count) && count >= 0 && count <= table.count)) {
    throw new InputError(`must be an integer in [0, ${table.count}], got ${count}`, 'count');
  }
}

/** Throw an InputError unless tdbS is finite. */
export function checkTime(tdbS: number): void {
  if (!Number.isFinite(tdbS))
    throw new InputError(`must be a finite number of TDB seconds, got ${tdbS}`, 'tdbS');
}

/**
 * Turn the two sums Σ w (1 au/r)^2 and Σ w (1 au/r)^2 exp(-λ age) into a Reduction (multiplies by A S, and η).
 * `degradationScale` multiplies the second sum (backends that factor exp(-λ (t - t0)) out of it pass it here).
 */
export function finishReduction(
  tdbS: number,
  count: number,
  params: ReduceParams,
  weightedFlux: number,
  degradedWeightedFlux: number,
  sunward: number,
  sunwardWeight: number,
  degradationScale = 1,
): Reduction {
  const perTracer = params.unitAreaM2 * SOLAR_IRRADIANCE_1AU_W_M2;
  return {
    tdbS,
    tracerCount: count,
    interceptedSunlightW: weightedFlux * perTracer,
    capturedPowerW: degradedWeightedFlux * degradationScale * perTracer * params.efficiency,
    tracersSunwardOfEarth: sunward,
    collectorsSunwardOfEarth: sunwardWeight,
  };
}

/**
 * The float64 reference reduction over the first `count` tracers of a validated table at `tdbS`: positions from
 * propagateCpu64, then plain sums in tracer order. Allocates 24 bytes per tracer per call (it is the reference,
 * not the fast path).
 */
export function reduceCpu64(
  table: TracerTable,
  tdbS: number,
  count: number,
  params: ReduceParams,
): Reduction {
  checkTime(tdbS);
  checkCount(count, table);
  checkReduceParams(params);
  const positions = new Float64Array(3 * table.count);
  propagateCpu64(table, tdbS, positions);
  const earth = params.earthPositionM;
  let flux = 0;
  let degraded = 0;
  let sunward = 0;
  let sunwardWeight = 0;
  for (let k = 0; k < count; k += 1) {
    const x = positions[3 * k] as number;
    const y = positions[3 * k + 1] as number;
    const z = positions[3 * k + 2] as number;
    const w = table.weight[k] as number;
    const f = (w * AU_M * AU_M) / (x * x + y * y + z * z);
    flux += f;
    degraded += f * Math.exp(-params.degradationRatePerS * (tdbS - (table.stationTdbS[k] as number)));
    if (isSunwardOfEarth(x, y, z, earth)) {
      sunward += 1;
      sunwardWeight += w;
    }
  }
  return finishReduction(tdbS, count, params, flux, degraded, sunward, sunwardWeight);
}
