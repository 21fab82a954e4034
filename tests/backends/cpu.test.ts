/**
 * The fast float64 backend (`cpu`) against the reference (`cpu64`): positions within cpuPositionBound per tracer
 * on random tables and on the hard cases, the reduction against reduceCpu64, and the worker_threads pool giving
 * the same bytes as one thread (shared and copied buffers alike).
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';

import { createCheckTable, createCpuPropagator } from '../../sim/propagate/backend.ts';
import { propagateCpu64 } from '../../sim/propagate/cpu64.ts';
import {
  CPU_POSITION_BOUND,
  cpuPositionBound,
  prepareOrbits,
  REDUCE_CHUNK,
} from '../../sim/propagate/cpuFast.ts';
import { earthHeliocentricEclipticM } from '../../sim/geometry/earthPosition.ts';
import { reduceCpu64 } from '../../sim/propagate/reduce.ts';
import type { TracerTable } from '../../sim/propagate/tracerTable.ts';
import { createNodeCpuPool } from '../../src/node/cpuPool.ts';
import {
  CPU_DOMAIN,
  hardCaseRows,
  hardTimes,
  nearSunwardBoundary,
  relativeErrors,
  rowArb,
  SPAN_2030_TDB_S,
  SPAN_2050_TDB_S,
  sunwardRows,
  tableOf,
  worst,
  YEAR_S,
} from './helpers.ts';

const cpu = createCpuPropagator();

/** Worst ratio error / cpuPositionBound over the table at tdbS, and the worst error itself. */
async function check(table: TracerTable, tdbS: number): Promise<{ ratio: number; error: number }> {
  const out = new Float64Array(3 * table.count);
  await cpu.positions(table, tdbS, out);
  const reference = new Float64Array(3 * table.count);
  propagateCpu64(table, tdbS, reference);
  const errors = relativeErrors(table, out, reference);
  const referenceTdbS = prepareOrbits(table).referenceTdbS;
  const ratios = errors.map(
    (error, k) =>
      error /
      cpuPositionBound(
        table.eccentricity[k] as number,
        table.meanMotionRadS[k] as number,
        table.epochTdbS[k] as number,
        tdbS,
        referenceTdbS,
      ),
  );
  return { ratio: worst(ratios).value, error: worst(errors).value };
}

