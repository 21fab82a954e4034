/**
 * The joined ledger: its bookkeeping over the baseline run (each source's supply = what AI takes + its surplus;
 * the sources add up to the demand), cost and CO2 per task worked out by hand for one row, the capital recovery
 * factor against its textbook value, the charter's warnings, and bad input named at the boundary.
 */
import { describe, expect, it } from 'vitest';
import { SECONDS_PER_JULIAN_YEAR } from '../../sim/constants.ts';
import { InputError } from '../../sim/errors.ts';
import { capitalRecoveryFactor } from '../../sim/ground/levelised.ts';
import { groundStateAt } from '../../sim/ground/at.ts';
import { resolveGround } from '../../sim/ground/resolve.ts';
import { groundSchema } from '../../sim/ground/schema.ts';
import { FIGURES } from '../../sim/report/figures.ts';
import { builtinScenarioObject, loadBuiltinScenario, scenarioFromObject } from '../../sim/scenario/load.ts';
import { simulate } from '../../sim/simulate.ts';
import { isoToTdbS } from '../../sim/time.ts';

/** Bookkeeping tolerance, relative to the demand: sums of a dozen terms. */
const BALANCE_RELATIVE = 1e-12;

describe('ground ledger bookkeeping over the baseline run', () => {
  const scenario = loadBuiltinScenario('baseline');
  const run = simulate(scenario, { tracers: 300 });

  it('every row balances: available = to AI + surplus per source, and the sources supply the demand', () => {
    expect(run.snapshots.length).toBeGreaterThan(20);
    for (const snapshot of run.snapshots) {
      const ground = snapshot.ground;
      expect(ground).toBeDefined();
      if (ground === undefined) continue;
      let toAi = 0;
      for (const line of ground.supply) {
        expect(line.toAiW).toBeGreaterThanOrEqual(0);
        expect(line.surplusW).toBeGreaterThanOrEqual(0);
        expect(Math.abs(line.availableW - line.toAiW - line.surplusW)).toBeLessThanOrEqual(
          BALANCE_RELATIVE * ground.demandW,
        );
        toAi += line.toAiW;
      }
      expect(Math.abs(toAi - ground.demandW)).toBeLessThanOrEqual(BALANCE_RELATIVE * ground.demandW);
      const space = ground.swarmComputeToAiW + ground.powerSatellitesToAiW + ground.swarmGridToAiW;
      expect(ground.spaceToAiW).toBeCloseTo(space, 6);
    }
  });

  it('the hottest rectenna: beam power kept on the site over the ellipse of the scenario file', () => {
    // From the file's apertures (not the resolved ones): area = pi/4 x width x length; heat = incident - exported.
    const file = builtinScenarioObject('baseline') as {
      earth: { sites: Array<{ name: string; aperture: { widthM: number; lengthM: number } }> };
    };
    const areaM2 = new Map(
      file.earth.sites.map((site) => [
        site.name,
        (Math.PI / 4) * site.aperture.widthM * site.aperture.lengthM,
      ]),
    );
    const at2040 = run.snapshots.find((snapshot) => snapshot.tdbS === isoToTdbS('2040-01-01'));
    let hottest = 0;
    for (const site of at2040?.earth?.perSite ?? []) {
      if (!site.operational) continue;
      const heatW = (site.budget?.receivedRfPowerW ?? 0) - site.deliveredPowerGridW;
      hottest = Math.max(hottest, heatW / (areaM2.get(site.name) ?? Number.NaN));
    }
    expect(hottest).toBeGreaterThan(1);
    expect(at2040?.ground?.maxRectennaHeatFluxWm2).toBeCloseTo(hottest, 9);
  });

  it('the sky’s power in the ledger is the energy ledger’s and the Earth segment’s', () => {
    const last = run.snapshots[run.snapshots.length - 1];
    expect(last?.ground?.swarmComputeToAiW).toBe(last?.energy?.deliveredPowerComputeW);
    expect(last?.ground?.powerSatellitesToAiW).toBe(last?.earth?.deliveredPowerGridW);
    expect(last?.ground?.spaceShare).toBeGreaterThan(0);
  });
});

