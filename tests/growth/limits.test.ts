/**
 * Each limit, alone, against its closed form; and the delay and degradation of collectors on station.
 * Tolerance 1e-9 relative unless said: the limits are algebraic clamps inside an RK4 step, exact for the
 * exponential or linear laws below to ~1e-12 at a one-day step.
 */
import { describe, expect, it } from 'vitest';
import { AU_M, SECONDS_PER_DAY, SOLAR_IRRADIANCE_1AU_W_M2, SOLAR_LUMINOSITY_W } from '../../sim/constants.ts';
import { growthStateAt } from '../../sim/growth/state.ts';
import { resolveCollector } from '../../sim/scenario/resolve.ts';
import { FROM_TDB_S, oneSite, runSynthetic, YEAR_S } from './helpers.ts';

/** Relative, unless said: algebraic clamps inside an RK4 step, exact for these laws to ~1e-12 at a one-day step. */
const LIMIT_REL = 1e-9;
/** Mined mass at the feedstock limit, relative: the clamp sets it to the limit, so rounding only. */
const CLAMPED_REL = 1e-12;
/** Intercepted power above half the Sun's light, relative: rounding of the coverage clamp, a few ulp. */
const COVERAGE_CAP_SLACK_REL = 1e-12;
/** Captured power, relative: the burst's 0.001 yr spread in age times the decay rate, and thin-swarm interception. */
const BURST_AGE_REL = 1e-3;

const at = (years: number): number => FROM_TDB_S + years * YEAR_S;
const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

describe('limits', () => {
  it('mass driver: launches exactly its capacity and says so', () => {
    const { history } = runSynthetic(
      oneSite({
        allocation: { replicationFraction: 0 },
        massDriver: { launchSpeedKmS: 2.75, rateKgPerS: 1e-3, efficiency: 0.8 },
      }),
      3,
    );
    const state = growthStateAt(history, at(2.5));
    expect(rel(state.massLaunchedKg, 1e-3 * 2.5 * YEAR_S)).toBeLessThan(LIMIT_REL);
    expect(state.factoryMassKg).toBe(1e5);
    expect(state.bindingLimit).toBe('mass-driver');
  });

  it('power: growth at the rate the plant can pay for, w F / e', () => {
    const w = 20; // W/kg at 1 au, lit
    const e = 1e9; // J/kg
    const flux = SOLAR_LUMINOSITY_W / (4 * Math.PI * AU_M * AU_M);
    const rate = (w * (flux / SOLAR_IRRADIANCE_1AU_W_M2) * 0.5) / e; // Moon duty cycle 0.5; 1/s
    expect(rate * YEAR_S).toBeLessThan(1); // slower than the factory's own 1/yr
    const { history } = runSynthetic(
      oneSite({ factory: { specificPowerWPerKg: w, processingEnergyMJPerKg: e / 1e6 } }),
      5,
    );
    for (const t of [1, 3, 5]) {
      const state = growthStateAt(history, at(t));
      expect(rel(state.factoryMassKg, 1e5 * Math.exp(rate * t * YEAR_S))).toBeLessThan(LIMIT_REL);
      expect(state.bindingLimit).toBe('power');
      expect(state.energyLedger.curtailedJ).toBeLessThan(LIMIT_REL * state.energyLedger.availableJ);
    }
  });

  it("own-power cap: the plant's arrays give at most the cap P, so growth is linear at P / e", () => {
    // 200 W/kg at 1 au (about 1e7 W at 1e5 kg on the Moon, lit half the time), capped at 1 MW: the cap binds
    // from the start, so dF/dt = P / e whatever F: F0 + (1e6 / 1e9) t.
    const { history } = runSynthetic(
      oneSite({
        factory: { specificPowerWPerKg: 200, processingEnergyMJPerKg: 1000 },
        ownPowerLimitMW: 1,
      }),
      2,
    );
    const state = growthStateAt(history, at(2));
    expect(rel(state.factoryMassKg, 1e5 + (1e6 / 1e9) * 2 * YEAR_S)).toBeLessThan(LIMIT_REL);
    expect(state.bindingLimit).toBe('power');
  });

  it('imports: a vitamin cap I with closure c grows the factory by I / (1 - c) per year', () => {
    const { history } = runSynthetic(oneSite({ factory: { closure: 0.5 }, maxImportKgPerYear: 1e4 }), 3);
    const state = growthStateAt(history, at(3));
    expect(rel(state.factoryMassKg, 1e5 + 2e4 * 3)).toBeLessThan(LIMIT_REL);
    expect(rel(state.earthImportsKg, 1e5 + 1e4 * 3)).toBeLessThan(LIMIT_REL);
    expect(state.bindingLimit).toBe('imports');
  });

  it('heat: a heat rejection cap H with processing energy e grows the factory by H / e', () => {
    const { history } = runSynthetic(
      oneSite({ factory: { processingEnergyMJPerKg: 100 }, heatRejectionLimitMW: 0.05 }),
      2,
    );
    const state = growthStateAt(history, at(2));
    expect(rel(state.factoryMassKg, 1e5 + (0.05e6 / 100e6) * 2 * YEAR_S)).toBeLessThan(LIMIT_REL);
    expect(state.bindingLimit).toBe('heat');
  });

  it('feedstock: stops at the limit, at the time the closed form gives', () => {
    // Closure 1, yield 0.5: mined = 2 (F - F0); the limit 1e6 kg is reached when F = F0 + 5e5, at T ln 6.
    const { history } = runSynthetic(
      oneSite({ feedstockLimitKg: 1e6, factory: { processingYield: 0.5 } }),
      3,
    );
    const event = history.events.find((e) => e.kind === 'feedstock-exhausted');
    expect(event).toBeDefined();
    expect(rel((event?.tdbS ?? 0) - FROM_TDB_S, Math.log(6) * YEAR_S)).toBeLessThan(LIMIT_REL);
    const end = growthStateAt(history, at(3));
    expect(rel(end.massLedger.minedKg, 1e6)).toBeLessThan(CLAMPED_REL);
    expect(rel(end.factoryMassKg, 6e5)).toBeLessThan(LIMIT_REL);
    expect(rel(end.massLedger.wasteKg, 5e5)).toBeLessThan(LIMIT_REL);
    expect(end.bindingLimit).toBe('feedstock');
  });

  it('luminosity: stops making collectors when the swarm would cover the allowed fraction of the Sun', () => {
    // Allocation 0.5, T = 0.2 yr: launched = F - F0 = F0 (exp(2.5 t) - 1). One shell at 1 au, collectors
    // 0.01 kg/m^2: coverage 1/2 needs tau = ln 2, i.e. ln 2 * 4 pi (1 au)^2 m^2.
    const needKg = Math.LN2 * 4 * Math.PI * AU_M * AU_M * 0.01;
    const tYears = Math.log(needKg / 1e5 + 1) / 2.5;
    const { history } = runSynthetic(
      oneSite(
        {
          factory: { replicationTimeYears: 0.2 },
          allocation: { replicationFraction: 0.5 },
          massDriver: { launchSpeedKmS: 2.75, rateKgPerS: 1e20, efficiency: 0.8 },
        },
        { limits: { maxCoverageFraction: 0.5 } },
      ),
      16,
    );
    const event = history.events.find((e) => e.kind === 'luminosity-cap');
    expect(rel((event?.tdbS ?? 0) - FROM_TDB_S, tYears * YEAR_S)).toBeLessThan(LIMIT_REL);
    const end = growthStateAt(history, at(16));
    expect(rel(end.massLaunchedKg, needKg)).toBeLessThan(LIMIT_REL);
    expect(end.bindingLimit).toBe('luminosity');
    // The captured power never exceeds what half the Sun's light carries, times the efficiency.
    expect(end.interceptedPowerW).toBeLessThanOrEqual(
      0.5 * SOLAR_LUMINOSITY_W * (1 + COVERAGE_CAP_SLACK_REL),
    );
    expect(rel(end.interceptedPowerW, 0.5 * SOLAR_LUMINOSITY_W)).toBeLessThan(LIMIT_REL);
  });
});

