/**
 * The cost of `essaim export states` (issue 16) next to the propagation it starts from.
 *
 * Baseline (ratio 1): the float64 reference positions of the tracers on station at one time (sim/world.ts
 * positionsAt), in rows (tracers) per second.
 * Entries, in rows per second at the same time and table:
 * - `states-batches`: the column batches (sim/report/states.ts): positions, two-body velocities, labels;
 * - `states-parquet`: the batches encoded as Parquet row groups (src/node/parquetStates.ts), bytes discarded,
 *   so the figure is the encoder's and not the disk's.
 */
import { isoToTdbS, loadScenario } from '../sim/index.ts';
import { createStatesBatcher, DEFAULT_STATES_BATCH, statesLabels } from '../sim/report/states.ts';
import { createWorld } from '../sim/world.ts';
import { createStatesParquetWriter } from '../src/node/parquetStates.ts';
import { bestRate, quick, sink } from './measure.ts';
import type { BenchEntry } from './types.ts';

export default async function statesBench(): Promise<BenchEntry[]> {
  const world = createWorld(loadScenario('baseline'), { tracers: quick() ? 2000 : 200_000 });
  const t = isoToTdbS('2050-12-31');
  const rows = world.tracersOnStationAt(t);
  const positions = new Float64Array(3 * world.swarm.table.count);
  const batcher = createStatesBatcher(world, DEFAULT_STATES_BATCH);
  const repetitions = quick() ? 2 : 5;
  let checksum = 0;

  const positionsPerS = await bestRate(
    rows,
    () => {
      checksum += world.positionsAt(t, positions) + sink(positions);
    },
    { repetitions },
  );
  const batchesPerS = await bestRate(
    rows,
    () => {
      for (const batch of batcher.batchesAt(t)) checksum += sink(batch.xM) + sink(batch.vzMS);
    },
    { repetitions },
  );
  const labels = statesLabels(world);
  const info = {
    essaimVersion: 'bench',
    scenario: 'baseline',
    seed: world.seed,
    tracerTableSize: world.swarm.table.count,
    backend: 'cpu64',
    device: 'bench',
    timeCount: 1,
  };
  const parquetPerS = await bestRate(
    rows,
    async () => {
      let bytes = 0;
      const writer = createStatesParquetWriter(
        async (chunk) => {
          bytes += chunk.length;
        },
        labels,
        info,
      );
      for (const batch of batcher.batchesAt(t)) await writer.write(batch);
      await writer.finish();
      checksum += bytes;
    },
    { repetitions },
  );
  if (!Number.isFinite(checksum)) throw new Error('states bench: non-finite checksum');

  const environment = `node ${process.version}`;
  const common = { tracers: rows, threads: 1, software: false, environment } as const;
  const baseline = 'states-positions-reference';
  return [
    {
      name: baseline,
      backend: 'cpu64 positionsAt',
      positionsPerS,
      ratioToBaseline: 1,
      ...common,
      note: 'rows per second: the positions of the tracers on station at one time',
    },
    {
      name: 'states-batches',
      backend: `states batches of ${DEFAULT_STATES_BATCH} (positions, velocities)`,
      positionsPerS: batchesPerS,
      ratioToBaseline: batchesPerS / positionsPerS,
      baseline,
      ...common,
      note: 'rows per second',
    },
    {
      name: 'states-parquet',
      backend: 'states batches + hyparquet-writer row groups (bytes discarded)',
      positionsPerS: parquetPerS,
      ratioToBaseline: parquetPerS / positionsPerS,
      baseline,
      ...common,
      note: 'rows per second, encoding included, no disk',
    },
  ];
}