/** A small ground section with round numbers, so the row can be worked out by hand. */
function handSection(): unknown {
  const flat = (value: number) => ({ points: [{ date: '2040-01-01', value }], source: 'test' });
  const kind = (lcoeUsdPerMWh: number, carbonIntensityGPerKWh: number) => ({
    lcoeUsdPerMWh,
    carbonIntensityGPerKWh,
    source: 'test',
  });
  return {
    demand: {
      // 87.66 TWh/yr = 10 GW of mean power (87.66e12 Wh / 8766 h)
      lowTwhPerYear: flat(87.66),
      centralTwhPerYear: flat(87.66),
      highTwhPerYear: flat(87.66),
    },
    supply: {
      kinds: {
        nuclear: kind(100, 10),
        smr: kind(120, 10),
        'renewables-storage': kind(50, 40),
        fusion: kind(200, 10),
      },
      contracts: [
        { name: 'n', kind: 'nuclear', capacityMw: flat(2000), capacityFactor: 0.9 },
        { name: 'r', kind: 'renewables-storage', capacityMw: flat(4000), capacityFactor: 0.25 },
      ],
      grid: { carbonIntensityGPerKWh: flat(400), priceUsdPerMWh: flat(80), cleanShare: flat(0.5) },
    },
    space: {
      powerSatellites: { specificMassKgPerW: 0.001, priceUsdPerKg: 10_000, lifeYears: 20, source: 'test' },
      swarm: { lifeYears: 20, source: 'test' },
      discountRatePerYear: 0,
      carbonIntensityGPerKWh: 30,
      carbonSource: 'test',
    },
    heatReuse: { share: flat(0.1), displacedCarbonIntensityGPerKWh: 200, source: 'test' },
    task: { name: 'test task', successRate: 0.5, source: 'test' },
    rectennas: { thermalLimitWm2: 20, sunlightAbsorbedWm2: 160, source: 'test' },
    charter: { cleanShareTarget: flat(0.9), gridAllowanceTwhPerYear: flat(0) },
  };
}