describe('grow first, then produce', () => {
  it('switches allocation when the factory mass reaches the target, at T ln(target / seed)', () => {
    const { history } = runSynthetic(
      oneSite({
        factory: { replicationTimeYears: 1.5 },
        allocation: { replicationFraction: 1, switchAtFactoryMassKg: 8e5 },
      }),
      5,
    );
    const event = history.events.find((e) => e.kind === 'allocation-switch');
    expect(rel((event?.tdbS ?? 0) - FROM_TDB_S, 1.5 * Math.log(8) * YEAR_S)).toBeLessThan(LIMIT_REL);
    const end = growthStateAt(history, at(5));
    expect(rel(end.factoryMassKg, 8e5)).toBeLessThan(LIMIT_REL);
    // Afterwards everything is collectors: 8e5 kg / 1.5 yr of output for the rest of the span.
    const after = 5 - 1.5 * Math.log(8);
    expect(rel(end.massLaunchedKg, (8e5 / 1.5) * after)).toBeLessThan(LIMIT_REL);
  });
});

describe('collectors in flight and on station', () => {
  it('arrive one flight time after launch: on station(t) = launched(t - flight)', () => {
    const flightDays = 100;
    const { history } = runSynthetic(
      oneSite({
        allocation: { replicationFraction: 0.5 },
        targets: [{ shell: 'near-1au', fraction: 1, holdDays: flightDays }],
      }),
      4,
    );
    for (const t of [1, 2.2, 4]) {
      const now = growthStateAt(history, at(t));
      const then = growthStateAt(history, at(t) - flightDays * SECONDS_PER_DAY);
      expect(rel(now.collectorMassOnStationKg, then.massLaunchedKg)).toBeLessThan(LIMIT_REL);
      expect(rel(now.massLedger.inTransitKg, now.massLaunchedKg - then.massLaunchedKg)).toBeLessThan(
        LIMIT_REL,
      );
    }
  });

  it('capture sunlight at the shell, minus their degradation: P = S(r) A eta (1 - d)^age', () => {
    // A burst of collectors in the first 0.001 yr (allocation 0, then 1): all about the same age.
    const d = 0.1;
    const { history } = runSynthetic(
      oneSite({
        allocation: {
          replicationFraction: {
            interpolate: 'step',
            points: [
              { at: '2030-01-01', value: 0 },
              { at: '2030-01-01T08:45:36Z', value: 1 },
            ],
          },
        },
      }),
      5,
      {
        collector: resolveCollector({
          unitAreaM2: 10_000,
          arealDensityKgM2: 0.01,
          conversionEfficiency: 0.2,
          degradationPerYear: d,
          reflectivity: 0.1,
        }),
      },
    );
    const burstEnd = growthStateAt(history, at(0.001));
    const areaM2 = burstEnd.massLaunchedKg / 0.01;
    const irradiance = SOLAR_LUMINOSITY_W / (4 * Math.PI * AU_M * AU_M);
    for (const t of [1, 3, 5]) {
      const state = growthStateAt(history, at(t));
      expect(rel(state.capturedPowerW, irradiance * areaM2 * 0.2 * (1 - d) ** (t - 0.0005))).toBeLessThan(
        BURST_AGE_REL,
      );
    }
  });
});
