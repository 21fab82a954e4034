/**
 * Integrate the growth model once over the scenario, in float64, and keep the result for random access.
 *
 * Scheme: classical fixed-step RK4 (4th order, sim/numeric/rk4.ts) on a time grid that contains every discontinuity
 * in time, so no step straddles one: the uniform steps of `stepS`, the landings, the batch commissioning dates, the
 * dates of every stepped schedule (closure, allocation, productivity, price, import cap), and the echoes of all of
 * these one flight time later, where the arrivals on station jump. Steps that end at a jump evaluate their last
 * stage as the limit from the left. Discontinuities in the state (feedstock exhausted, the grow-then-produce
 * switch, the luminosity cap) are located by bisecting the step to 2^-50 of its length, latched as modes, and their
 * echoes added to the grid, so the right-hand side is smooth inside every step. Arrivals are the derivative of the
 * cubic Hermite interpolant of the recorded cumulative launches one flight earlier: what arrives is exactly what
 * was launched. A flight shorter than one step falls back to the current launch rate, an O(flight time)
 * approximation. tests/growth/convergence.test.ts measures that halving the default step (1 day) changes the
 * figures by < 2e-8, far below the 0.1 % required.
 *
 * Every sample holds the whole state (layout.ts) plus the launch rates, captured power and binding limits at
 * that instant. Events that change the state at a fixed time (landings, commissioning) store two samples at the
 * same time, before and after, so interpolation never smears a jump.
 */
import { SECONDS_PER_DAY, SECONDS_PER_JULIAN_YEAR, SOLAR_LUMINOSITY_W } from '../constants.ts';
import { InputError, requireFinite } from '../errors.ts';
import { hermiteSlope } from '../numeric/hermite.ts';
import { crossesUpward, locateEvent } from '../numeric/locateEvent.ts';
import { makeRk4Scratch, rk4Step, type Rk4Derivative } from '../numeric/rk4.ts';
import { countAtOrBelow, countBelow } from '../numeric/search.ts';
import type { Cohort } from '../swarm/cohort.ts';
import { buildCohorts } from './cohorts.ts';
import { GLOBAL, makeLayout, PATH, SITE, type Layout } from './layout.ts';
import type { GrowthParams } from './params.ts';
import {
  evaluateRates,
  makeRateAux,
  makeRateContext,
  type CollectorModel,
  type Modes,
  type RateContext,
} from './rates.ts';
import { scheduleAt, scheduleJumps } from './schedule.ts';
import { coverageFraction } from '../geometry/shading.ts';

/** What integrateGrowth needs besides the parameters, SI. */
export interface GrowthContext {
  readonly fromTdbS: number;
  readonly toTdbS: number;
  /** Integration step, s (> 0); default one day. */
  readonly stepS?: number;
  /** Length of a cohort, s (> 0); default 30 days. */
  readonly cohortS?: number;
  /** The scenario's collector (sim/swarm/collector.ts), SI. */
  readonly collector: CollectorModel;
  /** The scenario's shells, in the order resolveGrowth saw them. */
  readonly shells: ReadonlyArray<{
    readonly name: string;
    readonly semiMajorAxisM: readonly [number, number];
  }>;
}

/** Something that happened during growth. */
export interface GrowthEvent {
  readonly tdbS: number;
  /** Site index, or -1 for the whole swarm. */
  readonly siteIndex: number;
  readonly kind: 'landing' | 'commissioning' | 'feedstock-exhausted' | 'allocation-switch' | 'luminosity-cap';
  /** Mass landed or commissioned, kg (0 for the others). */
  readonly massKg: number;
}

/** Energy payback of one collector sent from a site to a shell. */
export interface CollectorPayback {
  readonly siteIndex: number;
  readonly shellIndex: number;
  /** Energy embodied in one collector: processing + launch, J. */
  readonly embodiedEnergyJ: number;
  /** Its electrical power on station, unshaded and new, W. */
  readonly powerW: number;
  readonly paybackYears: number;
}

