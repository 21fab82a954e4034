/**
 * Glue between a resolved scenario (sim/scenario/resolve.ts) and the growth model: the contexts resolveGrowth and
 * integrateGrowth need, built from the scenario's shells, collector, span and cohort length.
 */
import { SECONDS_PER_JULIAN_YEAR } from '../constants.ts';
import type { Scenario } from '../scenario/resolve.ts';
import type { GrowthContext, GrowthHistory } from './integrate.ts';
import { integrateGrowth } from './integrate.ts';
import type { GrowthParams } from './params.ts';
import { resolveGrowth, type GrowthResolveContext } from './resolve.ts';
import type { GrowthFile } from './schema.ts';

type ScenarioPart = Pick<Scenario, 'fromTdbS' | 'toTdbS' | 'cohortS' | 'collector' | 'shells'>;

export function growthResolveContext(scenario: Pick<Scenario, 'collector' | 'shells'>): GrowthResolveContext {
  return {
    shells: scenario.shells.map((shell) => ({ name: shell.name, semiMajorAxisM: shell.semiMajorAxisM })),
    collector: {
      arealDensityKgM2: scenario.collector.arealDensityKgM2,
      reflectivity: scenario.collector.reflectivity,
    },
  };
}

/** The integration context of a scenario; `stepS` overrides the default one-day step. */
export function growthContext(scenario: ScenarioPart, stepS?: number): GrowthContext {
  const c = scenario.collector;
  return {
    fromTdbS: scenario.fromTdbS,
    toTdbS: scenario.toTdbS,
    ...(stepS !== undefined ? { stepS } : {}),
    cohortS: scenario.cohortS,
    collector: {
      unitAreaM2: c.unitAreaM2,
      arealDensityKgM2: c.arealDensityKgM2,
      conversionEfficiency: c.conversionEfficiency,
      degradationPerYear: -Math.expm1(-c.degradationRatePerS * SECONDS_PER_JULIAN_YEAR),
    },
    shells: scenario.shells.map((shell) => ({ name: shell.name, semiMajorAxisM: shell.semiMajorAxisM })),
  };
}

/** Resolve a scenario's growth section and integrate it over the scenario's span. */
export function growthForScenario(
  scenario: ScenarioPart,
  growth: GrowthFile,
  stepS?: number,
): { readonly params: GrowthParams; readonly history: GrowthHistory } {
  const params = resolveGrowth(growth, growthResolveContext(scenario));
  return { params, history: integrateGrowth(params, growthContext(scenario, stepS)) };
}
