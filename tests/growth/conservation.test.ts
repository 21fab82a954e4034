/**
 * Conservation, at every recorded sample and at off-grid times:
 *   mass    mined + imported = factories (working + under construction) + collectors on station + in transit
 *           + propellant and thrusters launched with them + losses + waste
 *   energy  available = processing + launch kinetic + launch losses + curtailed
 * Each term is a separately integrated state variable, so the identities test the model's bookkeeping: a flow
 * booked on one side only (or twice) breaks them at once. Tolerance 1e-9 of the largest term (the brief's), with
 * rounding over 10^4 RK4 steps at ~1e-13.
 */
import { describe, expect, it } from 'vitest';
import { SECONDS_PER_DAY } from '../../sim/constants.ts';
import type { GrowthHistory } from '../../sim/growth/integrate.ts';
import { PATH, SITE } from '../../sim/growth/layout.ts';
import { growthStateAt } from '../../sim/growth/state.ts';
import { loadBaselineWithGrowth, loadGrowthScenario, oneSite, runScenario, runSynthetic } from './helpers.ts';

const REL = 1e-9;
/** Invested energy against its three ledger terms, digits (0.5 J): the same sum in another order, rounding only. */
const INVESTED_SUM_DIGITS = 0;
/**
 * Captured energy against the trapezoid of the recorded power, relative: the trapezoid rule's error, about
 * (h r)^2 / 12 = 6e-7 at a one-day step on growth of ~1/yr; the margin to 1e-4 is not derived further.
 */
const TRAPEZOID_REL = 1e-4;

function checkLedgers(history: GrowthHistory, tdbS: number): void {
  const state = growthStateAt(history, tdbS);
  const m = state.massLedger;
  const massScale = Math.max(m.minedKg + m.importedKg, 1);
  expect(Math.abs(m.residualKg)).toBeLessThanOrEqual(REL * massScale);
  for (const term of [
    m.minedKg,
    m.importedKg,
    m.inFactoriesKg,
    m.inCollectorsOnStationKg,
    m.inTransitKg,
    m.inPropulsionKg,
    m.lossesKg,
    m.wasteKg,
  ]) {
    expect(term).toBeGreaterThanOrEqual(-REL * massScale);
  }
  const e = state.energyLedger;
  const energyScale = Math.max(e.availableJ, 1);
  expect(Math.abs(e.residualJ)).toBeLessThanOrEqual(REL * energyScale);
  expect(e.curtailedJ).toBeGreaterThanOrEqual(-REL * energyScale);
  // The ledgers are also what the headline figures report.
  expect(state.earthImportsKg).toBe(m.importedKg);
  expect(state.energyInvestedJ).toBeCloseTo(
    e.processingJ + e.launchKineticJ + e.launchLossJ,
    INVESTED_SUM_DIGITS,
  );
  expect(state.collectorMassOnStationKg).toBe(m.inCollectorsOnStationKg);
}

/** The same identities read straight from the sample rows (cheap enough for every sample): worst relative misfits. */
function checkSampleRows(history: GrowthHistory): void {
  const { layout, states } = history;
  let worstMass = 0;
  let worstEnergy = 0;
  let worstTransit = 0;
  for (let i = 0; i < history.sampleCount; i += 1) {
    const row = i * layout.size;
    let sources = 0;
    let sinks = 0;
    let available = 0;
    let spent = 0;
    for (let s = 0; s < layout.siteCount; s += 1) {
      const o = row + layout.siteOffset(s);
      const v = (slot: number): number => states[o + slot] ?? NaN;
      sources += v(SITE.minedKg) + v(SITE.importedKg);
      sinks += v(SITE.factoryKg) + v(SITE.wipKg) + v(SITE.lossesKg) + v(SITE.wasteKg);
      available += v(SITE.availableJ);
      spent += v(SITE.processingJ) + v(SITE.launchKineticJ) + v(SITE.launchLossJ) + v(SITE.curtailedJ);
    }
    for (let p = 0; p < layout.pathCount; p += 1) {
      const o = row + layout.pathOffset(p);
      const launched = states[o + PATH.launchedKg] ?? NaN;
      const onStation = states[o + PATH.onStationKg] ?? NaN;
      sinks +=
        onStation +
        (launched - onStation) +
        (states[o + PATH.propellantKg] ?? NaN) +
        (states[o + PATH.thrusterKg] ?? NaN);
      worstTransit = Math.max(worstTransit, (onStation - launched) / Math.max(launched, 1));
    }
    worstMass = Math.max(worstMass, Math.abs(sources - sinks) / Math.max(sources, 1));
    worstEnergy = Math.max(worstEnergy, Math.abs(available - spent) / Math.max(available, 1));
  }
  expect(worstMass).toBeLessThanOrEqual(REL);
  expect(worstEnergy).toBeLessThanOrEqual(REL);
  expect(worstTransit).toBeLessThanOrEqual(REL); // never more on station than launched
}

