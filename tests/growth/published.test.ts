/**
 * The shipped scenarios against their published figures (sources in each scenario file and in
 * assets/scenarios/growth-README.md). Every expected value below is the publication's, or a closed form of the
 * publication's inputs; none is Essaim output pasted back. Each tolerance is defended where it is used.
 */
import { describe, expect, it } from 'vitest';
import { SOLAR_LUMINOSITY_W, STEFAN_BOLTZMANN_W_M2_K4 } from '../../sim/constants.ts';
import {
  MERCURY_GM_M3_S2,
  MERCURY_MASS_KG,
  MERCURY_MEAN_RADIUS_M,
  uniformSphereBindingEnergyJ,
} from '../../sim/growth/bodies.ts';
import { growthStateAt } from '../../sim/growth/state.ts';
import { BINDING_LIMITS } from '../../sim/growth/rates.ts';
import { isoToTdbS } from '../../sim/time.ts';
import { loadGrowthScenario, runScenario, YEAR_S } from './helpers.ts';

/** Closed forms of exact arithmetic, digits (5e-10 relative): the integrator resolves them to ~1e-12 (see below). */
const EXACT_DIGITS = 9;
/** Factory counts up to 2^16, digits (5e-7 factories, 8e-12 relative at 65536): the same ~1e-12 resolution. */
const FACTORY_COUNT_DIGITS = 6;
/** Four years of launches against the closed form, digits (5e-7): looser than EXACT_DIGITS; no reason given. */
const LAUNCHED_DIGITS = 6;
/** Imports held at the published 12 t cap, relative: rounding of the integrated imports at the cap. */
const IMPORT_CAP_SLACK_REL = 1e-9;
/** Imports with closure 1, digits (5e-7 kg): nothing is imported, so the two readings differ by rounding only. */
const NO_IMPORT_DIGITS = 6;
/** Against the paper's 1.80e30 J, relative: its three significant figures (0.28 %) and its unstated Mercury data. */
const BINDING_ENERGY_REL = 0.01;
/** Against the published ~31 years, years (1.6 %): the allowance for Essaim's extra physics, argued in the test. */
const TIMELINE_ALLOWANCE_YEARS = 0.5;
/** log2 of the mined mass, digits: implied by EXACT_DIGITS on the mass (1.4e-9); 6 is not argued further. */
const DOUBLINGS_DIGITS = 6;
/** Launch power at the 6.8e19 W heat cap, digits (5e9 W, 7e-11 relative): an algebraic clamp, rounding only. */
const HEAT_CAP_DIGITS = -10;

describe('nasa-1980-lunar-factory (NASA CP-2255 ch. 5)', () => {
  // Published: a 100-ton seed, replication time T = 1 year (app. 5F); a daughter that works only once complete
  // doubles the population every T, 2^n (sec. 5.3.5, KSRM sec. 5.9.2); putting each finished subunit to work at
  // once is the fast case, e^n. EXACT_DIGITS: the table is exact arithmetic, and the integrator resolves it to
  // ~1e-12 (batch commissioning is an exact event; the continuous case is RK4 at a one-day step).
  const loaded = loadGrowthScenario('nasa-1980-lunar-factory');
  const seedTdbS = isoToTdbS('2030-01-01');

  it('normal case: 100 t x 2^n working factory mass, and 2^n factories, for n = 0..16 years', () => {
    const { history } = runScenario(loaded);
    for (let n = 0; n <= 16; n += 1) {
      const state = growthStateAt(history, seedTdbS + n * YEAR_S);
      expect(state.factoryMassKg / (1e5 * 2 ** n)).toBeCloseTo(1, EXACT_DIGITS);
      expect(state.factoryCount).toBeCloseTo(2 ** n, FACTORY_COUNT_DIGITS);
      expect(state.earthImportsKg).toBe(1e5); // full closure: only the seed came from Earth
    }
  });

  it('fast case: 100 t x e^n for n = 0..16 years', () => {
    const site = loaded.growth.sites[0];
    if (site === undefined) throw new Error('scenario has no site');
    const fast = {
      scenario: loaded.scenario,
      growth: {
        ...loaded.growth,
        sites: [{ ...site, factory: { ...site.factory, growthMode: 'continuous' as const } }],
      },
    };
    const { history } = runScenario(fast);
    for (let n = 0; n <= 16; n += 1) {
      const state = growthStateAt(history, seedTdbS + n * YEAR_S);
      expect(state.factoryMassKg / (1e5 * Math.exp(n))).toBeCloseTo(1, EXACT_DIGITS);
    }
  });

  it('then produces: from 2046 all output becomes collectors and the factory mass stays at 2^16 x 100 t', () => {
    const { history } = runScenario(loaded);
    const end = growthStateAt(history, history.toTdbS);
    expect(end.factoryMassKg / (1e5 * 2 ** 16)).toBeCloseTo(1, EXACT_DIGITS);
    // Four years of production at 1 kg per kg per year of 2^16 x 100 t, all launched.
    const years = (history.toTdbS - isoToTdbS('2046-01-01')) / YEAR_S;
    expect(end.massLaunchedKg / (1e5 * 2 ** 16 * years)).toBeCloseTo(1, LAUNCHED_DIGITS);
  });
});