/**
 * The integrated growth model: samples at every integration step, the cohort list and the events. Read it with
 * growthStateAt (state.ts); do not mutate it.
 */
export interface GrowthHistory {
  readonly params: GrowthParams;
  readonly layout: Layout;
  readonly collector: CollectorModel;
  readonly fromTdbS: number;
  readonly toTdbS: number;
  readonly stepS: number;
  readonly sampleCount: number;
  /** Sample times, TDB s, non-decreasing (equal for the before/after pair of a jump). */
  readonly timesTdbS: Float64Array;
  /** sampleCount x layout.size, row-major. */
  readonly states: Float64Array;
  /** sampleCount x layout.size: d(state)/dt at each sample (for cubic Hermite interpolation). */
  readonly derivatives: Float64Array;
  /** sampleCount x pathCount launch rates, kg/s. */
  readonly launchRateKgPerS: Float64Array;
  /** Electrical power captured by the swarm, and sunlight intercepted, at each sample, W. */
  readonly capturedPowerW: Float64Array;
  readonly interceptedPowerW: Float64Array;
  /** sampleCount x siteCount: power available to each site, W. */
  readonly siteAvailableW: Float64Array;
  /** sampleCount x siteCount binding-limit codes (rates.ts BINDING_LIMITS). */
  readonly bindingCodes: Uint8Array;
  readonly cohorts: readonly Cohort[];
  readonly events: readonly GrowthEvent[];
  readonly collectorPaybacks: readonly CollectorPayback[];
  /** First time the swarm's captured energy reached the energy invested, or null. */
  readonly energyPaidBackTdbS: number | null;
}

/** Growable float64 buffer (rows of fixed width), preallocated for the expected number of rows. */
class Rows {
  data: Float64Array;
  count = 0;
  constructor(
    readonly width: number,
    expectedRows: number,
  ) {
    this.data = new Float64Array(Math.max(1, width) * Math.max(16, expectedRows));
  }
  push(values: Float64Array | Uint8Array | readonly number[]): void {
    const offset = this.count * this.width;
    if (offset + this.width > this.data.length) {
      const grown = new Float64Array(Math.max(offset + this.width, this.data.length * 2));
      grown.set(this.data);
      this.data = grown;
    }
    const data = this.data;
    for (let i = 0; i < this.width; i += 1) data[offset + i] = values[i] ?? 0;
    this.count += 1;
  }
  trimmed(): Float64Array {
    return this.data.subarray(0, this.count * this.width);
  }
}

function checkContext(params: GrowthParams, ctx: GrowthContext): { stepS: number; cohortS: number } {
  requireFinite(ctx.fromTdbS, 'fromTdbS');
  requireFinite(ctx.toTdbS, 'toTdbS');
  if (!(ctx.toTdbS > ctx.fromTdbS)) {
    throw new InputError(`must be after fromTdbS (${ctx.fromTdbS}), got ${ctx.toTdbS}`, 'toTdbS');
  }
  const stepS = ctx.stepS ?? SECONDS_PER_DAY;
  if (!(Number.isFinite(stepS) && stepS > 0))
    throw new InputError(`must be a finite number > 0 s, got ${stepS}`, 'stepS');
  const cohortS = ctx.cohortS ?? 30 * SECONDS_PER_DAY;
  if (!(Number.isFinite(cohortS) && cohortS > 0)) {
    throw new InputError(`must be a finite number > 0 s, got ${cohortS}`, 'cohortS');
  }
  const c = ctx.collector;
  if (!(c.unitAreaM2 > 0 && Number.isFinite(c.unitAreaM2))) {
    throw new InputError(`must be a finite number > 0 m^2, got ${c.unitAreaM2}`, 'collector.unitAreaM2');
  }
  if (!(c.arealDensityKgM2 > 0 && Number.isFinite(c.arealDensityKgM2))) {
    throw new InputError(
      `must be a finite number > 0 kg/m^2, got ${c.arealDensityKgM2}`,
      'collector.arealDensityKgM2',
    );
  }
  if (!(c.conversionEfficiency >= 0 && c.conversionEfficiency <= 1)) {
    throw new InputError(
      `must be in [0, 1], got ${c.conversionEfficiency}`,
      'collector.conversionEfficiency',
    );
  }
  if (!(c.degradationRatePerS >= 0 && Number.isFinite(c.degradationRatePerS))) {
    throw new InputError(
      `must be a finite number >= 0 per s, got ${c.degradationRatePerS}`,
      'collector.degradationRatePerS',
    );
  }
  if (
    ctx.shells.length !== params.shellNames.length ||
    ctx.shells.some((shell, i) => shell.name !== params.shellNames[i])
  ) {
    throw new InputError(
      `must be the shells the growth parameters were resolved with (${params.shellNames.join(', ')}), ` +
        `got ${ctx.shells.map((shell) => shell.name).join(', ')}`,
      'shells',
    );
  }
  return { stepS, cohortS };
}

