// The columnar states' batches (sim/report/states.ts): positions against the world's cpu64 positions bit for bit,
// velocities against the exports' two-body state, the tracers on station at each time, and the memory bound.
import { describe, expect, it } from 'vitest';

import { isoToTdbS, loadScenario } from '../../sim/index.ts';
import { createStatesBatcher, statesLabels, statesTimes, type StatesBatch } from '../../sim/report/states.ts';
import { tracerStateAt } from '../../sim/report/tracerSample.ts';
import { createWorld } from '../../sim/world.ts';

/**
 * cpu64 (writeEllipticState) and tracerStateAt (keplerToState) solve the same Kepler equation in float64 by two
 * routes; 4.4e-16 of the speed was observed over 3,000 baseline tracers, so 1e-14 is a few tens of ulp.
 */
const VELOCITY_RELATIVE_TOLERANCE = 1e-14;
/** A few hundred weights added in batch order against the world's per-shell sums: rounding, ~1e-16 each. */
const WEIGHT_SUM_RELATIVE_TOLERANCE = 1e-12;

const world = createWorld(loadScenario('baseline'), { tracers: 400 });
const { table } = world.swarm;
const t = isoToTdbS('2049-07-01');

/** Copy a batch (the batcher reuses its buffers): its tracer numbers and positions. */
function copyRows(batch: StatesBatch): { tracer: number[]; xyz: number[] } {
  const xyz: number[] = [];
  for (let k = 0; k < batch.rowCount; k += 1) {
    xyz.push(batch.xM[k] as number, batch.yM[k] as number, batch.zM[k] as number);
  }
  return { tracer: [...batch.tracer], xyz };
}

