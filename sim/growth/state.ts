/**
 * Random access to the integrated growth model: the state at any time t, by cubic Hermite interpolation between
 * the two recorded samples around t, from their values and their time derivatives (no re-integration; error
 * O(h^4) like the integrator, where linear interpolation would be O(h^2), about 1e-6 for one-day steps of a
 * one-year e-folding). The interpolant is linear in the samples and the derivatives obey the same ledgers as the
 * values, so the mass and energy ledgers balance at any t exactly as they do at the samples. Captured power is
 * interpolated linearly; binding limits are read from the sample at or before t.
 */
import { SECONDS_PER_JULIAN_YEAR } from '../constants.ts';
import { InputError, requireFinite } from '../errors.ts';
import { hermiteWeights } from '../numeric/hermite.ts';
import { countAtOrBelow } from '../numeric/search.ts';
import type { GrowthHistory } from './integrate.ts';
import { GLOBAL, PATH, SITE } from './layout.ts';
import { BINDING_LIMITS, type BindingLimit } from './rates.ts';

/** The mass ledger, kg: sources (mined + imported) = sinks (the other seven). */
export interface MassLedger {
  readonly minedKg: number;
  readonly importedKg: number;
  /** Working factories plus factories under construction. */
  readonly inFactoriesKg: number;
  readonly inCollectorsOnStationKg: number;
  readonly inTransitKg: number;
  /** Propellant and thrusters launched with the collectors (propellant burnt in flight included). */
  readonly inPropulsionKg: number;
  readonly lossesKg: number;
  readonly wasteKg: number;
  /** (mined + imported) - (sum of the sinks): zero up to rounding. */
  readonly residualKg: number;
}

/** The construction energy ledger, J: available = processing + launch kinetic + launch losses + curtailed. */
export interface EnergyLedger {
  readonly availableJ: number;
  readonly processingJ: number;
  readonly launchKineticJ: number;
  readonly launchLossJ: number;
  readonly curtailedJ: number;
  /** Energy invested in construction: processing + launch (kinetic + losses). */
  readonly investedJ: number;
  /** Electrical energy captured by the swarm so far. */
  readonly capturedJ: number;
  /** available - (processing + launch kinetic + launch losses + curtailed): zero up to rounding. */
  readonly residualJ: number;
}

/** Everything the growth model says about one instant. SI units, names carry them. */
export interface GrowthState {
  readonly tdbS: number;
  /** Working factory mass, all sites, kg. */
  readonly factoryMassKg: number;
  readonly factoryMassKgBySite: Readonly<Record<string, number>>;
  /** Factory mass under construction (batch growth), kg. */
  readonly factoryUnderConstructionKg: number;
  /** Working factory units at the sites that give a unit mass; null when none does. */
  readonly factoryCount: number | null;
  readonly factoryCountBySite: Readonly<Record<string, number | null>>;
  /** Mass landed from Earth (seeds, resupply and vitamins), kg, and its cost, USD. */
  readonly earthImportsKg: number;
  readonly earthImportsUsd: number;
  /** Collector mass launched, kg (the propellant and thrusters launched with them are massLedger.inPropulsionKg). */
  readonly massLaunchedKg: number;
  readonly collectorsLaunched: number;
  readonly collectorsInTransit: number;
  readonly collectorsOnStation: number;
  readonly collectorsOnStationByShell: readonly number[];
  readonly collectorMassOnStationKg: number;
  readonly collectorAreaOnStationM2: number;
  /** Sunlight intercepted by the swarm (shaded), W, and the electrical power captured, W. */
  readonly interceptedPowerW: number;
  readonly capturedPowerW: number;
  /** Energy invested in construction so far (processing + launch), J. */
  readonly energyInvestedJ: number;
  readonly energyCapturedJ: number;
  /**
   * Swarm energy payback: years the swarm needs, at its present captured power, to return all the energy
   * invested so far (Infinity while it captures nothing).
   */
  readonly energyPaybackYears: number;
  /** Whether the captured energy has already matched the invested energy. */
  readonly energyPaidBack: boolean;
  /** Payback of one new collector per (site, shell): its embodied energy over its unshaded power. */
  readonly singleCollectorPaybackYears: ReadonlyArray<{
    readonly site: string;
    readonly shell: string;
    readonly years: number;
  }>;
  /** The limit holding back the largest site's growth now. */
  readonly bindingLimit: BindingLimit;
  readonly bindingLimitBySite: Readonly<Record<string, BindingLimit>>;
  readonly massLedger: MassLedger;
  readonly energyLedger: EnergyLedger;
}