/** Fixed-time actions on the grid. */
interface TimedAction {
  readonly tdbS: number;
  readonly siteIndex: number;
  readonly kind: 'landing' | 'commissioning';
  readonly massKg: number;
}

function timedActions(params: GrowthParams, fromTdbS: number, toTdbS: number): TimedAction[] {
  const actions: TimedAction[] = [];
  params.sites.forEach((site, s) => {
    for (const landing of site.landings) {
      if (landing.tdbS <= toTdbS) {
        actions.push({
          tdbS: Math.max(fromTdbS, landing.tdbS),
          siteIndex: s,
          kind: 'landing',
          massKg: landing.massKg,
        });
      }
    }
    const first = site.landings[0]?.tdbS ?? Infinity;
    if (site.growthMode === 'batch' && Number.isFinite(site.batchIntervalS)) {
      for (let k = 1; ; k += 1) {
        const t = first + k * site.batchIntervalS;
        if (t > toTdbS) break;
        if (t > fromTdbS) actions.push({ tdbS: t, siteIndex: s, kind: 'commissioning', massKg: 0 });
      }
    }
  });
  return actions.sort(
    (a, b) => a.tdbS - b.tdbS || (a.kind === b.kind ? 0 : a.kind === 'commissioning' ? -1 : 1),
  );
}

/** Positive flight times of all paths, s (a jump in launches at t is a jump in arrivals at t + each of them). */
function flightTimes(params: GrowthParams): number[] {
  const set = new Set<number>();
  for (const site of params.sites)
    for (const target of site.targets) if (target.transferS > 0) set.add(target.transferS);
  return [...set];
}

/**
 * The time grid: the uniform steps plus every known jump (timed actions and stepped schedules) and its echoes one
 * flight later (where the arrivals jump). `breaks` holds the jumps and echoes, where two samples are recorded.
 */
function buildGrid(
  params: GrowthParams,
  fromTdbS: number,
  toTdbS: number,
  stepS: number,
  actions: TimedAction[],
): { grid: Float64Array; breaks: Set<number> } {
  const points = new Set<number>([fromTdbS, toTdbS]);
  const steps = Math.ceil((toTdbS - fromTdbS) / stepS - 1e-9);
  for (let i = 1; i < steps; i += 1) points.add(fromTdbS + i * stepS);
  const flights = flightTimes(params);
  const breaks = new Set<number>();
  const addJump = (t: number): void => {
    for (const echo of [t, ...flights.map((flight) => t + flight)]) {
      if (echo > fromTdbS && echo <= toTdbS) {
        points.add(echo);
        breaks.add(echo);
      }
    }
  };
  for (const action of actions) addJump(action.tdbS);
  for (const site of params.sites) {
    for (const schedule of [
      site.productivityPerS,
      site.closure,
      site.collectorClosure,
      site.replicationFraction,
      site.deliveredPriceUsdPerKg,
      ...(site.maxImportKgPerS !== null ? [site.maxImportKgPerS] : []),
    ]) {
      for (const t of scheduleJumps(schedule)) addJump(t);
    }
  }
  return { grid: Float64Array.from(points).sort(), breaks };
}