describe('cpu (fast float64) against cpu64', () => {
  it('stays within cpuPositionBound on random tables, t in 2000-2100', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(rowArb(CPU_DOMAIN), { minLength: 1, maxLength: 40 }),
        fc.double({ min: SPAN_2030_TDB_S - 30 * YEAR_S, max: SPAN_2050_TDB_S + 50 * YEAR_S, noNaN: true }),
        async (rows, tdbS) => {
          const { ratio } = await check(tableOf(rows), tdbS);
          expect(ratio).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('stays within cpuPositionBound on the hard cases', async () => {
    const table = tableOf(hardCaseRows(CPU_DOMAIN));
    let largest = 0;
    for (const tdbS of hardTimes()) {
      const { ratio, error } = await check(table, tdbS);
      expect(ratio, `t = ${tdbS}`).toBeLessThanOrEqual(1);
      largest = Math.max(largest, error);
    }
    expect(largest).toBeLessThan(CPU_POSITION_BOUND);
  });

  it('stays within CPU_POSITION_BOUND on a large table over 2030-2050', async () => {
    const table = createCheckTable(50_000, 7);
    for (const tdbS of [SPAN_2030_TDB_S, SPAN_2030_TDB_S + 7.7 * YEAR_S, SPAN_2050_TDB_S]) {
      const { ratio, error } = await check(table, tdbS);
      expect(ratio).toBeLessThanOrEqual(1);
      expect(error).toBeLessThan(CPU_POSITION_BOUND);
    }
  });

  it('writes float32 output as the rounding of its float64 output', async () => {
    const table = createCheckTable(5000, 3);
    const f64 = new Float64Array(3 * table.count);
    const f32 = new Float32Array(3 * table.count);
    await cpu.positions(table, SPAN_2030_TDB_S + 1e7, f64);
    await cpu.positions(table, SPAN_2030_TDB_S + 1e7, f32);
    expect(f32).toEqual(Float32Array.from(f64));
  });

  it('writes only the first `count` positions', async () => {
    const table = createCheckTable(100, 4);
    const out = new Float64Array(3 * table.count).fill(-1);
    await cpu.positions(table, SPAN_2030_TDB_S, out, 37);
    expect(out[3 * 36 + 2]).not.toBe(-1);
    expect(Array.from(out.subarray(3 * 37))).toEqual(new Array(3 * 63).fill(-1));
  });

  it('never returns NaN or Infinity, e up to 1 - 1e-9, t up to a century away', async () => {
    const rows = hardCaseRows(CPU_DOMAIN).map((r, k) => ({
      ...r,
      e: [0.999, 0.999999, 1 - 1e-9][k % 3] as number,
    }));
    const table = tableOf(rows);
    const out = new Float64Array(3 * table.count);
    for (const tdbS of [...hardTimes(), -100 * YEAR_S, 150 * YEAR_S]) {
      await cpu.positions(table, tdbS, out);
      expect(out.every(Number.isFinite)).toBe(true);
    }
  });
});

describe('cpu reduction', () => {
  const params = (tdbS: number) => ({
    unitAreaM2: 2500,
    efficiency: 0.25,
    degradationRatePerS: 1e-9,
    earthPositionM: earthHeliocentricEclipticM(tdbS),
  });

  it('agrees with reduceCpu64: power to 1e-12, sunward count exactly but for tracers on the boundary', async () => {
    const tdbS = SPAN_2030_TDB_S + 10 * YEAR_S;
    const earth = params(tdbS).earthPositionM;
    const table = tableOf([...sunwardRows(earth, 3000, 1), ...hardCaseRows(CPU_DOMAIN)]);
    const count = table.count - 5;
    const got = await cpu.reduce(table, tdbS, count, params(tdbS));
    const want = reduceCpu64(table, tdbS, count, params(tdbS));
    expect(want.tracersSunwardOfEarth).toBeGreaterThan(100); // the test has teeth
    expect(got.capturedPowerW / want.capturedPowerW - 1).toBeCloseTo(0, 12);
    expect(got.interceptedSunlightW / want.interceptedSunlightW - 1).toBeCloseTo(0, 12);
    const reference = new Float64Array(3 * table.count);
    propagateCpu64(table, tdbS, reference);
    const band = nearSunwardBoundary(
      reference,
      count,
      earth,
      (k) => 1e-9 * (table.semiMajorAxisM[k] as number),
    );
    expect(Math.abs(got.tracersSunwardOfEarth - want.tracersSunwardOfEarth)).toBeLessThanOrEqual(band);
    expect(got.tracerCount).toBe(count);
  });

  it('is zero for count 0', async () => {
    const table = createCheckTable(10, 1);
    const r = await cpu.reduce(table, SPAN_2030_TDB_S, 0, params(SPAN_2030_TDB_S));
    expect(r).toMatchObject({ capturedPowerW: 0, interceptedSunlightW: 0, tracersSunwardOfEarth: 0 });
  });

  it('refuses bad parameters with a message naming the field', async () => {
    const table = createCheckTable(10, 1);
    const good = params(SPAN_2030_TDB_S);
    await expect(cpu.reduce(table, SPAN_2030_TDB_S, 10, { ...good, efficiency: 1.5 })).rejects.toThrow(
      /^efficiency:/,
    );
    await expect(cpu.reduce(table, SPAN_2030_TDB_S, 10, { ...good, earthPositionM: [1, 2] })).rejects.toThrow(
      /^earthPositionM:/,
    );
    await expect(cpu.reduce(table, SPAN_2030_TDB_S, 11, good)).rejects.toThrow(/^count:/);
    await expect(cpu.reduce(table, NaN, 10, good)).rejects.toThrow(/^tdbS:/);
  });
});

describe('cpu on worker_threads', () => {
  // 2.5 chunks per worker and a ragged end, so that chunk dealing and the last partial chunk are exercised
  const table = createCheckTable(5 * REDUCE_CHUNK + 123, 11);
  const tdbS = SPAN_2030_TDB_S + 4.2 * YEAR_S;
  const one = new Float64Array(3 * table.count);
  const propagators = [
    createCpuPropagator(createNodeCpuPool(2)),
    createCpuPropagator(createNodeCpuPool(3)),
    createCpuPropagator(createNodeCpuPool(2, false)),
  ];
  afterAll(() => propagators.forEach((p) => p.dispose()));

  it('gives the same bytes as one thread, shared or copied, float64 or float32, for every prefix', async () => {
    await cpu.positions(table, tdbS, one);
    for (const p of propagators) {
      for (const count of [table.count, 2 * REDUCE_CHUNK + 1, 17, 0]) {
        const many = new Float64Array(3 * table.count);
        await p.positions(table, tdbS, many, count);
        const expected = new Float64Array(3 * table.count);
        expected.set(one.subarray(0, 3 * count));
        expect(
          Buffer.from(many.buffer).equals(Buffer.from(expected.buffer)),
          `${p.device}, count ${count}`,
        ).toBe(true);
      }
      const shared = new Float32Array(new SharedArrayBuffer(12 * table.count));
      await p.positions(table, tdbS, shared);
      expect(shared).toEqual(Float32Array.from(one));
    }
  });

  it('gives the same reduction, to the bit, as one thread', async () => {
    const params = {
      unitAreaM2: 100,
      efficiency: 0.3,
      degradationRatePerS: 3e-9,
      earthPositionM: earthHeliocentricEclipticM(tdbS),
    };
    for (const count of [table.count, 3 * REDUCE_CHUNK - 1]) {
      const want = await cpu.reduce(table, tdbS, count, params);
      for (const p of propagators) expect(await p.reduce(table, tdbS, count, params)).toStrictEqual(want);
    }
  });

  it('reports what runs', () => {
    expect(propagators[0]?.device).toBe('float64 JavaScript, 2 worker_threads (shared memory)');
    expect(propagators[2]?.device).toBe('float64 JavaScript, 2 worker_threads (copied buffers)');
    expect(propagators[1]?.threads).toBe(3);
    expect(cpu.device).toBe('float64 JavaScript, 1 thread');
  });
});

describe('cpu pool failures', () => {
  it('rejects the pending calls when a worker dies, instead of hanging', async () => {
    const { Worker } = await import('node:worker_threads');
    const { createCpuPool, prepareOrbits } = await import('../../sim/propagate/cpuFast.ts');
    const pool = createCpuPool({
      threads: 1,
      shared: true,
      label: 'broken worker',
      spawn() {
        const worker = new Worker('throw new Error("boom at start")', { eval: true });
        return {
          post: (message, transfer) => worker.postMessage(message, transfer),
          listen(_onReply, onError) {
            worker.on('error', onError);
          },
          hold() {},
          terminate: () => void worker.terminate(),
        };
      },
    });
    const table = createCheckTable(10, 1);
    await expect(pool.load(prepareOrbits(table, pool.allocate))).rejects.toThrow(/boom at start/);
    await expect(pool.load(prepareOrbits(table, pool.allocate))).rejects.toThrow(/boom at start/);
    pool.destroy();
  });
});
