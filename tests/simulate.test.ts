import { describe, expect, it } from 'vitest';
import { AU_M, SOLAR_IRRADIANCE_1AU_W_M2, SOLAR_LUMINOSITY_W } from '../sim/constants.ts';
import { createWorld, isoToTdbS, loadScenario, simulate } from '../sim/index.ts';
import { parseStep } from '../sim/duration.ts';

const YEAR_S = 365.25 * 86400;
/** Counts, weights and powers against the schedule's sums, relative: sums over cohorts and tracers, rounding only. */
const SUM_ROUNDING_REL = 1e-12;
/** Powers of ~1e10-1e11 W against intercepted x efficiency, digits (0.5 W): one product, rounding only. */
const WATT_DIGITS = 0;
/** Slack on collector counts, collectors: rounding of sums of counts of order 1e4 (ulp ~2e-12). */
const COUNT_SLACK = 1e-6;
/** One collector's power, relative: 86400 s of UTC are 86400 + 3e-5 s of TDB, 3.5e-10 of the day's deployment. */
const UTC_DAY_IN_TDB_REL = 1e-9;
/** Cohorts against the growth model's integrated launches, relative: the growth model's own 1e-9 (tests/growth). */
const GROWTH_REL = 1e-9;

/** A one-shell, circular-orbit variant of the baseline: every collector is exactly at r = a. */
function circularScenario(aAu: number, degradationPerYear = 0) {
  return loadScenario({
    name: 'circular',
    title: 'circular test swarm',
    from: '2030-01-01',
    to: '2052-01-01',
    tracers: 500,
    collector: {
      unitAreaM2: 2500,
      arealDensityKgM2: 0.02,
      conversionEfficiency: 0.25,
      reflectivity: 0.5,
      degradationPerYear,
    },
    shells: [{ name: 'ring', semiMajorAxisAu: [aAu, aAu], eccentricity: [0, 0], inclinationDeg: [0, 30] }],
    deployment: [
      { shell: 'ring', start: '2040-01-01', end: '2045-01-01', collectorsPerYear: 1000, transferDays: 100 },
      { shell: 'ring', start: '2045-01-01', end: '2050-01-01', collectorsPerYear: 5000, transferDays: 100 },
    ],
  });
}

describe('the run, against the analytic sums of its schedule', () => {
  it('counts every scheduled collector once all have arrived: totals exact, weights lose nothing', () => {
    const scenario = circularScenario(0.8);
    const world = createWorld(scenario);
    const snap = world.snapshot(isoToTdbS('2051-06-01'));
    const scheduled = scenario.campaigns.reduce(
      (n, c) => n + c.collectorsPerS * (c.endTdbS - c.startTdbS),
      0,
    );
    expect(Math.abs(snap.collectorCount - scheduled) / scheduled).toBeLessThan(SUM_ROUNDING_REL);
    expect(snap.collectorAreaM2).toBe(snap.collectorCount * 2500);
    expect(snap.massInOrbitKg).toBe(snap.collectorCount * 2500 * 0.02);
    const weights = world.swarm.table.weight.reduce((sum, w) => sum + w, 0);
    expect(Math.abs(weights - snap.collectorCount) / snap.collectorCount).toBeLessThan(SUM_ROUNDING_REL);
    expect(snap.tracerCount).toBe(world.swarm.table.count);
  });

  it('captured power equals N * A * S * (1 au / a)^2 * efficiency on circular orbits, at every output time', () => {
    const aAu = 0.72;
    const result = simulate(circularScenario(aAu), { step: parseStep('6mo') });
    for (const snap of result.snapshots) {
      const expected = (snap.collectorCount * 2500 * SOLAR_IRRADIANCE_1AU_W_M2 * 0.25) / (aAu * aAu);
      expect(Math.abs(snap.capturedPowerW - expected)).toBeLessThanOrEqual(SUM_ROUNDING_REL * expected);
      expect(snap.solarLuminosityFraction).toBe(snap.capturedPowerW / SOLAR_LUMINOSITY_W);
      expect(snap.interceptedSunlightW * 0.25).toBeCloseTo(snap.capturedPowerW, WATT_DIGITS);
    }
  });

  it('follows the continuous schedule at intermediate times, not only at the cohorts’ edges', () => {
    const scenario = circularScenario(1);
    const world = createWorld(scenario);
    for (let year = 2040; year <= 2051; year += 0.37) {
      const t = isoToTdbS('2030-01-01') + (year - 2030) * YEAR_S;
      let continuous = 0;
      for (const c of scenario.campaigns) {
        const launched = Math.min(Math.max(t - c.transferS - c.startTdbS, 0), c.endTdbS - c.startTdbS);
        continuous += c.collectorsPerS * launched;
      }
      expect(Math.abs(world.snapshot(t).collectorCount - continuous)).toBeLessThanOrEqual(
        SUM_ROUNDING_REL * continuous + COUNT_SLACK,
      );
    }
  });

  it('degrades efficiency as (1 - d)^age for a single cohort', () => {
    const scenario = loadScenario({
      name: 'one-cohort',
      title: 'one cohort',
      from: '2030-01-01',
      to: '2040-01-01',
      // One tracer, on station at the cohort's first arrival: its age is exactly that of the cohort.
      tracers: 1,
      cohortDays: 3650,
      collector: {
        unitAreaM2: 100,
        arealDensityKgM2: 0.05,
        conversionEfficiency: 0.3,
        degradationPerYear: 0.04,
      },
      shells: [{ name: 'one', semiMajorAxisAu: [1, 1], eccentricity: [0, 0], inclinationDeg: [0, 0] }],
      deployment: [{ shell: 'one', start: '2030-01-01', end: '2030-01-02', collectorsPerYear: 365.25 }],
    });
    const world = createWorld(scenario);
    const stationTdbS = world.swarm.cohorts[0]!.stationTdbS;
    const t = stationTdbS + 7.5 * YEAR_S;
    // One collector: 365.25 per year for one UTC day.
    const expected = 100 * SOLAR_IRRADIANCE_1AU_W_M2 * 0.3 * Math.pow(1 - 0.04, 7.5);
    expect(Math.abs(world.snapshot(t).capturedPowerW - expected) / expected).toBeLessThan(UTC_DAY_IN_TDB_REL);
  });

  it('the baseline stays between the perihelion and aphelion bounds of its shells', () => {
    const scenario = loadScenario('baseline');
    const world = createWorld(scenario, { tracers: 3000 });
    const t = scenario.toTdbS;
    const snap = world.snapshot(t);
    // Bound every tracer's flux by its shell's extreme distances.
    let lower = 0;
    let upper = 0;
    const { table } = world.swarm;
    for (let k = 0; k < snap.tracerCount; k += 1) {
      const shell = scenario.shells[table.shellIndex[k]!]!;
      const rMax = shell.semiMajorAxisM[1] * (1 + shell.eccentricity[1]);
      const rMin = shell.semiMajorAxisM[0] * (1 - shell.eccentricity[1]);
      lower += table.weight[k]! * (AU_M / rMax) ** 2;
      upper += table.weight[k]! * (AU_M / rMin) ** 2;
    }
    const perUnit = scenario.collector.unitAreaM2 * SOLAR_IRRADIANCE_1AU_W_M2;
    expect(snap.interceptedSunlightW).toBeGreaterThan(lower * perUnit);
    expect(snap.interceptedSunlightW).toBeLessThan(upper * perUnit);
  });

  it('is random-access: a snapshot does not depend on which snapshots came before', () => {
    const world = createWorld(loadScenario('baseline'), { tracers: 2000 });
    const times = [2049.5, 2041.2, 2050.9, 2045.0].map((y) => isoToTdbS('2030-01-01') + (y - 2030) * YEAR_S);
    const forward = times.map((t) => world.snapshot(t));
    const fresh = createWorld(loadScenario('baseline'), { tracers: 2000 });
    const backward = [...times]
      .reverse()
      .map((t) => fresh.snapshot(t))
      .reverse();
    expect(backward).toEqual(forward);
  });

  it('gives every cohort at least one tracer even when the budget is smaller than the cohort count', () => {
    const world = createWorld(loadScenario('baseline'), { tracers: 5 });
    const perCohort = new Uint32Array(world.swarm.cohorts.length);
    for (const c of world.swarm.tracerCohort) perCohort[c]! += 1;
    expect(Math.min(...perCohort)).toBeGreaterThanOrEqual(1);
  });
});