/** State-event functions, written to `out` (2 per site, then 1): crossing from < 0 to >= 0 fires the event. */
function eventValues(
  params: GrowthParams,
  layout: Layout,
  collector: CollectorModel,
  y: Float64Array,
  out: Float64Array,
  areas: Float64Array,
): void {
  for (let s = 0; s < layout.siteCount; s += 1) {
    const site = params.sites[s];
    if (site === undefined) continue;
    const o = layout.siteOffset(s);
    out[2 * s] = (y[o + SITE.minedKg] ?? 0) - site.feedstockLimitKg;
    out[2 * s + 1] =
      site.switchAtFactoryMassKg === null
        ? -1
        : (y[o + SITE.factoryKg] ?? 0) + (y[o + SITE.wipKg] ?? 0) - site.switchAtFactoryMassKg;
  }
  if (params.maxCoverageFraction < 1) {
    areas.fill(0);
    for (let p = 0; p < layout.pathCount; p += 1) {
      const k = params.sites[layout.pathSite[p] ?? 0]?.targets[layout.pathTarget[p] ?? 0]?.shellIndex ?? 0;
      areas[k] =
        (areas[k] ?? 0) + (y[layout.pathOffset(p) + PATH.launchedKg] ?? 0) / collector.arealDensityKgM2;
    }
    out[2 * layout.siteCount] = coverageFraction(params.shellRadiiM, areas) - params.maxCoverageFraction;
  } else {
    out[2 * layout.siteCount] = -1;
  }
}

function latched(modes: Modes, index: number, siteCount: number): boolean {
  if (index === 2 * siteCount) return modes.coverageCapped;
  const s = index >> 1;
  return index % 2 === 0 ? modes.exhausted[s] === true : modes.switched[s] === true;
}

/**
 * Integrate the growth model from ctx.fromTdbS to ctx.toTdbS (see the module comment for the scheme) and return
 * the history: samples at every step, the cohorts (ctx.cohortS long, per site and shell) and the events.
 * Deterministic: the same parameters and context give the same history, bit for bit.
 */
