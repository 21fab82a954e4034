/**
 * The world: a scenario turned into cohorts and tracers once, then `snapshot(t)` for any t in any order.
 * Nothing here depends on an earlier snapshot having been computed (random access in time).
 */
import { AU_M, SOLAR_IRRADIANCE_1AU_W_M2, SOLAR_LUMINOSITY_W, SOLAR_RADIUS_M } from './constants.ts';
import { InputError, requireFinite } from './errors.ts';
import { countAtOrBelow } from './numeric/search.ts';
import { propagateCpu64 } from './propagate/cpu64.ts';
import { earthHeliocentricEclipticM } from './geometry/earthPosition.ts';
import { shellSums } from './propagate/shellSums.ts';
import { tracerTablePrefix } from './propagate/tracerTable.ts';
import type { Scenario } from './scenario/resolve.ts';
import type { Cohort } from './swarm/cohort.ts';
import { cohortsFromSchedule, scheduledOnStationByShell } from './swarm/schedule.ts';
import { buildSwarm, type FormationSpec, type HubFormationSpec, type Swarm } from './swarm/tracers.ts';
import { hubElements } from './swarm/hubOrbit.ts';
import { integrateGrowth, type GrowthHistory } from './growth/integrate.ts';
import { interceptedPowerW } from './geometry/shading.ts';
import { growthStateAt, type GrowthState } from './growth/state.ts';
import { energyLedgerAt, type EnergyLedger } from './energy/ledger.ts';
import { hopGeometryAt, hopGeometryWarnings } from './energy/hopGeometry.ts';
import { keplerToState, propagateElements } from './orbit/state.ts';
import { buildEarthSegment, type EarthSegment } from './earth/resolve.ts';
import { planetarySecularModes } from './dynamics/laplaceLagrange.ts';
import { propagateSecularCpu64 } from './dynamics/secularPropagate.ts';
import { secularTable } from './dynamics/secularTracers.ts';
import { earthSegmentAt, type EarthSegmentState } from './earth/segment.ts';
import { groundInputsOf } from './groundInputs.ts';
import { groundStateAt, type GroundState } from './ground/at.ts';

export interface WorldOptions {
  /** Tracer budget; defaults to the scenario's. */
  readonly tracers?: number;
  /** Seed of the tracer sampler; defaults to the scenario's. */
  readonly seed?: number;
  /**
   * The span snapshots will be asked for, TDB s. The growth model is integrated once over the scenario's span
   * widened to this one, so snapshots outside the scenario's own dates still have a growth state.
   */
  readonly spanTdbS?: readonly [from: number, to: number];
  /** Drop power satellites whose element sets satellite.js refuses, instead of stopping (the CLI flag). */
  readonly skipBadSatellites?: boolean;
  /** Sampling step of the eclipse-loss integral, s (default: the scenario's earth.eclipseResolution). */
  readonly eclipseResolutionS?: number;
}