/** Index of the last sample with time <= t (samples are non-decreasing; t >= the first sample's time). */
function sampleIndex(times: Float64Array, tdbS: number): number {
  return Math.max(countAtOrBelow(times, tdbS) - 1, 0);
}

/**
 * The growth state at TDB time t (seconds past J2000), interpolated from the history. Throws InputError for a
 * non-finite t or one outside [history.fromTdbS, history.toTdbS].
 */
export function growthStateAt(history: GrowthHistory, tdbS: number): GrowthState {
  requireFinite(tdbS, 'tdbS');
  if (tdbS < history.fromTdbS || tdbS > history.toTdbS) {
    throw new InputError(
      `must be within the integrated span [${history.fromTdbS}, ${history.toTdbS}] TDB s, got ${tdbS}`,
      'tdbS',
    );
  }
  const { layout, params, collector } = history;
  const size = layout.size;
  const times = history.timesTdbS;
  const i = sampleIndex(times, tdbS);
  const j = Math.min(i + 1, history.sampleCount - 1);
  const t0 = times[i] ?? tdbS;
  const t1 = times[j] ?? tdbS;
  const dt = t1 - t0;
  const w = dt > 0 ? (tdbS - t0) / dt : 0;
  // Cubic Hermite basis (values at 0 and 1, slopes scaled by dt).
  const weights = new Float64Array(4);
  hermiteWeights(w, dt, weights);
  const h00 = weights[0] as number;
  const h10 = weights[1] as number;
  const h01 = weights[2] as number;
  const h11 = weights[3] as number;
  const { states, derivatives } = history;
  const at = (slot: number): number =>
    h00 * (states[i * size + slot] ?? 0) +
    h10 * (derivatives[i * size + slot] ?? 0) +
    h01 * (states[j * size + slot] ?? 0) +
    h11 * (derivatives[j * size + slot] ?? 0);
  const lerp = (array: Float64Array): number => (array[i] ?? 0) + ((array[j] ?? 0) - (array[i] ?? 0)) * w;

  const factoryMassKgBySite: Record<string, number> = {};
  const factoryCountBySite: Record<string, number | null> = {};
  const bindingLimitBySite: Record<string, BindingLimit> = {};
  let factoryMassKg = 0;
  let wipKg = 0;
  let factoryCount: number | null = null;
  let minedKg = 0;
  let importedKg = 0;
  let importedUsd = 0;
  let lossesKg = 0;
  let wasteKg = 0;
  let availableJ = 0;
  let processingJ = 0;
  let launchKineticJ = 0;
  let launchLossJ = 0;
  let curtailedJ = 0;
  let largestSite = -1;
  let largestMass = -Infinity;
  params.sites.forEach((site, s) => {
    const o = layout.siteOffset(s);
    const mass = at(o + SITE.factoryKg);
    factoryMassKgBySite[site.name] = mass;
    factoryMassKg += mass;
    wipKg += at(o + SITE.wipKg);
    if (site.unitMassKg !== null) {
      const units = mass / site.unitMassKg;
      factoryCountBySite[site.name] = units;
      factoryCount = (factoryCount ?? 0) + units;
    } else {
      factoryCountBySite[site.name] = null;
    }
    minedKg += at(o + SITE.minedKg);
    importedKg += at(o + SITE.importedKg);
    importedUsd += at(o + SITE.importedUsd);
    lossesKg += at(o + SITE.lossesKg);
    wasteKg += at(o + SITE.wasteKg);
    availableJ += at(o + SITE.availableJ);
    processingJ += at(o + SITE.processingJ);
    launchKineticJ += at(o + SITE.launchKineticJ);
    launchLossJ += at(o + SITE.launchLossJ);
    curtailedJ += at(o + SITE.curtailedJ);
    bindingLimitBySite[site.name] =
      BINDING_LIMITS[history.bindingCodes[i * layout.siteCount + s] ?? 0] ?? 'none';
    if (mass > largestMass) {
      largestMass = mass;
      largestSite = s;
    }
  });

  let launchedKg = 0;
  let onStationKg = 0;
  let propellantKg = 0;
  let thrusterKg = 0;
  const onStationByShell = params.shellNames.map(() => 0);
  for (let p = 0; p < layout.pathCount; p += 1) {
    const o = layout.pathOffset(p);
    const launched = at(o + PATH.launchedKg);
    const onStation = at(o + PATH.onStationKg);
    launchedKg += launched;
    onStationKg += onStation;
    propellantKg += at(o + PATH.propellantKg);
    thrusterKg += at(o + PATH.thrusterKg);
    const k = params.sites[layout.pathSite[p] ?? 0]?.targets[layout.pathTarget[p] ?? 0]?.shellIndex ?? 0;
    onStationByShell[k] = (onStationByShell[k] ?? 0) + onStation / collector.unitMassKg;
  }
  const inTransitKg = launchedKg - onStationKg;
  const capturedJ = at(layout.globalOffset + GLOBAL.capturedJ);
  const capturedPowerW = lerp(history.capturedPowerW);
  const investedJ = processingJ + launchKineticJ + launchLossJ;

  return {
    tdbS,
    factoryMassKg,
    factoryMassKgBySite,
    factoryUnderConstructionKg: wipKg,
    factoryCount,
    factoryCountBySite,
    earthImportsKg: importedKg,
    earthImportsUsd: importedUsd,
    massLaunchedKg: launchedKg,
    collectorsLaunched: launchedKg / collector.unitMassKg,
    collectorsInTransit: inTransitKg / collector.unitMassKg,
    collectorsOnStation: onStationKg / collector.unitMassKg,
    collectorsOnStationByShell: onStationByShell,
    collectorMassOnStationKg: onStationKg,
    collectorAreaOnStationM2: onStationKg / collector.arealDensityKgM2,
    interceptedPowerW: lerp(history.interceptedPowerW),
    capturedPowerW,
    energyInvestedJ: investedJ,
    energyCapturedJ: capturedJ,
    energyPaybackYears: capturedPowerW > 0 ? investedJ / capturedPowerW / SECONDS_PER_JULIAN_YEAR : Infinity,
    energyPaidBack: history.energyPaidBackTdbS !== null && tdbS >= history.energyPaidBackTdbS,
    singleCollectorPaybackYears: history.collectorPaybacks.map((payback) => ({
      site: params.sites[payback.siteIndex]?.name ?? '',
      shell: params.shellNames[payback.shellIndex] ?? '',
      years: payback.paybackYears,
    })),
    bindingLimit:
      largestSite >= 0 ? (bindingLimitBySite[params.sites[largestSite]?.name ?? ''] ?? 'none') : 'none',
    bindingLimitBySite,
    massLedger: {
      minedKg,
      importedKg,
      inFactoriesKg: factoryMassKg + wipKg,
      inCollectorsOnStationKg: onStationKg,
      inTransitKg,
      inPropulsionKg: propellantKg + thrusterKg,
      lossesKg,
      wasteKg,
      residualKg:
        minedKg +
        importedKg -
        (factoryMassKg + wipKg + onStationKg + inTransitKg + propellantKg + thrusterKg + lossesKg + wasteKg),
    },
    energyLedger: {
      availableJ,
      processingJ,
      launchKineticJ,
      launchLossJ,
      curtailedJ,
      investedJ,
      capturedJ,
      residualJ: availableJ - (processingJ + launchKineticJ + launchLossJ + curtailedJ),
    },
  };
}

/** A change of the limit that binds a site's growth. */
export interface BindingLimitChange {
  readonly site: string;
  readonly limit: BindingLimit;
  /** TDB seconds past J2000 of the first sample with this limit. */
  readonly fromTdbS: number;
}

/** When each site's binding limit changed over the whole history (the "which limit binds, and when" report). */
export function bindingLimitTimeline(history: GrowthHistory): BindingLimitChange[] {
  const changes: BindingLimitChange[] = [];
  const { siteCount } = history.layout;
  for (let s = 0; s < siteCount; s += 1) {
    const site = history.params.sites[s]?.name ?? '';
    let previous = -1;
    for (let i = 0; i < history.sampleCount; i += 1) {
      const code = history.bindingCodes[i * siteCount + s] ?? 0;
      if (code === previous) continue;
      changes.push({
        site,
        limit: BINDING_LIMITS[code] ?? 'none',
        fromTdbS: history.timesTdbS[i] ?? history.fromTdbS,
      });
      previous = code;
    }
  }
  return changes.sort((a, b) => a.fromTdbS - b.fromTdbS);
}
