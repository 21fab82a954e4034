/**
 * Validated growth section -> GrowthParams (SI), with the checks that span several fields or need the rest of
 * the scenario (shell names, the collector's lightness number, the body's escape speed). Throws InputError naming
 * the field, the value and what is accepted.
 */
import {
  AU_M,
  SECONDS_PER_DAY,
  SECONDS_PER_JULIAN_YEAR,
  SOLAR_IRRADIANCE_1AU_W_M2,
  SOLAR_LUMINOSITY_W,
} from '../constants.ts';
import { InputError } from '../errors.ts';
import { effectiveMu } from '../orbit/radiationPressure.ts';
import type { CollectorSpec } from '../swarm/collector.ts';
import { describeIssues } from '../validation/issues.ts';
import { isoToTdbS } from '../time.ts';
import { BODY_DEFAULTS } from './bodies.ts';
import type { GrowthParams, SiteParams, SiteTarget } from './params.ts';
import { constantSchedule, type Schedule } from './schedule.ts';
import { growthSchema, type GrowthFile, type GrowthSiteFile, type ScheduleFile } from './schema.ts';
import { resolvePathTransfer } from './propulsion/resolvePropulsion.ts';

/** What resolveGrowth needs from the rest of the scenario, SI. */
export interface GrowthResolveContext {
  /** The scenario's shells, in order: name and semi-major-axis range, m. */
  readonly shells: ReadonlyArray<{
    readonly name: string;
    readonly semiMajorAxisM: readonly [number, number];
  }>;
  /** The scenario's collector (sim/swarm/collector.ts): its lightness number and areal density. */
  readonly collector: Pick<
    CollectorSpec,
    'lightnessNumber' | 'arealDensityKgM2' | 'reflectivity' | 'conversionEfficiency'
  >;
}

/** Convert a file schedule, multiplying every value by `scale` (e.g. 1/yr -> 1/s). */
function toSchedule(file: ScheduleFile, scale = 1): Schedule {
  if (typeof file === 'number') return constantSchedule(file * scale);
  return {
    kind: file.interpolate,
    timesTdbS: file.points.map((point) => isoToTdbS(point.at)),
    values: file.points.map((point) => point.value * scale),
  };
}

function resolveSite(
  file: GrowthSiteFile,
  index: number,
  shellIndexByName: ReadonlyMap<string, number>,
  shellRadiiM: readonly number[],
  shellNames: readonly string[],
  collector: GrowthResolveContext['collector'],
): SiteParams {
  const field = `growth.sites[${index}]`;
  const defaults = file.body === 'custom' ? undefined : BODY_DEFAULTS[file.body];
  const distanceAu = file.heliocentricDistanceAu ?? defaults?.heliocentricDistanceAu ?? 1;
  const heliocentricDistanceM = distanceAu * AU_M;
  const escapeSpeedMS =
    file.escapeSpeedKmS !== undefined ? file.escapeSpeedKmS * 1000 : (defaults?.escapeSpeedMS ?? 0);
  const solarFluxWM2 = file.solarFluxWM2 ?? SOLAR_LUMINOSITY_W / (4 * Math.PI * heliocentricDistanceM ** 2);
  const dutyCycle = file.dutyCycle ?? defaults?.dutyCycle ?? 1;

  const launchSpeedMS = file.massDriver.launchSpeedKmS * 1000;
  if (!(launchSpeedMS > escapeSpeedMS)) {
    throw new InputError(
      `must exceed the escape speed of the site's body (${(escapeSpeedMS / 1000).toFixed(4)} km/s), ` +
        `got ${file.massDriver.launchSpeedKmS}`,
      `${field}.massDriver.launchSpeedKmS`,
    );
  }
  const hyperbolicExcessMS = Math.sqrt(launchSpeedMS ** 2 - escapeSpeedMS ** 2);
  const availability = file.massDriver.availability;

  const factory = file.factory;
  const productivityPerS =
    factory.replicationTimeYears !== undefined
      ? constantSchedule(1 / (factory.replicationTimeYears * SECONDS_PER_JULIAN_YEAR))
      : toSchedule(factory.productivityPerYear ?? 0, 1 / SECONDS_PER_JULIAN_YEAR);
  const batchYears = factory.batchIntervalYears ?? factory.replicationTimeYears;
  const batchIntervalS =
    factory.growthMode === 'batch' && batchYears !== undefined
      ? batchYears * SECONDS_PER_JULIAN_YEAR
      : Infinity;

  const targets = file.targets.map((target, t): SiteTarget => {
    const shellIndex = shellIndexByName.get(target.shell);
    if (shellIndex === undefined) {
      throw new InputError(
        `must name one of the scenario's shells (${[...shellIndexByName.keys()].map((n) => JSON.stringify(n)).join(', ')}), ` +
          `got ${JSON.stringify(target.shell)}`,
        `${field}.targets[${t}].shell`,
      );
    }
    const transfer = resolvePathTransfer({
      field: `${field}.targets[${t}]`,
      shellName: shellNames[shellIndex] ?? '',
      departureRadiusM: heliocentricDistanceM,
      arrivalRadiusM: shellRadiiM[shellIndex] ?? heliocentricDistanceM,
      hyperbolicExcessMS,
      lightnessNumber: collector.lightnessNumber,
      reflectivity: collector.reflectivity,
      arealDensityKgM2: collector.arealDensityKgM2,
      conversionEfficiency: collector.conversionEfficiency,
      propulsion: target.propulsion,
    });
    const holdS = target.holdDays * SECONDS_PER_DAY;
    return {
      shellIndex,
      fraction: target.fraction,
      transferS: transfer.flightS + holdS,
      flightS: transfer.flightS,
      holdS,
      propellantKgPerKg: transfer.propellantKgPerKg,
      thrusterKgPerKg: transfer.thrusterKgPerKg,
      transfer,
    };
  });

  return {
    name: file.name,
    body: file.body,
    landings: [file.seed, ...file.resupply].map((landing) => ({
      tdbS: isoToTdbS(landing.date),
      massKg: landing.massKg,
    })),
    heliocentricDistanceM,
    escapeSpeedMS,
    solarFluxWM2,
    dutyCycle,
    feedstockLimitKg: file.feedstockLimitKg ?? defaults?.massKg ?? Infinity,
    heatRejectionLimitW: file.heatRejectionLimitMW !== undefined ? file.heatRejectionLimitMW * 1e6 : Infinity,
    ownPowerLimitW: file.ownPowerLimitMW !== undefined ? file.ownPowerLimitMW * 1e6 : Infinity,
    deliveredPriceUsdPerKg: toSchedule(file.deliveredPriceUsdPerKg),
    maxImportKgPerS:
      file.maxImportKgPerYear !== undefined
        ? toSchedule(file.maxImportKgPerYear, 1 / SECONDS_PER_JULIAN_YEAR)
        : null,
    productivityPerS,
    growthMode: factory.growthMode,
    batchIntervalS,
    closure: toSchedule(factory.closure),
    collectorClosure: toSchedule(factory.collectorClosure),
    lossRatePerS: factory.lossRatePerYear / SECONDS_PER_JULIAN_YEAR,
    unitMassKg: factory.unitMassKg ?? null,
    learning:
      factory.learning !== undefined
        ? {
            exponent: -Math.log2(factory.learning.progressRatio),
            maxMultiplier: factory.learning.maxMultiplier,
          }
        : null,
    powerWPerKg:
      factory.specificPowerWPerKg !== undefined
        ? factory.specificPowerWPerKg * (solarFluxWM2 / SOLAR_IRRADIANCE_1AU_W_M2) * dutyCycle
        : null,
    processingEnergyJPerKg: factory.processingEnergyMJPerKg * 1e6,
    collectorProcessingEnergyJPerKg:
      (factory.collectorProcessingEnergyMJPerKg ?? factory.processingEnergyMJPerKg) * 1e6,
    processingYield: factory.processingYield,
    beamedPowerFraction: factory.beamedPowerFraction,
    replicationFraction: toSchedule(file.allocation.replicationFraction),
    switchAtFactoryMassKg: file.allocation.switchAtFactoryMassKg ?? null,
    replicationFractionAfterSwitch: file.allocation.replicationFractionAfterSwitch,
    massDriver: {
      launchSpeedMS,
      rateKgPerS: file.massDriver.rateKgPerS * availability,
      ratePerFactoryKgPerS: (file.massDriver.rateKgPerSPerTonneFactory / 1000) * availability,
      efficiency: file.massDriver.efficiency,
      energyPerKgJ: (launchSpeedMS * launchSpeedMS) / (2 * file.massDriver.efficiency),
      kineticPerKgJ: 0.5 * launchSpeedMS * launchSpeedMS,
      hyperbolicExcessMS,
    },
    targets,
  };
}

