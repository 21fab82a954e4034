/**
 * The right-hand side of the growth model: d(state)/dt at one instant, plus what the integrator records beside
 * the state (launch rates, captured power, which limit binds). Pure apart from writing into the given buffers.
 *
 * Per site (all rates kg/s unless said otherwise; see assets/scenarios/growth-README.md):
 *   gross output     G = p(t) * learning * F          (F: working factory mass; p: kg per kg per s)
 *   to factories     R0 = a(t) G, to collectors C0 = (1 - a(t)) G
 *   limits           mass driver caps C; imports, power and heat scale R and C together; feedstock exhaustion,
 *                    and the luminosity cap (for C), stop them (state events, see integrate.ts)
 *   factories        dF/dt = R - lambda F (continuous) or d(WIP)/dt = R, commissioned in batches
 *   local / imported closure c: c R + c_col C made from regolith (mined at 1/yield kg per kg of product), the
 *                    rest landed from Earth at the delivered price
 *   energy           processing e_f R + e_c C + launch C v^2 / (2 eta), drawn from the site's own plant
 *                    (W/kg of factory, flux and duty cycle applied) plus power beamed back from its collectors
 * Per path (site -> shell): collectors launched C / (1 + k) * fraction, k the propellant and thrusters launched per
 * kg of collector (averaged over the site's paths), arriving on station one flight time later; the propellant and
 * thrusters go with them (PATH.propellantKg, PATH.thrusterKg) and stay out of the swarm's area and power.
 * Swarm: intercepted sunlight per shell with inner shells shading outer ones (sim/geometry/shading.ts), times efficiency and
 * the degradation factor of the collectors on station.
 */
import { SOLAR_LUMINOSITY_W } from '../constants.ts';
import type { CollectorSpec } from '../swarm/collector.ts';
import { GLOBAL, PATH, SITE, type Layout } from './layout.ts';
import type { GrowthParams } from './params.ts';
import { scheduleAt } from './schedule.ts';
import { coverageFraction, interceptedPowerW, radiusOrder } from '../geometry/shading.ts';

/** Which limit holds a site's growth back, by code (index into this list). */
export const BINDING_LIMITS = [
  'none',
  'feedstock',
  'heat',
  'power',
  'luminosity',
  'mass-driver',
  'imports',
] as const;
export type BindingLimit = (typeof BINDING_LIMITS)[number];
const NONE = 0;
const FEEDSTOCK = 1;
const HEAT = 2;
const POWER = 3;
const LUMINOSITY = 4;
const MASS_DRIVER = 5;
const IMPORTS = 6;

/** What the growth model reads of the scenario's one CollectorSpec (sim/swarm/collector.ts), SI. */
export type CollectorModel = Pick<
  CollectorSpec,
  'unitAreaM2' | 'arealDensityKgM2' | 'unitMassKg' | 'conversionEfficiency' | 'degradationRatePerS'
>;

/** Discrete modes latched by state events. */
export interface Modes {
  readonly exhausted: boolean[];
  readonly switched: boolean[];
  coverageCapped: boolean;
}

/** Everything the right-hand side reads besides (t, state, modes), with its scratch buffers. */
export interface RateContext {
  readonly params: GrowthParams;
  readonly layout: Layout;
  readonly collector: CollectorModel;
  readonly shellRadiiM: Float64Array;
  /** Shell indices from the Sun outwards. */
  readonly shellOrder: Int32Array;
  /**
   * Launch rate of path p at an earlier time, kg/s, read from the recorded history; null when that time lies
   * after the last recorded sample (a flight shorter than the current step). `fromLeft` asks for the limit from
   * earlier times where the rate jumps (the end of an RK4 step that stops at a jump).
   */
  readonly delayedLaunchRate: (path: number, tdbS: number, fromLeft: boolean) => number | null;
  readonly scratch: {
    readonly shellAreaM2: Float64Array;
    readonly shellEffectiveAreaM2: Float64Array;
    readonly shellLaunchedAreaM2: Float64Array;
    readonly shellInterceptedW: Float64Array;
    readonly shellCapturedW: Float64Array;
  };
}

