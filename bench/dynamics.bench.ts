/**
 * The cost of the dynamics beyond two bodies (issue 17).
 *
 * Baseline (ratio 1): the float64 two-body positions of the baseline's tracers on station at one time
 * (sim/propagate/cpu64.ts propagateCpu64, what World.positionsAt runs), in positions per second.
 * Entries:
 * - `dynamics-secular-positions`: the same positions under the planets' secular perturbations
 *   (sim/dynamics/secularPropagate.ts), same table, same time; the ratio is the price of the perturbed
 *   positionsAt (target: within 2x, i.e. a ratio >= 0.5);
 * - `dynamics-nbody-tracer-years`: the numerical reference (sim/dynamics/nbody.ts, dopri5 under the Sun and 8
 *   planets) in tracer-years per second, for near-1 au and 0.7 au tracers; its ratio is to the baseline's
 *   positions per second and only says how many two-body positions one tracer-year of integration costs.
 */
import { SECONDS_PER_JULIAN_YEAR } from '../sim/constants.ts';
import { planetarySecularModes } from '../sim/dynamics/laplaceLagrange.ts';
import { integrateTracer, perturberField } from '../sim/dynamics/nbody.ts';
import { propagateSecularCpu64 } from '../sim/dynamics/secularPropagate.ts';
import { secularTable } from '../sim/dynamics/secularTracers.ts';
import { isoToTdbS, loadScenario } from '../sim/index.ts';
import { keplerToState } from '../sim/orbit/state.ts';
import { propagateCpu64 } from '../sim/propagate/cpu64.ts';
import { tracerTablePrefix } from '../sim/propagate/tracerTable.ts';
import { createWorld } from '../sim/world.ts';
import { bestRate, quick, sink } from './measure.ts';
import type { BenchEntry } from './types.ts';

export default async function dynamicsBench(): Promise<BenchEntry[]> {
  const world = createWorld(loadScenario('baseline'), { tracers: quick() ? 2000 : 200_000 });
  const t = isoToTdbS('2050-12-31');
  const rows = world.tracersOnStationAt(t);
  const table = tracerTablePrefix(world.swarm.table, rows);
  const secular = secularTable(world.swarm.table, planetarySecularModes());
  const positions = new Float64Array(3 * rows);
  const repetitions = quick() ? 2 : 5;
  let checksum = 0;
  const twoBodyPerS = await bestRate(
    rows,
    () => {
      propagateCpu64(table, t, positions);
      checksum += sink(positions);
    },
    { repetitions },
  );
  const secularPerS = await bestRate(
    rows,
    () => {
      propagateSecularCpu64(table, secular, t, positions);
      checksum += sink(positions);
    },
    { repetitions },
  );

  // The numerical reference: a few tracers of each shell over `years`.
  const years = quick() ? 1 : 5;
  const t0 = isoToTdbS('2030-01-01');
  const t1 = t0 + years * SECONDS_PER_JULIAN_YEAR;
  const field = perturberField(t0, t1);
  const sample = [0, 1, 2, 3].map((i) => Math.floor(((i + 0.5) * world.swarm.table.count) / 4));
  const mu = world.scenario.collector.muEffM3S2;
  const beta = world.scenario.collector.lightnessNumber;
  const tracerYearsPerS = await bestRate(
    sample.length * years,
    () => {
      for (const k of sample) {
        const w = world.swarm.table;
        const state = keplerToState(
          {
            semiMajorAxisM: w.semiMajorAxisM[k] as number,
            eccentricity: w.eccentricity[k] as number,
            inclinationRad: w.inclinationRad[k] as number,
            ascendingNodeRad: w.ascendingNodeRad[k] as number,
            argPeriapsisRad: w.argPeriapsisRad[k] as number,
            meanAnomalyRad: w.meanAnomalyAtEpochRad[k] as number,
          },
          mu,
        );
        checksum += integrateTracer(field, state, beta, t0, t1).count;
      }
    },
    { repetitions: quick() ? 1 : 2 },
  );
  if (!Number.isFinite(checksum)) throw new Error('dynamics bench: non-finite checksum');

  const environment = `node ${process.version}`;
  const common = { threads: 1, software: false, environment } as const;
  const baseline = 'dynamics-two-body-positions';
  return [
    {
      name: baseline,
      backend: 'cpu64 propagateCpu64',
      tracers: rows,
      positionsPerS: twoBodyPerS,
      ratioToBaseline: 1,
      ...common,
      note: 'two-body positions of the tracers on station at 2050-12-31',
    },
    {
      name: 'dynamics-secular-positions',
      backend: 'cpu64 propagateSecularCpu64',
      tracers: rows,
      positionsPerS: secularPerS,
      ratioToBaseline: secularPerS / twoBodyPerS,
      baseline,
      ...common,
      note: `secular (Laplace-Lagrange, 8 planets) positions; cost ${(twoBodyPerS / secularPerS).toFixed(2)}x the two-body ones (target <= 2x)`,
    },
    {
      name: 'dynamics-nbody-tracer-years',
      backend: 'dopri5 + 8 planets (astronomy-engine, tabulated)',
      tracers: sample.length,
      positionsPerS: tracerYearsPerS,
      ratioToBaseline: tracerYearsPerS / twoBodyPerS,
      baseline,
      ...common,
      note: `tracer-years per second of the numerical reference (${(1 / tracerYearsPerS).toFixed(3)} s per tracer-year; ${years} years, ${sample.length} tracers)`,
    },
  ];
}