describe('the swarm grown by the growth model', () => {
  it('puts on station the collectors the growth model launched (cohorts carry every one of them)', () => {
    const scenario = loadScenario('baseline');
    const world = createWorld(scenario, { tracers: 1500 });
    const result = simulate(scenario, { tracers: 1500 });
    for (const snap of result.snapshots) {
      // The baseline has no fixed schedule: every collector on station is the growth model's (one count).
      expect(Math.abs(snap.collectorCount - snap.growth!.collectorsOnStation)).toBeLessThanOrEqual(
        SUM_ROUNDING_REL * snap.collectorCount + COUNT_SLACK,
      );
    }
    // Every collector the model launched is in some cohort.
    const history = world.growthHistory!;
    const end = result.snapshots[result.snapshots.length - 1]!.growth!;
    const inCohorts = world.swarm.cohorts.reduce((sum, c) => sum + c.collectorCount, 0);
    expect(Math.abs(inCohorts - end.collectorsLaunched) / end.collectorsLaunched).toBeLessThan(GROWTH_REL);
    expect(history.toTdbS).toBeGreaterThanOrEqual(scenario.toTdbS);
    const last = result.snapshots[result.snapshots.length - 1]!;
    expect(last.collectorCount).toBeGreaterThan(1000);
  });

  it('never intercepts more than the Sun emits, even when the swarm is opaque (Armstrong-Sandberg)', () => {
    const scenario = loadScenario('armstrong-sandberg-2013');
    const result = simulate(scenario, { tracers: 800 });
    let maxFraction = 0;
    for (const snap of result.snapshots) {
      expect(snap.interceptedSunlightW).toBeLessThanOrEqual(SOLAR_LUMINOSITY_W);
      maxFraction = Math.max(maxFraction, snap.interceptedSunlightW / SOLAR_LUMINOSITY_W);
    }
    // The swarm's unshaded area would intercept many times the luminosity: shading is what holds it under 1.
    const last = result.snapshots[result.snapshots.length - 1]!;
    const unshadedW =
      (last.collectorAreaM2 * SOLAR_IRRADIANCE_1AU_W_M2) /
      (scenario.shells[0]!.semiMajorAxisM[0] / AU_M) ** 2;
    expect(unshadedW).toBeGreaterThan(SOLAR_LUMINOSITY_W);
    expect(maxFraction).toBeGreaterThan(0.5);
  });
});