/** The aggregates of the swarm at one instant. Immutable; SI units. */
export interface Snapshot {
  /** TDB seconds past J2000. */
  readonly tdbS: number;
  /**
   * Real collectors on station: the fixed schedule's (its uniform streams, one flight after launch) plus the growth
   * model's (GrowthState collectorsOnStation), exact at any t (sim/swarm/schedule.ts scheduledOnStationByShell,
   * sim/growth/state.ts). The tracers on station are scaled to it shell by shell (World.tracerWeightScaleAt).
   */
  readonly collectorCount: number;
  /** Tracers on station. */
  readonly tracerCount: number;
  readonly collectorAreaM2: number;
  readonly massInOrbitKg: number;
  /**
   * Sunlight falling on the collectors, W: sum of weight * area * S(1 au) * (1 au / r)^2, reduced by each shell's
   * shading factor (inner shells shade outer ones; never more than the Sun sends out; sim/geometry/shading.ts).
   */
  readonly interceptedSunlightW: number;
  /** Electrical power captured, W: intercepted sunlight * conversion efficiency * degradation. */
  readonly capturedPowerW: number;
  /** capturedPowerW / L_sun (IAU 2015 nominal luminosity). */
  readonly solarLuminosityFraction: number;
  /** The growth model's state (factories, imports, ledgers), when the scenario has one. */
  readonly growth: GrowthState | undefined;
  /** The energy ledger: beamed, received, delivered to compute and grid, and what the compute buys. */
  readonly energy: EnergyLedger | undefined;
  /** The power satellites and rectennas around the Earth at t, when the scenario has an earth section. */
  readonly earth: EarthSegmentState | undefined;
  /**
   * The Earth-side ledger (sim/ground): AI's electricity demand, what each source supplies of it (the sky's share
   * from this snapshot's energy ledger and Earth segment), cost and CO2 per successful task, rectenna heat, and the
   * charter's warnings; when the scenario has a ground section.
   */
  readonly ground: GroundState | undefined;
  /**
   * Collectors in front of the solar disc as seen from the Earth's centre (sim/geometry/sunward.ts
   * isSunwardOfEarth, summed by sim/propagate/shellSums.ts): those that can dim the Sun for the Earth.
   */
  readonly collectorsSunwardOfEarth: number;
  /**
   * Fraction of the Sun's light those collectors take from the Earth: 1 - exp(-sum(A / d^2) / Omega_sun), with d
   * each one's distance from the Earth and Omega_sun = pi (R_sun / |Sun - Earth|)^2 the solar disc's solid angle
   * (randomly overlapping screens, as in the shading model). Valid where d * (R_sun / au) exceeds the Earth's
   * radius (d > ~0.01 au), so the whole Earth sees the same transit; collectors nearer the Earth are rare.
   */
  readonly earthDimmingFraction: number;
  /**
   * Compute nodes flying among the collectors: for each compute link whose last receivers are `cluster`
   * (sim/energy/placement.ts), the collectors feeding it (collectorCount x share) over collectorsPerReceiver.
   * 0 when no compute link places its nodes in the swarm. Fractional while the swarm is smaller than one cluster.
   */
  readonly computeNodeCount: number;
}

export interface World {
  readonly scenario: Scenario;
  readonly swarm: Swarm;
  /** The integrated growth model, when the scenario has one. */
  readonly growthHistory: GrowthHistory | undefined;
  /** The resolved Earth segment (power satellites, rectennas), when the scenario has one. */
  readonly earth: EarthSegment | undefined;
  readonly seed: number;
  /** The snapshot at t, with positions from the float64 reference propagator (sim/propagate/cpu64.ts). */
  snapshot(tdbS: number): Snapshot;
  /** How many tracers are on station at t: they are the first ones of the table. */
  tracersOnStationAt(tdbS: number): number;
  /**
   * Real collectors on station at t, per shell (fresh array): the schedule's plus the growth model's; their sum is
   * the snapshot's collectorCount.
   */
  collectorsOnStationByShell(tdbS: number): Float64Array;
  /**
   * Per shell (fresh array), the factor that turns the nominal weights (table.weight) of the tracers on station at
   * t into the collectors on station: collectorsOnStationByShell / (sum of those weights); 0 for a shell with no
   * tracer on station. A tracer stands for weight x scale real collectors at t.
   */
  tracerWeightScaleAt(tdbS: number): Float64Array;
  /**
   * The snapshot at t from positions another propagator computed (sim/propagate/backend.ts): `positionsM` holds
   * the heliocentric ecliptic-J2000 positions, m, xyz interleaved, of at least the tracers on station at t.
   */
  snapshotFromPositions(tdbS: number, positionsM: Float64Array | Float32Array): Snapshot;
  /**
   * Heliocentric ecliptic-J2000 positions of the tracers on station at t, m, xyz interleaved, written into `out`
   * (length >= 3 * table.count). Returns how many tracers were written (a prefix of the table).
   */
  positionsAt(tdbS: number, out: Float64Array): number;
}

/**
 * The formations the collectors fly (sim/swarm/formation.ts): those of the first link whose first hop is received in
 * a cluster, with its collectorsPerReceiver and its hop distance as the cluster radius; none without such a link.
 */
function scenarioFormation(scenario: Scenario): FormationSpec | undefined {
  for (const link of scenario.energy?.links ?? []) {
    const hop = link.hops[0];
    const at = hop?.receiverAt;
    if (hop !== undefined && at?.kind === 'cluster') {
      return { collectorsPerFormation: at.collectorsPerReceiver, radiusM: hop.link.distanceM };
    }
  }
  return undefined;
}

/**
 * The collectors that fly with Lagrange-point hubs (sim/swarm/hubOrbit.ts), from the energy section's feeders;
 * none without them. Refused (InputError naming the field) when the shell is unknown or its ranges do not hold the
 * hubs' orbits (checked at the scenario's start: a, e and i move by parts in 1e5 over the run).
 */