describe('tracer state batches', () => {
  it('hold exactly the tracers on station, in table order, with world.positionsAt’s positions bit for bit', () => {
    const onStation = world.tracersOnStationAt(t);
    expect(onStation).toBeGreaterThan(50); // a guard: the check below must see many tracers
    expect(onStation).toBeLessThan(table.count); // and some not yet on station, which must be left out
    const reference = new Float64Array(3 * table.count);
    expect(world.positionsAt(t, reference)).toBe(onStation);
    // copied as they come: the next batch overwrites the views
    const rows: Array<ReturnType<typeof copyRows>> = [];
    for (const batch of createStatesBatcher(world, 37).batchesAt(t)) rows.push(copyRows(batch));
    expect(rows.flatMap((r) => r.tracer)).toEqual(Array.from({ length: onStation }, (_, k) => k));
    expect(rows.flatMap((r) => r.xyz)).toEqual([...reference.subarray(0, 3 * onStation)]);
  });

  it('carry each tracer’s two-body velocity, weight, shell, cohort and station time', () => {
    let seen = 0;
    let weights = 0;
    // Each shell's collectors on station, over the nominal weights of its tracers on station, summed here.
    const nominal = new Float64Array(world.scenario.shells.length);
    for (let k = 0; k < world.tracersOnStationAt(t); k += 1) {
      nominal[table.shellIndex[k] as number]! += table.weight[k] as number;
    }
    const collectors = world.collectorsOnStationByShell(t);
    for (const batch of createStatesBatcher(world, 64).batchesAt(t)) {
      for (let k = 0; k < batch.rowCount; k += 1) {
        const index = batch.tracer[k] as number;
        const { velocityMS } = tracerStateAt(table, index, t);
        const speed = Math.hypot(...velocityMS);
        const got = [batch.vxMS[k], batch.vyMS[k], batch.vzMS[k]] as number[];
        for (let c = 0; c < 3; c += 1) {
          expect(Math.abs((got[c] as number) - (velocityMS[c] as number))).toBeLessThan(
            VELOCITY_RELATIVE_TOLERANCE * speed,
          );
        }
        const shell = table.shellIndex[index] as number;
        const expectedWeight =
          ((table.weight[index] as number) * (collectors[shell] as number)) / nominal[shell]!;
        expect(Math.abs((batch.weight[k] as number) - expectedWeight)).toBeLessThan(
          WEIGHT_SUM_RELATIVE_TOLERANCE * expectedWeight,
        );
        weights += batch.weight[k] as number;
        expect(batch.shellIndex[k]).toBe(table.shellIndex[index]);
        expect(batch.cohortIndex[k]).toBe(world.swarm.tracerCohort[index]);
        expect(batch.stationTdbS[k]).toBe(table.stationTdbS[index]);
        expect(batch.stationTdbS[k]).toBeLessThanOrEqual(t);
        expect(batch.tdbS).toBe(t);
        seen += 1;
      }
    }
    expect(seen).toBe(world.tracersOnStationAt(t));
    // at t the tracers on station stand for the collectors on station: the snapshot's one count
    const { collectorCount } = world.snapshot(t);
    expect(Math.abs(weights - collectorCount)).toBeLessThan(WEIGHT_SUM_RELATIVE_TOLERANCE * collectorCount);
  });

  it('never hold more than one batch: views of at most batchSize rows into the same reused buffers', () => {
    const batchSize = 25;
    const batches = createStatesBatcher(world, batchSize).batchesAt(t);
    const buffers = new Set<ArrayBufferLike>();
    let count = 0;
    for (const batch of batches) {
      expect(batch.rowCount).toBeGreaterThan(0);
      expect(batch.rowCount).toBeLessThanOrEqual(batchSize);
      for (const column of [
        batch.tracer,
        batch.xM,
        batch.yM,
        batch.zM,
        batch.vxMS,
        batch.vyMS,
        batch.vzMS,
        batch.weight,
      ]) {
        expect(column.length).toBe(batch.rowCount);
        expect(column.buffer.byteLength).toBeLessThanOrEqual(batchSize * 8);
        buffers.add(column.buffer);
      }
      // the table's own columns are views, not copies
      expect(batch.shellIndex.buffer).toBe(table.shellIndex.buffer);
      count += 1;
    }
    expect(count).toBe(Math.ceil(world.tracersOnStationAt(t) / batchSize));
    // eight computed columns (the weights are scaled to the count at t), each one buffer for every batch
    expect(buffers.size).toBe(8);
  });

  it('take positions from another backend when given, velocities still two-body', () => {
    const onStation = world.tracersOnStationAt(t);
    const other = new Float32Array(3 * onStation).map((_, k) => k + 0.5);
    const [batch] = createStatesBatcher(world, 10).batchesAt(t, other);
    expect(batch).toBeDefined();
    expect([...(batch as StatesBatch).xM.subarray(0, 3)]).toEqual([0.5, 3.5, 6.5]);
    expect([...(batch as StatesBatch).zM.subarray(0, 2)]).toEqual([2.5, 5.5]);
    const { velocityMS } = tracerStateAt(table, 0, t);
    expect(Math.abs(((batch as StatesBatch).vxMS[0] as number) - velocityMS[0])).toBeLessThan(
      VELOCITY_RELATIVE_TOLERANCE * Math.hypot(...velocityMS),
    );
    expect(() => [...createStatesBatcher(world, 10).batchesAt(t, new Float64Array(3))]).toThrow(/positionsM/);
  });

  it('are empty before any tracer is on station, and refuse a batch size out of range', () => {
    expect([...createStatesBatcher(world).batchesAt(isoToTdbS('2031-01-01'))]).toEqual([]);
    expect(() => createStatesBatcher(world, 0)).toThrow(/batchSize.*\[1, 1048576\]/);
    expect(() => createStatesBatcher(world, 2 ** 20 + 1)).toThrow(/batchSize/);
    expect(() => createStatesBatcher(world, 1.5)).toThrow(/batchSize/);
  });
});

describe('the export’s times and labels', () => {
  it('merge the asked dates with the output times, ascending, each once', () => {
    expect([...statesTimes([30, 10], [10, 20, 30, 40])]).toEqual([10, 20, 30, 40]);
    expect([...statesTimes([5], [])]).toEqual([5]);
    expect(() => statesTimes([Number.NaN], [1])).toThrow(/times/);
  });

  it('name each shell and each cohort’s growth-model site', () => {
    const labels = statesLabels(world);
    expect(labels.shellNames).toEqual(world.scenario.shells.map((s) => s.name));
    expect(labels.cohortSites).toHaveLength(world.swarm.cohorts.length);
    const sites = world.growthHistory?.params.sites.map((s) => s.name) ?? [];
    world.swarm.cohorts.forEach((cohort, k) => {
      expect(labels.cohortSites[k]).toBe(cohort.siteIndex >= 0 ? sites[cohort.siteIndex] : null);
    });
    // baseline's collectors all come from the growth model's sites
    expect(labels.cohortSites.every((s) => s !== null && sites.includes(s))).toBe(true);
  });
});