describe('metzger-2013 (J. Aerospace Eng. 26(1):18-29)', () => {
  const loaded = loadGrowthScenario('metzger-2013');
  const { history } = runScenario(loaded);
  const end = growthStateAt(history, history.toTdbS);

  it('lands no more than the published 12 t over the ~20 years of bootstrapping', () => {
    // The 12 t is the paper's total landed mass; the scenario's seed + vitamin cap are built to respect it.
    expect(end.earthImportsKg).toBeLessThanOrEqual(12_000 * (1 + IMPORT_CAP_SLACK_REL));
    expect(end.earthImportsKg).toBeGreaterThan(0.9 * 12_000);
  });

  it('ends bootstrapping with industrial assets within a factor 2 of the published 156 t', () => {
    // Factor 2 (|ln(model / 156 t)| < ln 2): the paper's per-generation closure and manufacturing rates were not
    // available, so the scenario reconstructs them from the abstract (12 t, ~20 years, closure rising to 1);
    // a wrong closure law (e.g. constant closure, or no vitamins cap) misses by far more than 2x.
    const ratio = end.factoryMassKg / 156_000;
    expect(Math.abs(Math.log(ratio))).toBeLessThan(Math.LN2);
  });

  it('is vitamin-limited while closure < 1, i.e. the imports bind, as the paper argues', () => {
    const mid = growthStateAt(history, isoToTdbS('2040-06-01'));
    expect(mid.bindingLimit).toBe('imports');
  });

  it('needs no imports once closure reaches 1, and keeps growing (self-sustaining after bootstrapping)', () => {
    const extended = {
      scenario: { ...loaded.scenario, toTdbS: isoToTdbS('2055-01-01') },
      growth: loaded.growth,
    };
    const { history: longer } = runScenario(extended);
    const at2050 = growthStateAt(longer, isoToTdbS('2050-01-01'));
    const at2055 = growthStateAt(longer, isoToTdbS('2055-01-01'));
    expect(at2055.earthImportsKg).toBeCloseTo(at2050.earthImportsKg, NO_IMPORT_DIGITS);
    // Replication time 1 (Julian) year: e^(elapsed years); 2050-2055 is 1826 days, 4.9993 Julian years.
    const years = (isoToTdbS('2055-01-01') - isoToTdbS('2050-01-01')) / YEAR_S;
    expect(at2055.factoryMassKg / at2050.factoryMassKg / Math.exp(years)).toBeCloseTo(1, EXACT_DIGITS);
  });
});

