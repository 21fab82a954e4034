/**
 * Beyond two bodies, per shell, over a run's span: the collisions between formations inside the swarm
 * (sim/dynamics/collisions.ts; pairs of one formation left out),
 * the planets' secular drift (secularTracers.ts), the encounters with the Earth, the Moon and Venus from the
 * tracers' geometry (encounters.ts), and a numerical sample (nbody.ts) that checks the secular model tracer by
 * tracer, counts the close approaches it actually makes and the fraction scattered. Computed from a World; it
 * does not change the run's figures (the positions of the run stay two-body). SI units inside; the fields say
 * their unit.
 */
import {
  AU_M,
  GM_EARTH_M3_S2,
  GM_SUN_M3_S2,
  SECONDS_PER_DAY,
  SECONDS_PER_JULIAN_YEAR,
} from '../constants.ts';
import { closeApproaches, kineticEncounterRates, type CloseApproach } from '../dynamics/encounters.ts';
import { planetarySecularModes } from '../dynamics/laplaceLagrange.ts';
import { perturberField } from '../dynamics/nbody.ts';
import { earthTable, moonTable, positionAt, type StateTable } from '../dynamics/perturberTable.ts';
import { PERTURBERS } from '../dynamics/planets.ts';
import { checkSecular, denseState } from '../dynamics/secularCheck.ts';
import { secularElements } from '../dynamics/secularPropagate.ts';
import { secularTable, type SecularTable } from '../dynamics/secularTracers.ts';
import { shellCollisionsAt, type ShellCollisions } from '../dynamics/shellCollisions.ts';
import { collisionCrossSectionM2, gridAround, kineticCollisions } from '../dynamics/collisions.ts';
import { breakupFragments, TRACKABLE_FRAGMENT_M } from '../dynamics/fragments.ts';
import { sampleShell } from '../dynamics/shellGeometry.ts';
import { stateToKepler } from '../orbit/state.ts';
import type { World } from '../world.ts';

/** Mean Earth-Moon distance, m (the semi-major axis of the Moon's orbit, 384 400 km; NASA NSSDC fact sheet). */
export const LUNAR_DISTANCE_M = 3.844e8;
/** Geostationary radius, m (42 164 km from the Earth's centre). */
export const GEO_RADIUS_M = 4.2164e7;
const GM_MOON_M3_S2 = 4.9028e12; // DE440, Park et al. 2021
const GM_VENUS_M3_S2 = 3.24858592e14;
/** Hill radii a (m / 3M)^(1/3): the Earth's 1.50e9 m, Venus's 1.01e9 m, the Moon's about the Earth 6.15e7 m. */
export const EARTH_HILL_RADIUS_M = AU_M * Math.cbrt((GM_EARTH_M3_S2 + GM_MOON_M3_S2) / (3 * GM_SUN_M3_S2));
export const VENUS_HILL_RADIUS_M = 0.723332 * AU_M * Math.cbrt(GM_VENUS_M3_S2 / (3 * GM_SUN_M3_S2));
export const MOON_HILL_RADIUS_M = LUNAR_DISTANCE_M * Math.cbrt(GM_MOON_M3_S2 / (3 * GM_EARTH_M3_S2));
/** Probe of the kinetic encounter rate, m (0.03 au: a dozen tracers of a 20 000-tracer shell around the Earth). */
export const ENCOUNTER_PROBE_M = 0.03 * AU_M;
/** A sample tracer is scattered when its osculating a moved by more than this fraction over the run. */
export const SCATTERED_FRACTION_OF_A = 0.01;

export interface DynamicsOptions {
  /** Tracers per shell integrated numerically (default 4). */
  readonly samplePerShell?: number;
  /** Instants of the shells' geometry (collisions and encounters) over the span (default 6). */
  readonly instants?: number;
}

export interface EncounterRates {
  /** Expected encounters over the span, whole shell (collectors on station at each instant). */
  readonly earthHill: number;
  readonly earthLunarDistance: number;
  readonly earthGeo: number;
  readonly moonHill: number;
  readonly venusHill: number;
}