export function integrateGrowth(params: GrowthParams, ctx: GrowthContext): GrowthHistory {
  const { stepS, cohortS } = checkContext(params, ctx);
  const layout = makeLayout(params);
  const { collector } = ctx;
  const { fromTdbS, toTdbS } = ctx;
  const n = layout.size;
  const siteCount = layout.siteCount;

  const actions = timedActions(params, fromTdbS, toTdbS);
  const { grid, breaks } = buildGrid(params, fromTdbS, toTdbS, stepS, actions);
  const flights = flightTimes(params);
  /** Echoes of state events one flight later, found during the integration, in increasing order. */
  const pendingBreaks: number[] = [];
  const addPendingBreaks = (t: number): void => {
    for (const flight of flights) {
      const echo = t + flight;
      if (echo >= toTdbS) continue;
      let k = pendingBreaks.length;
      while (k > 0 && (pendingBreaks[k - 1] ?? 0) > echo) k -= 1;
      pendingBreaks.splice(k, 0, echo);
    }
  };
  const expected = grid.length + 2 * breaks.size + actions.length + 16;
  const times = new Rows(1, expected);
  const states = new Rows(n, expected);
  const derivatives = new Rows(n, expected);
  const launchRates = new Rows(layout.pathCount, expected);
  const powers = new Rows(2, expected);
  const siteAvailable = new Rows(siteCount, expected);
  const codes = new Rows(siteCount, expected);
  const timeRow = [0];
  const powerRow = [0, 0];
  const events: GrowthEvent[] = [];

  // Delayed launch rate, read from the recorded samples: the derivative of the cubic Hermite interpolant of the
  // cumulative launched mass (values and rates at the two samples around the time). Its integral over a sample
  // interval is exactly the launched mass of that interval, so what arrives is what was launched. A pair of
  // samples at one time is a jump; `fromLeft` picks its earlier side.
  const delayedLaunchRate = (path: number, tdbS: number, fromLeft: boolean): number | null => {
    const count = times.count;
    const t = times.data;
    if (count === 0 || tdbS < (t[0] ?? 0)) return 0;
    if (tdbS > (t[count - 1] ?? 0)) return null;
    let lo: number;
    if (fromLeft) {
      // First sample with time >= tdbS; the interval is the one that ends there.
      lo = countBelow(t, tdbS, count);
      // Nothing was launched before the first sample: the left limit there is 0.
      if (lo === 0) return 0;
      lo -= 1;
    } else {
      // Last sample with time <= tdbS; the interval is the one that starts there.
      lo = countAtOrBelow(t, tdbS, count) - 1;
    }
    const width = layout.pathCount;
    const d0 = launchRates.data[lo * width + path] ?? 0;
    if (lo === count - 1) return d0;
    const t0 = t[lo] ?? 0;
    const dt = (t[lo + 1] ?? 0) - t0;
    if (!(dt > 0)) return d0;
    const d1 = launchRates.data[(lo + 1) * width + path] ?? 0;
    const slot = layout.pathOffset(path) + PATH.launchedKg;
    const y0 = states.data[lo * n + slot] ?? 0;
    const y1 = states.data[(lo + 1) * n + slot] ?? 0;
    return hermiteSlope(y0, d0, y1, d1, dt, (tdbS - t0) / dt);
  };

  const rateCtx: RateContext = makeRateContext(params, layout, collector, delayedLaunchRate);
  const modes: Modes = {
    exhausted: params.sites.map(() => false),
    switched: params.sites.map(() => false),
    coverageCapped: false,
  };
  const stageAux = makeRateAux(layout);
  const sampleAux = makeRateAux(layout);

  const y = new Float64Array(n);
  const yNew = new Float64Array(n);
  const yTry = new Float64Array(n);
  const rk4Scratch = makeRk4Scratch(n);
  const scratchDydt = new Float64Array(n);

  const rates: Rk4Derivative = (t, state, out, atEnd) =>
    evaluateRates(t, state, modes, rateCtx, out, stageAux, atEnd);
  const rk4 = (t: number, y0: Float64Array, h: number, out: Float64Array): void =>
    rk4Step(rates, t, y0, h, out, rk4Scratch);

  const record = (t: number, fromLeft = false): void => {
    evaluateRates(t, y, modes, rateCtx, scratchDydt, sampleAux, fromLeft);
    timeRow[0] = t;
    times.push(timeRow);
    states.push(y);
    derivatives.push(scratchDydt);
    launchRates.push(sampleAux.launchRateKgPerS);
    powerRow[0] = sampleAux.capturedPowerW;
    powerRow[1] = sampleAux.interceptedPowerW;
    powers.push(powerRow);
    siteAvailable.push(sampleAux.siteAvailableW);
    codes.push(sampleAux.bindingCode);
  };

  const applyAction = (action: TimedAction): void => {
    const o = layout.siteOffset(action.siteIndex);
    const site = params.sites[action.siteIndex];
    if (site === undefined) return;
    if (action.kind === 'landing') {
      y[o + SITE.factoryKg] = (y[o + SITE.factoryKg] ?? 0) + action.massKg;
      y[o + SITE.importedKg] = (y[o + SITE.importedKg] ?? 0) + action.massKg;
      y[o + SITE.landedKg] = (y[o + SITE.landedKg] ?? 0) + action.massKg;
      y[o + SITE.importedUsd] =
        (y[o + SITE.importedUsd] ?? 0) + action.massKg * scheduleAt(site.deliveredPriceUsdPerKg, action.tdbS);
      events.push({ tdbS: action.tdbS, siteIndex: action.siteIndex, kind: 'landing', massKg: action.massKg });
    } else {
      const wip = y[o + SITE.wipKg] ?? 0;
      y[o + SITE.factoryKg] = (y[o + SITE.factoryKg] ?? 0) + wip;
      y[o + SITE.wipKg] = 0;
      events.push({ tdbS: action.tdbS, siteIndex: action.siteIndex, kind: 'commissioning', massKg: wip });
    }
  };

  const eventCount = 2 * siteCount + 1;
  const before = new Float64Array(eventCount);
  const after = new Float64Array(eventCount);
  const shellAreas = new Float64Array(params.shellNames.length);
  const fired = (i: number): boolean =>
    !latched(modes, i, siteCount) && crossesUpward(before[i] ?? 0, after[i] ?? 0);
  const anyFired = (): boolean => {
    for (let i = 0; i < eventCount; i += 1) if (fired(i)) return true;
    return false;
  };
  /** Advance y from t0 to t1, stopping at state events. */
  const advance = (t0: number, t1: number): void => {
    let t = t0;
    while (t < t1) {
      const h = t1 - t;
      rk4(t, y, h, yNew);
      eventValues(params, layout, collector, y, before, shellAreas);
      eventValues(params, layout, collector, yNew, after, shellAreas);
      if (!anyFired()) {
        y.set(yNew);
        return;
      }
      // The shortest step over which an event fires, to 2^-50 of the step.
      const hi = locateEvent(
        (hTry) => {
          rk4(t, y, hTry, yTry);
          eventValues(params, layout, collector, yTry, after, shellAreas);
          return anyFired();
        },
        0,
        h,
        50,
      );
      rk4(t, y, hi, yNew);
      eventValues(params, layout, collector, yNew, after, shellAreas);
      y.set(yNew);
      t += hi;
      record(t, true);
      addPendingBreaks(t);
      for (let i = 0; i < eventCount; i += 1) {
        if (!fired(i)) continue;
        if (i === 2 * siteCount) {
          modes.coverageCapped = true;
          events.push({ tdbS: t, siteIndex: -1, kind: 'luminosity-cap', massKg: 0 });
        } else if (i % 2 === 0) {
          modes.exhausted[i >> 1] = true;
          events.push({ tdbS: t, siteIndex: i >> 1, kind: 'feedstock-exhausted', massKg: 0 });
        } else {
          modes.switched[i >> 1] = true;
          events.push({ tdbS: t, siteIndex: i >> 1, kind: 'allocation-switch', massKg: 0 });
        }
      }
      record(t);
    }
  };

  let nextAction = 0;
  const applyActionsAt = (t: number): boolean => {
    let any = false;
    while (nextAction < actions.length && (actions[nextAction]?.tdbS ?? Infinity) <= t) {
      const action = actions[nextAction];
      if (action !== undefined) applyAction(action);
      nextAction += 1;
      any = true;
    }
    return any;
  };

  /** Close a step at t: one sample, or a before/after pair where something jumps at t. */
  const closeAt = (t: number, isBreak: boolean): void => {
    if (!isBreak) {
      record(t);
      return;
    }
    record(t, true);
    applyActionsAt(t);
    record(t);
  };

  applyActionsAt(fromTdbS);
  record(fromTdbS);
  for (let i = 1; i < grid.length; i += 1) {
    let t0 = grid[i - 1] ?? fromTdbS;
    const t1 = grid[i] ?? toTdbS;
    while (pendingBreaks.length > 0 && (pendingBreaks[0] ?? Infinity) <= t0) pendingBreaks.shift();
    while (pendingBreaks.length > 0 && (pendingBreaks[0] ?? Infinity) < t1) {
      const echo = pendingBreaks.shift() ?? t1;
      advance(t0, echo);
      closeAt(echo, true);
      t0 = echo;
    }
    advance(t0, t1);
    const echoHere = pendingBreaks.length > 0 && pendingBreaks[0] === t1;
    closeAt(t1, breaks.has(t1) || echoHere);
  }

  const timesTdbS = times.trimmed();
  const statesData = states.trimmed();
  const launchRateKgPerS = launchRates.trimmed();
  const powerData = powers.trimmed();
  const capturedPowerW = new Float64Array(times.count);
  const interceptedPowerW = new Float64Array(times.count);
  for (let i = 0; i < times.count; i += 1) {
    capturedPowerW[i] = powerData[2 * i] ?? 0;
    interceptedPowerW[i] = powerData[2 * i + 1] ?? 0;
  }
  const bindingCodes = Uint8Array.from(codes.trimmed());

  return {
    params,
    layout,
    collector,
    fromTdbS,
    toTdbS,
    stepS,
    sampleCount: times.count,
    timesTdbS,
    states: statesData,
    derivatives: derivatives.trimmed(),
    launchRateKgPerS,
    capturedPowerW,
    interceptedPowerW,
    siteAvailableW: siteAvailable.trimmed(),
    bindingCodes,
    cohorts: buildCohorts(params, layout, collector, timesTdbS, statesData, fromTdbS, toTdbS, cohortS),
    events,
    collectorPaybacks: collectorPaybacks(params, collector),
    energyPaidBackTdbS: paidBackTime(layout, timesTdbS, statesData),
  };
}