describe('armstrong-sandberg-2013 (Acta Astronautica 89:1-13, sec. 4)', () => {
  const loaded = loadGrowthScenario('armstrong-sandberg-2013');
  const { history } = runScenario(loaded);
  const seedTdbS = isoToTdbS('2030-01-01');
  const done = history.events.find((event) => event.kind === 'feedstock-exhausted');

  it("Mercury's binding energy from NASA fact-sheet data matches the paper's 1.80e30 J", () => {
    // The uniform-sphere formula is what the paper uses.
    const energy = uniformSphereBindingEnergyJ(MERCURY_GM_M3_S2, MERCURY_MASS_KG, MERCURY_MEAN_RADIUS_M);
    expect(Math.abs(energy / 1.8e30 - 1)).toBeLessThan(BINDING_ENERGY_REL);
    // The energy floor: at the paper's 1/3 efficiency the whole Sun supplies it in hours, not years.
    expect(energy / (SOLAR_LUMINOSITY_W / 3) / 3600).toBeLessThan(6);
  });

  it('disassembles Mercury in the published ~31 years', () => {
    // The replication time is derived from the published 31 years with the growth law alone (scenario notes), so
    // this checks that Essaim's extra physics, power from the captors at 1/3 efficiency, mass-driver capacity and
    // the 44-day flights, does not slow the paper's timeline: 0.5 years (1.6 %) is the allowance.
    expect(done).toBeDefined();
    const years = ((done?.tdbS ?? Infinity) - seedTdbS) / YEAR_S;
    expect(Math.abs(years - 31)).toBeLessThan(TIMELINE_ALLOWANCE_YEARS);
    const end = growthStateAt(history, history.toTdbS);
    expect(end.massLedger.minedKg / MERCURY_MASS_KG).toBeCloseTo(1, EXACT_DIGITS);
    expect(end.bindingLimit).toBe('feedstock');
  });

  it('takes log2(M_Mercury / seed) = 58.2 doublings, at the industry doubling time ln 2 / (a / T)', () => {
    const seedKg = 1e6;
    const end = growthStateAt(history, history.toTdbS);
    expect(Math.log2(end.massLedger.minedKg / seedKg)).toBeCloseTo(
      Math.log2(MERCURY_MASS_KG / seedKg),
      DOUBLINGS_DIGITS,
    );
    // Doubling time of the industry, measured mid-growth, against the closed form (a = 0.5, T = 0.391 yr).
    const doublingYears = (Math.LN2 * 0.391) / 0.5;
    const t = seedTdbS + 15 * YEAR_S;
    const ratio =
      growthStateAt(history, t + doublingYears * YEAR_S).factoryMassKg /
      growthStateAt(history, t).factoryMassKg;
    expect(ratio).toBeCloseTo(2, EXACT_DIGITS);
  });

  it('is never energy-limited after the first year, as the paper argues', () => {
    const power = BINDING_LIMITS.indexOf('power');
    for (let i = 0; i < history.sampleCount; i += 1) {
      if ((history.timesTdbS[i] ?? 0) < seedTdbS + YEAR_S) continue;
      expect(history.bindingCodes[i]).not.toBe(power);
    }
  });

  it('is heat-limited for centuries if Mercury must radiate the launch losses at 2000 K (a published critique)', () => {
    // LessWrong 2019 critique of sec. 4: the waste heat must leave Mercury's surface. At 2000 K the surface
    // radiates sigma T^4 4 pi R^2 = 6.8e19 W. With a 50 %-efficient driver, every kg launched leaves v^2/2 as heat,
    // so the launch rate is capped at that power over v^2/2: an analytic rate the model must reproduce.
    const site = loaded.growth.sites[0];
    if (site === undefined) throw new Error('scenario has no site');
    const limitW = STEFAN_BOLTZMANN_W_M2_K4 * 2000 ** 4 * 4 * Math.PI * MERCURY_MEAN_RADIUS_M ** 2;
    const hot = {
      scenario: loaded.scenario,
      growth: {
        ...loaded.growth,
        sites: [
          {
            ...site,
            heatRejectionLimitMW: limitW / 1e6,
            massDriver: { ...site.massDriver, efficiency: 0.5 },
          },
        ],
      },
    };
    const { history: capped } = runScenario(hot, 4 * 86400);
    const end = capped.sampleCount - 1;
    expect(BINDING_LIMITS[capped.bindingCodes[end] ?? 0]).toBe('heat');
    const heatPerKgJ = 0.5 * 4300 ** 2;
    expect((capped.launchRateKgPerS[end] ?? 0) * heatPerKgJ).toBeCloseTo(limitW, HEAT_CAP_DIGITS);
    expect(capped.events.some((event) => event.kind === 'feedstock-exhausted')).toBe(false);
  });
});