export interface ShellDynamics {
  readonly name: string;
  /**
   * Collisions at the end with the shell's collectors spread over its geometry (shellGeometry.ts; not in
   * formations): the rate that grows as N^2, the collision time, fragments per year, and the N at which the
   * collision time equals the span.
   */
  readonly spread: {
    readonly collectors: number;
    readonly collisionsPerYear: number;
    readonly meanRelativeSpeedMS: number;
    readonly collisionTimeYears: number;
    readonly fragmentsPerYear: number;
    readonly ratePerCollectorSquared: number;
    readonly collectorsForCollisionTimeEqualSpan: number;
  };
  /** Collisions at the first and last output time where the shell has collectors (N^2 growth between them). */
  readonly collisionsFirst: (ShellCollisions & { readonly tdbS: number }) | null;
  readonly collisionsLast: (ShellCollisions & { readonly tdbS: number }) | null;
  /** Collision time below the run's span (years) at the end. */
  readonly collisionWarning: boolean;
  /** Secular model over the span, medians over the shell's tracers. */
  readonly secular: {
    readonly tracers: number;
    /** Fraction fully described: no planet left out, no flag. */
    readonly describedFraction: number;
    /** Planets left out (orbits within 3 Hill radii) for over half the shell's tracers. */
    readonly coOrbitalWith: readonly string[];
    readonly medianFreePrecessionArcsecPerYear: number;
    readonly medianDeltaE: number;
    readonly medianDeltaInclinationDeg: number;
    readonly medianDeltaPeriapsisLongitudeDeg: number;
    readonly medianDeltaNodeDeg: number;
  };
  /** Encounters over the span, from the shell's geometry times the collectors on station (collector-seconds). */
  readonly encounters: EncounterRates;
  readonly sample: {
    readonly tracers: number;
    /** Sample tracers whose integrated drift the secular model reproduces (secularCheck.ts). */
    readonly describedBySecular: number;
    readonly scattered: number;
    /** Close approaches found by the integration: Earth below its Hill radius, the Moon below its, Venus below its. */
    readonly earth: readonly CloseApproach[];
    readonly moon: readonly CloseApproach[];
    readonly venus: readonly CloseApproach[];
  };
}

export interface SwarmDynamics {
  readonly fromTdbS: number;
  readonly toTdbS: number;
  readonly shells: readonly ShellDynamics[];
  readonly warnings: readonly string[];
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : 0.5 * ((sorted[mid - 1] as number) + (sorted[mid] as number));
}

const wrapDeg = (rad: number): number => {
  const d = ((rad * 180) / Math.PI) % 360;
  const w = d > 180 ? d - 360 : d < -180 ? d + 360 : d;
  return Math.abs(w);
};

function secularSummary(
  world: World,
  secular: SecularTable,
  shell: number,
  fromTdbS: number,
  toTdbS: number,
): ShellDynamics['secular'] {
  const t = world.swarm.table;
  const a = new Float64Array(6);
  const b = new Float64Array(6);
  const de: number[] = [];
  const di: number[] = [];
  const dw: number[] = [];
  const dn: number[] = [];
  const rates: number[] = [];
  const excludedCount = new Float64Array(PERTURBERS.length);
  let described = 0;
  let n = 0;
  for (let k = 0; k < t.count; k += 1) {
    if (t.shellIndex[k] !== shell) continue;
    n += 1;
    secularElements(t, secular, k, fromTdbS, a);
    secularElements(t, secular, k, toTdbS, b);
    de.push(Math.abs((b[1] as number) - (a[1] as number)));
    di.push((Math.abs((b[2] as number) - (a[2] as number)) * 180) / Math.PI);
    dw.push(wrapDeg((b[3] as number) + (b[4] as number) - (a[3] as number) - (a[4] as number)));
    dn.push(wrapDeg((b[3] as number) - (a[3] as number)));
    rates.push(((secular.freeA[k] as number) * 180 * 3600 * SECONDS_PER_JULIAN_YEAR) / Math.PI);
    const ex = secular.excluded[k] as number;
    PERTURBERS.forEach((_, j) => {
      if ((ex & (1 << j)) !== 0) excludedCount[j] = (excludedCount[j] as number) + 1;
    });
    if (ex === 0 && secular.flags[k] === 0) described += 1;
  }
  return {
    tracers: n,
    describedFraction: n > 0 ? described / n : 0,
    coOrbitalWith: PERTURBERS.filter((_, j) => (excludedCount[j] as number) > n / 2).map((p) => p.id),
    medianFreePrecessionArcsecPerYear: median(rates),
    medianDeltaE: median(de),
    medianDeltaInclinationDeg: median(di),
    medianDeltaPeriapsisLongitudeDeg: median(dw),
    medianDeltaNodeDeg: median(dn),
  };
}