function checkHistory(history: GrowthHistory): void {
  checkSampleRows(history);
  // Off-grid times: interpolation must keep the identities.
  const span = history.toTdbS - history.fromTdbS;
  for (let k = 0; k < 61; k += 1) checkLedgers(history, history.fromTdbS + span * ((k * 0.6180339887) % 1));

  // Cohorts: counts telescope to the total launched; each arrives one flight after launch.
  const end = growthStateAt(history, history.toTdbS);
  const cohortCollectors = history.cohorts.reduce((sum, cohort) => sum + cohort.collectorCount, 0);
  expect(Math.abs(cohortCollectors - end.collectorsLaunched)).toBeLessThanOrEqual(
    REL * Math.max(1, end.collectorsLaunched),
  );
  for (const cohort of history.cohorts) {
    expect(cohort.collectorCount).toBeGreaterThan(0);
    // The mean launch, one flight later, falls inside the cohort's arrivals.
    const site = history.params.sites[cohort.siteIndex];
    const flightS = site?.targets.find((target) => target.shellIndex === cohort.shellIndex)?.transferS;
    expect(flightS).toBeDefined();
    expect(cohort.stationTdbS).toBeLessThanOrEqual(cohort.launchTdbS + (flightS as number));
    expect(cohort.lastStationTdbS).toBeGreaterThanOrEqual(cohort.launchTdbS + (flightS as number));
    expect(cohort.launchTdbS).toBeGreaterThanOrEqual(history.fromTdbS);
    expect(cohort.launchTdbS).toBeLessThanOrEqual(history.toTdbS);
  }

  // Captured energy (an integrated slot) against the trapezoid of the recorded captured power.
  let trapezoid = 0;
  for (let i = 1; i < history.sampleCount; i += 1) {
    const dt = (history.timesTdbS[i] ?? 0) - (history.timesTdbS[i - 1] ?? 0);
    trapezoid += 0.5 * dt * ((history.capturedPowerW[i] ?? 0) + (history.capturedPowerW[i - 1] ?? 0));
  }
  expect(Math.abs(trapezoid - end.energyCapturedJ)).toBeLessThanOrEqual(
    TRAPEZOID_REL * Math.max(end.energyCapturedJ, 1),
  );
}

describe('mass and energy conservation', () => {
  for (const name of [
    'nasa-1980-lunar-factory',
    'metzger-2013',
    'metzger-2013-fast',
    'armstrong-sandberg-2013',
  ]) {
    it(`holds at every sample of ${name}`, () => checkHistory(runScenario(loadGrowthScenario(name)).history));
  }

  it('holds for the proposed baseline growth (two sites, two shells, losses, yield, learning, import caps)', () => {
    checkHistory(runScenario(loadBaselineWithGrowth()).history);
  });

  it('holds through batch commissioning, resupply, a power limit, a heat limit and a mass-driver limit', () => {
    const { history } = runSynthetic(
      oneSite({
        resupply: [{ massKg: 2e4, date: '2031-06-01' }],
        factory: {
          replicationTimeYears: 0.8,
          growthMode: 'batch',
          batchIntervalYears: 0.25,
          closure: 0.7,
          collectorClosure: 0.9,
          lossRatePerYear: 0.1,
          processingEnergyMJPerKg: 50,
          collectorProcessingEnergyMJPerKg: 500,
          processingYield: 0.4,
          specificPowerWPerKg: 60,
        },
        heatRejectionLimitMW: 5,
        allocation: { replicationFraction: 0.7 },
        massDriver: {
          launchSpeedKmS: 2.5,
          rateKgPerS: 0.01,
          rateKgPerSPerTonneFactory: 0.001,
          efficiency: 0.6,
        },
        // 2.5 km/s leaves 0.51 km/s of the circularisation to fly: electric, so propellant and thrusters are
        // launched with the collectors and must close the ledger too.
        targets: [
          {
            shell: 'near-1au',
            fraction: 1,
            propulsion: {
              kind: 'electric',
              specificImpulseS: 2500,
              thrustEfficiency: 0.3,
              powerWPerKg: 10,
              thrusterKgPerKW: 3,
              maxPropellantFraction: 0.3,
              maxFlightDays: 1000,
            },
          },
        ],
      }),
      8,
      { stepS: 2 * SECONDS_PER_DAY },
    );
    checkHistory(history);
    const limits = new Set(Array.from(history.bindingCodes));
    expect(limits.size).toBeGreaterThan(1); // several limits took their turn
  });
});
