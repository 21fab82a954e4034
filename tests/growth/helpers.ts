/** Shared fixtures for the growth tests: shipped scenarios with their growth section, and small synthetic ones. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AU_M, SECONDS_PER_JULIAN_YEAR } from '../../sim/constants.ts';
import { growthSchema, type GrowthFile, type GrowthInput } from '../../sim/growth/schema.ts';
import { resolveGrowth } from '../../sim/growth/resolve.ts';
import { integrateGrowth, type GrowthContext, type GrowthHistory } from '../../sim/growth/integrate.ts';
import type { GrowthParams } from '../../sim/growth/params.ts';
import { resolveCollector, resolveScenario, type Scenario } from '../../sim/scenario/resolve.ts';
import { scenarioSchema } from '../../sim/scenario/schema.ts';
import { isoToTdbS } from '../../sim/time.ts';

export const YEAR_S = SECONDS_PER_JULIAN_YEAR;

/** A full scenario file with a growth section, as the lead's schema will accept it. */
export const scenarioWithGrowthSchema = scenarioSchema.extend({ growth: growthSchema });

export function readScenarioJson(name: string): unknown {
  const path = fileURLToPath(new URL(`../../assets/scenarios/${name}.json`, import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

/** Load and resolve a shipped scenario that has a growth section. */
export function loadGrowthScenario(name: string): { scenario: Scenario; growth: GrowthFile } {
  const file = scenarioWithGrowthSchema.parse(readScenarioJson(name));
  const { growth, ...rest } = file;
  return { scenario: resolveScenario(rest), growth };
}

/** The shipped baseline.json and its growth section. */
export function loadBaselineWithGrowth(): { scenario: Scenario; growth: GrowthFile } {
  return loadGrowthScenario('baseline');
}

export function runScenario(
  loaded: { scenario: Scenario; growth: GrowthFile },
  stepS?: number,
): { params: GrowthParams; history: GrowthHistory } {
  const { scenario } = loaded;
  const params = resolveGrowth(loaded.growth, scenario);
  return {
    params,
    history: integrateGrowth(params, { ...scenario, ...(stepS === undefined ? {} : { stepS }) }),
  };
}

/** One shell near 1 au and the baseline collector: the setting of the synthetic tests. */
export const SHELLS = [{ name: 'near-1au', semiMajorAxisM: [0.95 * AU_M, 1.05 * AU_M] as const }];
export const COLLECTOR = resolveCollector({
  unitAreaM2: 10_000,
  arealDensityKgM2: 0.01,
  conversionEfficiency: 0.2,
  degradationPerYear: 0,
  reflectivity: 0.1,
});
export const FROM_TDB_S = isoToTdbS('2030-01-01');

/** A one-site growth section with everything switched off but what the test sets. */
export function oneSite(
  site: Record<string, unknown> = {},
  growth: Record<string, unknown> = {},
): GrowthInput {
  const { factory, ...rest } = site as { factory?: Record<string, unknown> };
  return {
    sites: [
      {
        name: 'test-site',
        body: 'moon',
        seed: { massKg: 1e5, date: '2030-01-01' },
        factory: { replicationTimeYears: 1, ...factory },
        // 2.75 km/s: a hyperbolic excess of 1.385 km/s, enough to put the collector (beta 0.084) on the 1-au circle
        // under mu (1 - beta) ballistically (it needs 1.281 km/s): the synthetic tests fly no transfer.
        massDriver: { launchSpeedKmS: 2.75, rateKgPerS: 1e9, efficiency: 0.8 },
        targets: [{ shell: 'near-1au', fraction: 1 }],
        ...rest,
      },
    ],
    ...growth,
  } as GrowthInput;
}

/** Validate, resolve and integrate a synthetic growth section over `years` from 2030. */
export function runSynthetic(
  input: GrowthInput,
  years: number,
  context: Partial<GrowthContext> = {},
): { params: GrowthParams; history: GrowthHistory } {
  const params = resolveGrowth(growthSchema.parse(input), { shells: SHELLS, collector: COLLECTOR });
  const history = integrateGrowth(params, {
    fromTdbS: FROM_TDB_S,
    toTdbS: FROM_TDB_S + years * YEAR_S,
    collector: COLLECTOR,
    shells: SHELLS,
    ...context,
  });
  return { params, history };
}
