/**
 * The growth model's cost, next to the propagation it feeds (issue 4: growth must cost little next to it).
 *
 * Baseline (ratio 1): the propagation of one `essaim run` of the same scenario with the float64 reference: the
 * positions of its default tracer table once a year over the scenario's span (sim/world.ts positionsAt), in runs
 * per second.
 * Entries, in integrations per second (one whole-span float64 RK4 integration, sim/growth/integrate.ts):
 * - `growth-baseline`: the baseline scenario, 2030-2050, one-day step;
 * - `growth-armstrong-sandberg-2013`: disassembling Mercury, 65 years (2030-2095).
 * A ratio above 1 means integrating the growth costs less than propagating the swarm once per year.
 */
import { integrateGrowth } from '../sim/growth/integrate.ts';
import { loadScenario } from '../sim/index.ts';
import { outputTimes, DEFAULT_STEP } from '../sim/simulate.ts';
import { createWorld } from '../sim/world.ts';
import { bestRate, quick, sink } from './measure.ts';
import type { BenchEntry } from './types.ts';

async function measure(name: string): Promise<BenchEntry[]> {
  const scenario = loadScenario(name);
  const growth = scenario.growth;
  if (growth === undefined) throw new Error(`scenario ${name} has no growth section`);
  const tracers = quick() ? 1000 : scenario.tracers;
  const world = createWorld(scenario, { tracers });
  const times = outputTimes(scenario.fromTdbS, scenario.toTdbS, DEFAULT_STEP);
  let checksum = 0;
  const positions = new Float64Array(3 * world.swarm.table.count);
  const propagationRunsPerS = await bestRate(1, () => {
    for (const t of times) checksum += world.positionsAt(t, positions) + sink(positions);
  });
  const context = scenario;
  const integrationsPerS = await bestRate(
    1,
    () => {
      checksum += integrateGrowth(growth, context).cohorts.length;
    },
    { repetitions: quick() ? 2 : 8 },
  );
  if (!Number.isFinite(checksum)) throw new Error('growth bench: non-finite checksum');
  const environment = `node ${process.version}`;
  return [
    {
      name: `growth-${name}-propagation-reference`,
      backend: 'cpu64 positions once a year',
      tracers: world.swarm.table.count,
      threads: 1,
      positionsPerS: propagationRunsPerS,
      ratioToBaseline: 1,
      software: false,
      environment,
      note: `runs per second: positions of the tracers on station at ${times.length} output times`,
    },
    {
      name: `growth-${name}`,
      backend: 'growth RK4 float64 (1-day step)',
      tracers: 0,
      threads: 1,
      positionsPerS: integrationsPerS,
      ratioToBaseline: integrationsPerS / propagationRunsPerS,
      software: false,
      baseline: `growth-${name}-propagation-reference`,
      environment,
      note: 'whole-span integrations per second',
    },
  ];
}

export default async function growthBench(): Promise<BenchEntry[]> {
  return [...(await measure('baseline')), ...(await measure('armstrong-sandberg-2013'))];
}
