/**
 * The growth model's parameters in SI (kg, s, J, W, m, m/s), as resolveGrowth (resolve.ts) builds them from the
 * scenario file. Rates are per second; times are TDB seconds past J2000.
 */
import type { BodyKind } from './bodies.ts';
import type { Schedule } from './schedule.ts';
import type { PathTransfer } from './propulsion/resolvePropulsion.ts';

/** A landing of hardware from Earth (the seed, or a resupply). */
export interface Landing {
  readonly tdbS: number;
  readonly massKg: number;
}

/** Where one site's collectors go. */
export interface SiteTarget {
  readonly shellIndex: number;
  /** Fraction of the site's collectors sent there, [0, 1]. */
  readonly fraction: number;
  /** Time from launch to station, s: the flown flight plus the hold. */
  readonly transferS: number;
  /** Flight time (flown, propulsion/flyTransfer.ts) and hold after arrival, s. */
  readonly flightS: number;
  readonly holdS: number;
  /** Propellant and thruster mass launched with each kg of collector, kg/kg (0 unless electric). */
  readonly propellantKgPerKg: number;
  readonly thrusterKgPerKg: number;
  /** The transfer as flown: propulsion, impulses, trajectory (propulsion/resolvePropulsion.ts). */
  readonly transfer: PathTransfer;
}

export interface MassDriverParams {
  readonly launchSpeedMS: number;
  /** Capacity with availability applied: fixed part, kg/s, and part per kg of factory, 1/s. */
  readonly rateKgPerS: number;
  readonly ratePerFactoryKgPerS: number;
  readonly efficiency: number;
  /** Electrical energy per kg launched, v^2 / (2 efficiency), J/kg. */
  readonly energyPerKgJ: number;
  /** Kinetic energy per kg launched, v^2 / 2, J/kg. */
  readonly kineticPerKgJ: number;
  /** sqrt(v_launch^2 - v_esc^2), m/s. */
  readonly hyperbolicExcessMS: number;
}

export interface SiteParams {
  readonly name: string;
  readonly body: BodyKind;
  /** Seed first, then resupplies, in date order. */
  readonly landings: readonly Landing[];
  readonly heliocentricDistanceM: number;
  readonly escapeSpeedMS: number;
  readonly solarFluxWM2: number;
  readonly dutyCycle: number;
  readonly feedstockLimitKg: number;
  /** Heat rejection cap on the power the site draws, W (Infinity: none). */
  readonly heatRejectionLimitW: number;
  /** Most power the site's own arrays give, W (Infinity: no cap); beamed power is not capped by it. */
  readonly ownPowerLimitW: number;
  readonly deliveredPriceUsdPerKg: Schedule;
  /** Cap on vitamin imports, kg/s, or null for none. */
  readonly maxImportKgPerS: Schedule | null;
  /** Throughput, kg of output per kg of factory per second. */
  readonly productivityPerS: Schedule;
  readonly growthMode: 'continuous' | 'batch';
  /** Commissioning interval of batch growth, s (Infinity in continuous mode). */
  readonly batchIntervalS: number;
  readonly closure: Schedule;
  readonly collectorClosure: Schedule;
  readonly lossRatePerS: number;
  readonly unitMassKg: number | null;
  /** Learning: multiplier = min(max, (cumulative output / seed)^exponent); exponent = -log2(progress ratio). */
  readonly learning: { readonly exponent: number; readonly maxMultiplier: number } | null;
  /** Mean available electrical power per kg of factory at this site (flux and duty cycle applied), W/kg; null: unlimited. */
  readonly powerWPerKg: number | null;
  /** Processing energy per kg of new factory and per kg of collectors, J/kg. */
  readonly processingEnergyJPerKg: number;
  readonly collectorProcessingEnergyJPerKg: number;
  readonly processingYield: number;
  readonly beamedPowerFraction: number;
  readonly replicationFraction: Schedule;
  readonly switchAtFactoryMassKg: number | null;
  readonly replicationFractionAfterSwitch: number;
  readonly massDriver: MassDriverParams;
  readonly targets: readonly SiteTarget[];
}

export interface GrowthParams {
  readonly sites: readonly SiteParams[];
  /** Names of the scenario's shells, in scenario order (targets index into these). */
  readonly shellNames: readonly string[];
  /** Mean radius of each shell (mid semi-major axis), m. */
  readonly shellRadiiM: readonly number[];
  /** Collector lightness number (for transfers), dimensionless. */
  readonly collectorLightnessNumber: number;
  /** Stop making collectors once the launched swarm would cover this fraction of the Sun's light. */
  readonly maxCoverageFraction: number;
}