function scenarioHubs(scenario: Scenario): HubFormationSpec | undefined {
  const feeders = scenario.energy?.hubFeeders ?? null;
  if (feeders === null) return undefined;
  const field = `energy.links[${feeders.linkIndex}].hops[0].receiverAt.feeders.shell`;
  const shellIndex = scenario.shells.findIndex((shell) => shell.name === feeders.shell);
  const shell = scenario.shells[shellIndex];
  if (shell === undefined) {
    const names = scenario.shells.map((s) => JSON.stringify(s.name)).join(', ');
    throw new InputError(
      `must name one of the shells (${names}), got ${JSON.stringify(feeders.shell)}`,
      field,
    );
  }
  const inside = (x: number, [min, max]: readonly [number, number]): boolean => x >= min && x <= max;
  for (const point of feeders.points) {
    const el = hubElements(point, scenario.fromTdbS, scenario.collector.muEffM3S2);
    if (
      !inside(el.semiMajorAxisM, shell.semiMajorAxisM) ||
      !inside(el.eccentricity, shell.eccentricity) ||
      !inside(el.inclinationRad, shell.inclinationRad)
    ) {
      throw new InputError(
        `the hub at Sun-Earth ${point} flies at a = ${(el.semiMajorAxisM / AU_M).toFixed(5)} au, e = ` +
          `${el.eccentricity.toFixed(4)}, i = ${((el.inclinationRad * 180) / Math.PI).toFixed(4)} deg, outside ` +
          `shell ${JSON.stringify(shell.name)}'s ranges: its feeders must come from a shell that holds that orbit`,
        field,
      );
    }
  }
  return {
    shellIndex,
    collectorShare: feeders.collectorShare,
    points: feeders.points,
    radiusM: feeders.radiusM,
  };
}

/** The swarm's cohorts: the fixed deployment schedule's, then the growth model's. */
export function scenarioCohorts(scenario: Scenario, growthHistory: GrowthHistory | undefined): Cohort[] {
  const scheduled = cohortsFromSchedule(scenario.campaigns, scenario.cohortS);
  return growthHistory === undefined ? scheduled : [...scheduled, ...growthHistory.cohorts];
}

/** Integrate the scenario's growth model once over its span widened to `span`. */
function integrateScenarioGrowth(
  scenario: Scenario,
  span: readonly [number, number] | undefined,
): GrowthHistory | undefined {
  if (scenario.growth === undefined) return undefined;
  const fromTdbS = Math.min(scenario.fromTdbS, span?.[0] ?? Infinity);
  const toTdbS = Math.max(scenario.toTdbS, span?.[1] ?? -Infinity);
  return integrateGrowth(scenario.growth, { ...scenario, fromTdbS, toTdbS });
}

/** Build the scenario's Earth segment over its span widened to the run's (element sets are checked here). */
function buildScenarioEarth(scenario: Scenario, options: WorldOptions): EarthSegment | undefined {
  if (scenario.earth === undefined) return undefined;
  return buildEarthSegment(scenario.earth, {
    fromTdbS: Math.min(scenario.fromTdbS, options.spanTdbS?.[0] ?? Infinity),
    toTdbS: Math.max(scenario.toTdbS, options.spanTdbS?.[1] ?? -Infinity),
    ...(options.skipBadSatellites === undefined ? {} : { skipBadSatellites: options.skipBadSatellites }),
    ...(options.eclipseResolutionS === undefined ? {} : { eclipseResolutionS: options.eclipseResolutionS }),
  });
}

/** Compute nodes per collector: the sum over compute links ending in a `cluster` of share / collectorsPerReceiver. */
function clusterComputeNodesPerCollector(scenario: Scenario): number {
  let perCollector = 0;
  for (const link of scenario.energy?.links ?? []) {
    const last = link.hops[link.hops.length - 1]?.receiverAt;
    if (link.destination === 'compute' && last?.kind === 'cluster') {
      perCollector += link.share / last.collectorsPerReceiver;
    }
  }
  return perCollector;
}