/**
 * Resolve a schema-validated growth section to SI against the scenario's shells and collector. Throws
 * InputError on a shell name that does not exist, a collector with beta >= 1 (the shells need bound orbits), or a
 * mass driver slower than the body's escape speed.
 */
export function resolveGrowth(file: GrowthFile, context: GrowthResolveContext): GrowthParams {
  const shellIndexByName = new Map<string, number>();
  context.shells.forEach((shell, index) => shellIndexByName.set(shell.name, index));
  const shellRadiiM = context.shells.map(
    (shell) => 0.5 * (shell.semiMajorAxisM[0] + shell.semiMajorAxisM[1]),
  );

  const beta = context.collector.lightnessNumber;
  try {
    effectiveMu(beta);
  } catch {
    throw new InputError(
      `gives a lightness number beta = ${beta.toFixed(3)} >= 1, but the growth model's shells ` +
        `(${context.shells.map((shell) => JSON.stringify(shell.name)).join(', ')}) need bound heliocentric orbits; ` +
        `areal density must exceed ${(beta * context.collector.arealDensityKgM2 * 1000).toFixed(3)} g/m^2, ` +
        `got ${context.collector.arealDensityKgM2} kg/m^2`,
      'collector.arealDensityKgM2',
    );
  }

  return {
    sites: file.sites.map((site, index) =>
      resolveSite(
        site,
        index,
        shellIndexByName,
        shellRadiiM,
        context.shells.map((shell) => shell.name),
        context.collector,
      ),
    ),
    shellNames: context.shells.map((shell) => shell.name),
    shellRadiiM,
    collectorLightnessNumber: beta,
    maxCoverageFraction: file.limits.maxCoverageFraction,
  };
}

/** Validate a raw growth section (parsed JSON) and resolve it. Throws InputError listing every bad field. */
export function growthFromObject(input: unknown, context: GrowthResolveContext): GrowthParams {
  const parsed = growthSchema.safeParse(input);
  if (!parsed.success) {
    const text = describeIssues(parsed.error, input)
      .split('\n')
      .map((line) => `growth.${line}`)
      .join('\n');
    throw new InputError(`the growth section is not valid:\n${text}`);
  }
  return resolveGrowth(parsed.data, context);
}
