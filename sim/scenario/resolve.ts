/**
 * Validated scenario file -> the SI scenario that sim/ computes with. All unit conversions of scenario data
 * happen here, once, for every section (collector, shells, deployment, growth, energy, earth): au -> m,
 * degrees -> rad, ISO dates -> TDB seconds past J2000, per-year -> per-second.
 */
import {
  AU_M,
  GM_SUN_M3_S2,
  SECONDS_PER_DAY,
  SECONDS_PER_JULIAN_YEAR,
  SOLAR_RADIUS_M,
} from '../constants.ts';
import { parseStep, type Step } from '../duration.ts';
import { InputError } from '../errors.ts';
import { effectiveMu, lightnessNumber } from '../orbit/radiationPressure.ts';
import { isoToTdbS } from '../time.ts';
import type { CollectorSpecFile, ScenarioFile, ShellSpecFile } from './schema.ts';
import { billArealDensityKgM2, type CollectorPart, type CollectorSpec } from '../swarm/collector.ts';
import type { Campaign } from '../swarm/schedule.ts';
import type { Range, ShellSpec } from '../swarm/shell.ts';
import type { GrowthParams } from '../growth/params.ts';
import { resolveGrowth } from '../growth/resolve.ts';
import { resolveEnergy, type EnergyParams } from '../energy/resolve.ts';
import { checkCollectorTransmitters } from '../energy/transmitters.ts';
import { resolveEarthSpec, type EarthSpec } from '../earth/resolve.ts';
import { resolveGround, type GroundParams } from '../ground/resolve.ts';

export interface Scenario {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly sources: readonly string[];
  readonly fromTdbS: number;
  readonly toTdbS: number;
  /** Default output step (the file's `step`), or undefined for the run's default (one calendar year). */
  readonly step: Step | undefined;
  readonly seed: number;
  readonly tracers: number;
  readonly cohortS: number;
  readonly collector: CollectorSpec;
  readonly shells: readonly ShellSpec[];
  readonly campaigns: readonly Campaign[];
  /** The in-situ growth model's parameters (SI), when the scenario has a `growth` section. */
  readonly growth: GrowthParams | undefined;
  /** The beaming links and compute nodes (SI), when the scenario has an `energy` section. */
  readonly energy: EnergyParams | undefined;
  /** The power satellites and rectennas (SI), when the scenario has an `earth` section; the world builds their
   * orbits for the run's span (sim/earth/resolve.ts buildEarthSegment). */
  readonly earth: EarthSpec | undefined;
  /** The Earth-side ledger of AI's electricity (SI), when the scenario has a `ground` section. */
  readonly ground: GroundParams | undefined;
  /**
   * Positions under the planets' secular perturbations (the file's dynamics.secularPerturbations; default false):
   * World.snapshot and positionsAt use sim/dynamics/secularPropagate.ts, and a run takes its positions from them.
   */
  readonly secularPerturbations: boolean;
  /** The validated file this was resolved from (for `scenario show` and for the browser's editor). */
  readonly file: ScenarioFile;
}

/** Closest perihelion allowed, m: three solar radii keeps every orbit clear of the corona's densest part. */
export const MIN_PERIHELION_M = 3 * SOLAR_RADIUS_M;

const DEG = Math.PI / 180;

/**
 * The scenario's collector section as a bill of materials: its own parts, or the single areal density as one
 * `all-in` part (which names no transmitter, so a scenario that beams from its collectors must list the parts).
 */
export function collectorParts(file: CollectorSpecFile): readonly CollectorPart[] {
  if (file.billOfMaterials !== undefined) return file.billOfMaterials;
  // The schema has checked that exactly one of the two is given.
  return [
    {
      name: 'whole collector',
      kind: 'all-in',
      arealDensityKgM2: file.arealDensityKgM2 as number,
      source: 'collector.arealDensityKgM2',
    },
  ];
}

/** The scenario's collector section -> the one CollectorSpec (SI). Throws InputError when beta >= 1. */
export function resolveCollector(file: CollectorSpecFile): CollectorSpec {
  const parts = collectorParts(file);
  const arealDensityKgM2 = billArealDensityKgM2(parts);
  const field =
    file.billOfMaterials === undefined ? 'collector.arealDensityKgM2' : 'collector.billOfMaterials';
  const beta = lightnessNumber(arealDensityKgM2, file.reflectivity);
  if (beta >= 1) {
    // effectiveMu would refuse it too; here the message speaks of the scenario's own field.
    throw new InputError(
      `gives a lightness number beta = ${beta.toFixed(3)} >= 1: radiation pressure would match or beat solar ` +
        `gravity, so there is no bound orbit (a statite or an escape); use more than ` +
        `${(beta * arealDensityKgM2 * 1000).toFixed(3)} g/m^2, got ${arealDensityKgM2} kg/m^2`,
      field,
    );
  }
  const muEffM3S2 = effectiveMu(beta, GM_SUN_M3_S2);
  return {
    unitAreaM2: file.unitAreaM2,
    parts,
    arealDensityKgM2,
    unitMassKg: file.unitAreaM2 * arealDensityKgM2,
    conversionEfficiency: file.conversionEfficiency,
    reflectivity: file.reflectivity,
    degradationRatePerS: -Math.log1p(-file.degradationPerYear) / SECONDS_PER_JULIAN_YEAR,
    lightnessNumber: beta,
    muEffM3S2,
  };
}