/** Side outputs of one evaluation. */
export interface RateAux {
  /** Launch rate per path, kg/s. */
  readonly launchRateKgPerS: Float64Array;
  /** Binding limit code per site (see BINDING_LIMITS). */
  readonly bindingCode: Uint8Array;
  /** Power available to / drawn by each site, W. */
  readonly siteAvailableW: Float64Array;
  readonly siteUsedW: Float64Array;
  capturedPowerW: number;
  interceptedPowerW: number;
  /** Fraction of the Sun's light the launched swarm will cover once on station. */
  coverage: number;
}

export function makeRateAux(layout: Layout): RateAux {
  return {
    launchRateKgPerS: new Float64Array(layout.pathCount),
    bindingCode: new Uint8Array(layout.siteCount),
    siteAvailableW: new Float64Array(layout.siteCount),
    siteUsedW: new Float64Array(layout.siteCount),
    capturedPowerW: 0,
    interceptedPowerW: 0,
    coverage: 0,
  };
}

export function makeRateContext(
  params: GrowthParams,
  layout: Layout,
  collector: CollectorModel,
  delayedLaunchRate: RateContext['delayedLaunchRate'],
): RateContext {
  const n = params.shellNames.length;
  return {
    params,
    layout,
    collector,
    shellRadiiM: Float64Array.from(params.shellRadiiM),
    shellOrder: radiusOrder(params.shellRadiiM),
    delayedLaunchRate,
    scratch: {
      shellAreaM2: new Float64Array(n),
      shellEffectiveAreaM2: new Float64Array(n),
      shellLaunchedAreaM2: new Float64Array(n),
      shellInterceptedW: new Float64Array(n),
      shellCapturedW: new Float64Array(n),
    },
  };
}

/**
 * Evaluate d(state)/dt at (t, y) into `dydt` (same length as y) and the side outputs into `aux`. `fromLeft`
 * takes the delayed arrivals as limits from earlier times (see RateContext.delayedLaunchRate).
 */