describe('one row by hand', () => {
  const params = resolveGround(groundSchema.parse(handSection()));
  const t = isoToTdbS('2045-01-01');
  const state = groundStateAt(params, t, {
    powerSatellitesGridW: 1e9,
    swarmGridW: 0,
    swarmComputeW: 0.5e9,
    powerSatellitesRatedDcW: 2.5e9,
    swarmCapitalUsd: 1e9,
    energyPerTaskJ: 100,
    rectennas: [{ name: 'hot', heatW: 1e9, areaM2: 2.5e7 }],
  });

  it('books the supply in merit order', () => {
    // demand 10 GW: swarm compute 0.5, satellites 1, nuclear 1.8, renewables 1, grid the rest 5.7 GW
    expect(state.demandW).toBeCloseTo(10e9, 0);
    expect(state.swarmComputeToAiW).toBe(0.5e9);
    expect(state.powerSatellitesToAiW).toBe(1e9);
    expect(state.groundContractsToAiW).toBeCloseTo(2.8e9, 0);
    expect(state.gridToAiW).toBeCloseTo(5.7e9, 0);
    expect(state.spaceShare).toBeCloseTo(0.15, 12);
  });

  it('cost, CO2 and energy per successful task', () => {
    const year = SECONDS_PER_JULIAN_YEAR;
    // power satellites: 2.5e9 W x 0.001 kg/W x 1e4 USD/kg = 2.5e10 USD over 20 years at 0 %: 1.25e9 USD/yr
    const satUsdPerJ = 2.5e10 / 20 / (1e9 * year);
    // swarm: 1e9 USD over 20 years over 0.5 GW
    const swarmUsdPerJ = 1e9 / 20 / (0.5e9 * year);
    const costUsdPerS =
      0.5e9 * swarmUsdPerJ +
      1e9 * satUsdPerJ +
      1.8e9 * (100 / 3.6e9) +
      1e9 * (50 / 3.6e9) +
      5.7e9 * (80 / 3.6e9);
    const carbonKgPerS = (1.5e9 * 30 + 1.8e9 * 10 + 1e9 * 40 + 5.7e9 * 400) * (1e-3 / 3.6e6);
    const perSuccessJ = 100 / 0.5;
    expect(state.powerSatellitesUsdPerJ).toBeCloseTo(satUsdPerJ, 18);
    expect(state.energyPerSuccessfulTaskJ).toBe(200);
    expect(state.costPerTaskUsd! / ((perSuccessJ * costUsdPerS) / 10e9) - 1).toBeLessThan(1e-9);
    expect(Math.abs(state.carbonPerTaskKg! / ((perSuccessJ * carbonKgPerS) / 10e9) - 1)).toBeLessThan(1e-9);
    // clean: space 1.5 + contracts 2.8 + half the grid's 5.7 = 7.15 GW of 10
    expect(state.cleanShare).toBeCloseTo(0.715, 9);
    expect(state.heatReusedW).toBeCloseTo(1e9, 0);
  });

  it('the charter: rectenna over its limit, clean share under target, grid diverted', () => {
    // 1e9 W over 2.5e7 m^2 = 40 W/m^2 > 20; clean 0.715 < 0.9; grid 5.7 GW > allowance 0
    expect(state.rectennas[0]?.heatFluxWm2).toBeCloseTo(40, 12);
    expect(state.rectennas[0]?.sunlightRatio).toBeCloseTo(0.25, 12);
    expect(state.warnings.some((w) => w.startsWith('charter thermal limit hot:'))).toBe(true);
    expect(state.warnings.some((w) => w.startsWith('charter clean supply:'))).toBe(true);
    expect(state.warnings.some((w) => w.startsWith('charter grid solidarity:'))).toBe(true);
    expect(state.gridDivertedW).toBeCloseTo(5.7e9, 0);
  });

  it('refuses a negative input power, naming it', () => {
    expect(() =>
      groundStateAt(params, t, {
        powerSatellitesGridW: -1,
        swarmGridW: 0,
        swarmComputeW: 0,
        powerSatellitesRatedDcW: 0,
        swarmCapitalUsd: null,
        energyPerTaskJ: null,
        rectennas: [],
      }),
    ).toThrow(InputError);
  });
});

describe('a scenario without a ground section', () => {
  it('has no ground ledger, and its Earth-side figures read null', () => {
    const run = simulate(loadBuiltinScenario('metzger-2013'), { tracers: 50 });
    const snapshot = run.snapshots[run.snapshots.length - 1];
    expect(snapshot?.ground).toBeUndefined();
    const earthSide = FIGURES.filter((figure) => figure.group === 'ground' || figure.group === 'groundTask');
    expect(earthSide.length).toBeGreaterThan(15);
    for (const figure of earthSide) {
      if (figure.scope === 'instant' && snapshot !== undefined)
        expect(figure.read(snapshot), figure.key).toBeNull();
    }
  });
});

describe('capital recovery factor', () => {
  it('matches the annuity table: 7 % over 15 years is 0.109795', () => {
    // Standard compound-interest tables (e.g. Newnan, Engineering Economic Analysis, A/P at 7 %, n = 15: 0.1098).
    expect(capitalRecoveryFactor(0.07, 15)).toBeCloseTo(0.109795, 6);
    expect(capitalRecoveryFactor(0, 20)).toBe(0.05);
  });
});

describe('validation at the boundary', () => {
  it('names the field, the value and the range', () => {
    const file = structuredClone(builtinScenarioObject('baseline')) as {
      ground: { task: { successRate: number } };
    };
    file.ground.task.successRate = 0;
    expect(() => scenarioFromObject(file)).toThrow(/ground\.task\.successRate: must be > 0, got 0/);
  });
  it('refuses points out of date order', () => {
    const file = structuredClone(builtinScenarioObject('baseline')) as {
      ground: { demand: { centralTwhPerYear: { points: Array<{ date: string }> } } };
    };
    const points = file.ground.demand.centralTwhPerYear.points;
    points[1]!.date = '2020-01-01';
    expect(() => scenarioFromObject(file)).toThrow(
      /ground\.demand\.centralTwhPerYear\.points\[1\]\.date: must be after/,
    );
  });
});