function resolveShell(file: ShellSpecFile, index: number): ShellSpec {
  const [aMinAu] = file.semiMajorAxisAu;
  const [, eMax] = file.eccentricity;
  const perihelionM = aMinAu * AU_M * (1 - eMax);
  if (perihelionM < MIN_PERIHELION_M) {
    throw new InputError(
      `smallest perihelion a(1-e) = ${(perihelionM / AU_M).toFixed(4)} au is inside 3 solar radii ` +
        `(${(MIN_PERIHELION_M / AU_M).toFixed(4)} au); raise semiMajorAxisAu[0] or lower eccentricity[1]`,
      `shells[${index}]`,
    );
  }
  const scale = (range: readonly [number, number], factor: number): Range => [
    range[0] * factor,
    range[1] * factor,
  ];
  return {
    name: file.name,
    semiMajorAxisM: scale(file.semiMajorAxisAu, AU_M),
    eccentricity: [file.eccentricity[0], file.eccentricity[1]],
    inclinationRad: scale(file.inclinationDeg, DEG),
    ascendingNodeRad: scale(file.ascendingNodeDeg, DEG),
    argPeriapsisRad: scale(file.argPeriapsisDeg, DEG),
  };
}

/** Resolve a schema-validated scenario file to SI, checking what spans several fields. Throws InputError. */
export function resolveScenario(file: ScenarioFile): Scenario {
  const fromTdbS = isoToTdbS(file.from);
  const toTdbS = isoToTdbS(file.to);
  if (!(toTdbS > fromTdbS))
    throw new InputError(`must be after from (${file.from}), got ${JSON.stringify(file.to)}`, 'to');

  const names = new Map<string, number>();
  file.shells.forEach((shell, index) => {
    if (names.has(shell.name)) {
      throw new InputError(`duplicate shell name ${JSON.stringify(shell.name)}`, `shells[${index}].name`);
    }
    names.set(shell.name, index);
  });

  const campaigns = file.deployment.map((campaign, index): Campaign => {
    const shellIndex = names.get(campaign.shell);
    if (shellIndex === undefined) {
      throw new InputError(
        `must name one of the shells (${[...names.keys()].map((n) => JSON.stringify(n)).join(', ')}), ` +
          `got ${JSON.stringify(campaign.shell)}`,
        `deployment[${index}].shell`,
      );
    }
    const startTdbS = isoToTdbS(campaign.start);
    const endTdbS = isoToTdbS(campaign.end);
    if (!(endTdbS > startTdbS)) {
      throw new InputError(
        `must be after start (${campaign.start}), got ${JSON.stringify(campaign.end)}`,
        `deployment[${index}].end`,
      );
    }
    return {
      shellIndex,
      startTdbS,
      endTdbS,
      collectorsPerS: campaign.collectorsPerYear / SECONDS_PER_JULIAN_YEAR,
      transferS: campaign.transferDays * SECONDS_PER_DAY,
    };
  });

  const collector = resolveCollector(file.collector);
  const shells = file.shells.map(resolveShell);
  const growth = file.growth === undefined ? undefined : resolveGrowth(file.growth, { collector, shells });
  const energy = file.energy === undefined ? undefined : resolveEnergy(file.energy, 'energy');
  if (energy !== undefined) checkCollectorTransmitters(energy.links, collector.parts, 'energy');
  const earth = file.earth === undefined ? undefined : resolveEarthSpec(file.earth);
  const ground = file.ground === undefined ? undefined : resolveGround(file.ground, 'ground');
  return {
    name: file.name,
    title: file.title,
    description: file.description,
    sources: file.sources,
    fromTdbS,
    toTdbS,
    step: file.step === undefined ? undefined : parseStep(file.step, 'step'),
    seed: file.seed,
    tracers: file.tracers,
    cohortS: file.cohortDays * SECONDS_PER_DAY,
    collector,
    shells,
    campaigns,
    growth,
    energy,
    earth,
    ground,
    secularPerturbations: file.dynamics?.secularPerturbations ?? false,
    file,
  };
}