export function evaluateRates(
  tdbS: number,
  y: Float64Array,
  modes: Modes,
  ctx: RateContext,
  dydt: Float64Array,
  aux: RateAux,
  fromLeft = false,
): void {
  const { params, layout, collector, scratch } = ctx;
  const sigma = collector.arealDensityKgM2;
  dydt.fill(0);
  scratch.shellAreaM2.fill(0);
  scratch.shellEffectiveAreaM2.fill(0);
  scratch.shellLaunchedAreaM2.fill(0);

  // 1. The swarm on station: area per shell, shading, captured power.
  for (let p = 0; p < layout.pathCount; p += 1) {
    const o = layout.pathOffset(p);
    const site = params.sites[layout.pathSite[p] ?? 0];
    const k = site?.targets[layout.pathTarget[p] ?? 0]?.shellIndex ?? 0;
    scratch.shellAreaM2[k] = (scratch.shellAreaM2[k] ?? 0) + (y[o + PATH.onStationKg] ?? 0) / sigma;
    scratch.shellEffectiveAreaM2[k] =
      (scratch.shellEffectiveAreaM2[k] ?? 0) + (y[o + PATH.effectiveAreaM2] ?? 0);
    scratch.shellLaunchedAreaM2[k] =
      (scratch.shellLaunchedAreaM2[k] ?? 0) + (y[o + PATH.launchedKg] ?? 0) / sigma;
  }
  aux.interceptedPowerW = interceptedPowerW(
    ctx.shellRadiiM,
    scratch.shellAreaM2,
    scratch.shellInterceptedW,
    SOLAR_LUMINOSITY_W,
    ctx.shellOrder,
  );
  let captured = 0;
  for (let k = 0; k < scratch.shellAreaM2.length; k += 1) {
    const area = scratch.shellAreaM2[k] ?? 0;
    const value =
      area > 0
        ? (scratch.shellInterceptedW[k] ?? 0) *
          collector.conversionEfficiency *
          ((scratch.shellEffectiveAreaM2[k] ?? 0) / area)
        : 0;
    scratch.shellCapturedW[k] = value;
    captured += value;
  }
  aux.capturedPowerW = captured;
  aux.coverage = coverageFraction(ctx.shellRadiiM, scratch.shellLaunchedAreaM2);
  dydt[layout.globalOffset + GLOBAL.capturedJ] = captured;

  // 2. Sites.
  for (let s = 0; s < layout.siteCount; s += 1) {
    const site = params.sites[s];
    if (site === undefined) continue;
    const o = layout.siteOffset(s);
    const factoryKg = y[o + SITE.factoryKg] ?? 0;

    // Power beamed back from this site's own collectors on station.
    let beamedW = 0;
    const first = layout.sitePathStart[s] ?? 0;
    const targetCount = site.targets.length;
    if (site.beamedPowerFraction > 0) {
      for (let t = 0; t < targetCount; t += 1) {
        const shellIndex = site.targets[t]?.shellIndex ?? 0;
        const shellEff = scratch.shellEffectiveAreaM2[shellIndex] ?? 0;
        if (shellEff > 0) {
          const po = layout.pathOffset(first + t);
          beamedW +=
            (scratch.shellCapturedW[shellIndex] ?? 0) * ((y[po + PATH.effectiveAreaM2] ?? 0) / shellEff);
        }
      }
      beamedW *= site.beamedPowerFraction;
    }

    let code = NONE;
    let productivity = scheduleAt(site.productivityPerS, tdbS, fromLeft);
    if (site.learning !== null) {
      const seedKg = site.landings[0]?.massKg ?? 1;
      const ratio = Math.max(1, (seedKg + (y[o + SITE.outputKg] ?? 0)) / seedKg);
      productivity *= Math.min(site.learning.maxMultiplier, ratio ** site.learning.exponent);
    }
    const grossKgPerS = modes.exhausted[s] === true ? 0 : productivity * factoryKg;
    if (modes.exhausted[s] === true && factoryKg > 0) code = FEEDSTOCK;
    const a =
      modes.switched[s] === true
        ? site.replicationFractionAfterSwitch
        : scheduleAt(site.replicationFraction, tdbS, fromLeft);
    const r0 = a * grossKgPerS;
    let c0 = (1 - a) * grossKgPerS;
    if (modes.coverageCapped && c0 > 0) {
      c0 = 0;
      code = LUMINOSITY;
    }

    // The collector stream c0 is the launched mass: collectors plus, per kg of collector, the propellant and
    // thrusters of their paths (propulsion/resolvePropulsion.ts), split by the target fractions.
    let propellantPerKg = 0;
    let thrusterPerKg = 0;
    for (let t = 0; t < site.targets.length; t += 1) {
      const target = site.targets[t];
      if (target === undefined) continue;
      propellantPerKg += target.fraction * target.propellantKgPerKg;
      thrusterPerKg += target.fraction * target.thrusterKgPerKg;
    }
    const launchedPerCollectorKg = 1 + propellantPerKg + thrusterPerKg;

    // Mass driver: caps the launched stream only.
    let scaleDriver = 1;
    const driverCap = site.massDriver.rateKgPerS + site.massDriver.ratePerFactoryKgPerS * factoryKg;
    if (c0 > driverCap) scaleDriver = driverCap / c0;
    const c1 = c0 * scaleDriver;
    // Of which: collector hardware (with its thrusters, made at the collector closure) and propellant (refined from
    // regolith at the site: closure 1, the factory's processing energy per kg).
    const hardwareShare = (1 + thrusterPerKg) / launchedPerCollectorKg;
    const propellantShare = propellantPerKg / launchedPerCollectorKg;

    const closure = scheduleAt(site.closure, tdbS, fromLeft);
    const collectorClosure = scheduleAt(site.collectorClosure, tdbS, fromLeft);

    // Limits that scale the whole output: imports, power, heat.
    let scale = 1;
    let scaleCode = NONE;
    if (site.maxImportKgPerS !== null) {
      const importKgPerS = (1 - closure) * r0 + (1 - collectorClosure) * hardwareShare * c1;
      const cap = scheduleAt(site.maxImportKgPerS, tdbS, fromLeft);
      if (importKgPerS > cap) {
        scale = cap / importKgPerS;
        scaleCode = IMPORTS;
      }
    }
    const processingPerKg = site.processingEnergyJPerKg;
    const collectorPerKg =
      hardwareShare * site.collectorProcessingEnergyJPerKg +
      propellantShare * processingPerKg +
      site.massDriver.energyPerKgJ;
    const demandW = processingPerKg * r0 + collectorPerKg * c1;
    const availableW =
      site.powerWPerKg === null
        ? Infinity
        : Math.min(site.powerWPerKg * factoryKg, site.ownPowerLimitW) + beamedW;
    if (demandW > availableW && availableW / demandW < scale) {
      scale = availableW / demandW;
      scaleCode = POWER;
    }
    const heatW = demandW - site.massDriver.kineticPerKgJ * c1;
    if (heatW > site.heatRejectionLimitW && site.heatRejectionLimitW / heatW < scale) {
      scale = site.heatRejectionLimitW / heatW;
      scaleCode = HEAT;
    }
    if (code === NONE) {
      if (scale < 1 && scale <= scaleDriver) code = scaleCode;
      else if (scaleDriver < 1) code = MASS_DRIVER;
    }

    const replicationKgPerS = r0 * scale;
    const collectorKgPerS = c1 * scale;
    const localKgPerS =
      closure * replicationKgPerS +
      collectorClosure * hardwareShare * collectorKgPerS +
      propellantShare * collectorKgPerS;
    const importKgPerS = replicationKgPerS + collectorKgPerS - localKgPerS;
    const minedKgPerS = localKgPerS / site.processingYield;
    const processingW =
      processingPerKg * (replicationKgPerS + propellantShare * collectorKgPerS) +
      site.collectorProcessingEnergyJPerKg * hardwareShare * collectorKgPerS;
    const usedW = processingW + site.massDriver.energyPerKgJ * collectorKgPerS;

    const lossKgPerS = site.lossRatePerS * factoryKg;
    if (site.growthMode === 'batch') dydt[o + SITE.wipKg] = replicationKgPerS;
    dydt[o + SITE.factoryKg] = (site.growthMode === 'batch' ? 0 : replicationKgPerS) - lossKgPerS;
    dydt[o + SITE.lossesKg] = lossKgPerS;
    dydt[o + SITE.minedKg] = minedKgPerS;
    dydt[o + SITE.wasteKg] = minedKgPerS - localKgPerS;
    dydt[o + SITE.importedKg] = importKgPerS;
    dydt[o + SITE.importedUsd] = importKgPerS * scheduleAt(site.deliveredPriceUsdPerKg, tdbS, fromLeft);
    dydt[o + SITE.outputKg] = replicationKgPerS + collectorKgPerS;
    dydt[o + SITE.processingJ] = processingW;
    dydt[o + SITE.launchKineticJ] = site.massDriver.kineticPerKgJ * collectorKgPerS;
    dydt[o + SITE.launchLossJ] =
      (site.massDriver.energyPerKgJ - site.massDriver.kineticPerKgJ) * collectorKgPerS;
    const available = site.powerWPerKg === null ? usedW : availableW;
    dydt[o + SITE.availableJ] = available;
    dydt[o + SITE.curtailedJ] = available - usedW;
    aux.siteAvailableW[s] = available;
    aux.siteUsedW[s] = usedW;
    aux.bindingCode[s] = factoryKg > 0 ? code : NONE;

    const collectorsOnlyKgPerS = collectorKgPerS / launchedPerCollectorKg;
    for (let t = 0; t < targetCount; t += 1) {
      const target = site.targets[t];
      const rate = collectorsOnlyKgPerS * (target?.fraction ?? 0);
      aux.launchRateKgPerS[first + t] = rate;
      const po = layout.pathOffset(first + t);
      dydt[po + PATH.launchedKg] = rate;
      dydt[po + PATH.propellantKg] = rate * (target?.propellantKgPerKg ?? 0);
      dydt[po + PATH.thrusterKg] = rate * (target?.thrusterKgPerKg ?? 0);
    }
  }

  // 3. Arrivals on station, one flight time after launch.
  for (let p = 0; p < layout.pathCount; p += 1) {
    const site = params.sites[layout.pathSite[p] ?? 0];
    const transferS = site?.targets[layout.pathTarget[p] ?? 0]?.transferS ?? 0;
    const current = aux.launchRateKgPerS[p] ?? 0;
    const arrival =
      transferS > 0 ? (ctx.delayedLaunchRate(p, tdbS - transferS, fromLeft) ?? current) : current;
    const o = layout.pathOffset(p);
    dydt[o + PATH.onStationKg] = arrival;
    dydt[o + PATH.effectiveAreaM2] =
      arrival / sigma - collector.degradationRatePerS * (y[o + PATH.effectiveAreaM2] ?? 0);
  }
}