/** State of a table at t (position and velocity, m and m/s) by its own interpolant, central difference for v. */
function bodyState(table: StateTable, t: number, p: Float64Array, v: Float64Array): void {
  const h = 60;
  const a = new Float64Array(3);
  const b = new Float64Array(3);
  positionAt(table, t, p);
  positionAt(table, t + h, a);
  positionAt(table, t - h, b);
  for (let c = 0; c < 3; c += 1) v[c] = ((a[c] as number) - (b[c] as number)) / (2 * h);
}

/** The dynamics of every shell of `world` over [fromTdbS, toTdbS]. Deterministic for a given world. */
export function swarmDynamics(
  world: World,
  fromTdbS: number,
  toTdbS: number,
  outputTimes: readonly number[],
  options: DynamicsOptions = {},
): SwarmDynamics {
  const samplePerShell = options.samplePerShell ?? 4;
  const instants = options.instants ?? 6;
  const { scenario, swarm } = world;
  const table = swarm.table;
  const shellCount = scenario.shells.length;
  const spanYears = (toTdbS - fromTdbS) / SECONDS_PER_JULIAN_YEAR;
  const { unitAreaM2, unitMassKg } = scenario.collector;

  // Collisions at each output time, per shell.
  const collisionSeries: Array<Array<ShellCollisions & { tdbS: number }>> = Array.from(
    { length: shellCount },
    () => [],
  );
  for (const t of outputTimes) {
    const onStation = world.tracersOnStationAt(t);
    if (onStation === 0) continue;
    const perShell = shellCollisionsAt(
      table,
      onStation,
      t,
      shellCount,
      world.tracerWeightScaleAt(t),
      unitAreaM2,
      unitMassKg,
      undefined,
      swarm.tracerFormation,
    );
    perShell.forEach((c, s) => {
      if (c.collectors > 0) collisionSeries[s]?.push({ ...c, tdbS: t });
    });
  }

  // The secular model.
  const secular = secularTable(table, planetarySecularModes());

  // The shells' geometry (collectors spread over the shell): collisions per collector pair and encounters per
  // collector, averaged over `instants` times (the Earth, the Moon and Venus at different places).
  const earth = earthTable(fromTdbS, toTdbS);
  const moon = moonTable(fromTdbS, toTdbS);
  const field = perturberField(fromTdbS, toTdbS);
  const venus = field.tables[PERTURBERS.findIndex((p) => p.id === 'venus')] as StateTable;
  const ep = new Float64Array(3);
  const ev = new Float64Array(3);
  const mp = new Float64Array(3);
  const mv = new Float64Array(3);
  const vp = new Float64Array(3);
  const vv = new Float64Array(3);
  const sigma = collisionCrossSectionM2(unitAreaM2);
  const perPair = new Float64Array(shellCount);
  const perPairSpeed = new Float64Array(shellCount);
  const perCollector = Array.from({ length: shellCount }, () => new Float64Array(5));
  const dt = (toTdbS - fromTdbS) / instants;
  for (let i = 0; i < instants; i += 1) {
    const t = fromTdbS + (i + 0.5) * dt;
    bodyState(earth, t, ep, ev);
    bodyState(moon, t, mp, mv);
    for (let c = 0; c < 3; c += 1) {
      mp[c] = (mp[c] as number) + (ep[c] as number);
      mv[c] = (mv[c] as number) + (ev[c] as number);
    }
    bodyState(venus, t, vp, vv);
    scenario.shells.forEach((spec, shell) => {
      const sample = sampleShell(
        spec,
        scenario.collector.lightnessNumber,
        t,
        world.seed + 7919 * (i + 1) + shell,
      );
      const weights = new Float64Array(sample.count).fill(1);
      const c = kineticCollisions(
        sample.positionsM,
        sample.velocitiesMS,
        weights,
        sample.count,
        sigma,
        gridAround(sample.positionsM, sample.count),
      );
      perPair[shell] =
        (perPair[shell] as number) + c.collisionsPerS / (sample.count * sample.count) / instants;
      perPairSpeed[shell] = (perPairSpeed[shell] as number) + c.meanRelativeSpeedMS / instants;
      const common = {
        positionsM: sample.positionsM,
        velocitiesMS: sample.velocitiesMS,
        weights,
        count: sample.count,
        probeRadiusM: ENCOUNTER_PROBE_M,
      };
      const e = kineticEncounterRates(
        { ...common, bodyPositionM: ep, bodyVelocityMS: ev, bodyGmM3S2: GM_EARTH_M3_S2 },
        [EARTH_HILL_RADIUS_M, LUNAR_DISTANCE_M, GEO_RADIUS_M],
      ).ratesPerS;
      const m = kineticEncounterRates(
        { ...common, bodyPositionM: mp, bodyVelocityMS: mv, bodyGmM3S2: GM_MOON_M3_S2 },
        [MOON_HILL_RADIUS_M],
      ).ratesPerS;
      const v = kineticEncounterRates(
        { ...common, bodyPositionM: vp, bodyVelocityMS: vv, bodyGmM3S2: GM_VENUS_M3_S2 },
        [VENUS_HILL_RADIUS_M],
      ).ratesPerS;
      const out = perCollector[shell] as Float64Array;
      [e[0], e[1], e[2], m[0], v[0]].forEach((r, j) => {
        out[j] = (out[j] as number) + (r as number) / sample.count / instants;
      });
    });
  }
  // Collector-seconds on station per shell over the span (trapezoid over the output times).
  const collectorSeconds = new Float64Array(shellCount);
  const onStationAt = outputTimes.map((t) => world.collectorsOnStationByShell(t));
  for (let k = 1; k < outputTimes.length; k += 1) {
    const h = (outputTimes[k] as number) - (outputTimes[k - 1] as number);
    for (let s = 0; s < shellCount; s += 1) {
      const mean =
        0.5 *
        (((onStationAt[k - 1] as Float64Array)[s] as number) +
          ((onStationAt[k] as Float64Array)[s] as number));
      collectorSeconds[s] = (collectorSeconds[s] as number) + mean * h;
    }
  }
  const endCollectors = onStationAt[onStationAt.length - 1] ?? new Float64Array(shellCount);

  // The numerical sample: the first samplePerShell tracers of each shell (table order is station order).
  const state = new Float64Array(6);
  const shells: ShellDynamics[] = scenario.shells.map((spec, shell) => {
    // Spread over the shell's tracers (table order is station order; neighbours share a formation).
    const ofShell: number[] = [];
    for (let k = 0; k < table.count; k += 1) if (table.shellIndex[k] === shell) ofShell.push(k);
    const rows: number[] = [];
    for (let i = 0; i < Math.min(samplePerShell, ofShell.length); i += 1) {
      rows.push(ofShell[Math.floor(((i + 0.5) * ofShell.length) / samplePerShell)] as number);
    }
    let describedBySecular = 0;
    let scattered = 0;
    const found = { earth: [] as CloseApproach[], moon: [] as CloseApproach[], venus: [] as CloseApproach[] };
    for (const k of rows) {
      const check = checkSecular(table, secular, k, field, fromTdbS, toTdbS);
      if (check.described) describedBySecular += 1;
      const sol = check.solution;
      let hint = 0;
      const relativeTo = (body: StateTable, geocentric: boolean) => (t: number, out: Float64Array) => {
        hint = denseState(sol, t, state, hint);
        positionAt(body, t, out);
        if (geocentric) {
          positionAt(earth, t, ep);
          for (let c = 0; c < 3; c += 1) out[c] = (out[c] as number) + (ep[c] as number);
        }
        for (let c = 0; c < 3; c += 1) out[c] = (state[c] as number) - (out[c] as number);
      };
      const step = SECONDS_PER_DAY;
      found.earth.push(
        ...closeApproaches(relativeTo(earth, false), fromTdbS, toTdbS, step, EARTH_HILL_RADIUS_M, 10_000),
      );
      found.moon.push(
        ...closeApproaches(relativeTo(moon, true), fromTdbS, toTdbS, step, MOON_HILL_RADIUS_M, 10_000),
      );
      found.venus.push(
        ...closeApproaches(relativeTo(venus, false), fromTdbS, toTdbS, step, VENUS_HILL_RADIUS_M, 10_000),
      );
      const a = table.semiMajorAxisM[k] as number;
      const n = table.meanMotionRadS[k] as number;
      const o = 6 * (sol.count - 1);
      const end = stateToKepler(
        {
          positionM: [sol.states[o] as number, sol.states[o + 1] as number, sol.states[o + 2] as number],
          velocityMS: [sol.states[o + 3] as number, sol.states[o + 4] as number, sol.states[o + 5] as number],
        },
        n * n * a * a * a,
      );
      if (Math.abs(end.semiMajorAxisM / a - 1) > SCATTERED_FRACTION_OF_A) scattered += 1;
    }
    const series = collisionSeries[shell] ?? [];
    const last = series[series.length - 1] ?? null;
    const out = perCollector[shell] as Float64Array;
    const seconds = collectorSeconds[shell] as number;
    const n = endCollectors[shell] ?? 0;
    const k2 = (perPair[shell] as number) * SECONDS_PER_JULIAN_YEAR; // collisions per year per collector^2
    const perYear = k2 * n * n;
    const spread = {
      collectors: n,
      collisionsPerYear: perYear,
      meanRelativeSpeedMS: perPairSpeed[shell] as number,
      collisionTimeYears: perYear > 0 ? n / (2 * perYear) : Infinity,
      fragmentsPerYear:
        perYear > 0
          ? perYear * breakupFragments(unitMassKg, perPairSpeed[shell] as number, TRACKABLE_FRAGMENT_M)
          : 0,
      ratePerCollectorSquared: k2,
      collectorsForCollisionTimeEqualSpan: k2 > 0 ? 1 / (2 * k2 * spanYears) : Infinity,
    };
    return {
      name: spec.name,
      spread,
      collisionsFirst: series[0] ?? null,
      collisionsLast: last,
      collisionWarning:
        (last !== null && last.collisionTimeYears < spanYears) || spread.collisionTimeYears < spanYears,
      secular: secularSummary(world, secular, shell, fromTdbS, toTdbS),
      encounters: {
        earthHill: (out[0] as number) * seconds,
        earthLunarDistance: (out[1] as number) * seconds,
        earthGeo: (out[2] as number) * seconds,
        moonHill: (out[3] as number) * seconds,
        venusHill: (out[4] as number) * seconds,
      },
      sample: { tracers: rows.length, describedBySecular, scattered, ...found },
    };
  });
  const warnings: string[] = [];
  for (const s of shells) {
    if (s.collisionWarning) {
      const tau = Math.min(s.spread.collisionTimeYears, s.collisionsLast?.collisionTimeYears ?? Infinity);
      warnings.push(
        `${s.name}: collision time ${tau.toPrecision(3)} years, below the run's ${spanYears.toFixed(1)} years: the shell grinds itself down within the run`,
      );
    }
    if (s.secular.coOrbitalWith.length > 0) {
      warnings.push(
        `${s.name}: co-orbital with ${s.secular.coOrbitalWith.join(', ')} (orbits within 3 Hill radii): the secular model leaves that planet out and the encounter rate is a straight-line estimate; the real motion is horseshoe/tadpole or scattering, which this model does not follow`,
      );
    }
  }
  return { fromTdbS, toTdbS, shells, warnings };
}