/** Energy payback of one collector per (site, shell): embodied processing + launch energy over its new power. */
function collectorPaybacks(params: GrowthParams, collector: CollectorModel): CollectorPayback[] {
  const out: CollectorPayback[] = [];
  params.sites.forEach((site, s) => {
    for (const target of site.targets) {
      const r = params.shellRadiiM[target.shellIndex] ?? 1;
      // With its thrusters (made like the collector), its propellant (refined like factory mass) and the launch
      // of all three.
      const embodiedEnergyJ =
        collector.unitMassKg *
        ((1 + target.thrusterKgPerKg) * site.collectorProcessingEnergyJPerKg +
          target.propellantKgPerKg * site.processingEnergyJPerKg +
          (1 + target.thrusterKgPerKg + target.propellantKgPerKg) * site.massDriver.energyPerKgJ);
      const powerW =
        collector.unitAreaM2 * (SOLAR_LUMINOSITY_W / (4 * Math.PI * r * r)) * collector.conversionEfficiency;
      out.push({
        siteIndex: s,
        shellIndex: target.shellIndex,
        embodiedEnergyJ,
        powerW,
        paybackYears: powerW > 0 ? embodiedEnergyJ / powerW / SECONDS_PER_JULIAN_YEAR : Infinity,
      });
    }
  });
  return out;
}

/** Energy invested so far (processing + launch, all sites) in state row y, J. */
export function investedEnergyJ(layout: Layout, states: Float64Array, row: number): number {
  let total = 0;
  for (let s = 0; s < layout.siteCount; s += 1) {
    const o = row * layout.size + layout.siteOffset(s);
    total +=
      (states[o + SITE.processingJ] ?? 0) +
      (states[o + SITE.launchKineticJ] ?? 0) +
      (states[o + SITE.launchLossJ] ?? 0);
  }
  return total;
}

function paidBackTime(layout: Layout, times: Float64Array, states: Float64Array): number | null {
  let previousGap: number | null = null;
  for (let i = 0; i < times.length; i += 1) {
    const invested = investedEnergyJ(layout, states, i);
    if (!(invested > 0)) continue;
    const gap = (states[i * layout.size + layout.globalOffset + GLOBAL.capturedJ] ?? 0) - invested;
    if (gap >= 0) {
      if (previousGap === null) return times[i] ?? null;
      const t0 = times[i - 1] ?? 0;
      const t1 = times[i] ?? 0;
      return t0 + ((t1 - t0) * -previousGap) / (gap - previousGap);
    }
    previousGap = gap;
  }
  return null;
}