export function createWorld(scenario: Scenario, options: WorldOptions = {}): World {
  const tracers = options.tracers ?? scenario.tracers;
  const seed = options.seed ?? scenario.seed;
  if (!Number.isInteger(tracers) || tracers < 1)
    throw new InputError(`must be an integer >= 1, got ${tracers}`, 'tracers');
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 32 - 1) {
    throw new InputError(`must be an integer in [0, 4294967295], got ${seed}`, 'seed');
  }
  const growthHistory = integrateScenarioGrowth(scenario, options.spanTdbS);
  const earth = buildScenarioEarth(scenario, options);
  const swarm = buildSwarm(
    scenarioCohorts(scenario, growthHistory),
    scenario.shells,
    scenario.collector,
    tracers,
    seed,
    scenarioFormation(scenario),
    scenarioHubs(scenario),
  );
  // Per tracer: whether it flies with a hub (its power and count go to the hubs' links).
  const tracerIsHubFeeder = new Uint8Array(swarm.table.count);
  swarm.tracerFormation.forEach((f, k) => {
    if (f >= 0 && (swarm.formationNodes[f]?.hub ?? null) !== null) tracerIsHubFeeder[k] = 1;
  });
  const { table } = swarm;
  const positionM = new Float64Array(3 * table.count);
  const { collector } = scenario;
  const shellCount = scenario.shells.length;
  const shellWeight = new Float64Array(shellCount);
  const shellSunlight = new Float64Array(shellCount);
  const shellDegradedSunlight = new Float64Array(shellCount);
  const sums = {
    weight: shellWeight,
    sunlight: shellSunlight,
    degradedSunlight: shellDegradedSunlight,
    sunward: new Float64Array(2),
    sunwardByShell: new Float64Array(2 * shellCount),
  };
  const shellCollectors = new Float64Array(shellCount);
  const shellScale = new Float64Array(shellCount);
  const shellAreaM2 = new Float64Array(shellCount);
  const shellRadiusM = new Float64Array(shellCount);
  const shellShadedW = new Float64Array(shellCount);
  const computeNodesPerCollector = clusterComputeNodesPerCollector(scenario);
  // The planets' secular perturbations, when the scenario asks for them (sim/dynamics/secularTracers.ts).
  const secular = scenario.secularPerturbations ? secularTable(table, planetarySecularModes()) : undefined;
  /** The reference positions of the first `count` tracers at t: two-body, or secular when asked. */
  function referencePositions(tdbS: number, count: number, out: Float64Array): void {
    const prefix = tracerTablePrefix(table, count);
    if (secular === undefined) propagateCpu64(prefix, tdbS, out);
    else propagateSecularCpu64(prefix, secular, tdbS, out);
  }

  function tracersOnStationAt(tdbS: number): number {
    if (!Number.isFinite(tdbS)) throw new InputError(`must be a finite TDB time, got ${tdbS}`, 'tdbS');
    return countAtOrBelow(table.stationTdbS, tdbS);
  }

  /** Collectors on station at t per shell into `collectors`; returns the growth state at t (none without growth). */
  function onStation(tdbS: number, collectors: Float64Array): GrowthState | undefined {
    collectors.fill(0);
    scheduledOnStationByShell(scenario.campaigns, tdbS, collectors);
    const growth = growthHistory === undefined ? undefined : growthStateAt(growthHistory, tdbS);
    growth?.collectorsOnStationByShell.forEach((n, s) => {
      collectors[s] = (collectors[s] ?? 0) + n;
    });
    return growth;
  }

  /**
   * Per shell, collectors on station over the nominal weight of its tracers on station (0 where none is, which
   * does not happen while it has collectors on station: a cohort's first tracer arrives with its first collector,
   * sim/swarm/tracers.ts; tests/collectorCount.test.ts checks it).
   */
  function weightScales(collectors: Float64Array, nominalWeight: Float64Array, out: Float64Array): void {
    for (let s = 0; s < shellCount; s += 1) {
      const weight = nominalWeight[s] ?? 0;
      out[s] = weight > 0 ? (collectors[s] ?? 0) / weight : 0;
    }
  }

  function collectorsOnStationByShell(tdbS: number): Float64Array {
    requireFinite(tdbS, 'tdbS');
    const collectors = new Float64Array(shellCount);
    onStation(tdbS, collectors);
    return collectors;
  }

  function tracerWeightScaleAt(tdbS: number): Float64Array {
    const tracerCount = tracersOnStationAt(tdbS);
    // The nominal weights on station, added per shell in table order as shellSums adds them.
    const nominal = new Float64Array(shellCount);
    for (let k = 0; k < tracerCount; k += 1) {
      const s = table.shellIndex[k] as number;
      nominal[s] = (nominal[s] as number) + (table.weight[k] as number);
    }
    const scale = new Float64Array(shellCount);
    weightScales(collectorsOnStationByShell(tdbS), nominal, scale);
    return scale;
  }

  function snapshot(tdbS: number): Snapshot {
    const tracerCount = tracersOnStationAt(tdbS);
    referencePositions(tdbS, tracerCount, positionM);
    return aggregate(tdbS, tracerCount, positionM);
  }

  function snapshotFromPositions(tdbS: number, positionsM: Float64Array | Float32Array): Snapshot {
    const tracerCount = tracersOnStationAt(tdbS);
    if (positionsM.length < 3 * tracerCount) {
      throw new InputError(
        `must hold ${3 * tracerCount} values (3 per tracer on station), got ${positionsM.length}`,
        'positionsM',
      );
    }
    return aggregate(tdbS, tracerCount, positionsM);
  }

  /** The aggregates at t from the heliocentric positions (m, xyz interleaved) of the first `tracerCount` tracers. */
  function aggregate(tdbS: number, tracerCount: number, positionsM: Float64Array | Float32Array): Snapshot {
    const growth = onStation(tdbS, shellCollectors);
    let collectorCount = 0;
    for (let s = 0; s < shellCount; s += 1) collectorCount += shellCollectors[s] ?? 0;
    const earthM = earthHeliocentricEclipticM(tdbS);
    // Per shell: the weight, the unshaded sunlight sum(weight / r^2) (in units of one collector at 1 au) and its
    // degraded counterpart; and the weight and solid angle of the collectors sunward of the Earth.
    shellSums(
      positionsM,
      tracerCount,
      table,
      tdbS,
      earthM,
      collector.unitAreaM2,
      collector.degradationRatePerS,
      sums,
    );
    // The tracers' nominal weights scaled, shell by shell, to the collectors on station.
    weightScales(shellCollectors, shellWeight, shellScale);
    let sunwardWeight = 0;
    let sunwardSolidAngle = 0;
    for (let s = 0; s < shellCount; s += 1) {
      const scale = shellScale[s] ?? 0;
      shellWeight[s] = shellCollectors[s] ?? 0;
      shellSunlight[s] = (shellSunlight[s] ?? 0) * scale;
      shellDegradedSunlight[s] = (shellDegradedSunlight[s] ?? 0) * scale;
      sunwardWeight += (sums.sunwardByShell[2 * s] ?? 0) * scale;
      sunwardSolidAngle += (sums.sunwardByShell[2 * s + 1] ?? 0) * scale;
    }
    const sunDistance2 = earthM[0] ** 2 + earthM[1] ** 2 + earthM[2] ** 2;
    const solarDiscSolidAngle = (Math.PI * SOLAR_RADIUS_M * SOLAR_RADIUS_M) / sunDistance2;
    // Then each shell's shading factor (sim/geometry/shading.ts, Beer-Lambert from the Sun outwards).
    const perTracerSunlightW = collector.unitAreaM2 * SOLAR_IRRADIANCE_1AU_W_M2;
    for (let s = 0; s < shellCount; s += 1) {
      const weight = shellWeight[s] ?? 0;
      const sunlight = shellSunlight[s] ?? 0;
      shellAreaM2[s] = weight * collector.unitAreaM2;
      // The radius at which the shell's area would receive the same unshaded sunlight.
      shellRadiusM[s] = sunlight > 0 ? AU_M * Math.sqrt(weight / sunlight) : AU_M;
    }
    interceptedPowerW(shellRadiusM, shellAreaM2, shellShadedW);
    let intercepted = 0;
    let degradedIntercepted = 0;
    for (let s = 0; s < shellCount; s += 1) {
      const unshadedW = (shellSunlight[s] ?? 0) * perTracerSunlightW;
      const factor = unshadedW > 0 ? Math.min(1, (shellShadedW[s] ?? 0) / unshadedW) : 0;
      shellShadedW[s] = factor;
      intercepted += (shellSunlight[s] ?? 0) * factor;
      degradedIntercepted += (shellDegradedSunlight[s] ?? 0) * factor;
    }
    const capturedPowerW = degradedIntercepted * perTracerSunlightW * collector.conversionEfficiency;
    // The hubs' feeders: their collectors and the electricity they capture, each tracer's term as shellSums adds
    // it (weight / r^2 x degradation), scaled and shaded as its shell is (shellShadedW now holds the factors).
    let hubFeederCount = 0;
    let hubDegraded = 0;
    for (let k = 0; k < tracerCount; k += 1) {
      if (tracerIsHubFeeder[k] !== 1) continue;
      const s = table.shellIndex[k] as number;
      const w = (table.weight[k] as number) * (shellScale[s] ?? 0);
      const r =
        Math.hypot(
          positionsM[3 * k] as number,
          positionsM[3 * k + 1] as number,
          positionsM[3 * k + 2] as number,
        ) / AU_M;
      hubFeederCount += w;
      hubDegraded +=
        (w / (r * r)) *
        (shellShadedW[s] ?? 0) *
        Math.exp(-collector.degradationRatePerS * (tdbS - (table.stationTdbS[k] as number)));
    }
    const hubFeedersCapturedPowerW = Math.min(
      capturedPowerW,
      hubDegraded * perTracerSunlightW * collector.conversionEfficiency,
    );
    const interceptedSunlightW = intercepted * perTracerSunlightW;
    const earthState =
      earth === undefined ? undefined : earthSegmentAt(earth, tdbS, { skipHeliocentric: true });
    const energy =
      scenario.energy === undefined
        ? undefined
        : withGeometryWarnings(
            energyLedgerAt(scenario.energy, tdbS, {
              interceptedSunlightW,
              capturedPowerW,
              hubFeedersCapturedPowerW,
              ...(earthState === undefined ? {} : { earthGridDeliveredW: earthState.deliveredPowerGridW }),
            }),
            tracerCount,
            positionsM,
          );
    return {
      tdbS,
      collectorCount,
      tracerCount,
      collectorAreaM2: collectorCount * collector.unitAreaM2,
      massInOrbitKg: collectorCount * collector.unitMassKg,
      interceptedSunlightW,
      capturedPowerW,
      solarLuminosityFraction: capturedPowerW / SOLAR_LUMINOSITY_W,
      growth,
      energy,
      earth: earthState,
      ground:
        scenario.ground === undefined
          ? undefined
          : groundStateAt(
              scenario.ground,
              tdbS,
              groundInputsOf(scenario, earth, { growth, energy, earthState }),
            ),
      collectorsSunwardOfEarth: sunwardWeight,
      earthDimmingFraction: -Math.expm1(-sunwardSolidAngle / solarDiscSolidAngle),
      // The compute links are fed by the collectors that do not fly with the hubs.
      computeNodeCount: (collectorCount - hubFeederCount) * computeNodesPerCollector,
    };
  }

  /**
   * The ledger with the hop-geometry warnings of this instant added (sim/energy/hopGeometry.ts): each hop's stated
   * distance against the places and the tracers' positions, a tracer standing for weight x shell scale collectors.
   */
  function withGeometryWarnings(
    ledger: EnergyLedger,
    tracerCount: number,
    positionsM: Float64Array | Float32Array,
  ): EnergyLedger {
    const energy = scenario.energy;
    if (energy === undefined) return ledger;
    const weights = new Float64Array(tracerCount);
    for (let k = 0; k < tracerCount; k += 1) {
      weights[k] = (table.weight[k] as number) * (shellScale[table.shellIndex[k] as number] ?? 0);
    }
    const mu = collector.muEffM3S2;
    const nodePositionsM = new Float64Array(3 * swarm.formationNodes.length);
    swarm.formationNodes.forEach((node, f) => {
      const p = keplerToState(
        propagateElements(node.elements, mu, ledger.tdbS - node.epochTdbS),
        mu,
      ).positionM;
      nodePositionsM.set(p, 3 * f);
    });
    const formations =
      swarm.formationNodes.length === 0
        ? {}
        : {
            formations: {
              ofTracer: swarm.tracerFormation,
              nodePositionsM,
              nodeHub: swarm.formationNodes.map((node) => node.hub),
            },
          };
    const warnings = hopGeometryWarnings(
      hopGeometryAt(energy, ledger.tdbS, { count: tracerCount, positionsM, weights, ...formations }),
    );
    return warnings.length === 0 ? ledger : { ...ledger, warnings: [...ledger.warnings, ...warnings] };
  }

  function positionsAt(tdbS: number, out: Float64Array): number {
    const tracerCount = tracersOnStationAt(tdbS);
    referencePositions(tdbS, tracerCount, out);
    return tracerCount;
  }

  return {
    scenario,
    swarm,
    growthHistory,
    earth,
    seed,
    snapshot,
    collectorsOnStationByShell,
    tracerWeightScaleAt,
    tracersOnStationAt,
    snapshotFromPositions,
    positionsAt,
  };
}
